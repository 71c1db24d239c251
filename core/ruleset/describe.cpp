#include "core/ruleset/describe.hpp"

#include "core/ruleset/keys.hpp"

namespace meso {
namespace {

using Json = nlohmann::json;

}  // namespace

Json describe_ruleset(const RuleSet& rules, std::string_view lang) {
    Json steps = Json::array();
    for (const Step& s : rules.steps) {
        Json& step = steps.emplace_back();
        step["id"] = s.id;
        step["title"] = rules.text(lang, s.title);
    }

    Json questions = Json::array();
    for (const Question& q : rules.questions) {
        Json& j = questions.emplace_back();
        j["id"] = q.id;
        j["type"] = to_string(q.type);
        j["step"] = q.step;
        j["required"] = q.required;
        j["text"] = rules.text(lang, q.text);
        if (!q.help.empty()) j["help"] = rules.text(lang, q.help);
        if (q.min) j["min"] = *q.min;
        if (q.max) j["max"] = *q.max;
        // Date bounds in days from today; the texts of a question with parameters (a date
        // computed from today) are the result's question_texts, not these.
        if (q.min_days) j["min_days"] = *q.min_days;
        if (q.max_days) j["max_days"] = *q.max_days;
    }

    Json settings = Json::object();
    for (const auto& [id, setting] : rules.settings) settings[id] = setting.value;

    Json sources = Json::object();
    for (const auto& [id, source] : rules.sources) {
        Json& j = sources[id];
        j["title"] = source.title;
        if (!source.lang.empty()) j["lang"] = source.lang;
    }

    Json texts = Json::object();
    for (const std::string& key : engine_text_keys()) texts[key] = rules.text(lang, key);

    Json out;
    out["id"] = rules.id;
    out["version"] = rules.version;
    out["languages"] = rules.languages;
    out["default_language"] = rules.default_language;
    out["lang"] = lang;
    out["steps"] = std::move(steps);
    out["questions"] = std::move(questions);
    out["settings"] = std::move(settings);
    out["sources"] = std::move(sources);
    out["texts"] = std::move(texts);
    return out;
}

}  // namespace meso
