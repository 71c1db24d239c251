// A clinic's settings file (core/ruleset/settings_file.hpp) on the default rule set: what it
// changes for a patient, and every way it is refused, each at its path in the settings file.
#include <doctest/doctest.h>

#include <string>

#include "core/base/date.hpp"
#include "core/ruleset/settings_file.hpp"
#include "core/screen/screen.hpp"
#include "core/tools/clinic_rules.hpp"
#include "core/tools/lint.hpp"
#include "core/tools/verify_bounds.hpp"
#include "tests/unit/ruleset/ruleset_fixture.hpp"

using namespace meso;
using meso::test::describe;
using meso::test::read_json_file;

namespace {

const Json& default_rules() {
    static const Json document = read_json_file("rules/mesotherapy.json");
    return document;
}

const Json& example_settings() {
    static const Json file = read_json_file("rules/settings.example.json");
    return file;
}

Json with_setting(const std::string& key, Json value) {
    Json file = example_settings();
    file["settings"][key] = std::move(value);
    return file;
}

RuleSet load_with(const Json& settings) {
    auto document = clinic_document(default_rules(), settings);
    REQUIRE_MESSAGE(document.ok(), describe(document.ok() ? Errors{} : document.errors()));
    auto rules = load_ruleset(*document);
    REQUIRE_MESSAGE(rules.ok(), describe(rules.ok() ? Errors{} : rules.errors()));
    return std::move(*rules);
}

// Nothing to report, a drink on `drink`, wrinkles and hair loss on the face and scalp.
Json answers_with_drink(const char* drink) {
    return {{"age", 35},
            {"sex", "female"},
            {"pregnant", false},
            {"breastfeeding", false},
            {"menstruating", false},
            {"cancer", "no"},
            {"acute_infection", false},
            {"skin_inflammation", false},
            {"chronic_flare", false},
            {"clotting_disorder", false},
            {"allergy_components", false},
            {"autoimmune", false},
            {"neurological", "no"},
            {"recent_surgery", false},
            {"anticoagulants", "no"},
            {"nsaids", "no"},
            {"alcohol_recent", true},
            {"alcohol_last", drink},
            {"concerns", {"wrinkles", "hair_loss"}},
            {"areas", {"face", "scalp"}}};
}

Json screen_json(const RuleSet& rules, Json answers, const char* today = "2026-11-27") {
    const ScreenInput input{std::move(answers), *Date::parse(today), "en"};
    return screen(rules, input).to_json(rules, input);
}

Error only_error(const Json& settings) {
    auto document = apply_settings(default_rules(), settings);
    REQUIRE_FALSE(document.ok());
    REQUIRE_MESSAGE(document.errors().size() == 1, describe(document.errors()));
    return document.errors()[0];
}

}  // namespace

TEST_CASE("clinic settings: the example clinic's wait, days, prices and treatments reach a plan") {
    const RuleSet rules = load_with(example_settings());
    const Json result = screen_json(rules, answers_with_drink("2026-11-23"));  // 4 days ago

    CHECK(result["status"] == "postpone");
    // A 5-day wait: 5 full days without a drink, so the first day is the 6th after it.
    CHECK(result["earliest_start"] == "2026-11-29");
    const Json& plan = result["plan"];
    REQUIRE(plan["dates"].size() > 0);
    CHECK(plan["dates"][0] == "2026-11-30");  // the 29th is a Sunday, and the clinic is shut
    for (const Json& date : plan["dates"]) {
        const Date day = *Date::parse(date.get<std::string>());
        CHECK(day.weekday() < 5);  // Monday to Friday
        CHECK(date != "2026-12-24");
        CHECK(date != "2026-12-25");
    }
    CHECK(plan["cost"]["currency"] == "PLN");
    CHECK(plan["cost"]["per_session"] == 550);  // face 300 + scalp 250
    CHECK(plan["cost"]["per_area"] == Json{{"face", 300}, {"scalp", 250}});
    CHECK(plan["cost"]["planned"] == 550 * plan["sessions"]["planned"].get<int>());

    Json cellulite = answers_with_drink("2026-11-23");
    cellulite["concerns"] = {"cellulite"};
    cellulite["areas"] = {"thighs"};
    const Json refused = screen_json(rules, cellulite);
    CHECK(refused["status"] == "incomplete");
    CHECK(refused["errors"][0]["code"] == "answers.unknown_option");
    CHECK(refused["errors"][0]["path"] == "/concerns/0");
}

TEST_CASE("clinic settings: a closed date that a session would fall on moves it") {
    // Without closed days the 5-day wait puts the first session on Monday 30 November.
    const RuleSet rules = load_with(with_setting("closed_dates", {"2026-11-30", "2026-12-01"}));
    const Json result = screen_json(rules, answers_with_drink("2026-11-23"));
    CHECK(result["plan"]["dates"][0] == "2026-12-02");
}

TEST_CASE("clinic settings: a face-only clinic prices only the face, and no area is unpriced") {
    Json settings = with_setting("price_per_session", {{"face", 300}});
    const RuleSet rules = load_with(settings);
    Json answers = answers_with_drink("2026-11-23");
    CHECK_FALSE(screen_json(rules, answers)["plan"].contains("cost"));  // the scalp has no price
    answers["concerns"] = {"wrinkles"};
    answers["areas"] = {"face"};
    CHECK(screen_json(rules, answers)["plan"]["cost"]["per_session"] == 300);
}

