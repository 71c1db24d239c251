// No verdict survives a rule that cannot be evaluated (issue 11): the stale-verdict case.
#include <doctest/doctest.h>

#include <string>

#include "core/screen/screen.hpp"
#include "tests/unit/screen/screen_fixture.hpp"

using namespace meso;
using namespace meso::screen_test;

namespace {

// minimal.json with the cancer finding behind a bomb: 25 reduces nested through their start
// values, each wrapping the accumulator once per item of 100 (2,500 levels unbounded).
Json bomb_document() {
    Json bomb = Json::array();
    for (int i = 0; i < 25; ++i)
        bomb = {
            {"reduce",
             {Json(std::vector<int>(100, 0)),
              {{"merge", Json::array({Json::array({Json::array({{{"var", "accumulator"}}})})})}},
              bomb}}};
    Json document = minimal_document();
    for (Json& finding : document["findings"])
        if (finding["id"] == "cancer")
            finding["when"] = {{"and", {{{"var", "cancer"}}, {{"!!", Json::array({bomb})}}}}};
    return document;
}

}  // namespace

TEST_CASE("session: a finding that exceeds its limits after an answer leaves no verdict") {
    const auto rules = load(bomb_document());
    Session session(rules, day("2026-03-01"), "");
    const Json answers = clean_answers();
    for (const auto& [key, value] : answers.items()) session.set(key, value);
    REQUIRE(session.result().status == Status::eligible);
    session.set("cancer", true);
    CHECK(session.answers()["cancer"] == true);
    CHECK(session.result().status == Status::incomplete);
    REQUIRE_FALSE(session.result().errors.empty());
    CHECK(session.result().errors[0].code == "logic.limit");
    CHECK(session.result().errors[0].path.rfind("/findings/0/when", 0) == 0);
    // screen() on the same answers agrees.
    CHECK(screen(*rules, input(session.answers())).status == Status::incomplete);
}

TEST_CASE("session: one budget per set() whatever the number of findings") {
    Json document = minimal_document();
    const Json heavy = {
        {"some",
         {Json(std::vector<int>(1000, 0)), {{"some", {Json(std::vector<int>(30, 0)), false}}}}}};
    Json& findings = document["findings"];
    const Json model = findings[0];
    for (int i = 0; i < 50; ++i) {
        Json copy = model;
        copy["id"] = "heavy_" + std::to_string(i);
        copy["when"] = {{"and", {{{"var", "cancer"}}, heavy}}};
        findings.push_back(copy);
    }
    const auto rules = load(document);
    Session session(rules, day("2026-03-01"), "");
    const Json answers = clean_answers();
    for (const auto& [key, value] : answers.items()) session.set(key, value);
    REQUIRE(session.result().status == Status::eligible);
    session.set("cancer", true);
    // Each finding alone (about 60,000 steps) fits one call's budget; 50 of them do not.
    CHECK(session.result().status == Status::incomplete);
    CHECK(session.result().errors.front().code == "logic.limit");
    session.set("cancer", false);
    CHECK(session.result().status == Status::eligible);
}

TEST_CASE("budget: the default rule set uses a small part of one call's") {
    const auto rules = load(meso::test::read_json_file("rules/mesotherapy.json"));
    logic::Budget budget;
    const ScreenResult result = screen(*rules, input(Json::object()), &budget);
    CHECK(result.errors.empty());
    CHECK(budget.used > 0);
    CHECK(budget.used < budget.max_steps / 20);
}
