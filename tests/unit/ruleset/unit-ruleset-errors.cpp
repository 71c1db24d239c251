// Every load error: minimal.json with one tweak gives exactly one error, with its code, path and
// message.
#include <doctest/doctest.h>

#include "core/ruleset/ruleset.hpp"
#include "tests/unit/ruleset/ruleset_fixture.hpp"

using meso::Error;
using meso::load_ruleset;
using meso::test::describe;
using meso::test::patched_minimal;

namespace {

struct Case {
    const char* patch;  // RFC 6902 JSON Patch applied to minimal.json
    Error expected;
};

const Case cases[] = {
    // Shape of objects and fields.
    {R"([{"op": "remove", "path": "/id"}])", {"rules.missing_field", "", R"(missing "id")"}},
    {R"([{"op": "replace", "path": "/version", "value": 1}])",
     {"rules.wrong_type", "/version", "expected a string"}},
    {R"([{"op": "add", "path": "/questions/2/required", "value": "yes"}])",
     {"rules.wrong_type", "/questions/2/required", "expected true or false"}},
    {R"([{"op": "replace", "path": "/questions/0/min", "value": 1.5}])",
     {"rules.wrong_type", "/questions/0/min", "expected an integer"}},
    {R"([{"op": "replace", "path": "/courses/0/sessions/ranges/0/max", "value": "10"}])",
     {"rules.wrong_type", "/courses/0/sessions/ranges/0/max", "expected a number"}},
    {R"([{"op": "replace", "path": "/steps", "value": {}}])",
     {"rules.wrong_type", "/steps", "expected an array"}},
    {R"([{"op": "replace", "path": "/sources", "value": []}])",
     {"rules.wrong_type", "/sources", "expected an object of sources by id"}},
    {R"([{"op": "replace", "path": "/findings/2/sources/0", "value": 4}])",
     {"rules.wrong_type", "/findings/2/sources/0", "expected a string"}},
    {R"([{"op": "replace", "path": "/locales/en/q.age", "value": 5}])",
     {"rules.wrong_type", "/locales/en/q.age", "expected a string"}},
    {R"([{"op": "add", "path": "/steps/-", "value": "health"}])",
     {"rules.not_object", "/steps/3", "expected an object"}},
    {R"([{"op": "add", "path": "/questions/0/enablewhen", "value": {"var": "sex"}}])",
     {"rules.unknown_field", "/questions/0/enablewhen",
      R"(unknown field "enablewhen" (did you mean "enableWhen"?))"}},
    {R"([{"op": "add", "path": "/colour", "value": "blue"}])",
     {"rules.unknown_field", "/colour", R"(unknown field "colour")"}},
    {R"([{"op": "replace", "path": "/questions/0/text", "value": ""}])",
     {"rules.empty_value", "/questions/0/text", "must not be empty"}},
    {R"([{"op": "replace", "path": "/locales/pl/q.age", "value": ""}])",
     {"rules.empty_value", "/locales/pl/q.age", "must not be empty"}},
    {R"([{"op": "replace", "path": "/format", "value": 2}])",
     {"rules.unsupported_format", "/format",
      "format 2 is not supported; this engine reads format 1"}},

    // Ids.
    {R"([{"op": "add", "path": "/steps/-", "value": {"id": "a.b", "text": "step.about"}}])",
     {"rules.bad_id", "/steps/3/id", R"("a.b" may only contain letters, digits, "_" and "-")"}},
    {R"([{"op": "add", "path": "/questions/-",
          "value": {"id": "age", "type": "boolean", "step": "about", "text": "q.age"}}])",
     {"rules.duplicate_id", "/questions/8/id", R"("age" is already the id of another question)"}},
    {R"([{"op": "add", "path": "/findings/-",
          "value": {"id": "minor", "severity": "consult", "when": {"var": "age"},
                    "text": "finding.minor", "sources": ["000"]}}])",
     {"rules.duplicate_id", "/findings/9/id", R"("minor" is already the id of another finding)"}},
    {R"([{"op": "add", "path": "/areas/-", "value": {"id": "face", "text": "area.face"}}])",
     {"rules.duplicate_id", "/areas/3/id", R"("face" is already the id of another area)"}},
    {R"([{"op": "add", "path": "/questions/1/options/-", "value": {"id": "male", "text": "opt.sex.male"}}])",
     {"rules.duplicate_id", "/questions/1/options/3/id",
      R"("male" is already an option of this question)"}},
    {R"([{"op": "replace", "path": "/findings/0/sources", "value": ["002", "002"]}])",
     {"rules.duplicate_id", "/findings/0/sources/1", R"("002" is cited twice)"}},
    {R"([{"op": "replace", "path": "/languages", "value": ["en", "pl", "en"]}])",
     {"rules.duplicate_id", "/languages/2", R"("en" is listed twice)"}},

    // References.
    {R"([{"op": "replace", "path": "/findings/3/when", "value": {"var": "pregant"}}])",
     {"rules.unknown_question", "/findings/3/when", R"("pregant" is not a question id)"}},
    {R"([{"op": "replace", "path": "/findings/3/when", "value": {"var": "pregant.since"}}])",
     {"rules.unknown_question", "/findings/3/when", R"("pregant" is not a question id)"}},
    {R"([{"op": "replace", "path": "/questions/2/enableWhen/!=/0/var", "value": "gender"}])",
     {"rules.unknown_question", "/questions/2/enableWhen/!=/0",
      R"("gender" is not a question id)"}},
    {R"([{"op": "replace", "path": "/findings/4/earliest", "value": {"var": "alcohol_date"}}])",
     {"rules.unknown_question", "/findings/4/earliest", R"("alcohol_date" is not a question id)"}},
    {R"([{"op": "replace", "path": "/findings/0/severity", "value": "urgent"}])",
     {"rules.unknown_severity", "/findings/0/severity",
      R"("urgent" is not a severity (consult, postpone, ineligible))"}},
    {R"([{"op": "replace", "path": "/findings/0/sources", "value": ["009"]}])",
     {"rules.unknown_source", "/findings/0/sources/0", R"("009" is not a defined source)"}},
    {R"([{"op": "replace", "path": "/courses/1/effect_months/ranges/0/sources", "value": ["001"]}])",
     {"rules.unknown_source", "/courses/1/effect_months/ranges/0/sources/0",
      R"("001" is not a defined source)"}},
    {R"([{"op": "replace", "path": "/questions/0/step", "value": "bio"}])",
     {"rules.unknown_step", "/questions/0/step", R"("bio" is not a defined step)"}},
    {R"([{"op": "replace", "path": "/concerns/0/areas/1", "value": "chin"}])",
     {"rules.unknown_area", "/concerns/0/areas/1", R"("chin" is not a defined area)"}},
    {R"([{"op": "replace", "path": "/concerns/1/course", "value": "hair"}])",
     {"rules.unknown_course", "/concerns/1/course", R"("hair" is not a defined course)"}},
    {R"([{"op": "replace", "path": "/locales/en/finding.alcohol.until", "value": "after {setting.alcohol_days} days"}])",
     {"rules.unknown_setting", "/locales/en/finding.alcohol.until",
      R"("{setting.alcohol_days}" names no setting)"}},

    // Questions.
    {R"([{"op": "add", "path": "/questions/0/enableWhen", "value": {"var": "alcohol_recent"}}])",
     {"rules.enable_cycle", "/questions/0/enableWhen",
      "questions wait for each other: age -> alcohol_recent -> age"}},
    {R"([{"op": "add", "path": "/questions/3/enableWhen", "value": {"!": {"var": "cancer"}}}])",
     {"rules.enable_cycle", "/questions/3/enableWhen",
      "questions wait for each other: cancer -> cancer"}},
    {R"([{"op": "replace", "path": "/questions/3/type", "value": "bool"}])",
     {"rules.bad_value", "/questions/3/type",
      R"("bool" is not a question type (boolean, single, multiple, integer, date))"}},
    {R"([{"op": "replace", "path": "/questions/6/options_from", "value": "regions"}])",
     {"rules.bad_value", "/questions/6/options_from", R"("regions" is not "concerns" or "areas")"}},
    {R"([{"op": "remove", "path": "/questions/0/max"}])",
     {"rules.integer_bounds", "/questions/0", R"(an integer question needs "max")"}},
    {R"([{"op": "replace", "path": "/questions/0/min", "value": 200}])",
     {"rules.integer_bounds", "/questions/0/max", "min 200 is above max 120"}},
    {R"([{"op": "remove", "path": "/questions/1/options"}])",
     {"rules.no_options", "/questions/1",
      R"(a single question needs "options" or "options_from")"}},
    {R"([{"op": "replace", "path": "/questions/1/options", "value": []}])",
     {"rules.no_options", "/questions/1/options", "the list of options is empty"}},
    {R"([{"op": "add", "path": "/questions/6/options", "value": [{"id": "x", "text": "q.age"}]}])",
     {"rules.conflicting_fields", "/questions/6",
      R"("options" and "options_from" cannot be used together)"}},
    {R"([{"op": "add", "path": "/questions/3/min", "value": 0}])",
     {"rules.unexpected_field", "/questions/3/min", R"("min" is only for integer questions)"}},
    {R"([{"op": "add", "path": "/questions/0/options_from", "value": "areas"}])",
     {"rules.unexpected_field", "/questions/0/options_from",
      R"("options_from" is only for single and multiple questions)"}},

    // Findings.
    {R"([{"op": "replace", "path": "/findings/0/sources", "value": []}])",
     {"rules.finding_without_source", "/findings/0/sources",
      "a finding must cite at least one source"}},
    {R"([{"op": "remove", "path": "/findings/0/sources"}])",
     {"rules.finding_without_source", "/findings/0", "a finding must cite at least one source"}},
    {R"([{"op": "add", "path": "/findings/6/earliest", "value": {"var": "alcohol_last"}}])",
     {"rules.earliest_not_postpone", "/findings/6/earliest",
      "only postpone findings have an earliest date"}},
    {R"([{"op": "remove", "path": "/findings/1/when"}])",
     {"rules.missing_field", "/findings/1", R"(missing "when")"}},

    // Courses, concerns and sourced texts.
    {R"([{"op": "replace", "path": "/courses/0/sessions/ranges/0/min", "value": 12}])",
     {"rules.bad_range", "/courses/0/sessions/ranges/0", "min 12 is above max 10"}},
    {R"([{"op": "replace", "path": "/courses/0/sessions/planned", "value": 12}])",
     {"rules.bad_range", "/courses/0/sessions/planned", "planned 12 is outside 3 to 10"}},
    {R"([{"op": "replace", "path": "/courses/1/interval_days/planned", "value": 7.5}])",
     {"rules.bad_range", "/courses/1/interval_days/planned",
      "expected a whole number of at least 1"}},
    {R"([{"op": "replace", "path": "/courses/0/effect_months/ranges/2/min", "value": -1}])",
     {"rules.bad_range", "/courses/0/effect_months/ranges/2/min", "must not be negative"}},
    {R"([{"op": "remove", "path": "/courses/1/sessions/planned"}])",
     {"rules.missing_field", "/courses/1/sessions", R"(missing "planned")"}},
    {R"([{"op": "replace", "path": "/courses/1/interval_days/ranges", "value": []}])",
     {"rules.empty_value", "/courses/1/interval_days/ranges", "at least one range is needed"}},
    {R"([{"op": "replace", "path": "/settings/alcohol_wait_days/sources", "value": ["002", "005"]}])",
     {"rules.unknown_source", "/settings/alcohol_wait_days/sources/1",
      R"("005" is not a defined source)"}},
    {R"([{"op": "remove", "path": "/courses/1/maintenance_per_year"}])",
     {"rules.missing_field", "/courses/1", R"(missing "maintenance_per_year")"}},
    {R"([{"op": "replace", "path": "/preparation/0/sources", "value": []}])",
     {"rules.fact_without_source", "/preparation/0/sources", "cite at least one source"}},
    {R"([{"op": "remove", "path": "/concerns/0/sources"}])",
     {"rules.fact_without_source", "/concerns/0", "cite at least one source"}},
    {R"([{"op": "replace", "path": "/concerns/0/areas", "value": []}])",
     {"rules.empty_value", "/concerns/0/areas", "at least one area is needed"}},

    // Settings.
    {R"([{"op": "replace", "path": "/settings/alcohol_wait_days/value", "value": -1}])",
     {"rules.bad_setting", "/settings/alcohol_wait_days/value",
      "expected a whole number of days, 0 or more"}},
    {R"([{"op": "replace", "path": "/settings/currency/value", "value": "pln"}])",
     {"rules.bad_setting", "/settings/currency/value",
      R"(expected an ISO 4217 code such as "EUR")"}},
    {R"([{"op": "replace", "path": "/settings/price_per_session/value", "value": "free"}])",
     {"rules.bad_setting", "/settings/price_per_session/value",
      "expected an amount of 0 or more, an object of such amounts by area id, or null"}},
    {R"([{"op": "replace", "path": "/settings/session_minutes/value", "value": 0}])",
     {"rules.bad_setting", "/settings/session_minutes/value",
      "expected a number of minutes above 0, or null"}},
    {R"([{"op": "replace", "path": "/settings/alcohol_wait_days/unit", "value": "weeks"}])",
     {"rules.bad_setting", "/settings/alcohol_wait_days/unit",
      R"(unknown unit "weeks"; expected days, minutes, money, currency, text, url, weekdays or dates)"}},
    {R"([{"op": "replace", "path": "/settings/price_per_session/unit", "value": "days"}])",
     {"rules.bad_setting", "/settings/price_per_session/unit",
      R"("price_per_session" must have the unit "money")"}},
    {R"([{"op": "remove", "path": "/settings/currency"}, {"op": "remove", "path": "/locales/en/setting.currency"},
         {"op": "remove", "path": "/locales/pl/setting.currency"}])",
     {"rules.bad_setting", "/settings/price_per_session",
      R"(a price needs the "currency" setting)"}},
    {R"([{"op": "add", "path": "/settings/clinic_url", "value": {"value": "ftp://x", "unit": "url", "text": "q.age"}}])",
     {"rules.bad_setting", "/settings/clinic_url/value", "expected an http or https URL"}},

    // Languages and translations.
    {R"([{"op": "replace", "path": "/default_language", "value": "de"}])",
     {"rules.unknown_language", "/default_language", R"("de" is not in languages)"}},
    {R"([{"op": "add", "path": "/locales/de", "value": {}}])",
     {"rules.unknown_language", "/locales/de", R"("de" is not in languages)"}},
    {R"([{"op": "remove", "path": "/locales/pl/q.age"}])",
     {"rules.missing_translation", "/locales/pl",
      R"(missing "q.age" (used at /questions/0/text))"}},
    {R"([{"op": "remove", "path": "/locales/en/course.repeatable"}])",
     {"rules.missing_translation", "/locales/en",
      R"(missing "course.repeatable" (used at /courses/0/sessions/ranges/2/note))"}},
    {R"([{"op": "remove", "path": "/locales/pl/disclaimer"}])",
     {"rules.missing_translation", "/locales/pl", R"(missing "disclaimer" (the engine shows it))"}},
    {R"([{"op": "remove", "path": "/locales/pl"}])",
     {"rules.missing_translation", "/locales", R"(no texts for "pl")"}},
    {R"([{"op": "replace", "path": "/languages", "value": []}])",
     {"rules.empty_value", "/languages", "at least one language is needed"}},
};

}  // namespace

