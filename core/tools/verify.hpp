// `mesoscreen verify`: checks a rule set's safety invariants over every answer combination the
// rules can tell apart. What "every" means, and what it assumes, is stated in verify.cpp.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/date.hpp"
#include "core/base/error.hpp"
#include "core/ruleset/ruleset.hpp"

namespace meso {

struct VerifyOptions {
    Date today = Date::from_days(0);
    std::size_t max_combinations = 50'000'000;  // screenings; beyond it the search stops
    // Logic steps of every screening and invariant together (logic::Limits::max_steps is one
    // screening's): about a minute natively. Beyond it: verify.too_large.
    std::size_t max_steps = 3'000'000'000;
    unsigned threads = 2;  // 0 or 1: everything on the calling thread
    // Told the screenings made so far as the proof goes (after each group is explored, then
    // after each batch), on the calling thread: for a page that shows a proof of a minute
    // moving. Empty: nothing is told.
    std::function<void(std::size_t screenings)> progress;
};

// The smallest answers found that break one invariant: the fewest answered keys, found by
// dropping answers one at a time while the invariant still fails.
struct Counterexample {
    std::string invariant;
    Json answers;  // what to feed `mesoscreen screen` to see it
    Json result;   // the screening result the invariant was evaluated on
};

struct VerifyReport {
    std::size_t combinations = 0;            // screen() calls made
    std::size_t groups = 0;                  // independent question groups
    std::size_t group_answers = 0;           // answer combinations enumerated inside the groups
    std::vector<std::string> invariants;     // ids checked
    std::vector<Counterexample> violations;  // one per violated invariant, in invariant order
    bool complete = true;  // false when max_combinations cut the search: then it proves nothing
    Errors errors;         // the verifier itself failed (then `complete` is false)

    bool proved() const { return complete && errors.empty() && violations.empty(); }
    // {"proved", "complete", "combinations", "groups", "group_answers", "invariants",
    //  "violations": [{"invariant", "answers", "result"}], "errors": [{"code","path","message"}]}
    Json to_json() const;
};

VerifyReport verify_ruleset(const RuleSet& rules, const VerifyOptions& options);

}  // namespace meso
