// log, and the table of operation names shared by the compiler, the linter and the docs.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/logic/program.hpp"

using meso::logic::Json;
using meso::logic::Program;

TEST_CASE("logic log passes its argument through") {
    const auto program = Program::compile(Json::parse(R"({"log": {"var": "a"}})"));
    REQUIRE(program.ok());
    const auto result = program->evaluate(Json::parse(R"({"a": [1, "x"]})"));
    REQUIRE(result.ok());
    CHECK(*result == Json::parse(R"([1, "x"])"));
    CHECK(*Program::compile(Json::parse(R"({"log": "apple"})"))->evaluate(Json()) == "apple");
}

TEST_CASE("logic operation_names lists the classic operations, then the extensions") {
    const std::vector<std::string> expected = {"var",
                                               "missing",
                                               "missing_some",
                                               "if",
                                               "?:",
                                               "==",
                                               "===",
                                               "!=",
                                               "!==",
                                               "!",
                                               "!!",
                                               "or",
                                               "and",
                                               ">",
                                               ">=",
                                               "<",
                                               "<=",
                                               "max",
                                               "min",
                                               "+",
                                               "-",
                                               "*",
                                               "/",
                                               "%",
                                               "map",
                                               "reduce",
                                               "filter",
                                               "all",
                                               "none",
                                               "some",
                                               "merge",
                                               "in",
                                               "cat",
                                               "substr",
                                               "log",
                                               "today",
                                               "date_add",
                                               "days_between",
                                               "setting"};
    CHECK(meso::logic::operation_names() == expected);
}

TEST_CASE("logic every listed operation is known to the compiler") {
    for (const std::string& name : meso::logic::operation_names()) {
        CAPTURE(name);
        const auto program = Program::compile(Json{{name, Json::array()}});
        if (!program.ok()) CHECK(program.errors().front().code != "logic.unknown_operation");
    }
}

TEST_CASE("logic non-rules pass through") {
    for (const char* text : {"true", "17", "3.5", R"("apple")", "null", R"(["a", 1, [2]])"}) {
        CAPTURE(text);
        const auto program = Program::compile(Json::parse(text));
        REQUIRE(program.ok());
        CHECK(*program->evaluate(Json()) == Json::parse(text));
    }
}

TEST_CASE("logic arrays in a rule evaluate their elements") {
    const auto program = Program::compile(Json::parse(R"([1, {"var": "x"}, [{"var": "y"}]])"));
    REQUIRE(program.ok());
    CHECK(*program->evaluate(Json::parse(R"({"x": 2, "y": 3})")) == Json::parse("[1, 2, [3]]"));
}

TEST_CASE("logic a compiled program is reusable and independent of the rule JSON") {
    Json rule = Json::parse(R"({"+": [{"var": "a"}, 1]})");
    const auto program = Program::compile(rule);
    REQUIRE(program.ok());
    rule = nullptr;
    CHECK(*program->evaluate(Json::parse(R"({"a": 1})")) == 2);
    CHECK(*program->evaluate(Json::parse(R"({"a": 41})")) == 42);
}
