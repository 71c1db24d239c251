// The overall status: precedence of findings, and incomplete over everything.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/screen/status.hpp"
#include "tests/unit/screen/screen_fixture.hpp"

using namespace meso;
using meso::screen_test::clean_answers;
using meso::screen_test::input;
using meso::screen_test::minimal;

namespace {

std::vector<std::string> ids(const std::vector<FindingResult>& findings) {
    std::vector<std::string> out;
    for (const FindingResult& finding : findings) out.push_back(finding.id);
    return out;
}

}  // namespace

TEST_CASE("status_of: the status each severity gives on its own") {
    CHECK(status_of(Severity::consult) == Status::consult);
    CHECK(status_of(Severity::postpone) == Status::postpone);
    CHECK(status_of(Severity::ineligible) == Status::ineligible);
}

TEST_CASE("screen: status from the answers") {
    struct Case {
        Json changes;
        Status expected;
        std::vector<std::string> findings;
    };
    const std::vector<Case> cases = {
        {Json::object(), Status::eligible, {}},
        {{{"age", 15}}, Status::consult, {"minor"}},
        {{{"pregnant", true}}, Status::postpone, {"pregnancy"}},
        {{{"pregnant", true}, {"age", 15}},
         Status::postpone,
         {"pregnancy", "pregnant_minor", "minor"}},
        {{{"cancer", true}, {"age", 15}}, Status::ineligible, {"cancer", "minor"}},
        {{{"cancer", true}, {"pregnant", true}},
         Status::ineligible,
         {"cancer", "cancer_and_pregnant", "pregnancy"}},
        {{{"concerns", {"filler_overcorrection"}}}, Status::consult, {"doctor_only_concern"}},
    };
    for (const Case& c : cases) {
        CAPTURE(c.changes.dump());
        Json answers = meso::screen_test::clean_answers();
        answers.merge_patch(c.changes);
        const ScreenResult result = screen(minimal(), input(answers));
        CHECK(result.errors.empty());
        CHECK(result.missing.empty());
        CHECK(result.status == c.expected);
        CHECK(screen_status(minimal(), input(answers)) == c.expected);
        CHECK(ids(result.findings) == c.findings);
    }
}

TEST_CASE("screen: missing answers give incomplete but every finding is still listed") {
    const ScreenResult result = screen(minimal(), input({{"cancer", true}}));
    CHECK(result.status == Status::incomplete);
    CHECK(screen_status(minimal(), input({{"cancer", true}})) == Status::incomplete);
    CHECK(result.missing == std::vector<std::string>{"age", "sex", "pregnant", "concerns"});
    // (JsonLogic compares a missing age as 0, so the made-up "minor" rule fires too)
    CHECK(ids(result.findings) == std::vector<std::string>{"cancer", "minor"});
    CHECK_FALSE(result.earliest_start);
    CHECK_FALSE(result.plan);
}

TEST_CASE("screen: visibility") {
    SUBCASE("nothing answered: only unconditional questions and those shown by default") {
        const ScreenResult result = screen(minimal(), input(Json::object()));
        CHECK(result.visible ==
              std::vector<std::string>{"age", "sex", "pregnant", "cancer", "concerns"});
        CHECK(result.missing == result.visible);
        CHECK(result.ignored.empty());
    }
    SUBCASE("answers to hidden questions are ignored, even invalid ones") {
        Json answers = clean_answers();
        answers["sex"] = "male";
        answers["pregnant"] = "maybe";
        const ScreenResult result = screen(minimal(), input(answers));
        CHECK(result.errors.empty());
        CHECK(result.ignored == std::vector<std::string>{"pregnant"});
        CHECK(result.status == Status::eligible);
    }
    SUBCASE("a hidden answer hides what depends on it, transitively") {
        Json answers = clean_answers();
        answers["age"] = 15;
        answers["alcohol_recent"] = true;
        answers["alcohol_last"] = "2026-02-28";
        const ScreenResult result = screen(minimal(), input(answers));
        CHECK(result.ignored == std::vector<std::string>{"alcohol_recent", "alcohol_last"});
        CHECK(ids(result.findings) == std::vector<std::string>{"minor"});
        CHECK(result.status == Status::consult);
    }
    SUBCASE("an optional question may stay unanswered") {
        Json answers = clean_answers();
        answers["alcohol_recent"] = true;
        const ScreenResult result = screen(minimal(), input(answers));
        CHECK(result.missing.empty());
        CHECK(std::find(result.visible.begin(), result.visible.end(), "alcohol_last") !=
              result.visible.end());
        CHECK(ids(result.findings) == std::vector<std::string>{"alcohol", "alcohol_no_date"});
    }
}

TEST_CASE("screen: to_json follows the output contract") {
    Json answers = clean_answers();
    answers["alcohol_recent"] = true;
    answers["alcohol_last"] = "2026-02-27";
    answers["concerns"] = {"filler_overcorrection"};
    const ScreenInput in = input(answers, "2026-03-01", "pl");
    const Json out = screen(minimal(), in).to_json(minimal(), in);
    CHECK(out["ruleset"] == Json{{"id", "minimal-test"}, {"version", "0.1.0"}});
    CHECK(out["lang"] == "pl");
    CHECK(out["today"] == "2026-03-01");
    CHECK(out["status"] == "postpone");
    CHECK(out["status_text"] == "Nie teraz: prosimy poczekać.");
    CHECK(out["disclaimer"] ==
          "To nie jest diagnoza; decyzję podejmuje lekarz podczas konsultacji.");
    CHECK(out["visible"] == Json{"age", "sex", "pregnant", "cancer", "alcohol_recent",
                                 "alcohol_last", "concerns", "areas"});
    CHECK(out["missing"] == Json::array());
    CHECK(out["errors"] == Json::array());
    CHECK(out["ignored"] == Json::array());
    CHECK(out["findings"] == Json::parse(R"([
            {"id": "alcohol", "severity": "postpone", "earliest": "2026-03-02",
             "text": "Alkohol rozrzedza krew.",
             "until": "co najmniej 3 dni po ostatnim alkoholu, od 2026-03-02",
             "sources": ["002"]},
            {"id": "doctor_only_concern", "severity": "consult",
             "text": "Ten problem wymaga oceny lekarza.", "sources": ["004"]}
          ])"));
    CHECK(out["earliest_start"] == "2026-03-02");
    REQUIRE(out.contains("plan"));
    CHECK(out["plan"]["general_figures"] == Json{"filler_overcorrection"});
    CHECK(out["plan"]["general_figures_text"] ==
          "Źródła nie podają osobnych liczb dla Nadkorekcja wypełniacza; plan używa ogólnych.");

    SUBCASE("errors serialize with code, path and message; no plan when incomplete") {
        const ScreenInput bad = input({{"age", "x"}});
        const Json json = screen(minimal(), bad).to_json(minimal(), bad);
        CHECK(json["lang"] == "en");
        CHECK(json["status"] == "incomplete");
        CHECK(json["errors"] == Json::parse(R"([{"code": "answers.wrong_type", "path": "/age",
                                                  "message": "expected an integer"}])"));
        CHECK(json["earliest_start"].is_null());
        CHECK_FALSE(json.contains("plan"));
    }
    SUBCASE("an unknown language falls back to the default one") {
        const ScreenInput other = input(answers, "2026-03-01", "xx");
        CHECK(screen(minimal(), other).to_json(minimal(), other)["lang"] == "en");
    }
}
