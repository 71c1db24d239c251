// The classic JsonLogic suite (tests/conformance/jsonlogic/, which json-logic-js 2.0.5 passes
// whole): we must pass every case too.
#include <doctest/doctest.h>

#include <fstream>

#include "core/logic/program.hpp"

using meso::logic::Json;
using meso::logic::Program;

TEST_CASE("logic conformance: every case of the JsonLogic suite passes") {
    std::ifstream file(MESO_SOURCE_DIR "/tests/conformance/jsonlogic/tests.json");
    REQUIRE(file.good());
    const Json suite = Json::parse(file);
    int cases = 0, passed = 0, failed = 0;
    for (const Json& entry : suite) {
        if (!entry.is_array()) continue;  // section headings
        ++cases;
        const Json& rule = entry[0];
        const Json& data = entry[1];
        const Json& expected = entry[2];
        CAPTURE(rule.dump());
        CAPTURE(data.dump());
        const auto program = Program::compile(rule);
        if (!program.ok()) FAIL(program.errors()[0].to_string());
        const auto result = program->evaluate(data);
        REQUIRE(result.ok());
        CHECK(*result == expected);
        (*result == expected ? passed : failed) += 1;
    }
    CHECK(cases > 0);
    CHECK(passed == cases);
    CHECK(failed == 0);
}
