// Loading a valid rule set: what the loaded RuleSet holds, lookups, texts and enums.
#include <doctest/doctest.h>

#include <filesystem>

#include "core/ruleset/keys.hpp"
#include "core/ruleset/ruleset.hpp"
#include "core/tools/lint.hpp"
#include "tests/unit/ruleset/ruleset_fixture.hpp"

using namespace meso;
using meso::test::describe;
using meso::test::minimal_document;
using meso::test::patched_minimal;

namespace {

const RuleSet& loaded_minimal() {
    static const RuleSet rules = [] {
        auto result = load_ruleset(minimal_document());
        if (!result) FAIL(describe(result.errors()));
        return std::move(result.value());
    }();
    return rules;
}

}  // namespace

TEST_CASE("minimal.json loads with everything in it") {
    const RuleSet& rules = loaded_minimal();
    CHECK(rules.id == "minimal-test");
    CHECK(rules.version == "0.1.0");
    CHECK(rules.languages == std::vector<std::string>{"en", "pl"});
    CHECK(rules.default_language == "en");
    CHECK(rules.document == minimal_document());
    REQUIRE(rules.steps.size() == 3);
    CHECK(rules.steps[1].id == "health");
    CHECK(rules.steps[1].title == "step.health");
    CHECK(rules.sources.size() == 4);
    CHECK(rules.sources.at("002").file == "002_bcf4fe377c054bed.txt");
    CHECK(rules.invariants.size() == 2);
    CHECK(rules.invariants[0].path == "/invariants/0");
    CHECK(rules.preparation.size() == 1);
    CHECK(rules.during.size() == 1);
    CHECK(rules.aftercare[0].sources == std::vector<std::string>{"002", "003"});
    CHECK(rules.facts[0].text == "fact.any_season");
    CHECK(rules.locales.at("pl").at("q.age") == "Ile masz lat?");
}

TEST_CASE("questions keep order, types, options, bounds and conditions") {
    const RuleSet& rules = loaded_minimal();
    REQUIRE(rules.questions.size() == 8);
    std::vector<std::string> ids;
    for (const auto& q : rules.questions) ids.push_back(q.id);
    CHECK(ids == std::vector<std::string>{"age", "sex", "pregnant", "cancer", "alcohol_recent",
                                          "alcohol_last", "concerns", "areas"});

    const Question& age = rules.questions[0];
    CHECK(age.type == QuestionType::integer);
    CHECK(age.min == 0);
    CHECK(age.max == 120);
    CHECK(age.required);
    CHECK(age.help == "q.age.help");
    CHECK_FALSE(age.enable_when.has_value());
    CHECK(age.path == "/questions/0");

    const Question& sex = rules.questions[1];
    CHECK(sex.type == QuestionType::single);
    REQUIRE(sex.options.size() == 3);
    CHECK(sex.options[1].id == "male");
    CHECK(sex.options[1].text == "opt.sex.male");

    const Question& pregnant = rules.questions[2];
    CHECK(pregnant.type == QuestionType::boolean);
    REQUIRE(pregnant.enable_when.has_value());
    CHECK(pregnant.enable_when->roots() == std::set<std::string>{"sex"});

    CHECK(rules.questions[5].type == QuestionType::date);
    CHECK_FALSE(rules.questions[5].required);
    CHECK(rules.questions[6].type == QuestionType::multiple);
    CHECK(rules.questions[6].options_from == "concerns");
    CHECK(rules.questions[7].options_from == "areas");
}

TEST_CASE("findings keep severity, conditions, texts and sources") {
    const RuleSet& rules = loaded_minimal();
    REQUIRE(rules.findings.size() == 9);
    int per_severity[3] = {0, 0, 0};
    for (const auto& f : rules.findings) ++per_severity[static_cast<int>(f.severity)];
    CHECK(per_severity[0] == 3);
    CHECK(per_severity[1] == 3);
    CHECK(per_severity[2] == 3);

    const Finding& alcohol = rules.findings[4];
    CHECK(alcohol.id == "alcohol");
    CHECK(alcohol.severity == Severity::postpone);
    CHECK(alcohol.when.roots() == std::set<std::string>{"alcohol_recent"});
    REQUIRE(alcohol.earliest.has_value());
    CHECK(alcohol.earliest->roots() == std::set<std::string>{"alcohol_last"});
    CHECK(alcohol.text == "finding.alcohol");
    CHECK(alcohol.until == "finding.alcohol.until");
    CHECK(alcohol.sources == std::vector<std::string>{"002"});
    CHECK(alcohol.path == "/findings/4");
    CHECK(rules.findings[0].until.empty());
    CHECK_FALSE(rules.findings[0].earliest.has_value());
}