TEST_CASE("each broken variant of minimal.json gives exactly its error") {
    for (const auto& c : cases) {
        CAPTURE(c.patch);
        const auto result = load_ruleset(patched_minimal(c.patch));
        REQUIRE_FALSE(result.ok());
        CHECK_MESSAGE(result.errors().size() == 1, describe(result.errors()));
        CHECK(result.errors().front() == c.expected);
    }
}

TEST_CASE("comment keys are allowed anywhere") {
    const auto result = load_ruleset(patched_minimal(R"([
        {"op": "add", "path": "/_comment", "value": "top"},
        {"op": "add", "path": "/questions/0/$comment", "value": "why 120"},
        {"op": "add", "path": "/findings/0/_comment_review", "value": "checked 2026-01"}])"));
    CHECK_MESSAGE(result.ok(), describe(result.ok() ? meso::Errors{} : result.errors()));
}

TEST_CASE("every problem is reported, not only the first") {
    const auto result = load_ruleset(patched_minimal(R"([
        {"op": "replace", "path": "/findings/3/when", "value": {"var": "pregant"}},
        {"op": "replace", "path": "/findings/0/severity", "value": "urgent"},
        {"op": "remove", "path": "/locales/pl/q.age"}])"));
    REQUIRE_FALSE(result.ok());
    REQUIRE(result.errors().size() == 3);
    CHECK(result.errors()[0].code == "rules.unknown_severity");
    CHECK(result.errors()[1].code == "rules.missing_translation");
    CHECK(result.errors()[2].to_string() ==
          R"(rules.unknown_question at /findings/3/when: "pregant" is not a question id)");
}

