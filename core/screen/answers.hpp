// Reading the patient's answers: which keys exist, which values fit their question, and which
// options a question offers given the answers so far. Nothing here evaluates a rule.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/error.hpp"
#include "core/ruleset/ruleset.hpp"

namespace meso {

// Problems with the answers object as a whole: not an object (one error at ""), or keys that are
// not question ids (answers.unknown_key, one per key, in key order). Null values are skipped:
// null means "unanswered" everywhere.
Errors check_answer_keys(const RuleSet& rules, const Json& answers);

// The option ids a single/multiple question offers. `effective` holds the valid answers of the
// visible questions; "areas" questions offer the areas of the chosen concerns, in area order.
std::vector<std::string> offered_options(const RuleSet& rules, const Question& question,
                                         const Json& effective);

// The concerns chosen in `effective` (the answer to the question whose options are the
// concerns), in the rule set's concern order.
std::vector<std::string> chosen_concerns(const RuleSet& rules, const Json& effective);

struct AnswerCheck {
    std::optional<Json> value;  // the value rules see (18.0 becomes 18); absent when unusable
    Errors errors;              // paths are JSON Pointers into the answers object
};

// Checks one non-null answer against its question. An answer with errors is unusable, except an
// area that is no longer offered, which is dropped from the value (answers.not_offered).
AnswerCheck check_answer(const RuleSet& rules, const Question& question, const Json& value,
                         const Json& effective);

// The areas chosen in `effective` (the answer to the "areas" question), in area order.
std::vector<std::string> chosen_areas(const RuleSet& rules, const Json& effective);

}  // namespace meso
