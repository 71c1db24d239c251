// Table-driven JsonLogic cases shared by the unit-logic-*.cpp files: a rule, data and the
// expected result, all as JSON text; compile and evaluation errors become strings to compare.
#pragma once

#include <doctest/doctest.h>

#include <initializer_list>

#include "core/logic/program.hpp"

namespace meso::logic::test {

struct Case {
    const char* rule;
    const char* data;
    const char* expected;
};

inline Json run(const Json& rule, const Json& data) {
    const auto program = Program::compile(rule);
    if (!program) return "compile: " + program.errors().front().to_string();
    const auto result = program->evaluate(data);
    if (!result) return "evaluate: " + result.errors().front().to_string();
    return *result;
}

inline void check_cases(std::initializer_list<Case> cases) {
    for (const Case& c : cases) {
        CAPTURE(c.rule);
        CAPTURE(c.data);
        CHECK(run(Json::parse(c.rule), Json::parse(c.data)) == Json::parse(c.expected));
    }
}

}  // namespace meso::logic::test