TEST_CASE("a document that is not an object") {
    const auto result = load_ruleset(meso::Json::array());
    REQUIRE_FALSE(result.ok());
    CHECK(result.errors() == meso::Errors{{"rules.not_object", "", "expected an object"}});
}

TEST_CASE("an empty object reports every missing section") {
    const auto result = load_ruleset(meso::Json::object());
    REQUIRE_FALSE(result.ok());
    std::string missing;
    for (const auto& error : result.errors()) {
        CHECK(error.code == "rules.missing_field");
        CHECK(error.path == "");
        missing += error.message + ";";
    }
    CHECK(missing ==
          R"(missing "format";missing "id";missing "version";missing "languages";)"
          R"(missing "default_language";missing "sources";missing "steps";missing "questions";)"
          R"(missing "findings";missing "locales";)");
}

TEST_CASE("errors of the JsonLogic compiler come through with their full path") {
    SUBCASE("unknown operation") {
        const auto result = load_ruleset(patched_minimal(
            R"([{"op": "replace", "path": "/findings/0/when", "value": {"and": [true, {"bogus": [1]}]}}])"));
        REQUIRE_FALSE(result.ok());
        REQUIRE(result.errors().size() == 1);
        CHECK(result.errors()[0].code == "logic.unknown_operation");
        CHECK(result.errors()[0].path == "/findings/0/when/and/1");
    }
    SUBCASE("unknown setting") {
        const auto result = load_ruleset(patched_minimal(
            R"([{"op": "replace", "path": "/findings/4/earliest/date_add/1/setting", "value": "alcohol_days"}])"));
        REQUIRE_FALSE(result.ok());
        REQUIRE(result.errors().size() == 1);
        CHECK(result.errors()[0].code == "logic.unknown_setting");
        CHECK(result.errors()[0].path == "/findings/4/earliest/date_add/1");
    }
}

