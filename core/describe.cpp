#include "core/describe.hpp"

#include <algorithm>

#include "core/ruleset_keys.hpp"

namespace meso {
namespace {

using Json = nlohmann::json;

Json option_list(const RuleSet& rules, std::string_view lang, const std::vector<Option>& options) {
    Json out = Json::array();
    for (const Option& o : options) out.push_back({{"id", o.id}, {"text", rules.text(lang, o.text)}});
    return out;
}

bool has_error_at(const ScreenResult& result, const std::string& key) {
    const std::string path = pointer_append("", key);
    return std::any_of(result.errors.begin(), result.errors.end(), [&](const Error& e) {
        return e.path == path || e.path.rfind(path + "/", 0) == 0;
    });
}

// The concerns the person chose, as far as they are valid answers.
std::vector<std::string> chosen_concerns(const RuleSet& rules, const ScreenResult& result,
                                         const ScreenInput& input) {
    std::vector<std::string> chosen;
    for (const Question& q : rules.questions) {
        if (q.options_from != "concerns") continue;
        if (std::find(result.visible.begin(), result.visible.end(), q.id) == result.visible.end())
            continue;
        if (has_error_at(result, q.id) || !input.answers.is_object()) continue;
        const auto it = input.answers.find(q.id);
        if (it == input.answers.end() || !it->is_array()) continue;
        for (const Json& id : *it) {
            if (id.is_string() && rules.concern(id.get<std::string>())) {
                chosen.push_back(id.get<std::string>());
            }
        }
    }
    return chosen;
}

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

Json offered_options(const RuleSet& rules, const ScreenResult& result, const ScreenInput& input) {
    const std::string lang = input.lang.empty() ? rules.default_language : input.lang;
    Json out = Json::object();
    for (const Question& q : rules.questions) {
        if (q.type != QuestionType::single && q.type != QuestionType::multiple) continue;
        if (std::find(result.visible.begin(), result.visible.end(), q.id) == result.visible.end())
            continue;
        if (q.options_from == "concerns") {
            Json list = Json::array();
            for (const Concern& c : rules.concerns) {
                list.push_back({{"id", c.id}, {"text", rules.text(lang, c.text)}});
            }
            out[q.id] = std::move(list);
        } else if (q.options_from == "areas") {
            const std::vector<std::string> concerns = chosen_concerns(rules, result, input);
            Json list = Json::array();
            for (const Area& area : rules.areas) {
                const bool fits = std::any_of(concerns.begin(), concerns.end(), [&](const std::string& id) {
                    const Concern* c = rules.concern(id);
                    return std::find(c->areas.begin(), c->areas.end(), area.id) != c->areas.end();
                });
                if (fits) list.push_back({{"id", area.id}, {"text", rules.text(lang, area.text)}});
            }
            out[q.id] = std::move(list);
        } else {
            out[q.id] = option_list(rules, lang, q.options);
        }
    }
    return out;
}

}  // namespace meso
