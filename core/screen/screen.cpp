#include "core/screen/screen.hpp"

#include <algorithm>

#include "core/json/write.hpp"

#include "core/screen/plan.hpp"
#include "core/screen/state.hpp"
#include "core/screen/texts.hpp"

namespace meso {
namespace {

Json finding_json(const FindingResult& finding) {
    // Built key by key: initializer lists cost the wasm more code for the same object.
    Json out;
    out["id"] = finding.id;
    out["severity"] = to_string(finding.severity);
    out["text"] = finding.text;
    out["sources"] = finding.sources;
    if (!finding.until.empty()) out["until"] = finding.until;
    if (finding.earliest) out["earliest"] = finding.earliest->iso();
    return out;
}

// Option ids with their texts: a concern, an area or a question's own option.
Json options_json(const RuleSet& rules, const std::string& lang,
                  const std::map<std::string, std::vector<std::string>>& options) {
    Json out = Json::object();
    for (const auto& [question_id, ids] : options) {
        const Question* question = rules.question(question_id);
        Json list = Json::array();
        for (const std::string& id : ids) {
            std::string key;
            if (question->options_from == "concerns") {
                key = rules.concern(id)->text;
            } else if (question->options_from == "areas") {
                for (const Area& area : rules.areas) {
                    if (area.id == id) key = area.text;
                }
            } else {
                for (const Option& option : question->options) {
                    if (option.id == id) key = option.text;
                }
            }
            Json& entry = list.emplace_back();
            entry["id"] = id;
            entry["text"] = rules.text(lang, key);
        }
        out[question_id] = std::move(list);
    }
    return out;
}

Json question_texts_json(const QuestionTexts& texts) {
    Json entry;
    entry["text"] = texts.text;
    if (!texts.help.empty()) entry["help"] = texts.help;
    return entry;
}

Json progress_json(const RuleSet& rules, const ScreenResult& form) {
    std::size_t required = 0;
    for (const std::string& id : form.visible) required += rules.question(id)->required ? 1 : 0;
    Json out;
    out["answered"] = required - form.missing.size();
    out["required"] = required;
    return out;
}

// The ids of `from` that `without` lacks, in the order of `from`.
std::vector<std::string> minus(const std::vector<std::string>& from,
                               const std::vector<std::string>& without) {
    std::vector<std::string> out;
    for (const std::string& id : from)
        if (std::find(without.begin(), without.end(), id) == without.end()) out.push_back(id);
    return out;
}

// The entries of `after` that `before` lacks or holds otherwise.
template <class Value>
std::map<std::string, Value> changed_entries(const std::map<std::string, Value>& before,
                                             const std::map<std::string, Value>& after) {
    std::map<std::string, Value> out;
    for (const auto& [id, value] : after) {
        const auto was = before.find(id);
        if (was == before.end() || !(was->second == value)) out.emplace(id, value);
    }
    return out;
}

Json question_texts_json(const std::map<std::string, QuestionTexts>& texts) {
    Json out = Json::object();
    for (const auto& [id, question] : texts) out[id] = question_texts_json(question);
    return out;
}

}  // namespace

Json form_json(const RuleSet& rules, const ScreenInput& input, const ScreenResult& form) {
    Json out;
    out["status"] = meso::to_string(form.status);
    out["visible"] = form.visible;
    out["missing"] = form.missing;
    out["errors"] = errors_json(form.errors);
    out["question_texts"] = question_texts_json(form.question_texts);
    out["options"] = options_json(rules, detail::resolve_lang(rules, input.lang), form.options);
    out["progress"] = progress_json(rules, form);
    return out;
}

Json form_changes(const RuleSet& rules, const ScreenInput& input, const ScreenResult& before,
                  const ScreenResult& after) {
    Json out;
    out["status"] = meso::to_string(after.status);
    out["progress"] = progress_json(rules, after);
    out["shown"] = minus(after.visible, before.visible);
    out["hidden"] = minus(before.visible, after.visible);
    if (after.visible != before.visible) out["visible"] = after.visible;
    if (after.missing != before.missing) out["missing"] = after.missing;
    if (after.errors != before.errors) out["errors"] = errors_json(after.errors);
    const auto texts = changed_entries(before.question_texts, after.question_texts);
    if (!texts.empty()) out["question_texts"] = question_texts_json(texts);
    const auto options = changed_entries(before.options, after.options);
    if (!options.empty())
        out["options"] = options_json(rules, detail::resolve_lang(rules, input.lang), options);
    return out;
}

WordedQuestions word_questions(const RuleSet& rules, const ScreenInput& input) {
    WordedQuestions out{detail::resolve_lang(rules, input.lang), input.today, {}};
    const detail::TextParams params = detail::base_text_params(rules, input.today);
    for (const Question& question : rules.questions) {
        Errors errors;
        QuestionTexts worded = detail::question_texts(rules, out.lang, question, params, errors);
        if (errors.empty()) out.texts.emplace(question.id, std::move(worded));
    }
    return out;
}

ScreenResult screen(const RuleSet& rules, const ScreenInput& input, logic::Budget* budget,
                    const WordedQuestions* worded) {
    std::size_t evaluations = 0;
    logic::Budget own;
    const auto prepared = detail::prepared(rules);
    const bool same_words = worded && worded->today == input.today &&
                            worded->lang == detail::resolve_lang(rules, input.lang);
    return detail::assemble(rules, input,
                            detail::evaluate_all(rules, prepared->dependencies, input, evaluations,
                                                 budget ? *budget : own),
                            detail::Assembly::full, nullptr, same_words ? &worded->texts : nullptr);
}

Status screen_status(const RuleSet& rules, const ScreenInput& input) {
    std::size_t evaluations = 0;
    logic::Budget budget;
    const auto prepared = detail::prepared(rules);
    return detail::evaluation_status(
        rules, detail::evaluate_all(rules, prepared->dependencies, input, evaluations, budget));
}

Json ScreenResult::to_json(const RuleSet& rules, const ScreenInput& input, bool wording) const {
    const std::string lang = detail::resolve_lang(rules, input.lang);
    Json findings_out = Json::array();
    for (const FindingResult& finding : findings) findings_out.push_back(finding_json(finding));
    Json out;
    out["ruleset"]["id"] = rules.id;
    out["ruleset"]["version"] = rules.version;
    out["lang"] = lang;
    out["today"] = input.today.iso();
    out["status"] = meso::to_string(status);
    if (wording) {
        out["status_text"] = rules.text(lang, std::string("status.") + meso::to_string(status));
        out["disclaimer"] = rules.text(lang, "disclaimer");
    }
    out["visible"] = visible;
    if (wording) out["question_texts"] = question_texts_json(question_texts);
    out["missing"] = missing;
    out["errors"] = errors_json(errors);
    out["ignored"] = ignored;
    if (wording) out["options"] = options_json(rules, lang, options);
    out["findings"] = std::move(findings_out);
    out["earliest_start"] = earliest_start ? Json(earliest_start->iso()) : Json(nullptr);
    if (plan) out["plan"] = plan_json(rules, lang, *plan);
    return out;
}

}  // namespace meso