TEST_CASE("limits on the number of questions and findings") {
    meso::LoadOptions options;
    options.max_questions = 5;
    auto result = load_ruleset(meso::test::minimal_document(), options);
    REQUIRE_FALSE(result.ok());
    CHECK(result.errors().front() ==
          Error{"rules.too_many", "/questions", "8 questions; the limit is 5"});

    options = {};
    options.max_findings = 2;
    result = load_ruleset(meso::test::minimal_document(), options);
    REQUIRE_FALSE(result.ok());
    CHECK(result.errors() ==
          meso::Errors{{"rules.too_many", "/findings", "9 findings; the limit is 2"}});
}

namespace {

void collect_pointers(const meso::Json& value, const std::string& path,
                      std::vector<std::string>& out) {
    out.push_back(path);
    if (value.is_object()) {
        for (const auto& [key, item] : value.items())
            collect_pointers(item, meso::pointer_append(path, key), out);
    } else if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i)
            collect_pointers(value[i], meso::pointer_append(path, i), out);
    }
}

}  // namespace

TEST_CASE("any value anywhere replaced by a wrong one gives errors with paths, never a crash") {
    std::vector<std::string> pointers;
    collect_pointers(meso::test::minimal_document(), "", pointers);
    std::size_t rejected = 0;
    for (const auto& pointer : pointers) {
        meso::Json document = meso::test::minimal_document();
        meso::Json& target = document[meso::Json::json_pointer(pointer)];
        target = target.is_object() ? meso::Json(nullptr) : meso::Json::object();
        const auto result = load_ruleset(document);
        if (result.ok()) continue;  // e.g. a JsonLogic literal
        ++rejected;
        for (const auto& error : result.errors()) {
            CAPTURE(pointer);
            CHECK_FALSE(error.code.empty());
            CHECK_FALSE(error.message.empty());
        }
    }
    CHECK(rejected > pointers.size() / 2);
}
