#include "core/describe.hpp"

#include "core/ruleset_keys.hpp"

namespace meso {
namespace {

using Json = nlohmann::json;

}  // namespace

Json describe_ruleset(const RuleSet& rules, std::string_view lang) {
    Json steps = Json::array();
    for (const Step& s : rules.steps) steps.push_back({{"id", s.id}, {"title", rules.text(lang, s.title)}});

    Json questions = Json::array();
    for (const Question& q : rules.questions) {
        Json j = {{"id", q.id},
                  {"type", to_string(q.type)},
                  {"step", q.step},
                  {"required", q.required},
                  {"text", rules.text(lang, q.text)}};
        if (!q.help.empty()) j["help"] = rules.text(lang, q.help);
        if (q.min) j["min"] = *q.min;
        if (q.max) j["max"] = *q.max;
        questions.push_back(std::move(j));
    }

    Json settings = Json::object();
    for (const auto& [id, setting] : rules.settings) settings[id] = setting.value;

    Json sources = Json::object();
    for (const auto& [id, source] : rules.sources) {
        sources[id] = {{"file", source.file}, {"title", source.title}};
    }

    Json texts = Json::object();
    for (const std::string& key : engine_text_keys()) texts[key] = rules.text(lang, key);

    return {{"id", rules.id},
            {"version", rules.version},
            {"languages", rules.languages},
            {"default_language", rules.default_language},
            {"lang", lang},
            {"steps", std::move(steps)},
            {"questions", std::move(questions)},
            {"settings", std::move(settings)},
            {"sources", std::move(sources)},
            {"texts", std::move(texts)}};
}

}  // namespace meso
