// map filter reduce all none some merge in (arrays): per-item scopes and JS identity.
#include <doctest/doctest.h>

#include <initializer_list>

#include "core/logic/program.hpp"
#include "tests/unit/logic/logic_cases.hpp"

using meso::logic::Json;
using meso::logic::Program;
using meso::logic::test::Case;
using meso::logic::test::check_cases;
using meso::logic::test::run;

TEST_CASE("logic map and filter run their second argument on each item") {
    check_cases({
        {R"({"map": [{"var": "xs"}, {"*": [{"var": ""}, 2]}]})", R"({"xs": [1, 2]})", "[2, 4]"},
        {R"({"map": [{"var": "xs"}, {"var": "q"}]})", R"({"xs": [{"q": 1}, {}]})", "[1, null]"},
        {R"({"map": ["str", 1]})", "null", "[]"},
        {R"({"map": [{"var": "none"}, 1]})", "{}", "[]"},
        {R"({"filter": [[0, "", null, [], "0", 3], {"var": ""}]})", "null", R"(["0", 3])"},
        {R"({"filter": [5, true]})", "null", "[]"},
        {R"({"map": [{"var": "rows"}, {"reduce": [{"var": "cells"},
             {"+": [{"var": "accumulator"}, {"var": "current"}]}, 0]}]})",
         R"({"rows": [{"cells": [1, 2]}, {"cells": [3]}]})", "[3, 3]"},
        {R"({"map": [[[1]], {"==": [{"var": ""}, {"var": ""}]}]})", "null", "[true]"},
    });
}

TEST_CASE("logic reduce sees {current, accumulator}") {
    check_cases({
        {R"({"reduce": [[1, 2, 3], {"cat": [{"var": "accumulator"}, {"var": "current"}]}]})",
         "null", R"("123")"},
        {R"({"reduce": [[1], {"var": ""}, 0]})", "null", R"({"current": 1, "accumulator": 0})"},
        {R"({"reduce": [[1, 2], {"var": "current"}, 0]})", "null", "2"},
        {R"({"reduce": [[1, 2], {"var": "accumulator"}, {"var": "s"}]})", R"({"s": [7]})", "[7]"},
        {R"({"reduce": [[[1], [2]], {"merge": [{"var": "accumulator"}, {"var": "current"}]}, []]})",
         "null", "[1, 2]"},
        {R"({"reduce": ["abc", 1, {"var": "s"}]})", R"({"s": 5})", "5"},
        {R"({"reduce": [{"var": "xs"}, {"max": [{"var": "accumulator"}, {"var": "current.x"}]},
             0]})",
         R"({"xs": [{"x": 2}, {"x": 5}]})", "5"},
        {R"({"reduce": [[1, 2], {"var": "other"}, 0]})", "null", "null"},
    });
}

TEST_CASE("logic all / none / some") {
    check_cases({
        {R"({"all": [[1, 2], {"var": ""}]})", "null", "true"},
        {R"({"all": [[1, 0], {"var": ""}]})", "null", "false"},
        {R"({"all": [[], true]})", "null", "false"},  // as json-logic-js: empty is not "all"
        {R"({"all": ["ab", true]})", "null", "false"},
        {R"({"none": [[0, ""], {"var": ""}]})", "null", "true"},
        {R"({"none": [[0, 1], {"var": ""}]})", "null", "false"},
        {R"({"none": [null, true]})", "null", "true"},
        {R"({"some": [[0, "", 3], {"var": ""}]})", "null", "true"},
        {R"({"some": [[0, ""], {"var": ""}]})", "null", "false"},
        {R"({"some": [[], true]})", "null", "false"},
    });
}

TEST_CASE("logic merge flattens one level") {
    check_cases({
        {R"({"merge": []})", "null", "[]"},
        {R"({"merge": [[1], [2, [3]]]})", "null", "[1, 2, [3]]"},
        {R"({"merge": [1, null, "a"]})", "null", R"([1, null, "a"])"},
        {R"({"merge": [{"var": "a"}, {"var": "b"}]})", R"({"a": [1], "b": 2})", "[1, 2]"},
    });
}

TEST_CASE("logic in on arrays compares with ===") {
    check_cases({
        {R"({"in": [1, [1, 2]]})", "null", "true"},
        {R"({"in": [1, [1.0]]})", "null", "true"},
        {R"({"in": ["1", [1, 2]]})", "null", "false"},
        {R"({"in": [null, [null]]})", "null", "true"},
        {R"({"in": [[1], [[1]]]})", "null", "false"},
        {R"({"in": [{"var": "a.0"}, {"var": "a"}]})", R"({"a": [[1]]})", "true"},
        {R"({"in": [1, 123]})", "null", "false"},
        {R"({"in": [1, null]})", "null", "false"},
        {R"({"in": [{"var": "c"}, ["botox", "filler"]]})", R"({"c": "filler"})", "true"},
    });
}
