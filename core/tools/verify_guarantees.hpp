// What `mesoscreen verify` proves of every rule set besides the rule set's own invariants: the
// guarantees of rules/DOMAIN.md version 2 that the engine and the rule set must keep together.
// Each is checked natively on every screening the verifier makes (its answers and its result),
// and a violation is reported, shrunk, like an invariant's, under the guarantee's id.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/ruleset/ruleset.hpp"
#include "core/screen/screen.hpp"

namespace meso::verify_detail {

struct Guarantee {
    const char* id;
    // True when the screening of `input` that gave `result` keeps the guarantee.
    bool (*holds)(const RuleSet& rules, const ScreenInput& input, const ScreenResult& result);
};

// engine.exposure_wait   an exposure question (a boolean or single-choice question whose texts
//                        state its window with the parameter `since`, the first day of the wait)
//                        answered yes (true, or any choice but "no") is never eligible while its
//                        wait lasts: with no date, or with a date on or after `since` in a date
//                        question it shows (one whose enableWhen reads it), the status is not
//                        eligible and the start is no earlier than that date + (today − since) + 1.
// engine.exposure_date   a date answer to such a follow-up question after today (a drink
//                        tomorrow) never gives a verdict, unless the question allows future days
//                        with "max_days" above 0 (the expected end of a course).
// engine.date_bounds     a date answer outside its question's min_days/max_days never gives a
//                        verdict.
// engine.plan_dates      the plan's dates: none before earliest_start or before today + the
//                        lead time, none on a closed weekday or closed date, none after
//                        2199-12-31, no two closer than the interval's minimum.
const std::vector<Guarantee>& guarantees();

// The dates a date question's bounds and the exposure windows make worth trying, as offsets
// from today: each bound and the day beyond it (the engine's first or last day where a side has
// no bound), each `since` and the day before it.
std::vector<std::int64_t> guarantee_date_offsets(const RuleSet& rules, const Question& question,
                                                 Date today);

}  // namespace meso::verify_detail
