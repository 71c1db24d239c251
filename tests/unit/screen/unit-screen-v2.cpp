// Contract version 2 in the engine (rules/DOMAIN.md): answer bounds, date arithmetic errors,
// text parameters, bookable plan dates, doctor-only concerns, filtered notes and the calendar.
#include <doctest/doctest.h>

#include <string>

#include "core/screen/screen.hpp"
#include "tests/unit/screen/screen_fixture.hpp"

using namespace meso;
using namespace meso::screen_test;
using meso::test::patched_minimal;

namespace {

// minimal.json with bounds on the last drink (past 100 years up to today), an English message
// for them, and a question text that states the wait's boundary as a date.
Json bounded_document() {
    Json document = patched_minimal(R"json([
      {"op": "add", "path": "/questions/5/max_days", "value": 0},
      {"op": "add", "path": "/questions/5/min_days", "value": -36500},
      {"op": "add", "path": "/questions/4/params", "value":
        {"since": {"date_add": [{"today": []}, {"-": [0, {"setting": "alcohol_wait_days"}]}]}}},
      {"op": "replace", "path": "/locales/en/q.alcohol_recent",
       "value": "Any alcohol since {since, date}? ({setting.alcohol_wait_days, plural, one {# day} other {# days}})"},
      {"op": "replace", "path": "/locales/pl/q.alcohol_recent",
       "value": "Alkohol od {since, date}? ({setting.alcohol_wait_days, plural, one {# dzień} few {# dni} many {# dni} other {# dnia}})"},
      {"op": "add", "path": "/locales/en/answer.too_early", "value": "Please give a date from {min, date}."},
      {"op": "add", "path": "/locales/en/answer.too_late", "value": "Please give a date no later than {max, date}."},
      {"op": "add", "path": "/locales/pl/answer.too_early", "value": "Podaj datę od {min, date}."},
      {"op": "add", "path": "/locales/pl/answer.too_late", "value": "Podaj datę nie późniejszą niż {max, date}."},
      {"op": "replace", "path": "/locales/en/finding.alcohol.until",
       "value": "until {earliest, date} (today is {today, date})"}
    ])json");
    return document;
}

const RuleSet& bounded() {
    static const auto rules = load(bounded_document());
    return *rules;
}

Json drinker(const char* last) {
    Json answers = clean_answers();
    answers["alcohol_recent"] = true;
    answers["alcohol_last"] = last;
    return answers;
}

}  // namespace

TEST_CASE("v2: a date after its question's max_days is too late, in the patient's language") {
    const ScreenResult result = screen(bounded(), input(drinker("2026-03-02"), "2026-03-01"));
    CHECK(result.status == Status::incomplete);
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0] == Error{"answers.too_late", "/alcohol_last",
                                    "Please give a date no later than 1 March 2026."});
    // The wait is still there, with no date from an answer that cannot be used.
    REQUIRE_FALSE(result.findings.empty());
    CHECK(result.findings[0].id == "alcohol");
    CHECK_FALSE(result.findings[0].earliest);
    const ScreenResult polish = screen(bounded(), input(drinker("2026-03-02"), "2026-03-01", "pl"));
    CHECK(polish.errors[0].message == "Podaj datę nie późniejszą niż 1 marca 2026.");
}

TEST_CASE("v2: a date before min_days is too early; the bounds themselves are allowed") {
    const ScreenResult early = screen(bounded(), input(drinker("1926-03-25"), "2026-03-01"));
    REQUIRE(early.errors.size() == 1);
    CHECK(early.errors[0].code == "answers.too_early");
    CHECK(early.errors[0].message == "Please give a date from 26 March 1926.");
    CHECK(early.status == Status::incomplete);
    CHECK(screen(bounded(), input(drinker("2026-03-01"), "2026-03-01")).errors.empty());
    CHECK(screen(bounded(), input(drinker("1926-03-26"), "2026-03-01")).errors.empty());
}

TEST_CASE("v2: without the engine text the bound error keeps the engine's English message") {
    Json document = bounded_document();
    for (const char* lang : {"en", "pl"}) document["locales"][lang].erase("answer.too_late");
    const auto rules = load(document);
    const ScreenResult result = screen(*rules, input(drinker("2026-03-02"), "2026-03-01"));
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].message == "2026-03-02 is after 2026-03-01, the latest date allowed");
}

TEST_CASE("v2: a wait pushed past the engine's dates is an answer error, never eligible") {
    // No bound on the date: the finding's date_add leaves the range.
    const ScreenResult result = screen(minimal(), input(drinker("2199-12-30"), "2026-03-01"));
    CHECK(result.status == Status::incomplete);
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].code == "answers.date_range");
    CHECK(result.errors[0].path == "/alcohol_last");
    CHECK(screen_status(minimal(), input(drinker("2199-12-30"), "2026-03-01")) ==
          Status::incomplete);
}

TEST_CASE("v2: question texts fill in their own parameters, dates and plurals") {
    const ScreenResult result = screen(bounded(), input(clean_answers(), "2026-11-25"));
    const Json json = result.to_json(bounded(), input(clean_answers(), "2026-11-25"));
    CHECK(json["question_texts"]["alcohol_recent"]["text"] ==
          "Any alcohol since 22 November 2026? (3 days)");
    CHECK(json["question_texts"]["age"]["help"] == "In full years.");
    CHECK_FALSE(json["question_texts"].contains("alcohol_last"));  // not asked
    const ScreenInput pl = input(clean_answers(), "2026-11-25", "pl");
    CHECK(screen(bounded(), pl).question_texts.at("alcohol_recent").text ==
          "Alkohol od 22 listopada 2026? (3 dni)");
}

