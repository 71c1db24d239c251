// Compile errors (every code, its message and path) and the limits of compilation and evaluation.
#include <doctest/doctest.h>

#include <string>

#include "core/logic/program.hpp"

using meso::Error;
using meso::logic::CompileOptions;
using meso::logic::Json;
using meso::logic::Program;

namespace {

Error compile_error(const Json& rule, const CompileOptions& options = {},
                    const std::string& path = "") {
    const auto program = Program::compile(rule, options, path);
    REQUIRE_FALSE(program.ok());
    REQUIRE(program.errors().size() == 1);
    return program.errors()[0];
}

Error evaluate_error(const Json& rule, const Json& data, const CompileOptions& options) {
    const auto program = Program::compile(rule, options);
    REQUIRE(program.ok());
    const auto result = program->evaluate(data);
    REQUIRE_FALSE(result.ok());
    return result.errors()[0];
}

// {"!": {"!": … 1 …}} nested `depth` times, built without recursion.
Json nested_not(std::size_t depth) {
    Json rule = 1;
    for (std::size_t i = 0; i < depth; ++i) {
        Json wrapper = Json::object();
        wrapper["!"] = std::move(rule);
        rule = std::move(wrapper);
    }
    return rule;
}

std::string repeat(const std::string& piece, std::size_t times) {
    std::string out;
    for (std::size_t i = 0; i < times; ++i) out += piece;
    return out;
}

}  // namespace

TEST_CASE("logic compile error: unknown operation, at the operation object") {
    CHECK(compile_error(Json::parse(R"({"and": [true, {"foo": [1]}]})")) ==
          Error{"logic.unknown_operation", "/and/1", "unknown operation \"foo\""});
    CHECK(compile_error(Json::parse(R"({"if": [{"var": "a"}, {"a.b": 1}]})"), {},
                        "/findings/3/when") ==
          Error{"logic.unknown_operation", "/findings/3/when/if/1", "unknown operation \"a.b\""});
    CHECK(compile_error(Json::parse(R"({"in": ["x", [{"a/b~": 1}]]})")) ==
          Error{"logic.unknown_operation", "/in/1/0", "unknown operation \"a/b~\""});
    // Operation names in paths are escaped as RFC 6901 says.
    CHECK(compile_error(Json::parse(R"({"/": [1, {"nope": 2}]})")) ==
          Error{"logic.unknown_operation", "/~1/1", "unknown operation \"nope\""});
}

TEST_CASE("logic compile error: an operation object with other than one key") {
    CHECK(compile_error(Json::parse(R"({"or": [{"a": 1, "b": 2}]})")) ==
          Error{"logic.bad_operation", "/or/0",
                "an operation object must have exactly one key, found 2"});
    CHECK(
        compile_error(Json::object()) ==
        Error{"logic.bad_operation", "", "an operation object must have exactly one key, found 0"});
}

TEST_CASE("logic compile error: arity") {
    const struct {
        const char* rule;
        const char* message;
    } cases[] = {
        {R"({"substr": []})", "\"substr\" takes 2 to 3 arguments, got 0"},
        {R"({"substr": "abc"})", "\"substr\" takes 2 to 3 arguments, got 1"},
        {R"({"*": []})", "\"*\" takes at least 1 argument, got 0"},
        {R"({"and": []})", "\"and\" takes at least 1 argument, got 0"},
        {R"({"!": [1, 2]})", "\"!\" takes 1 argument, got 2"},
        {R"({"==": [1]})", "\"==\" takes 2 arguments, got 1"},
        {R"({"<": [1, 2, 3, 4]})", "\"<\" takes 2 to 3 arguments, got 4"},
        {R"({"var": ["a", 1, 2]})", "\"var\" takes 0 to 2 arguments, got 3"},
        {R"({"map": [[1]]})", "\"map\" takes 2 arguments, got 1"},
        {R"({"missing_some": [1]})", "\"missing_some\" takes 2 arguments, got 1"},
        {R"({"days_between": ["2026-01-01"]})", "\"days_between\" takes 2 arguments, got 1"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.rule);
        CHECK(compile_error(Json::parse(c.rule)) == Error{"logic.bad_arity", "", c.message});
    }
}

