// + - * / % max min. + and * read operands with parseFloat, the others with Number().
#include <doctest/doctest.h>

#include <initializer_list>
#include <limits>

#include "core/logic/program.hpp"
#include "tests/unit/logic/logic_cases.hpp"

using meso::logic::Json;
using meso::logic::Program;
using meso::logic::test::Case;
using meso::logic::test::check_cases;
using meso::logic::test::run;

TEST_CASE("logic +: parseFloat of every operand, one operand makes a number") {
    check_cases({
        {R"({"+": []})", "null", "0"},
        {R"({"+": ["1", 1]})", "null", "2"},
        {R"({"+": "3"})", "null", "3"},
        {R"({"+": ["1.5", "2.5"]})", "null", "4"},
        {R"({"+": ["12px"]})", "null", "12"},
        {R"({"+": [" 12 "]})", "null", "12"},
        {R"({"+": [[5]]})", "null", "5"},
        {R"({"+": [[5, 6]]})", "null", "5"},   // parseFloat("5,6")
        {R"({"+": [null]})", "null", "null"},  // NaN, which JSON writes as null
        {R"({"+": [true]})", "null", "null"},
        {R"({"+": ["abc"]})", "null", "null"},
        {R"({"+": [0.1, 0.2]})", "null", "0.30000000000000004"},
    });
}

TEST_CASE("logic - * /: negation, products and quotients") {
    check_cases({
        {R"({"-": [3]})", "null", "-3"},
        {R"({"-": "3"})", "null", "-3"},
        {R"({"-": [null]})", "null", "0"},          // -0 prints as 0
        {R"({"-": ["", 1]})", "null", "-1"},        // Number("") is 0
        {R"({"-": ["12px", 1]})", "null", "null"},  // Number("12px") is NaN
        {R"({"-": [true, "2"]})", "null", "-1"},
        {R"({"*": ["2", 3]})", "null", "6"},
        {R"({"*": ["x"]})", "null", R"("x")"},  // one operand comes back unconverted
        {R"({"*": [2, "3px"]})", "null", "6"},
        {R"({"*": [2, null]})", "null", "null"},
        {R"({"/": [4, 2]})", "null", "2"},
        {R"({"/": [1, 4]})", "null", "0.25"},
        {R"({"/": ["6", [3]]})", "null", "2"},
        {R"({"/": [1, 0]})", "null", "null"},  // Infinity
        {R"({"/": [0, 0]})", "null", "null"},  // NaN
    });
}

TEST_CASE("logic %: the sign of the dividend, as in JavaScript") {
    check_cases({
        {R"({"%": [7, 3]})", "null", "1"},
        {R"({"%": [-7, 3]})", "null", "-1"},
        {R"({"%": [7, -3]})", "null", "1"},
        {R"({"%": [5.5, 2]})", "null", "1.5"},
        {R"({"%": ["9", "4"]})", "null", "1"},
        {R"({"%": [1, 0]})", "null", "null"},
    });
}

TEST_CASE("logic max/min: Number() of each operand; none gives ∓Infinity, written null") {
    check_cases({
        {R"({"max": [1, "5", 3]})", "null", "5"},
        {R"({"min": [1, "5", 3]})", "null", "1"},
        {R"({"max": [null, -1]})", "null", "0"},
        {R"({"max": ["a", 1]})", "null", "null"},
        {R"({"max": []})", "null", "null"},
        {R"({"min": []})", "null", "null"},
        {R"({"min": [[2], "0x10"]})", "null", "2"},
    });
}

TEST_CASE("logic numbers: integral results are JSON integers, others stay doubles") {
    const auto program = Program::compile(Json::parse(R"({"/": [{"var": "a"}, 2]})"));
    REQUIRE(program.ok());
    const auto whole = program->evaluate(Json::parse(R"({"a": 4})"));
    REQUIRE(whole.ok());
    CHECK(whole->is_number_integer());
    CHECK(whole->dump() == "2");
    const auto half = program->evaluate(Json::parse(R"({"a": 3})"));
    REQUIRE(half.ok());
    CHECK(half->dump() == "1.5");
    const double infinity = std::numeric_limits<double>::infinity();
    const Json data = Json::array({2.0, -0.0, Json{{"x", infinity}}});
    const auto passed = Program::compile(Json::parse(R"({"var": ""})"))->evaluate(data);
    REQUIRE(passed.ok());
    CHECK(passed->dump() == R"([2,0,{"x":null}])");
}
