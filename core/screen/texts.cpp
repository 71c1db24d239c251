#include "core/screen/texts.hpp"

#include "core/ruleset/prepared.hpp"
#include "core/ruleset/scan.hpp"
#include "core/screen/answers.hpp"

namespace meso::detail {

TextParams base_text_params(const RuleSet& rules, Date today) {
    TextParams params = prepared(rules)->text_params;
    params["today"] = today.iso();
    return params;
}

QuestionTexts question_texts(const RuleSet& rules, const std::string& lang,
                             const Question& question, const TextParams& base, Errors& errors) {
    TextParams params = base;
    if (!question.params.empty()) {
        const logic::EvalContext context{base.at("today")};
        const Json nothing = Json::object();
        for (const auto& [name, program] : question.params) {
            const Result<Json> value = program.evaluate(nothing, context);
            if (!value) {
                errors.insert(errors.end(), value.errors().begin(), value.errors().end());
                continue;
            }
            // A parameter that is no value (null) stays unfilled, and shows as written.
            if (value->is_string()) params[name] = value->get<std::string>();
            else if (!value->is_null()) params[name] = rules_detail::plain_text(*value);
        }
    }
    QuestionTexts out;
    out.text = rules.text(lang, question.text, params);
    if (!question.help.empty()) out.help = rules.text(lang, question.help, params);
    return out;
}

Error localized_answer_error(const RuleSet& rules, const std::string& lang,
                             const Question& question, Date today, Error error) {
    constexpr std::string_view prefix = "answers.";
    if (!error.code.starts_with(prefix)) return error;
    const std::string key = "answer." + error.code.substr(prefix.size());
    const auto table = rules.locales.find(lang);
    if (table == rules.locales.end() || !table->second.contains(key)) return error;
    TextParams params;
    if (question.type == QuestionType::date) {
        if (const auto first = earliest_answer(question, today)) params["min"] = first->iso();
        if (const auto last = latest_answer(question, today)) params["max"] = last->iso();
    } else {
        if (question.min) params["min"] = std::to_string(*question.min);
        if (question.max) params["max"] = std::to_string(*question.max);
    }
    error.message = rules.text(lang, key, params);
    return error;
}

}  // namespace meso::detail