TEST_CASE("clinic settings: narrowing leaves a rule set that lints clean") {
    const RuleSet rules = load_with(example_settings());
    CHECK(rules.languages == std::vector<std::string>{"pl", "en"});
    CHECK(rules.default_language == "pl");
    CHECK(rules.concerns.size() == 2);
    CHECK(rules.areas.size() == 6);  // wrinkles' five and the scalp
    CHECK_MESSAGE(lint_ruleset(rules).empty(), describe(lint_ruleset(rules)));
}

TEST_CASE("clinic settings: refused with the path of the problem in the settings file") {
    SUBCASE("a wait below the sources' number") {
        const Error e = only_error(with_setting("alcohol_wait_days", 1));
        CHECK(e.code == "settings.out_of_bounds");
        CHECK(e.path == "/settings/alcohol_wait_days");
        CHECK(e.message.find("3") != std::string::npos);
    }
    SUBCASE("a wait above the rule set's maximum") {
        CHECK(only_error(with_setting("surgery_wait_days", 366)).path ==
              "/settings/surgery_wait_days");
    }
    SUBCASE("an unknown key") {
        const Error e = only_error(with_setting("colour", "red"));
        CHECK(e.code == "settings.unknown_key");
        CHECK(e.path == "/settings/colour");
    }
    SUBCASE("another rule set's id") {
        Json file = example_settings();
        file["ruleset"] = "another-rule-set";
        const Error e = only_error(file);
        CHECK(e.code == "settings.wrong_ruleset");
        CHECK(e.path == "/ruleset");
    }
    SUBCASE("another format") {
        Json file = example_settings();
        file["format"] = "meso-settings/2";
        CHECK(only_error(file).path == "/format");
    }
    SUBCASE("a key beside the settings") {
        Json file = example_settings();
        file["extra"] = true;
        CHECK(only_error(file).path == "/extra");
    }
    SUBCASE("a concern the rule set does not have, and one listed twice") {
        CHECK(only_error(with_setting("concerns", {"wrinkles", "tattoos"})).path ==
              "/settings/concerns/1");
        CHECK(only_error(with_setting("concerns", {"wrinkles", "wrinkles"})).code ==
              "settings.duplicate");
    }
    SUBCASE("a language the rule set does not speak") {
        CHECK(only_error(with_setting("languages", {"pl", "de"})).path == "/settings/languages/1");
    }
    SUBCASE("a price of a wrong type, and one for an area the rule set does not have") {
        CHECK(only_error(with_setting("price_per_session", "300")).path ==
              "/settings/price_per_session");
        CHECK(only_error(with_setting("price_per_session", {{"knees", 10}})).path ==
              "/settings/price_per_session/knees");
    }
    SUBCASE("a concern named while the areas setting leaves out every area it is treated on") {
        Json file = with_setting("areas", {"face"});
        const Error e = only_error(file);  // hair loss is treated on the scalp only
        CHECK(e.code == "settings.not_offered");
        CHECK(e.path == "/settings/concerns/1");
    }
    SUBCASE("not an object") { CHECK(only_error(Json::array()).code == "settings.wrong_type"); }
}

TEST_CASE("clinic settings: verify's edges move each bounded setting to its min and its max") {
    auto rules = load_ruleset(default_rules());
    REQUIRE(rules.ok());
    std::vector<std::string> labels;
    for (const SettingsEdge& edge : settings_edges(*rules)) labels.push_back(edge.label);
    const auto has = [&](const std::string& label) {
        return std::find(labels.begin(), labels.end(), label) != labels.end();
    };
    CHECK(has("alcohol_wait_days = 30"));
    CHECK_FALSE(has("alcohol_wait_days = 3"));  // the default: verified already
    CHECK(has("surgery_wait_days = 7"));
    CHECK(has("first_session_lead_days = 60"));
    CHECK(has("every bounded setting at its minimum"));
    CHECK(has("every bounded setting at its maximum"));
    // Each edge is a settings file the rule set accepts.
    for (const SettingsEdge& edge : settings_edges(*rules))
        CHECK_MESSAGE(apply_settings(default_rules(), edge.settings_file).ok(), edge.label);
}

TEST_CASE("clinic settings: the patient's engine and the staff's tools screen alike") {
    // The patient's page applies settings without the tools' clean-up of unused translations;
    // that clean-up must change nothing a screening shows.
    const Json settings = example_settings();
    auto patient_document = apply_settings(default_rules(), settings);
    REQUIRE(patient_document.ok());
    auto patient = load_ruleset(*patient_document);
    REQUIRE(patient.ok());
    const RuleSet tools = load_with(settings);
    for (const char* drink : {"2026-11-20", "2026-11-23", "2026-11-27"}) {
        CAPTURE(drink);
        CHECK(screen_json(*patient, answers_with_drink(drink)) ==
              screen_json(tools, answers_with_drink(drink)));
    }
}
