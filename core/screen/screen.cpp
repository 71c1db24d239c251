#include "core/screen/screen.hpp"

#include "core/json/write.hpp"

#include "core/screen/plan.hpp"
#include "core/screen/state.hpp"

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

}  // namespace

ScreenResult screen(const RuleSet& rules, const ScreenInput& input, logic::Budget* budget) {
    std::size_t evaluations = 0;
    logic::Budget own;
    const auto prepared = detail::prepared(rules);
    return detail::assemble(rules, input,
                            detail::evaluate_all(rules, prepared->dependencies, input, evaluations,
                                                 budget ? *budget : own));
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
    if (wording) {
        Json texts = Json::object();
        for (const auto& [id, question] : question_texts) {
            Json& entry = texts[id];
            entry["text"] = question.text;
            if (!question.help.empty()) entry["help"] = question.help;
        }
        out["question_texts"] = std::move(texts);
    }
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