TEST_CASE("courses: the envelope of the ranges and the planned values") {
    const Course* general = loaded_minimal().course("general");
    REQUIRE(general != nullptr);
    CHECK(general->path == "/courses/0");
    CHECK(general->sessions.ranges.size() == 3);
    CHECK(general->sessions.min == 3);
    CHECK(general->sessions.max == 10);
    CHECK(general->sessions.planned == 6);
    CHECK(general->sessions.ranges[2].note == "course.repeatable");
    CHECK(general->sessions.ranges[2].sources == std::vector<std::string>{"004"});
    CHECK(general->interval_days.min == 7);
    CHECK(general->interval_days.max == 28);
    CHECK(general->interval_days.planned == 10);
    CHECK(general->effect_months.min == 3);
    CHECK(general->effect_months.max == 18);
    CHECK_FALSE(general->effect_months.planned.has_value());
    CHECK(general->session_minutes.min == 10);
    CHECK(general->session_minutes.max == 30);
    REQUIRE(general->notes.size() == 1);
    CHECK(general->notes[0].text == "course.note.instant");

    const Course* scalp = loaded_minimal().course("scalp");
    REQUIRE(scalp != nullptr);
    CHECK(scalp->sessions.min == 8);
    CHECK(scalp->interval_days.planned == 7);
    CHECK(scalp->notes.empty());
}

TEST_CASE("concerns, areas and settings") {
    const RuleSet& rules = loaded_minimal();
    const Concern* hair = rules.concern("hair_loss");
    REQUIRE(hair != nullptr);
    CHECK(hair->course == "scalp");
    CHECK(hair->areas == std::vector<std::string>{"scalp"});
    CHECK_FALSE(hair->needs_doctor);
    const Concern* filler = rules.concern("filler_overcorrection");
    REQUIRE(filler != nullptr);
    CHECK(filler->needs_doctor);
    CHECK(filler->general_figures);
    CHECK(filler->path == "/concerns/2");
    CHECK(rules.areas.size() == 3);
    CHECK(rules.areas[2].id == "scalp");

    const Setting& wait = rules.settings.at("alcohol_wait_days");
    CHECK(wait.value == 3);
    CHECK(wait.unit == "days");
    CHECK(wait.sources == std::vector<std::string>{"002"});
    CHECK_FALSE(wait.seed_leaves_open);
    CHECK(rules.settings.at("currency").seed_leaves_open);
    CHECK(rules.settings.at("session_minutes").value.is_null());
}

TEST_CASE("lookups by id") {
    const RuleSet& rules = loaded_minimal();
    REQUIRE(rules.question("alcohol_last") != nullptr);
    CHECK(rules.question("alcohol_last")->type == QuestionType::date);
    CHECK(rules.question("pregant") == nullptr);
    CHECK(rules.concern("acne") == nullptr);
    CHECK(rules.course("face") == nullptr);
}

TEST_CASE("texts: language, fallbacks and placeholders") {
    const RuleSet& rules = loaded_minimal();
    CHECK(rules.text("en", "q.age") == "How old are you?");
    CHECK(rules.text("pl", "q.age") == "Ile masz lat?");
    CHECK(rules.text("de", "q.age") == "How old are you?");  // unknown language: the default
    CHECK(rules.text("en", "no.such.key") == "no.such.key");
    CHECK(rules.text("en", "finding.alcohol.until", {{"earliest", "2026-11-24"}}) ==
          "at least 3 days after the last drink, from 2026-11-24");
    CHECK(rules.text("pl", "finding.alcohol.until") ==
          "co najmniej 3 dni po ostatnim alkoholu, od {earliest}");
    CHECK(rules.text("en", "plan.general_figures", {{"concerns", "{setting.currency}"}}) ==
          "The sources give no figures of their own for {setting.currency}; the plan uses the "
          "general ones.");
    CHECK(rules.text("en", "prep.no_alcohol", {{"setting.alcohol_wait_days", "five"}}) ==
          "No alcohol for at least five days before.");
}