TEST_CASE("logic compile reports every problem it finds") {
    const auto program = Program::compile(Json::parse(R"({"and": [{"foo": 1}, {"!": []}]})"));
    REQUIRE_FALSE(program.ok());
    CHECK(program.errors() ==
          meso::Errors{{"logic.unknown_operation", "/and/0", "unknown operation \"foo\""},
                       {"logic.bad_arity", "/and/1", "\"!\" takes 1 argument, got 0"}});
}

TEST_CASE("logic compile stops at max_depth, even for a rule 100000 levels deep") {
    CHECK(compile_error(nested_not(100000)) ==
          Error{"logic.too_deep", repeat("/!", 64), "rule is nested deeper than 64 levels"});
    Json arrays = Json::array();
    for (int i = 0; i < 100000; ++i) arrays = Json::array({std::move(arrays)});
    CHECK(compile_error(arrays) ==
          Error{"logic.too_deep", repeat("/0", 64), "rule is nested deeper than 64 levels"});
    CHECK(Program::compile(nested_not(64)).ok());

    CompileOptions shallow;
    shallow.limits.max_depth = 2;
    CHECK(compile_error(nested_not(3), shallow) ==
          Error{"logic.too_deep", "/!/!", "rule is nested deeper than 2 levels"});
}

TEST_CASE("logic compile stops at max_nodes") {
    CompileOptions small;
    small.limits.max_nodes = 3;
    CHECK(compile_error(Json::parse(R"({"+": [1, {"+": [2, {"+": [3, {"+": [4]}]}]}]})"), small) ==
          Error{"logic.too_large", "/+/1/+/1/+/1", "rule has more than 3 operations"});
    CHECK(Program::compile(Json::parse(R"({"+": [1, {"+": [2, {"+": [3]}]}]})"), small).ok());
}

TEST_CASE("logic evaluation stops at max_steps") {
    Json items = Json::array();
    for (int i = 0; i < 100000; ++i) items.push_back(i);
    const Json data = {{"xs", items}};
    // 100000 items × a dozen nodes each: far beyond the default 250,000 steps.
    const Json rule = Json::parse(R"({"filter": [{"var": "xs"},
        {"some": [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], {"==": [{"var": ""}, 99]}]}]})");
    const Error error = evaluate_error(rule, data, {});
    CHECK(error.code == "logic.limit");
    CHECK(error.message == "evaluation exceeded max_steps (250000)");

    CompileOptions few;
    few.limits.max_steps = 1000;
    CHECK(evaluate_error(Json::parse(R"({"map": [{"var": "xs"}, {"var": ""}]})"), data, few) ==
          Error{"logic.limit", "", "evaluation exceeded max_steps (1000)"});
}

TEST_CASE("logic evaluation stops at max_string_bytes") {
    // Doubling a string 30 times would make a gigabyte.
    const Json rule = Json::parse(R"({"reduce": [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
         25, 26, 27, 28, 29],
        {"cat": [{"var": "accumulator"}, {"var": "accumulator"}]}, "x"]})");
    CHECK(evaluate_error(rule, Json(), {}) ==
          Error{"logic.limit", "/reduce/1", "evaluation exceeded max_string_bytes (1048576)"});

    CompileOptions tiny;
    tiny.limits.max_string_bytes = 4;
    CHECK(evaluate_error(Json::parse(R"({"==": [{"var": "a"}, "x"]})"),
                         Json::parse(R"({"a": [1, 2, 3, 4]})"), tiny) ==
          Error{"logic.limit", "", "evaluation exceeded max_string_bytes (4)"});
}

TEST_CASE("logic evaluation stops at max_array_items") {
    CompileOptions small;
    small.limits.max_array_items = 3;
    CHECK(evaluate_error(Json::parse(R"({"merge": [[1, 2], [3, 4]]})"), Json(), small) ==
          Error{"logic.limit", "", "evaluation exceeded max_array_items (3)"});
    CHECK(evaluate_error(Json::parse(R"({"if": [true, {"map": [{"var": "a"}, 1]}]})"),
                         Json::parse(R"({"a": [1, 2, 3, 4]})"), small) ==
          Error{"logic.limit", "/if/1", "evaluation exceeded max_array_items (3)"});
}
