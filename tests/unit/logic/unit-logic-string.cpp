// cat (with JavaScript's number text), substr on code points, and `in` on strings.
#include <doctest/doctest.h>

#include <initializer_list>

#include "core/logic/program.hpp"
#include "tests/unit/logic/logic_cases.hpp"

using meso::logic::Json;
using meso::logic::Program;
using meso::logic::test::Case;
using meso::logic::test::check_cases;
using meso::logic::test::run;

TEST_CASE("logic cat writes numbers as JavaScript does") {
    check_cases({
        {R"({"cat": [1, 1.5, " ", 100]})", "null", R"("11.5 100")"},
        {R"({"cat": [1e21]})", "null", R"("1e+21")"},
        {R"({"cat": [1e20]})", "null", R"("100000000000000000000")"},
        {R"({"cat": [1152921504606846976]})", "null", R"("1152921504606847000")"},
        {R"({"cat": [{"+": [0.1, 0.2]}]})", "null", R"("0.30000000000000004")"},
        {R"({"cat": [{"/": [1, 3]}]})", "null", R"("0.3333333333333333")"},
        {R"({"cat": [{"-": [0]}]})", "null", R"("0")"},
        {R"({"cat": [0.000001, " ", 1e-7, " ", 1.5e-7]})", "null", R"("0.000001 1e-7 1.5e-7")"},
        {R"({"cat": [123e-20, " ", -2.5e30]})", "null", R"("1.23e-18 -2.5e+30")"},
        {R"({"cat": [5e-324]})", "null", R"("5e-324")"},
        {R"({"cat": [1.7976931348623157e308]})", "null", R"("1.7976931348623157e+308")"},
        {R"({"cat": [{"/": [1, 0]}, {"/": [-1, 0]}, {"/": [0, 0]}]})", "null",
         R"("Infinity-InfinityNaN")"},
    });
}

TEST_CASE("logic cat joins like Array.prototype.join") {
    check_cases({
        {R"({"cat": []})", "null", R"("")"},
        {R"({"cat": "ice"})", "null", R"("ice")"},
        {R"({"cat": ["a", null, "b"]})", "null", R"("ab")"},  // null joins as nothing
        {R"({"cat": [true, false]})", "null", R"("truefalse")"},
        {R"({"cat": [[1, [2, null]], "|"]})", "null", R"("1,2,|")"},
        {R"({"cat": [{"var": "o"}]})", R"({"o": {"a": 1}})", R"("[object Object]")"},
        {R"({"cat": ["Dr. ", {"var": "name"}]})", R"({"name": "Zoë"})", R"("Dr. Zoë")"},
    });
}

TEST_CASE("logic substr counts code points and takes negative positions") {
    check_cases({
        {R"({"substr": ["jsonlogic", 4]})", "null", R"("logic")"},
        {R"({"substr": ["jsonlogic", -5, -2]})", "null", R"("log")"},
        {R"({"substr": ["héllo", -4]})", "null", R"("éllo")"},
        {R"({"substr": ["héllo", 1, -1]})", "null", R"("éll")"},
        {R"({"substr": ["zoë😀ab", 2, 2]})", "null", R"("ë😀")"},
        {R"({"substr": ["日本語テキスト", -4, 2]})", "null", R"("テキ")"},
        {R"({"substr": ["abc", 5]})", "null", R"("")"},
        {R"({"substr": ["abc", -10, 2]})", "null", R"("ab")"},
        {R"({"substr": ["abc", 1, 0]})", "null", R"("")"},
        {R"({"substr": ["abc", 1, -5]})", "null", R"("")"},
        {R"({"substr": ["abc", "1"]})", "null", R"("bc")"},
        {R"({"substr": ["abc", 1.9, 1.9]})", "null", R"("b")"},
        {R"({"substr": ["abc", 0, null]})", "null", R"("")"},
        {R"({"substr": ["abc", 0, "-1"]})", "null", R"("")"},  // JS adds text: NaN length
        {R"({"substr": [12345, 1, 2]})", "null", R"("23")"},
        {R"({"substr": [null, 0, 2]})", "null", R"("nu")"},  // String(null)
        {R"({"substr": [[1, 2], 1]})", "null", R"(",2")"},
    });
}

TEST_CASE("logic in on strings looks for String(needle)") {
    check_cases({
        {R"({"in": ["Spring", "Springfield"]})", "null", "true"},
        {R"({"in": ["i", "team"]})", "null", "false"},
        {R"({"in": ["é", "café"]})", "null", "true"},
        {R"({"in": [1, "a1"]})", "null", "true"},
        {R"({"in": [null, "nullable"]})", "null", "true"},
        {R"({"in": ["", "x"]})", "null", "true"},
        {R"({"in": ["", ""]})", "null", "false"},  // "" is falsy: json-logic-js says false
    });
}