TEST_CASE("v2: finding texts see earliest and today") {
    const ScreenResult result = screen(bounded(), input(drinker("2026-11-20"), "2026-11-21"));
    REQUIRE(result.findings.size() == 1);
    CHECK(result.findings[0].until == "until 23 November 2026 (today is 21 November 2026)");
}

TEST_CASE("v2: loading rejects malformed texts, bounds and parameters with their paths") {
    const auto errors_of = [](const std::string& patch) {
        const auto rules = load_ruleset(patched_minimal(patch));
        REQUIRE_FALSE(rules.ok());
        return rules.errors();
    };
    CHECK(
        errors_of(R"([{"op": "replace", "path": "/locales/pl/q.age", "value": "Ile {lat?"}])")[0] ==
        Error{"rules.bad_text", "/locales/pl/q.age",
              "at character 9: expected '}' or ',' after the parameter name"});
    CHECK(errors_of(R"([{"op": "add", "path": "/questions/0/max_days", "value": 0}])")[0] ==
          Error{"rules.unexpected_field", "/questions/0/max_days",
                "\"max_days\" is only for date questions"});
    CHECK(errors_of(R"([{"op": "add", "path": "/questions/5/min_days", "value": 5},
                        {"op": "add", "path": "/questions/5/max_days", "value": 0}])")[0] ==
          Error{"rules.date_bounds", "/questions/5/max_days", "min_days 5 is above max_days 0"});
    CHECK(errors_of(
              R"([{"op": "add", "path": "/questions/5/params", "value": {"x": {"var": "age"}}}])")
              [0] ==
          Error{"rules.param_reads_answer", "/questions/5/params/x",
                "a question's parameter is evaluated without answers; it may read only today and "
                "settings"});
    CHECK(errors_of(R"([{"op": "remove", "path": "/locales/pl/answer.too_late"}])")[0] ==
          Error{"rules.missing_translation", "/locales/pl",
                "missing \"answer.too_late\" (\"en\" has it)"});
}

// The verifier words every question once (word_questions) and screens many answer sets with
// those texts: screen() must give what it gives without them, and use them only on their day.
TEST_CASE("v2: question texts worked out once read the same, and only on their day and language") {
    const ScreenInput on_day = input(drinker("2026-02-20"), "2026-03-01");
    const WordedQuestions worded = word_questions(bounded(), on_day);
    CHECK(worded.lang == "en");
    CHECK(worded.texts.size() == bounded().questions.size());
    CHECK(worded.texts.at("alcohol_recent").text == "Any alcohol since 26 February 2026? (3 days)");
    const ScreenResult plain = screen(bounded(), on_day);
    const ScreenResult reused = screen(bounded(), on_day, nullptr, &worded);
    CHECK(reused.to_json(bounded(), on_day) == plain.to_json(bounded(), on_day));

    // They are read: a text changed in them shows...
    WordedQuestions changed = worded;
    changed.texts["alcohol_recent"].text = "from the cache";
    CHECK(screen(bounded(), on_day, nullptr, &changed).question_texts.at("alcohol_recent").text ==
          "from the cache");
    // ...but not on another day, nor in another language.
    const ScreenInput next_day = input(drinker("2026-02-20"), "2026-03-02");
    CHECK(screen(bounded(), next_day, nullptr, &changed).question_texts.at("alcohol_recent").text ==
          "Any alcohol since 27 February 2026? (3 days)");
    const ScreenInput polish = input(drinker("2026-02-20"), "2026-03-01", "pl");
    CHECK(screen(bounded(), polish, nullptr, &changed).question_texts.at("alcohol_recent").text ==
          "Alkohol od 26 lutego 2026? (3 dni)");
}

TEST_CASE("v2: a question whose parameter fails is worded, and fails, on every screening") {
    const auto rules = load(patched_minimal(R"json([
      {"op": "add", "path": "/questions/4/params", "value":
        {"since": {"date_add": [{"today": []}, 100000]}}},
      {"op": "replace", "path": "/locales/en/q.alcohol_recent", "value": "Any alcohol since {since, date}?"},
      {"op": "replace", "path": "/locales/pl/q.alcohol_recent", "value": "Alkohol od {since, date}?"}
    ])json"));
    const ScreenInput on_day = input(clean_answers(), "2026-03-01");
    const WordedQuestions worded = word_questions(*rules, on_day);
    CHECK(worded.texts.count("alcohol_recent") == 0);
    CHECK(worded.texts.count("age") == 1);
    for (int round = 0; round < 2; ++round) {
        const ScreenResult result = screen(*rules, on_day, nullptr, &worded);
        CHECK(result.status == Status::incomplete);
        CHECK(result.to_json(*rules, on_day) == screen(*rules, on_day).to_json(*rules, on_day));
        bool reported = false;
        for (const Error& error : result.errors) reported |= error.code == "logic.date_range";
        CHECK(reported);
    }
}
