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

#include "core/date.hpp"
#include "core/error.hpp"
#include "core/logic/program.hpp"
#include "core/ruleset.hpp"
#include "core/screen.hpp"

namespace meso::detail {

struct QuestionState {
    bool visible = false;
    bool answered = false;       // the answers hold a non-null value for it
    std::optional<Json> value;   // the valid value rules see; only while visible
    Errors rule_errors;          // enableWhen could not be evaluated (the question stays shown)
    Errors answer_errors;        // only while visible
};

struct FindingState {
    bool fires = false;
    std::optional<Date> earliest;  // postpone findings: the computed date, never before today
    Errors errors;                 // `when` or `earliest` could not be evaluated
};

// What the conditions read, worked out once per rule set.
struct Dependencies {
    std::vector<std::size_t> order;              // question indices, dependencies first
    std::vector<std::set<std::string>> question_reads;  // enableWhen roots (+ concerns for areas)
    // reads keys not known before evaluation (char, not bool: vector<bool>'s bit code costs the
    // wasm 1.4 KB gzip)
    std::vector<char> question_dynamic;
    std::vector<std::set<std::string>> finding_reads;
    std::vector<char> finding_dynamic;
};

struct Evaluation {
    Errors key_errors;  // the answers object itself, unknown keys
    std::vector<QuestionState> questions;  // indexed like RuleSet::questions
    std::vector<FindingState> findings;    // indexed like RuleSet::findings
    Json effective = Json::object();       // valid answers of visible questions
};

Dependencies analyse(const RuleSet& rules);

// Everything about a rule set that does not depend on the answers.
struct Prepared {
    Dependencies dependencies;
    std::map<std::string, std::string> text_params;  // see text_params()
    // Question ids in byte order with their index, for RuleSet::question(): every answer key of
    // every screening is looked up.
    std::vector<std::pair<std::string, std::size_t>> question_index;
};

std::shared_ptr<const Prepared> prepare(const RuleSet& rules);

// The rule set's own Prepared, or one made now for a rule set built by hand.
std::shared_ptr<const Prepared> prepared(const RuleSet& rules);

logic::EvalContext eval_context(const ScreenInput& input);

// The visibility of `question` given `data`; counts the evaluation it makes.
bool evaluate_visibility(const Question& question, const Json& data,
                         const logic::EvalContext& context, Errors& rule_errors,
                         std::size_t& evaluations);

// Reads the raw answer of a question whose visibility is known (state.visible).
void evaluate_answer(const RuleSet& rules, const Question& question, const Json& answers,
                     const Json& effective, QuestionState& state);

void evaluate_finding(const Finding& finding, const Json& effective,
                      const logic::EvalContext& context, Date today, FindingState& state,
                      std::size_t& evaluations);

// The valid answers of the questions before position `position` of `order`.
Json effective_before(const RuleSet& rules, const Dependencies& dependencies,
                      const Evaluation& evaluation, std::size_t position);

// Everything, from scratch.
Evaluation evaluate_all(const RuleSet& rules, const Dependencies& dependencies,
                        const ScreenInput& input, std::size_t& evaluations);

ScreenResult assemble(const RuleSet& rules, const ScreenInput& input,
                      const Evaluation& evaluation);

// Errors or missing answers give `incomplete` whatever the findings; otherwise the most severe
// finding wins (ineligible > postpone > consult), and no finding at all gives `eligible`.
// assemble() and screen_status() both take it from here, without resolving a text.
Status evaluation_status(const RuleSet& rules, const Evaluation& evaluation);

// The language texts are resolved in: the requested one when the rule set has it.
std::string resolve_lang(const RuleSet& rules, const std::string& lang);

// Placeholders every text may use: {setting.<id>} for each setting.
std::map<std::string, std::string> text_params(const RuleSet& rules);

// A number as JSON: integral values as integers, so output reads the same everywhere.
Json number_json(double value);

}  // namespace meso::detail
