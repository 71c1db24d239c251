// Extensions for rule sets: today, date_add, days_between, setting.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "core/logic/program.hpp"

using meso::logic::CompileOptions;
using meso::logic::EvalContext;
using meso::logic::Json;
using meso::logic::Program;

namespace {

Json run(const char* rule, const char* data = "null", const std::string& today = "") {
    const auto program = Program::compile(Json::parse(rule));
    if (!program) return "compile: " + program.errors().front().to_string();
    const auto result = program->evaluate(Json::parse(data), EvalContext{today});
    if (!result) return "evaluate: " + result.errors().front().to_string();
    return *result;
}

const std::map<std::string, Json> settings = {
    {"wait_days", 14}, {"concerns", Json::array({"cellulite", "hair_loss"})}, {"label", "x"}};

meso::Result<Program> with_settings(const char* rule, const std::map<std::string, Json>* s) {
    CompileOptions options;
    options.settings = s;
    return Program::compile(Json::parse(rule), options, "/findings/2/when");
}

}  // namespace

TEST_CASE("logic today is the context's date, or null") {
    CHECK(run(R"({"today": []})", "null", "2026-03-01") == "2026-03-01");
    CHECK(run(R"({"today": []})", "null", "") == nullptr);
    CHECK(run(R"({"today": []})", "null", "2026-13-01") == nullptr);
}

TEST_CASE("logic date_add adds whole days to an ISO date") {
    CHECK(run(R"({"date_add": ["2026-01-30", 30]})") == "2026-03-01");
    CHECK(run(R"({"date_add": ["2024-02-28", 1]})") == "2024-02-29");
    CHECK(run(R"({"date_add": ["2026-03-01", -1]})") == "2026-02-28");
    CHECK(run(R"({"date_add": ["2026-03-01", 2.0]})") == "2026-03-03");
    CHECK(run(R"({"date_add": [{"today": []}, 14]})", "null", "2026-12-25") == "2027-01-08");
    CHECK(run(R"({"date_add": [{"var": "d"}, {"var": "n"}]})", R"({"d": "2026-05-01", "n": 3})") ==
          "2026-05-04");
}

TEST_CASE("logic date_add is null for anything but a valid date and a whole number") {
    for (const char* rule :
         {R"({"date_add": ["2026-02-30", 1]})", R"({"date_add": ["2026-2-3", 1]})",
          R"({"date_add": [null, 1]})", R"({"date_add": [20260101, 1]})",
          R"({"date_add": ["2026-01-01", 1.5]})", R"({"date_add": ["2026-01-01", "3"]})",
          R"({"date_add": ["2026-01-01", null]})", R"({"date_add": ["2026-01-01", {"/": [1, 0]}]})",
          R"({"date_add": ["2026-01-01", 1e300]})", R"({"date_add": ["2199-12-31", 1]})",
          R"({"date_add": ["1900-01-01", -1]})"}) {
        CAPTURE(rule);
        CHECK(run(rule) == nullptr);
    }
}

TEST_CASE("logic days_between counts days from the first date to the second") {
    CHECK(run(R"({"days_between": ["2026-01-01", "2026-03-01"]})") == 59);
    CHECK(run(R"({"days_between": ["2026-03-01", "2026-01-01"]})") == -59);
    CHECK(run(R"({"days_between": ["2024-02-29", "2024-02-29"]})") == 0);
    CHECK(run(R"({"days_between": [{"var": "surgery"}, {"today": []}]})",
              R"({"surgery": "2026-02-20"})", "2026-03-01") == 9);
    CHECK(run(R"({"days_between": ["2026-01-01", "soon"]})") == nullptr);
    CHECK(run(R"({"days_between": [null, "2026-01-01"]})") == nullptr);
}

TEST_CASE("logic setting is folded in when the rule is compiled") {
    const auto program = with_settings(
        R"({"and": [{"<": [{"days_between": [{"var": "d"}, {"today": []}]},
                           {"setting": "wait_days"}]},
                    {"in": [{"var": "c"}, {"setting": ["concerns"]}]}]})",
        &settings);
    REQUIRE(program.ok());
    CHECK(program->number_literals() == std::vector<double>{14});
    CHECK(program->string_literals() == std::vector<std::string>{"cellulite", "hair_loss"});
    const Json answers = Json::parse(R"({"d": "2026-02-20", "c": "hair_loss"})");
    CHECK(*program->evaluate(answers, EvalContext{"2026-03-01"}) == true);
    CHECK(*program->evaluate(answers, EvalContext{"2026-03-06"}) == false);
}

TEST_CASE("logic setting errors") {
    struct Expected {
        const char* rule;
        const std::map<std::string, Json>* settings;
        meso::Error error;
    };
    const Expected cases[] = {
        {R"({"setting": "nope"})",
         &settings,
         {"logic.unknown_setting", "/findings/2/when", "unknown setting \"nope\""}},
        {R"({"!": {"setting": "wait_days"}})",
         nullptr,
         {"logic.settings_unavailable", "/findings/2/when/!",
          "setting \"wait_days\" cannot be read here: no settings are available"}},
        {R"({"setting": 1})",
         &settings,
         {"logic.bad_argument", "/findings/2/when",
          "\"setting\" takes a setting name as a literal string"}},
        {R"({"setting": {"var": "which"}})",
         &settings,
         {"logic.bad_argument", "/findings/2/when",
          "\"setting\" takes a setting name as a literal string"}},
        {R"({"setting": []})",
         &settings,
         {"logic.bad_arity", "/findings/2/when", "\"setting\" takes 1 argument, got 0"}},
    };
    for (const Expected& c : cases) {
        CAPTURE(c.rule);
        const auto program = with_settings(c.rule, c.settings);
        REQUIRE_FALSE(program.ok());
        REQUIRE(program.errors().size() == 1);
        CHECK(program.errors()[0] == c.error);
    }
}

TEST_CASE("logic date extensions reject wrong arities when compiled") {
    const auto program = Program::compile(Json::parse(R"({"date_add": ["2026-01-01"]})"));
    REQUIRE_FALSE(program.ok());
    CHECK(program.errors()[0] ==
          meso::Error{"logic.bad_arity", "", "\"date_add\" takes 2 arguments, got 1"});
    const auto today = Program::compile(Json::parse(R"({"today": [1]})"));
    REQUIRE_FALSE(today.ok());
    CHECK(today.errors()[0] ==
          meso::Error{"logic.bad_arity", "", "\"today\" takes no arguments, got 1"});
}
