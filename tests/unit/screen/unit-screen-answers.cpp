// Answer validation: every error code, with its exact path and message, and what an invalid
// answer does to the screening (it counts as unanswered and makes the status incomplete).
#include <doctest/doctest.h>

#include "core/screen/answers.hpp"
#include "tests/unit/screen/screen_fixture.hpp"

using namespace meso;
using meso::screen_test::clean_answers;
using meso::screen_test::input;
using meso::screen_test::minimal;

namespace {

ScreenResult screen_with(const std::string& key, const Json& value) {
    Json answers = clean_answers();
    answers["alcohol_recent"] = true;  // shows alcohol_last
    answers[key] = value;
    return screen(minimal(), input(answers));
}

}  // namespace

TEST_CASE("answers: each error has a stable code, a JSON Pointer and an exact message") {
    struct Case {
        const char* key;
        Json value;
        Error expected;
    };
    const std::vector<Case> cases = {
        {"age", "30", {"answers.wrong_type", "/age", "expected an integer"}},
        {"age", 18.5, {"answers.wrong_type", "/age", "expected an integer"}},
        {"age", true, {"answers.wrong_type", "/age", "expected an integer"}},
        {"age", 121, {"answers.out_of_range", "/age", "121 is outside the allowed range 0 to 120"}},
        {"age", -1, {"answers.out_of_range", "/age", "-1 is outside the allowed range 0 to 120"}},
        {"age",
         1e300,
         {"answers.out_of_range", "/age", "1e+300 is outside the allowed range 0 to 120"}},
        {"age",
         Json(18446744073709551615ull),
         {"answers.out_of_range", "/age",
          "18446744073709551615 is outside the allowed range 0 to 120"}},
        {"cancer", "no", {"answers.wrong_type", "/cancer", "expected a boolean (true or false)"}},
        {"cancer", 0, {"answers.wrong_type", "/cancer", "expected a boolean (true or false)"}},
        {"sex", 1, {"answers.wrong_type", "/sex", "expected one option id (a string)"}},
        {"sex",
         "alien",
         {"answers.unknown_option", "/sex", "\"alien\" is not an option of \"sex\""}},
        {"concerns",
         "wrinkles",
         {"answers.wrong_type", "/concerns", "expected an array of option ids"}},
        {"concerns",
         {"wrinkles", 3},
         {"answers.wrong_type", "/concerns/1", "expected an option id (a string)"}},
        {"concerns",
         {"wrinkles", "wrinkles"},
         {"answers.duplicate_option", "/concerns/1", "\"wrinkles\" is chosen more than once"}},
        {"concerns",
         {"botox"},
         {"answers.unknown_option", "/concerns/0", "\"botox\" is not an option of \"concerns\""}},
        {"areas",
         {"face", "scalp"},
         {"answers.not_offered", "/areas/1", "\"scalp\" is not offered for the chosen concerns"}},
        {"areas",
         {"elbow"},
         {"answers.unknown_option", "/areas/0", "\"elbow\" is not an option of \"areas\""}},
        {"alcohol_last",
         "2026-02-30",
         {"answers.bad_date", "/alcohol_last",
          "\"2026-02-30\" is not a valid YYYY-MM-DD date between 1900-01-01 and 2199-12-31"}},
        {"alcohol_last",
         "28.02.2026",
         {"answers.bad_date", "/alcohol_last",
          "\"28.02.2026\" is not a valid YYYY-MM-DD date between 1900-01-01 and 2199-12-31"}},
        {"alcohol_last",
         20260228,
         {"answers.wrong_type", "/alcohol_last", "expected a date as a \"YYYY-MM-DD\" string"}},
        {"pregant", true, {"answers.unknown_key", "/pregant", "\"pregant\" is not a question id"}},
        {"a/b~c", 1, {"answers.unknown_key", "/a~1b~0c", "\"a/b~c\" is not a question id"}},
    };
    for (const Case& c : cases) {
        CAPTURE(c.key);
        CAPTURE(c.value.dump());
        const ScreenResult result = screen_with(c.key, c.value);
        REQUIRE(result.errors.size() == 1);
        CHECK(result.errors[0] == c.expected);
        CHECK(result.status == Status::incomplete);
        CHECK_FALSE(result.plan);
        CHECK_FALSE(result.earliest_start);
    }
}

