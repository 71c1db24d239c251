// One budget of work per call, and the bounds on the values an evaluation builds (issue 11).
#include <doctest/doctest.h>

#include <string>

#include "core/logic/program.hpp"

using meso::logic::Budget;
using meso::logic::EvalContext;
using meso::logic::Json;
using meso::logic::Program;

namespace {

Program compile(const std::string& rule) {
    auto program = Program::compile(Json::parse(rule));
    REQUIRE(program.ok());
    return std::move(*program);
}

Json zeros(std::size_t n) { return Json(std::vector<int>(n, 0)); }

// {"reduce": [[0 × n], BODY, START]}
std::string reduce(std::size_t n, const std::string& body, const std::string& start) {
    return R"({"reduce": [)" + zeros(n).dump() + ", " + body + ", " + start + "]}";
}

}  // namespace

TEST_CASE("budget: evaluations of one call share it, and once spent every later one fails") {
    // 3,000 items, about 2 steps each: 6,000-odd steps per evaluation.
    const Program loop = compile(R"({"some": [)" + zeros(3000).dump() + R"(, false]})");
    Budget budget{10000};
    const EvalContext context{"", &budget};
    REQUIRE(loop.evaluate(Json::object(), context).ok());
    CHECK(budget.used > 6000);
    const auto second = loop.evaluate(Json::object(), context);
    REQUIRE_FALSE(second.ok());
    CHECK(second.errors()[0].code == "logic.limit");
    CHECK(second.errors()[0].message == "evaluation exceeded max_steps (10000)");
    // Nothing is left for a third, however small.
    CHECK_FALSE(compile("1").evaluate(Json::object(), context).ok());
    // Without a shared budget each evaluation has its own.
    CHECK(loop.evaluate(Json::object()).ok());
    CHECK(loop.evaluate(Json::object()).ok());
}

TEST_CASE("bounds: a value may not nest deeper than max_value_depth, however it is wrapped") {
    // Wrapping one level per item: the old engine built 30,000 levels and took minutes.
    for (const char* body :
         {R"([{"var": "accumulator"}])", R"({"merge": [[[{"var": "accumulator"}]]]})",
          R"({"filter": [[{"var": "accumulator"}], true]})"}) {
        CAPTURE(body);
        const auto result = compile(reduce(30000, body, "0")).evaluate(Json::object());
        REQUIRE_FALSE(result.ok());
        CHECK(result.errors()[0].code == "logic.limit");
    }
    const auto deep =
        compile(reduce(200, R"([{"var": "accumulator"}])", "0")).evaluate(Json::object());
    REQUIRE_FALSE(deep.ok());
    CHECK(deep.errors()[0].message == "evaluation exceeded max_value_depth (100)");
    CHECK(deep.errors()[0].path == "/reduce/1");
    // Up to the limit it works.
    CHECK(compile(reduce(90, R"([{"var": "accumulator"}])", "0")).evaluate(Json::object()).ok());
}

TEST_CASE("bounds: copying values into new arrays is paid for by their size") {
    // 300 merges of a growing accumulator: 13.5 million copies, far over one call's budget.
    const auto merged =
        compile(
            reduce(300, R"({"merge": [{"var": "accumulator"}, )" + zeros(300).dump() + "]}", "[]"))
            .evaluate(Json::object());
    REQUIRE_FALSE(merged.ok());
    CHECK(merged.errors()[0].message == "evaluation exceeded max_steps (250000)");
    // 100,000 arrays of 1,000: 100 million cells, never allocated.
    const auto mapped = compile(R"({"map": [)" + zeros(100000).dump() + R"(, {"merge": [)" +
                                zeros(1000).dump() + "]}]}")
                            .evaluate(Json::object());
    REQUIRE_FALSE(mapped.ok());
    CHECK(mapped.errors()[0].code == "logic.limit");
    // Small work stays well inside.
    CHECK(compile(R"({"map": [[1, 2, 3], {"merge": [[{"var": ""}], 4]}]})")
              .evaluate(Json::object())
              .ok());
}

TEST_CASE("bounds: long text compared or searched in a loop is paid for by its length") {
    const std::string text = Json(std::string(1 << 16, 'y')).dump();
    const auto compared = compile(R"({"some": [)" + zeros(100000).dump() + R"(, {"!=": [)" + text +
                                  ", " + text + "]}]}")
                              .evaluate(Json::object());
    REQUIRE_FALSE(compared.ok());
    CHECK(compared.errors()[0].code == "logic.limit");
    const auto searched =
        compile(R"({"some": [)" + zeros(100000).dump() + R"(, {"in": ["x", )" + text + "]}]}")
            .evaluate(Json::object());
    REQUIRE_FALSE(searched.ok());
    CHECK(searched.errors()[0].code == "logic.limit");
    CHECK(compile(R"({"in": ["y", "xyz"]})").evaluate(Json::object()).value() == true);
}
