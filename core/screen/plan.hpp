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

// The plan for `concerns` (rule set order) treated on `areas`, starting on `start` (no dates when
// absent). None when no concern has a course. Texts are resolved in `lang`.
//
// Each figure lists what every source of every course used says (each range once) and spans
// their envelope. The schedule uses the most sessions any course plans and the shortest interval
// any course plans; a number in the clinic setting `session_minutes` replaces the planned length.
// `price_per_session` (a number above 0) adds the cost, in the setting `currency`.
std::optional<PlanResult> build_plan(const RuleSet& rules, const std::string& lang,
                                     const std::vector<std::string>& concerns,
                                     const std::vector<std::string>& areas,
                                     std::optional<Date> start);

// The "plan" object of the CLI output contract (rules/DOMAIN.md).
Json plan_json(const RuleSet& rules, const std::string& lang, const PlanResult& plan);

}  // namespace meso
