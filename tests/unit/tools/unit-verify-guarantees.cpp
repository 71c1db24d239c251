// The engine's guarantees that `verify` proves of every rule set
// (core/tools/verify_guarantees.hpp), each shown broken by a rule set of tests/rulesets/ or, where
// no rule set can break it (the engine keeps it), by a result made by hand.
#include <doctest/doctest.h>

#include <string>

#include "core/screen/screen.hpp"
#include "core/tools/verify.hpp"
#include "core/tools/verify_guarantees.hpp"
#include "tests/unit/screen/screen_fixture.hpp"

using namespace meso;

namespace {

const Date today = *Date::parse("2026-03-01");

VerifyReport verify_file(const char* path) {
    const auto rules = screen_test::load(test::read_json_file(path));
    VerifyOptions options;
    options.today = today;
    return verify_ruleset(*rules, options);
}

const verify_detail::Guarantee& guarantee(std::string_view id) {
    for (const auto& g : verify_detail::guarantees())
        if (g.id == id) return g;
    throw std::logic_error("no guarantee " + std::string(id));
}

}  // namespace

TEST_CASE("guarantees: a question's window longer than its rule's wait is a counterexample") {
    const VerifyReport report = verify_file("tests/rulesets/broken-exposure-window.json");
    CHECK(report.complete);
    REQUIRE(report.violations.size() == 1);
    const Counterexample& found = report.violations[0];
    CHECK(found.invariant == "engine.exposure_wait");
    CHECK(found.answers["alcohol_recent"] == true);
    // A drink inside the stated window (since 2026-02-24, a 5-day wait) whose wait the rule
    // (3 days) ends too early: the start comes before last + 5 + 1.
    const Date last = *Date::parse(found.answers["alcohol_last"].get<std::string>());
    CHECK(last >= *Date::parse("2026-02-24"));
    CHECK(last <= today);
    const Date start = *Date::parse(found.result["earliest_start"].get<std::string>());
    CHECK(start == std::max(today, last.plus_days(3 + 1)));
    CHECK(start < last.plus_days(5 + 1));
}

TEST_CASE("guarantees: an exposure dated in the future that gives a verdict is a counterexample") {
    const VerifyReport report = verify_file("tests/rulesets/broken-exposure-date.json");
    CHECK(report.complete);
    REQUIRE(report.violations.size() == 1);
    CHECK(report.violations[0].invariant == "engine.exposure_date");
    CHECK(report.violations[0].answers["alcohol_last"] > "2026-03-01");
    CHECK(report.violations[0].result["status"] == "postpone");
}

TEST_CASE("guarantees: the fixed rule sets prove them") {
    // The same rule sets with the window matching the wait, and the date bounded.
    Json window = test::read_json_file("tests/rulesets/broken-exposure-window.json");
    window["questions"][4]["params"]["since"] = Json::parse(
        R"({"date_add": [{"today": []}, {"-": [0, {"setting": "alcohol_wait_days"}]}]})");
    Json dated = test::read_json_file("tests/rulesets/broken-exposure-date.json");
    dated["questions"][5]["max_days"] = 0;
    for (const Json& document : {window, dated}) {
        const auto rules = screen_test::load(document);
        VerifyOptions options;
        options.today = today;
        const VerifyReport report = verify_ruleset(*rules, options);
        CHECK(report.proved());
        CHECK(std::count(report.invariants.begin(), report.invariants.end(),
                         "engine.exposure_wait") == 1);
    }
}

TEST_CASE("guarantees: plan dates and date bounds, on results no engine screening gives") {
    const RuleSet& rules = screen_test::minimal();
    const ScreenInput input = screen_test::input(screen_test::clean_answers(), "2026-03-01");
    ScreenResult good = screen(rules, input);
    REQUIRE(good.plan);
    REQUIRE_FALSE(good.plan->dates.empty());
    const auto& plan_dates = guarantee("engine.plan_dates");
    CHECK(plan_dates.holds(rules, input, good));
    const auto broken = [&](auto change) {
        ScreenResult result = good;
        change(*result.plan);
        return !plan_dates.holds(rules, input, result);
    };
    CHECK(broken([](PlanResult& plan) { plan.dates[0] = *Date::parse("2026-03-01"); }));  // today
    CHECK(broken([](PlanResult& plan) { plan.dates[1] = *Date::parse("2026-03-15"); }));  // Sunday
    CHECK(broken([](PlanResult& plan) { plan.dates[2] = plan.dates[1].plus_days(6); }));  // < 7
    // A date answer outside its bound that got through would be a verdict on a wrong answer.
    const auto bounded = screen_test::load(
        test::patched_minimal(R"([{"op": "add", "path": "/questions/5/max_days", "value": 0}])"));
    Json answers = screen_test::clean_answers();
    answers["alcohol_recent"] = true;
    answers["alcohol_last"] = "2026-03-02";
    const ScreenInput late = screen_test::input(answers, "2026-03-01");
    ScreenResult result = screen(*bounded, late);
    const auto& date_bounds = guarantee("engine.date_bounds");
    CHECK(result.status == Status::incomplete);
    CHECK(date_bounds.holds(*bounded, late, result));
    result.status = Status::postpone;
    CHECK_FALSE(date_bounds.holds(*bounded, late, result));
}