TEST_CASE("answers: an answers value that is not an object is one error at the root") {
    for (const Json& answers : {Json::array(), Json("age=30"), Json(3)}) {
        const ScreenResult result = screen(minimal(), input(answers));
        REQUIRE(result.errors.size() == 1);
        CHECK(result.errors[0] ==
              Error{"answers.wrong_type", "", "the answers must be a JSON object"});
        CHECK(result.status == Status::incomplete);
    }
}

TEST_CASE("answers: valid values that need care") {
    SUBCASE("an integral float is an integer") {
        CHECK(screen_with("age", 18.0).errors.empty());
        const AnswerCheck check =
            check_answer(minimal(), *minimal().question("age"), Json(18.0), Json::object());
        REQUIRE(check.value);
        CHECK(check.value->is_number_integer());
        CHECK(*check.value == 18);
    }
    SUBCASE("the bounds are inclusive") {
        CHECK(screen_with("age", 0).errors.empty());
        CHECK(screen_with("age", 120).errors.empty());
    }
    SUBCASE("null is unanswered, not an error, even for an unknown key") {
        const ScreenResult result = screen_with("bogus", nullptr);
        CHECK(result.errors.empty());
        CHECK(screen_with("age", nullptr).missing == std::vector<std::string>{"age"});
    }
    SUBCASE("every element problem is reported") {
        const ScreenResult result = screen_with("concerns", {"x", 1, "x"});
        REQUIRE(result.errors.size() == 3);
        CHECK(result.errors[0].path == "/concerns/0");
        CHECK(result.errors[1].path == "/concerns/1");
        CHECK(result.errors[2] ==
              Error{"answers.duplicate_option", "/concerns/2", "\"x\" is chosen more than once"});
    }
}

TEST_CASE("answers: an invalid answer counts as unanswered") {
    const ScreenResult result = screen(minimal(), input({{"age", "30"}, {"alcohol_recent", true}}));
    // age unreadable: the question that depends on it is not asked, and age is missing
    CHECK(result.missing ==
          std::vector<std::string>{"age", "sex", "pregnant", "cancer", "concerns"});
    CHECK(result.ignored == std::vector<std::string>{"alcohol_recent"});
    SUBCASE("and never raises a finding") {
        const ScreenResult old = screen_with("age", 100.5);
        for (const FindingResult& finding : old.findings) CHECK(finding.id != "very_old");
    }
}

TEST_CASE("answers: an area of a concern no longer chosen is dropped with an error") {
    Json answers = clean_answers();
    answers["areas"] = {"scalp", "face"};
    const ScreenResult result = screen(minimal(), input(answers));
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].code == "answers.not_offered");
    CHECK(result.errors[0].path == "/areas/0");
    CHECK(result.missing.empty());
    CHECK(result.status == Status::incomplete);
    // the rest of the answer is still read
    CHECK(chosen_areas(minimal(), Json{{"concerns", {"wrinkles"}}, {"areas", {"face"}}}) ==
          std::vector<std::string>{"face"});
}

TEST_CASE("answers: options offered") {
    const RuleSet& rules = minimal();
    const Question& areas = *rules.question("areas");
    CHECK(offered_options(rules, areas, Json::object()).empty());
    // areas of every chosen concern, once each, in the rule set's area order
    CHECK(offered_options(rules, areas,
                          {{"concerns", {"hair_loss", "filler_overcorrection", "wrinkles"}}}) ==
          std::vector<std::string>{"face", "neck", "scalp"});
    CHECK(offered_options(rules, *rules.question("concerns"), Json::object()) ==
          std::vector<std::string>{"wrinkles", "hair_loss", "filler_overcorrection"});
    CHECK(offered_options(rules, *rules.question("sex"), Json::object()) ==
          std::vector<std::string>{"female", "male", "other"});
    CHECK(chosen_concerns(rules, {{"concerns", {"filler_overcorrection", "wrinkles"}}}) ==
          std::vector<std::string>{"wrinkles", "filler_overcorrection"});
}
