// var, missing, missing_some, and what a compiled rule says about the data it reads.
#include <doctest/doctest.h>

#include <initializer_list>
#include <set>
#include <string>
#include <vector>

#include "core/logic/program.hpp"
#include "tests/unit/logic/logic_cases.hpp"

using meso::logic::Json;
using meso::logic::Program;
using meso::logic::test::Case;
using meso::logic::test::check_cases;
using meso::logic::test::run;

namespace {

Program compiled(const char* rule, const std::string& path = "") {
    auto program = Program::compile(Json::parse(rule), {}, path);
    REQUIRE(program.ok());
    return *program;
}

std::vector<std::pair<std::string, std::string>> variables_of(const Program& program) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& ref : program.variables()) out.emplace_back(ref.name, ref.path);
    return out;
}

using Pairs = std::vector<std::pair<std::string, std::string>>;

}  // namespace

TEST_CASE("logic var: dotted paths, indexes, defaults and the whole data") {
    check_cases({
        {R"({"var": "a.b"})", R"({"a": {"b": 2}})", "2"},
        {R"({"var": ["a.b"]})", R"({"a": {"b": 2}})", "2"},
        {R"({"var": ["x", 7]})", R"({})", "7"},
        {R"({"var": ["a", 7]})", R"({"a": null})", "null"},  // present but null: no default
        {R"({"var": ["a.b.c", 7]})", R"({"a": null})", "7"},
        {R"({"var": ["a.q", {"var": "d"}]})", R"({"a": {}, "d": 4})", "4"},
        {R"({"var": ""})", R"({"k": 1})", R"({"k": 1})"},
        {R"({"var": null})", "5", "5"},
        {R"({"var": []})", R"([1])", "[1]"},
        {R"({"var": 1})", R"(["x", "y"])", R"("y")"},
        {R"({"var": "1.0"})", R"([[1], [2, 3]])", "2"},
        {R"({"var": "list.01"})", R"({"list": [1, 2]})", "null"},
        {R"({"var": "list.2"})", R"({"list": [1, 2]})", "null"},
        {R"({"var": "list.length"})", R"({"list": [1, 2, 3]})", "3"},
        {R"({"var": "name.length"})", R"({"name": "zoë"})", "3"},
        {R"({"var": "name.2"})", R"({"name": "zoë"})", R"("ë")"},
        {R"({"var": "n.x"})", R"({"n": 5})", "null"},
        {R"({"var": "a"})", "null", "null"},
        {R"({"var": "a"})", R"("text")", "null"},
        {R"({"var": {"cat": ["a", ".", "b"]}})", R"({"a": {"b": "dyn"}})", R"("dyn")"},
        {R"({"var": [{"var": "which"}, "none"]})", R"({"which": "z"})", R"("none")"},
        {R"({"var": "x.y"})", R"({"x.y": 1, "x": {"y": 2}})", "2"},
        {R"({"var": "f"})", R"({"f": 2.0})", "2"},
    });
}

TEST_CASE("logic missing and missing_some") {
    check_cases({
        {R"({"missing": ["a", "b", "c"]})", R"({"a": 1, "b": "", "c": null})", R"(["b", "c"])"},
        {R"({"missing": ["z", "f", "e"]})", R"({"z": 0, "f": false, "e": []})", "[]"},
        {R"({"missing": "a.b"})", R"({"a": {"b": 1}})", "[]"},
        {R"({"missing": [["a", "b"], "c"]})", R"({})", R"(["a", "b"])"},  // one array: the keys
        {R"({"missing": {"merge": ["vin", {"if": [{"var": "fin"}, ["apr"], []]}]}})",
         R"({"fin": true, "apr": 3})", R"(["vin"])"},
        {R"({"missing_some": [1, ["a", "b"]]})", R"({})", R"(["a", "b"])"},
        {R"({"missing_some": [1, ["a", "b"]]})", R"({"b": 1})", "[]"},
        {R"({"missing_some": ["2", ["a", "b", "c"]]})", R"({"a": 1})", R"(["b", "c"])"},
        {R"({"missing_some": [0, ["a"]]})", R"({})", "[]"},
        {R"({"missing_some": [1, "ab"]})", R"({})", "[]"},  // a string's length counts
    });
}

TEST_CASE("logic variables: top-level var names and missing keys with their paths") {
    const Program program = compiled(R"({"and": [
        {"var": "a.b"},
        {"map": [{"var": "list"}, {"var": "item"}]},
        {"missing": ["c", "d.e"]},
        {"missing_some": [1, ["f", "g"]]},
        {"var": ["h", {"var": "i"}]},
        {"reduce": [{"var": "xs"}, {"+": [{"var": "current"}, {"var": "accumulator"}]},
                    {"var": "start"}]},
        {"var": 3}
    ]})");
    CHECK(variables_of(program) == Pairs{{"a.b", "/and/0"},
                                         {"list", "/and/1/map/0"},
                                         {"c", "/and/2/missing/0"},
                                         {"d.e", "/and/2/missing/1"},
                                         {"f", "/and/3/missing_some/1/0"},
                                         {"g", "/and/3/missing_some/1/1"},
                                         {"h", "/and/4"},
                                         {"i", "/and/4/var/1"},
                                         {"xs", "/and/5/reduce/0"},
                                         {"start", "/and/5/reduce/2"},
                                         {"3", "/and/6"}});
    CHECK(program.roots() ==
          std::set<std::string>{"a", "list", "c", "d", "f", "g", "h", "i", "xs", "start", "3"});
    CHECK_FALSE(program.has_dynamic_variables());
}

TEST_CASE("logic variables: paths start at the rule's place in its document") {
    const Program program = compiled(R"({"!": {"var": "pregnant"}})", "/findings/3/when");
    CHECK(variables_of(program) == Pairs{{"pregnant", "/findings/3/when/!"}});
    CHECK(program.roots() == std::set<std::string>{"pregnant"});
}

TEST_CASE("logic variables: the whole data and a missing key given as a shorthand") {
    CHECK(variables_of(compiled(R"({"var": ""})")) == Pairs{{"", ""}});
    CHECK(variables_of(compiled(R"({"var": []})")) == Pairs{{"", ""}});
    CHECK(variables_of(compiled(R"({"missing": "age"})")) == Pairs{{"age", "/missing"}});
    CHECK(compiled(R"({"var": null})").roots() == std::set<std::string>{""});
}

TEST_CASE("logic variables: computed names make the variables dynamic") {
    const Program dynamic_var = compiled(R"({"var": {"var": "key"}})");
    CHECK(dynamic_var.has_dynamic_variables());
    CHECK(variables_of(dynamic_var) == Pairs{{"key", "/var"}});
    CHECK(compiled(R"({"missing": {"merge": ["vin"]}})").has_dynamic_variables());
    CHECK(compiled(R"({"missing_some": [1, {"var": "keys"}]})").has_dynamic_variables());
    // Inside a per-item scope, names are about the items, not the top-level data.
    const Program scoped = compiled(R"({"map": [[1], {"var": {"var": "k"}}]})");
    CHECK_FALSE(scoped.has_dynamic_variables());
    CHECK(scoped.variables().empty());
}

TEST_CASE("logic literals: numbers and strings of the rule, without variable names") {
    const Program program = compiled(R"({"if": [
        {"==": [{"var": "a"}, "yes"]}, 14,
        {"in": [{"var": "b"}, ["x", "y", 2.5, 14]]}, {"missing": ["c"]}
    ]})");
    CHECK(program.number_literals() == std::vector<double>{14, 2.5});
    CHECK(program.string_literals() == std::vector<std::string>{"yes", "x", "y"});
}