// Texts are ICU MessageFormat (core/ruleset/message.hpp): a brace is always syntax, so a stray
// one is refused where it is written instead of reaching the patient.
TEST_CASE("texts: braces that are not placeholders are a load error at the text") {
    auto result = load_ruleset(patched_minimal(R"([
        {"op": "replace", "path": "/locales/en/q.age", "value": "{} { {x} {setting.currency} }"}])"));
    REQUIRE_FALSE(result.ok());
    CHECK(result.errors().front() == Error{"rules.bad_text", "/locales/en/q.age",
                                           "at character 2: expected a parameter name after '{'"});
    // An unknown name is no syntax error: it stays as written, for a reader to notice.
    auto unknown = load_ruleset(patched_minimal(R"([
        {"op": "replace", "path": "/locales/en/q.age", "value": "{x} {setting.currency}"}])"));
    REQUIRE(unknown.ok());
    CHECK(unknown->text("en", "q.age") == "{x} PLN");
}

TEST_CASE("optional sections may be left out") {
    auto result = load_ruleset(patched_minimal(R"([
        {"op": "remove", "path": "/invariants"}, {"op": "remove", "path": "/facts"},
        {"op": "remove", "path": "/during"}, {"op": "remove", "path": "/courses/0/notes"},
        {"op": "remove", "path": "/questions/5/required"},
        {"op": "replace", "path": "/courses/1/maintenance_per_year/ranges", "value": []},
        {"op": "add", "path": "/settings/currency/sources", "value": []}])"));
    REQUIRE_MESSAGE(result.ok(), describe(result.ok() ? Errors{} : result.errors()));
    CHECK(result->invariants.empty());
    CHECK(result->facts.empty());
    CHECK(result->questions[5].required);
    const meso::Course* scalp = result->course("scalp");
    REQUIRE(scalp != nullptr);
    CHECK(scalp->maintenance_per_year.ranges.empty());  // the seeds give no figure for it
}

TEST_CASE("enums: names and parsing") {
    CHECK(std::string(to_string(Severity::consult)) == "consult");
    CHECK(std::string(to_string(Severity::postpone)) == "postpone");
    CHECK(std::string(to_string(Severity::ineligible)) == "ineligible");
    CHECK(std::string(to_string(Status::incomplete)) == "incomplete");
    CHECK(std::string(to_string(Status::eligible)) == "eligible");
    CHECK(std::string(to_string(Status::consult)) == "consult");
    CHECK(std::string(to_string(Status::postpone)) == "postpone");
    CHECK(std::string(to_string(Status::ineligible)) == "ineligible");
    CHECK(parse_severity("postpone") == Severity::postpone);
    CHECK(parse_severity("ineligible") == Severity::ineligible);
    CHECK(parse_severity("consult") == Severity::consult);
    CHECK_FALSE(parse_severity("Postpone").has_value());
    CHECK_FALSE(parse_severity("").has_value());
    CHECK(std::string(to_string(QuestionType::boolean)) == "boolean");
    CHECK(std::string(to_string(QuestionType::single)) == "single");
    CHECK(std::string(to_string(QuestionType::multiple)) == "multiple");
    CHECK(std::string(to_string(QuestionType::integer)) == "integer");
    CHECK(std::string(to_string(QuestionType::date)) == "date");
}

TEST_CASE("the engine's own text keys") {
    CHECK(engine_text_keys() ==
          std::vector<std::string>{"status.eligible", "status.consult", "status.postpone",
                                   "status.ineligible", "status.incomplete", "disclaimer",
                                   "plan.general_figures", "ics.summary", "ics.description"});
}

TEST_CASE("the default rule set loads and lints clean") {
    const std::string relative = "rules/mesotherapy.json";
    if (!std::filesystem::exists(std::string(MESO_SOURCE_DIR) + "/" + relative)) {
        MESSAGE("rules/mesotherapy.json is not there yet");
        return;
    }
    const auto result = load_ruleset(meso::test::read_json_file(relative));
    REQUIRE_MESSAGE(result.ok(), describe(result.ok() ? Errors{} : result.errors()));
    CHECK_MESSAGE(lint_ruleset(*result).empty(), describe(lint_ruleset(*result)));
}
