// Course planning: one plan for every chosen concern, since one visit treats them all.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/date.hpp"
#include "core/ruleset/ruleset.hpp"
#include "core/screen/screen.hpp"

namespace meso {

// What a plan is made for.
struct PlanRequest {
    std::vector<std::string> concerns;  // rule set order
    std::vector<std::string> areas;
    std::optional<Date> start;  // the earliest start; no dates when absent
    Date today = Date::from_days(0);
    bool provisional = false;  // a consult: the dates hold if the doctor agrees
};

// The plan for the chosen concerns treated on the chosen areas (rules/DOMAIN.md, "Planning the
// course"). None when no concern has a course; concerns marked needs_doctor get none and are
// listed in doctor_only. Texts are resolved in `lang`; preparation, aftercare, facts and notes
// keep only those for a chosen concern or area.
//
// Each figure lists what every source of every course used says (each range once) and spans
// their envelope; a bound no source gives is none. The schedule uses the most sessions any
// course plans and the shortest interval any course plans, from the later of `start` and today
// + first_session_lead_days, on open_weekdays, never on closed_dates. A number in the clinic
// setting `session_minutes` replaces the planned length. `price_per_session` (a number above 0)
// adds the cost, in the setting `currency`.
std::optional<PlanResult> build_plan(const RuleSet& rules, const std::string& lang,
                                     const PlanRequest& request);

// The "plan" object of the CLI output contract (rules/DOMAIN.md).
Json plan_json(const RuleSet& rules, const std::string& lang, const PlanResult& plan);

}  // namespace meso
