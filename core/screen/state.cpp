#include "core/screen/state.hpp"

#include <algorithm>
#include <cmath>

#include "core/json/write.hpp"
#include "core/ruleset/keys.hpp"
#include "core/screen/answers.hpp"
#include "core/screen/plan.hpp"
#include "core/screen/status.hpp"
#include "core/screen/texts.hpp"

namespace meso::detail {
namespace {

bool plannable(Status status) {
    return status == Status::eligible || status == Status::consult || status == Status::postpone;
}

// Today, moved to the wished start date and past every waiting period; none when a postpone
// finding cannot say until when.
std::optional<Date> earliest_start(const ScreenInput& input, const Json& effective,
                                   const std::vector<FindingResult>& findings) {
    Date start = input.today;
    const auto wished = effective.find(start_date_key);
    if (wished != effective.end() && wished->is_string())
        if (const auto date = Date::parse(wished->get<std::string>()); date && *date > start)
            start = *date;
    for (const FindingResult& finding : findings) {
        if (finding.severity != Severity::postpone) continue;
        if (!finding.earliest) return std::nullopt;
        start = std::max(start, *finding.earliest);
    }
    return start;
}

// A date out of the engine's range in a finding's rule (a year-2199 typo pushing a wait past
// 2199-12-31) is shown on the date answers the finding reads, where the patient can correct it
// (rules/DOMAIN.md); any other evaluation error stays the rule's.
Errors finding_error_on_answers(const RuleSet& rules, const std::string& lang,
                                const ScreenInput& input, const Evaluation& evaluation,
                                std::size_t finding, const Error& error) {
    Errors out;
    if (error.code == "logic.date_range") {
        const auto& reads = prepared(rules)->dependencies.finding_reads[finding];
        for (std::size_t q = 0; q < rules.questions.size(); ++q) {
            const Question& question = rules.questions[q];
            if (question.type != QuestionType::date || !reads.count(question.id) ||
                !evaluation.questions[q].value)
                continue;
            out.push_back(localized_answer_error(
                rules, lang, question, input.today,
                Error{"answers.date_range", pointer_append("", question.id),
                      "this date puts a wait outside the dates the engine handles (" +
                          error.message + ", at " + error.path + ")"}));
        }
    }
    if (out.empty()) out.push_back(error);
    return out;
}

}  // namespace

logic::EvalContext eval_context(const ScreenInput& input, logic::Budget* budget) {
    return logic::EvalContext{input.today.iso(), budget};
}

bool evaluate_visibility(const Question& question, const Json& data,
                         const logic::EvalContext& context, Errors& rule_errors,
                         std::size_t& evaluations) {
    rule_errors.clear();
    if (!question.enable_when) return true;
    ++evaluations;
    const Result<Json> shown = question.enable_when->evaluate(data, context);
    if (!shown) {
        rule_errors = shown.errors();
        return true;  // fail closed: ask rather than silently skip
    }
    return logic::truthy(*shown);
}

void evaluate_answer(const RuleSet& rules, const Question& question, const Json& answers,
                     const Json& effective, Date today, QuestionState& state) {
    state.value.reset();
    state.answer_errors.clear();
    const Json* raw = nullptr;
    if (answers.is_object())
        if (const auto it = answers.find(question.id); it != answers.end()) raw = &*it;
    state.answered = raw && !raw->is_null();
    if (!state.visible || !state.answered) return;
    AnswerCheck check = check_answer(rules, question, *raw, effective, today);
    state.value = std::move(check.value);
    state.answer_errors = std::move(check.errors);
}

void evaluate_finding(const Finding& finding, const Json& effective,
                      const logic::EvalContext& context, Date today, FindingState& state,
                      std::size_t& evaluations) {
    state = FindingState{};
    ++evaluations;
    const Result<Json> applies = finding.when.evaluate(effective, context);
    if (!applies) {
        state.errors = applies.errors();
        return;
    }
    if (!logic::truthy(*applies)) return;
    state.fires = true;
    if (finding.severity != Severity::postpone || !finding.earliest) return;
    ++evaluations;
    const Result<Json> earliest = finding.earliest->evaluate(effective, context);
    if (!earliest) {
        state.errors = earliest.errors();
        return;
    }
    if (!earliest->is_string()) return;
    // A waiting period already over still applies (the patient said so), from today.
    if (const auto date = Date::parse(earliest->get<std::string>()))
        state.earliest = std::max(*date, today);
}

Json effective_before(const RuleSet& rules, const Dependencies& dependencies,
                      const Evaluation& evaluation, std::size_t position) {
    Json out = Json::object();
    for (std::size_t p = 0; p < position && p < dependencies.order.size(); ++p) {
        const std::size_t i = dependencies.order[p];
        if (evaluation.questions[i].value)
            out[rules.questions[i].id] = *evaluation.questions[i].value;
    }
    return out;
}

Evaluation evaluate_all(const RuleSet& rules, const Dependencies& dependencies,
                        const ScreenInput& input, std::size_t& evaluations, logic::Budget& budget) {
    Evaluation out;
    out.key_errors = check_answer_keys(rules, input.answers);
    out.questions.resize(rules.questions.size());
    out.findings.resize(rules.findings.size());
    const logic::EvalContext context = eval_context(input, &budget);
    for (const std::size_t i : dependencies.order) {
        const Question& question = rules.questions[i];
        QuestionState& state = out.questions[i];
        state.visible =
            evaluate_visibility(question, out.effective, context, state.rule_errors, evaluations);
        evaluate_answer(rules, question, input.answers, out.effective, input.today, state);
        if (state.value) out.effective[question.id] = *state.value;
    }
    for (std::size_t i = 0; i < rules.findings.size(); ++i)
        evaluate_finding(rules.findings[i], out.effective, context, input.today, out.findings[i],
                         evaluations);
    return out;
}

namespace {

const QuestionTexts* known_texts(const QuestionTextCache* cache, const std::string& id) {
    if (!cache) return nullptr;
    const auto found = cache->find(id);
    return found == cache->end() ? nullptr : &found->second;
}

}  // namespace

ScreenResult assemble(const RuleSet& rules, const ScreenInput& input, const Evaluation& evaluation,
                      Assembly assembly, QuestionTextCache* texts,
                      const QuestionTextCache* worded) {
    ScreenResult result;
    const std::string lang = resolve_lang(rules, input.lang);
    const TextParams params = base_text_params(rules, input.today);
    Errors param_errors;  // a question's parameter that cannot be evaluated
    result.errors = evaluation.key_errors;
    for (std::size_t i = 0; i < rules.questions.size(); ++i) {
        const Question& question = rules.questions[i];
        const QuestionState& state = evaluation.questions[i];
        result.errors.insert(result.errors.end(), state.rule_errors.begin(),
                             state.rule_errors.end());
        if (!state.visible) {
            if (state.answered) result.ignored.push_back(question.id);
            continue;
        }
        result.visible.push_back(question.id);
        const QuestionTexts* known = known_texts(worded, question.id);
        if (!known) known = known_texts(texts, question.id);
        if (known) {
            result.question_texts[question.id] = *known;
        } else {
            const std::size_t errors_before = param_errors.size();
            QuestionTexts fresh = question_texts(rules, lang, question, params, param_errors);
            // A text whose parameter failed is worked out (and reported) again next time.
            if (texts && param_errors.size() == errors_before) texts->emplace(question.id, fresh);
            result.question_texts[question.id] = std::move(fresh);
        }
        if (question.type == QuestionType::single || question.type == QuestionType::multiple) {
            result.options[question.id] = offered_options(rules, question, evaluation.effective);
        }
        for (const Error& error : state.answer_errors)
            result.errors.push_back(
                localized_answer_error(rules, lang, question, input.today, error));
        if (question.required && !state.value) result.missing.push_back(question.id);
    }
    result.errors.insert(result.errors.end(), param_errors.begin(), param_errors.end());
    for (std::size_t i = 0; i < rules.findings.size(); ++i) {
        const Finding& finding = rules.findings[i];
        const FindingState& state = evaluation.findings[i];
        for (const Error& error : state.errors)
            for (Error& shown : finding_error_on_answers(rules, lang, input, evaluation, i, error))
                result.errors.push_back(std::move(shown));
        if (!state.fires || assembly == Assembly::form) continue;
        TextParams own = params;
        if (state.earliest) own["earliest"] = state.earliest->iso();
        result.findings.push_back(FindingResult{
            finding.id, finding.severity, rules.text(lang, finding.text, own),
            finding.until.empty() ? std::string() : rules.text(lang, finding.until, own),
            state.earliest, finding.sources});
    }
    result.status = evaluation_status(rules, evaluation);
    // A question whose own text cannot be worked out is not one to answer on.
    if (!param_errors.empty()) result.status = Status::incomplete;
    if (!plannable(result.status) || assembly == Assembly::form) return result;
    result.earliest_start = earliest_start(input, evaluation.effective, result.findings);
    result.plan =
        build_plan(rules, lang,
                   PlanRequest{chosen_concerns(rules, evaluation.effective),
                               chosen_areas(rules, evaluation.effective), result.earliest_start,
                               input.today, result.status == Status::consult});
    return result;
}

Status evaluation_status(const RuleSet& rules, const Evaluation& evaluation) {
    bool incomplete = !evaluation.key_errors.empty();
    for (std::size_t i = 0; i < rules.questions.size() && !incomplete; ++i) {
        const QuestionState& state = evaluation.questions[i];
        incomplete = !state.rule_errors.empty() ||
                     (state.visible && (!state.answer_errors.empty() ||
                                        (rules.questions[i].required && !state.value)));
    }
    Status status = Status::eligible;
    for (std::size_t i = 0; i < rules.findings.size() && !incomplete; ++i) {
        const FindingState& state = evaluation.findings[i];
        incomplete = !state.errors.empty();
        if (state.fires) status = std::max(status, status_of(rules.findings[i].severity));
    }
    return incomplete ? Status::incomplete : status;
}

}  // namespace meso::detail
