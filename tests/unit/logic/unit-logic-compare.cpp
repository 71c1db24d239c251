// == === != !== > >= < <= with JavaScript's coercions and the between forms of < and <=.
#include <doctest/doctest.h>

#include <initializer_list>

#include "core/logic/program.hpp"
#include "tests/unit/logic/logic_cases.hpp"

using meso::logic::Json;
using meso::logic::Program;
using meso::logic::test::Case;
using meso::logic::test::check_cases;
using meso::logic::test::run;

TEST_CASE("logic ==: JavaScript loose equality") {
    check_cases({
        {R"({"==": [1, "1"]})", "null", "true"},
        {R"({"==": [0, ""]})", "null", "true"},
        {R"({"==": [" 12 ", 12]})", "null", "true"},
        {R"({"==": [1.0, 1]})", "null", "true"},
        {R"({"==": ["0x10", 16]})", "null", "true"},
        {R"({"==": [false, "0"]})", "null", "true"},
        {R"({"==": [true, "1"]})", "null", "true"},
        {R"({"==": ["true", true]})", "null", "false"},
        {R"({"==": [null, 0]})", "null", "false"},
        {R"({"==": [null, false]})", "null", "false"},
        {R"({"==": [null, ""]})", "null", "false"},
        {R"({"==": [null, null]})", "null", "true"},
        {R"({"==": [[1], "1"]})", "null", "true"},
        {R"({"==": [[1, 2], "1,2"]})", "null", "true"},
        {R"({"==": [[1, [2, null]], "1,2,"]})", "null", "true"},
        {R"({"==": [[], false]})", "null", "true"},
        {R"({"==": [[0], false]})", "null", "true"},
        {R"({"==": [[], ""]})", "null", "true"},
        {R"({"==": [[1], [1]]})", "null", "false"},  // two arrays: identity, as in JS
        {R"({"==": [{"var": "a"}, {"var": "a"}]})", R"({"a": [1]})", "true"},
        {R"({"==": [{"var": "o"}, "[object Object]"]})", R"({"o": {}})", "true"},
        {R"({"==": [{"/": [0, 0]}, {"/": [0, 0]}]})", "null", "false"},  // NaN
        {R"({"==": ["abc", "abc"]})", "null", "true"},
    });
}

TEST_CASE("logic ===, != and !==") {
    check_cases({
        {R"({"===": [1, 1.0]})", "null", "true"},
        {R"({"===": [1, "1"]})", "null", "false"},
        {R"({"===": [null, null]})", "null", "true"},
        {R"({"===": [[1], [1]]})", "null", "false"},
        {R"({"===": [{"var": "a"}, {"var": "a"}]})", R"({"a": [1]})", "true"},
        {R"({"!=": [1, "1"]})", "null", "false"},
        {R"({"!=": [null, 0]})", "null", "true"},
        {R"({"!==": [1, "1"]})", "null", "true"},
        {R"({"!==": ["a", "a"]})", "null", "false"},
    });
}

TEST_CASE("logic < <= > >=: numbers unless both sides are text") {
    check_cases({
        {R"({">": ["2", 1]})", "null", "true"},
        {R"({"<": ["a", "b"]})", "null", "true"},
        {R"({"<": ["10", "9"]})", "null", "true"},  // text order
        {R"({"<": [10, "9"]})", "null", "false"},   // numeric
        {R"({"<": [null, 1]})", "null", "true"},
        {R"({"<": [[2], 3]})", "null", "true"},
        {R"({"<": [[2], [10]]})", "null", "false"},  // "2" < "10" as text
        {R"({">": [true, false]})", "null", "true"},
        {R"({"<": ["abc", 1]})", "null", "false"},
        {R"({">=": ["abc", 1]})", "null", "false"},  // NaN: every comparison is false
        {R"({"<=": [{"var": "o"}, 1]})", R"({"o": {}})", "false"},
        {R"({">=": [2, 2]})", "null", "true"},
        {R"({"<=": ["b", "a"]})", "null", "false"},
        // JS orders text by UTF-16 units: an astral character sorts before U+FFFF.
        {R"({"<": ["😀", "\uffff"]})", "null", "true"},
        {R"({"<": ["é", "z"]})", "null", "false"},
    });
}

TEST_CASE("logic < and <= with three arguments test a range") {
    check_cases({
        {R"({"<": [1, 2, 3]})", "null", "true"},
        {R"({"<": [1, 3, 2]})", "null", "false"},
        {R"({"<": [1, 1, 2]})", "null", "false"},
        {R"({"<=": [1, 1, 1]})", "null", "true"},
        {R"({"<=": [1, 2, 1]})", "null", "false"},
        {R"({"<=": [18, {"var": "age"}, 65]})", R"({"age": "40"})", "true"},
        {R"({"<": [0, {"var": "age"}, 18]})", R"({"age": null})", "false"},
    });
}
