// if / ?:, or, and, !, !! and JsonLogic truthiness.
#include <doctest/doctest.h>

#include <cmath>
#include <initializer_list>

#include "core/logic/program.hpp"
#include "tests/unit/logic/logic_cases.hpp"

using meso::logic::Json;
using meso::logic::Program;
using meso::logic::test::Case;
using meso::logic::test::check_cases;
using meso::logic::test::run;

TEST_CASE("logic truthy: empty arrays are false, \"0\" is true") {
    using meso::logic::truthy;
    CHECK_FALSE(truthy(Json()));
    CHECK_FALSE(truthy(Json(false)));
    CHECK_FALSE(truthy(Json(0)));
    CHECK_FALSE(truthy(Json(0.0)));
    CHECK_FALSE(truthy(Json(-0.0)));
    CHECK_FALSE(truthy(Json(std::nan(""))));
    CHECK_FALSE(truthy(Json("")));
    CHECK_FALSE(truthy(Json::array()));
    CHECK(truthy(Json(true)));
    CHECK(truthy(Json(-1)));
    CHECK(truthy(Json(0.5)));
    CHECK(truthy(Json("0")));
    CHECK(truthy(Json(" ")));
    CHECK(truthy(Json::array({0})));
    CHECK(truthy(Json::object()));
}

TEST_CASE("logic if: pairs of condition and result, then an optional else") {
    check_cases({
        {R"({"if": []})", "null", "null"},
        {R"({"if": [0]})", "null", "0"},
        {R"({"if": {"var": "x"}})", R"({"x": "only"})", R"("only")"},
        {R"({"if": [false, 1, true]})", "null", "true"},
        {R"({"if": [false, 1, false, 2]})", "null", "null"},
        {R"({"if": [false, 1, "", 2, [0], 3, 4]})", "null", "3"},
        {R"({"if": [{"var": "a"}, "yes", "no"]})", R"({"a": []})", R"("no")"},
        {R"({"if": [{"var": "a"}, "yes", "no"]})", R"({"a": "0"})", R"("yes")"},
        {R"({"?:": [{"<": [1, 2]}, "lt", "ge"]})", "null", R"("lt")"},
    });
}

TEST_CASE("logic or/and return the operand that decided") {
    check_cases({
        {R"({"or": [0, "", "x", "y"]})", "null", R"("x")"},
        {R"({"or": [0, ""]})", "null", R"("")"},
        {R"({"or": [{"var": "n"}, {"var": "e"}]})", R"({"n": null, "e": []})", "[]"},
        {R"({"and": [1, "a", []]})", "null", "[]"},
        {R"({"and": [1, "a", [0]]})", "null", "[0]"},
        {R"({"and": [{"var": "o"}]})", R"({"o": {"k": 1}})", R"({"k": 1})"},
        {R"({"and": true})", "null", "true"},
    });
}

TEST_CASE("logic or/and stop at the deciding operand") {
    meso::logic::CompileOptions options;
    options.limits.max_steps = 3;  // or, the literal, nothing more
    const auto program =
        Program::compile(Json::parse(R"({"or": [true, {"+": [1, {"+": [2, 3]}]}]})"), options);
    REQUIRE(program.ok());
    const auto result = program->evaluate(Json());
    REQUIRE(result.ok());
    CHECK(*result == Json(true));
}

TEST_CASE("logic ! and !!") {
    check_cases({
        {R"({"!": [[]]})", "null", "true"},
        {R"({"!": {"var": "a"}})", R"({"a": "0"})", "false"},
        {R"({"!!": ["0"]})", "null", "true"},
        {R"({"!!": [{"var": "o"}]})", R"({"o": {}})", "true"},
        {R"({"!!": {"/": [0, 0]}})", "null", "false"},
        {R"({"!": null})", "null", "true"},
    });
}
