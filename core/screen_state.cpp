#include "core/screen_state.hpp"

#include <algorithm>
#include <cmath>

#include "core/answers.hpp"
#include "core/json_write.hpp"
#include "core/plan.hpp"
#include "core/status.hpp"

namespace meso::detail {
namespace {

// A rule that names its variables at run time (or reads the whole data) may read any answer.
bool reads_anything(const logic::Program& program) {
    return program.has_dynamic_variables() || program.roots().count("") > 0;
}

void add_reads(const logic::Program& program, std::set<std::string>& reads, bool& dynamic) {
    reads.insert(program.roots().begin(), program.roots().end());
    dynamic = dynamic || reads_anything(program);
}

// Questions in asking order, except that a question comes after every question it reads; the
// loader rejects cycles, and should one slip through the asking order decides.
std::vector<std::size_t> evaluation_order(const RuleSet& rules,
                                          const std::vector<std::set<std::string>>& reads) {
    const std::size_t n = rules.questions.size();
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < n; ++i) index.emplace(rules.questions[i].id, i);
    std::vector<char> placed(n, false);
    std::vector<std::size_t> order;
    while (order.size() < n) {
        std::size_t next = n;
        for (std::size_t i = 0; i < n && next == n; ++i) {
            if (placed[i]) continue;
            const bool ready = std::all_of(reads[i].begin(), reads[i].end(), [&](const auto& key) {
                const auto it = index.find(key);
                return it == index.end() || it->second == i || placed[it->second];
            });
            if (ready) next = i;
        }
        if (next == n) next = static_cast<std::size_t>(
            std::find(placed.begin(), placed.end(), false) - placed.begin());
        placed[next] = true;
        order.push_back(next);
    }
    return order;
}

std::string format_setting(const Json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_null()) return "";
    if (value.is_number()) return write_json(number_json(value.get<double>()));
    return write_json(value);
}

bool plannable(Status status) {
    return status == Status::eligible || status == Status::consult || status == Status::postpone;
}

// Today, moved to the wished start date and past every waiting period; none when a postpone
// finding cannot say until when.
std::optional<Date> earliest_start(const ScreenInput& input, const Json& effective,
                                   const std::vector<FindingResult>& findings) {
    Date start = input.today;
    const auto wished = effective.find("start_date");
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

}  // namespace

Dependencies analyse(const RuleSet& rules) {
    Dependencies out;
    const std::string concerns_key = concerns_question_id(rules);
    for (const Question& question : rules.questions) {
        std::set<std::string> reads;
        bool dynamic = false;
        if (question.enable_when) add_reads(*question.enable_when, reads, dynamic);
        if (question.options_from == "areas" && !concerns_key.empty()) reads.insert(concerns_key);
        out.question_reads.push_back(std::move(reads));
        out.question_dynamic.push_back(dynamic);
    }
    for (const Finding& finding : rules.findings) {
        std::set<std::string> reads;
        bool dynamic = false;
        add_reads(finding.when, reads, dynamic);
        if (finding.earliest) add_reads(*finding.earliest, reads, dynamic);
        out.finding_reads.push_back(std::move(reads));
        out.finding_dynamic.push_back(dynamic);
    }
    out.order = evaluation_order(rules, out.question_reads);
    return out;
}

std::shared_ptr<const Prepared> prepare(const RuleSet& rules) {
    Prepared out{analyse(rules), text_params(rules), {}};
    for (std::size_t i = 0; i < rules.questions.size(); ++i)
        out.question_index.emplace_back(rules.questions[i].id, i);
    std::sort(out.question_index.begin(), out.question_index.end());
    return std::make_shared<const Prepared>(std::move(out));
}

std::shared_ptr<const Prepared> prepared(const RuleSet& rules) {
    return rules.prepared ? rules.prepared : prepare(rules);
}

logic::EvalContext eval_context(const ScreenInput& input) {
    return logic::EvalContext{input.today.iso()};
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
                     const Json& effective, QuestionState& state) {
    state.value.reset();
    state.answer_errors.clear();
    const Json* raw = nullptr;
    if (answers.is_object())
        if (const auto it = answers.find(question.id); it != answers.end()) raw = &*it;
    state.answered = raw && !raw->is_null();
    if (!state.visible || !state.answered) return;
    AnswerCheck check = check_answer(rules, question, *raw, effective);
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
                        const ScreenInput& input, std::size_t& evaluations) {
    Evaluation out;
    out.key_errors = check_answer_keys(rules, input.answers);
    out.questions.resize(rules.questions.size());
    out.findings.resize(rules.findings.size());
    const logic::EvalContext context = eval_context(input);
    for (const std::size_t i : dependencies.order) {
        const Question& question = rules.questions[i];
        QuestionState& state = out.questions[i];
        state.visible =
            evaluate_visibility(question, out.effective, context, state.rule_errors, evaluations);
        evaluate_answer(rules, question, input.answers, out.effective, state);
        if (state.value) out.effective[question.id] = *state.value;
    }
    for (std::size_t i = 0; i < rules.findings.size(); ++i)
        evaluate_finding(rules.findings[i], out.effective, context, input.today, out.findings[i],
                         evaluations);
    return out;
}

ScreenResult assemble(const RuleSet& rules, const ScreenInput& input,
                      const Evaluation& evaluation) {
    ScreenResult result;
    const std::string lang = resolve_lang(rules, input.lang);
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
        if (question.type == QuestionType::single || question.type == QuestionType::multiple) {
            result.options[question.id] = offered_options(rules, question, evaluation.effective);
        }
        result.errors.insert(result.errors.end(), state.answer_errors.begin(),
                             state.answer_errors.end());
        if (question.required && !state.value) result.missing.push_back(question.id);
    }
    const std::shared_ptr<const Prepared> prepared_rules = prepared(rules);
    const std::map<std::string, std::string>& params = prepared_rules->text_params;
    for (std::size_t i = 0; i < rules.findings.size(); ++i) {
        const Finding& finding = rules.findings[i];
        const FindingState& state = evaluation.findings[i];
        result.errors.insert(result.errors.end(), state.errors.begin(), state.errors.end());
        if (!state.fires) continue;
        std::map<std::string, std::string> own = params;
        if (state.earliest) own["earliest"] = state.earliest->iso();
        result.findings.push_back(FindingResult{
            finding.id, finding.severity, rules.text(lang, finding.text, own),
            finding.until.empty() ? std::string() : rules.text(lang, finding.until, own),
            state.earliest, finding.sources});
    }
    result.status = evaluation_status(rules, evaluation);
    if (!plannable(result.status)) return result;
    result.earliest_start = earliest_start(input, evaluation.effective, result.findings);
    result.plan = build_plan(rules, lang, chosen_concerns(rules, evaluation.effective),
                             chosen_areas(rules, evaluation.effective), result.earliest_start);
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

std::string resolve_lang(const RuleSet& rules, const std::string& lang) {
    const auto& languages = rules.languages;
    if (std::find(languages.begin(), languages.end(), lang) != languages.end()) return lang;
    return rules.default_language;
}

std::map<std::string, std::string> text_params(const RuleSet& rules) {
    std::map<std::string, std::string> params;
    for (const auto& [id, setting] : rules.settings)
        params["setting." + id] = format_setting(setting.value);
    return params;
}

Json number_json(double value) {
    if (!std::isfinite(value)) return nullptr;
    if (std::floor(value) == value && std::fabs(value) <= 9007199254740992.0)
        return static_cast<std::int64_t>(value);
    return value;
}

}  // namespace meso::detail
