// The pieces of a screening that screen() computes in one pass and Session keeps between
// changes: per-question and per-finding state, the order questions are evaluated in, and the
// assembly of a ScreenResult from that state. Both faces share these steps, which is what makes
// their results identical.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/date.hpp"
#include "core/base/error.hpp"
#include "core/logic/program.hpp"
#include "core/ruleset/prepared.hpp"
#include "core/ruleset/ruleset.hpp"
#include "core/screen/screen.hpp"

namespace meso::detail {

struct QuestionState {
    bool visible = false;
    bool answered = false;      // the answers hold a non-null value for it
    std::optional<Json> value;  // the valid value rules see; only while visible
    Errors rule_errors;         // enableWhen could not be evaluated (the question stays shown)
    Errors answer_errors;       // only while visible
};

struct FindingState {
    bool fires = false;
    std::optional<Date> earliest;  // postpone findings: the computed date, never before today
    Errors errors;                 // `when` or `earliest` could not be evaluated
};

struct Evaluation {
    Errors key_errors;                     // the answers object itself, unknown keys
    std::vector<QuestionState> questions;  // indexed like RuleSet::questions
    std::vector<FindingState> findings;    // indexed like RuleSet::findings
    Json effective = Json::object();       // valid answers of visible questions
};

// `budget` is shared by every evaluation of the call (see logic::Limits::max_steps).
logic::EvalContext eval_context(const ScreenInput& input, logic::Budget* budget = nullptr);

// The visibility of `question` given `data`; counts the evaluation it makes.
bool evaluate_visibility(const Question& question, const Json& data,
                         const logic::EvalContext& context, Errors& rule_errors,
                         std::size_t& evaluations);

// Reads the raw answer of a question whose visibility is known (state.visible); `today` places
// the bounds of date questions.
void evaluate_answer(const RuleSet& rules, const Question& question, const Json& answers,
                     const Json& effective, Date today, QuestionState& state);

void evaluate_finding(const Finding& finding, const Json& effective,
                      const logic::EvalContext& context, Date today, FindingState& state,
                      std::size_t& evaluations);

// The valid answers of the questions before position `position` of `order`.
Json effective_before(const RuleSet& rules, const Dependencies& dependencies,
                      const Evaluation& evaluation, std::size_t position);

// Everything, from scratch.
Evaluation evaluate_all(const RuleSet& rules, const Dependencies& dependencies,
                        const ScreenInput& input, std::size_t& evaluations, logic::Budget& budget);

// How much of a ScreenResult to build: `form` is what a form needs after each answer (status,
// visible, missing, errors, question_texts, options, ignored), without the findings' texts and the
// plan, which only the result view reads.
enum class Assembly { full, form };

// Question texts already worked out, by question id: they depend on the rule set, the language
// and the day, never on the answers (texts.hpp), so a session keeps them while those stay.
using QuestionTextCache = std::map<std::string, QuestionTexts>;

// `texts`: a session's cache, which assemble() fills; `worded`: texts worked out before for the
// input's language and day (screen() checks that), which it only reads.
ScreenResult assemble(const RuleSet& rules, const ScreenInput& input, const Evaluation& evaluation,
                      Assembly assembly = Assembly::full, QuestionTextCache* texts = nullptr,
                      const QuestionTextCache* worded = nullptr);

// Errors or missing answers give `incomplete` whatever the findings; otherwise the most severe
// finding wins (ineligible > postpone > consult), and no finding at all gives `eligible`.
// assemble() and screen_status() both take it from here, without resolving a text.
Status evaluation_status(const RuleSet& rules, const Evaluation& evaluation);

}  // namespace meso::detail
