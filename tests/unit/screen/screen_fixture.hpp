// The minimal test rule set (ruleset_fixture.hpp) loaded, with answers and inputs for the
// screening, plan, calendar and session tests.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "core/base/date.hpp"
#include "core/ruleset/ruleset.hpp"
#include "core/screen/screen.hpp"
#include "tests/unit/ruleset/ruleset_fixture.hpp"

namespace meso::screen_test {

using meso::test::minimal_document;

// Throws so that a fixture that does not load fails the test that uses it, loudly.
inline std::shared_ptr<const RuleSet> load(const Json& document) {
    Result<RuleSet> rules = load_ruleset(document);
    if (!rules) {
        std::string message = "fixture does not load:";
        for (const Error& error : rules.errors()) message += "\n  " + error.to_string();
        throw std::runtime_error(message);
    }
    return std::make_shared<const RuleSet>(std::move(*rules));
}

inline const RuleSet& minimal() {
    static const std::shared_ptr<const RuleSet> rules = load(minimal_document());
    return *rules;
}

// Adds the optional "start_date" question (rules/DOMAIN.md) to a document.
inline Json with_start_date(Json document) {
    document["questions"].push_back({{"id", "start_date"},
                                     {"type", "date"},
                                     {"step", "wishes"},
                                     {"required", false},
                                     {"text", "q.start_date"}});
    for (auto& [lang, texts] : document["locales"].items()) texts["q.start_date"] = "Start?";
    return document;
}

inline Date day(const char* iso) { return *Date::parse(iso); }

inline ScreenInput input(Json answers, const char* today = "2026-03-01", std::string lang = "") {
    return ScreenInput{std::move(answers), day(today), std::move(lang)};
}

// Answers that leave nothing missing and raise no finding.
inline Json clean_answers() {
    return {{"age", 30},        {"sex", "female"},         {"pregnant", false},
            {"cancer", false},  {"alcohol_recent", false}, {"concerns", {"wrinkles"}},
            {"areas", {"face"}}};
}

}  // namespace meso::screen_test
