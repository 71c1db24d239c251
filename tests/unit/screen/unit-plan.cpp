// Course planning: combined figures, dates from the earliest start, cost, and when a plan exists.
#include <doctest/doctest.h>

#include "core/screen/plan.hpp"
#include "tests/unit/screen/screen_fixture.hpp"

using namespace meso;
using meso::screen_test::clean_answers;
using meso::screen_test::day;
using meso::screen_test::input;
using meso::screen_test::load;
using meso::screen_test::minimal;
using meso::screen_test::minimal_document;

namespace {

Json plan_of(const RuleSet& rules, const Json& answers, const char* today = "2026-03-01") {
    const ScreenInput in = input(answers, today);
    const Json out = screen(rules, in).to_json(rules, in);
    return out.contains("plan") ? out["plan"] : Json();
}

Json answers_with(const Json& changes) {
    Json answers = clean_answers();
    answers.merge_patch(changes);
    return answers;
}

std::vector<std::string> isos(const std::vector<Date>& dates) {
    std::vector<std::string> out;
    for (const Date& date : dates) out.push_back(date.iso());
    return out;
}

Json with_setting(Json document, const std::string& id, const Json& value) {
    document["settings"][id]["value"] = value;
    return document;
}

}  // namespace

TEST_CASE("plan: one course, every figure with its sources") {
    const Json plan = plan_of(minimal(), clean_answers());
    CHECK(plan == Json::parse(R"({
      "concerns": ["wrinkles"], "areas": ["face"], "general_figures": [],
      "sessions": {"min": 3, "max": 10, "planned": 6, "ranges": [
          {"min": 8, "max": 10, "sources": ["000"]},
          {"min": 6, "max": 8, "sources": ["003"]},
          {"min": 3, "max": 6, "sources": ["004"], "note": "later the course can be repeated"}]},
      "interval_days": {"min": 7, "max": 28, "planned": 10, "ranges": [
          {"min": 7, "max": 10, "sources": ["000", "004"]},
          {"min": 14, "max": 28, "sources": ["003"]}]},
      "first_results_sessions": {"min": 2, "max": 3, "ranges": [
          {"min": 2, "max": 3, "sources": ["000", "002"]}]},
      "effect_months": {"min": 3, "max": 18, "ranges": [
          {"min": 12, "max": 12, "sources": ["000"]},
          {"min": 18, "max": 18, "sources": ["002"]},
          {"min": 3, "max": 4, "sources": ["003"]}]},
      "maintenance_per_year": {"min": 1, "max": 2, "ranges": [
          {"min": 1, "max": 2, "sources": ["003"]}]},
      "session_minutes": {"min": 10, "max": 30, "ranges": [
          {"min": 10, "max": 30, "sources": ["003"]},
          {"min": 30, "max": 30, "sources": ["004"]}]},
      "dates": ["2026-03-01", "2026-03-11", "2026-03-21", "2026-03-31", "2026-04-10",
                "2026-04-20"],
      "preparation": [{"text": "No alcohol for at least 3 days before.", "sources": ["002", "003"]}],
      "during": [{"text": "The skin is cleansed and disinfected.", "sources": ["002"]}],
      "aftercare": [{"text": "Redness and swelling go within a day.", "sources": ["002", "003"]}],
      "facts": [{"text": "It can be done in any season.", "sources": ["003"]}],
      "notes": [{"text": "An instant lifting effect after the first session.", "sources": ["000"]}],
      "cost": {"currency": "PLN", "per_session": 250, "min": 750, "max": 2500, "planned": 1500}
    })"));
    // integral figures serialize as integers, the same on every platform
    CHECK(plan["sessions"]["min"].is_number_integer());
    CHECK(plan["cost"]["planned"].is_number_integer());
}

TEST_CASE("plan: two courses combine into one schedule") {
    const Json plan = plan_of(minimal(), answers_with({{"concerns", {"hair_loss", "wrinkles"}},
                                                       {"areas", {"scalp", "face"}}}));
    CHECK(plan["concerns"] == Json{"wrinkles", "hair_loss"});
    CHECK(plan["areas"] == Json{"face", "scalp"});
    // the scalp course's 8-10 [000] is the general course's: listed once
    CHECK(plan["sessions"]["ranges"].size() == 3);
    CHECK(plan["sessions"]["min"] == 3);
    CHECK(plan["sessions"]["max"] == 10);
    CHECK(plan["sessions"]["planned"] == 8);  // the most sessions any course plans
    CHECK(plan["interval_days"]["ranges"].size() == 3);
    CHECK(plan["interval_days"]["planned"] == 7);  // the shortest interval any course plans
    CHECK(plan["dates"] == Json{"2026-03-01", "2026-03-08", "2026-03-15", "2026-03-22",
                                "2026-03-29", "2026-04-05", "2026-04-12", "2026-04-19"});
    CHECK(plan["notes"].size() == 1);
    CHECK(plan["cost"]["planned"] == 2000);
}

TEST_CASE("plan: general figures are named") {
    const Json plan = plan_of(minimal(), answers_with({{"concerns", {"filler_overcorrection"}}}));
    CHECK(plan["general_figures"] == Json{"filler_overcorrection"});
    CHECK(plan["general_figures_text"] ==
          "The sources give no figures of their own for Filler overcorrection; the plan uses "
          "the general ones.");
    CHECK_FALSE(plan_of(minimal(), clean_answers()).contains("general_figures_text"));
}

TEST_CASE("plan: clinic settings") {
    SUBCASE("a session length replaces the planned one") {
        const auto rules = load(with_setting(minimal_document(), "session_minutes", 45));
        const Json plan = plan_of(*rules, clean_answers());
        CHECK(plan["session_minutes"]["planned"] == 45);
        CHECK(plan["session_minutes"]["min"] == 10);
    }
    SUBCASE("a fractional price") {
        const auto rules = load(with_setting(minimal_document(), "price_per_session", 99.5));
        CHECK(plan_of(*rules, clean_answers())["cost"] == Json{{"currency", "PLN"},
                                                               {"per_session", 99.5},
                                                               {"min", 298.5},
                                                               {"max", 995},
                                                               {"planned", 597}});
    }
    SUBCASE("no price, or a price of 0, gives no cost") {
        for (const Json& price : {Json(nullptr), Json(0)}) {
            const auto rules = load(with_setting(minimal_document(), "price_per_session", price));
            CHECK_FALSE(plan_of(*rules, clean_answers()).contains("cost"));
        }
    }
}

TEST_CASE("plan: only for eligible, consult and postpone, with a concern that has a course") {
    CHECK(plan_of(minimal(), clean_answers()).is_object());
    CHECK(plan_of(minimal(), answers_with({{"age", 15}})).is_object());     // consult
    CHECK(plan_of(minimal(), answers_with({{"cancer", true}})).is_null());  // ineligible
    CHECK(plan_of(minimal(), answers_with({{"age", nullptr}})).is_null());  // incomplete
    CHECK(plan_of(minimal(), answers_with({{"concerns", Json::array()}})).is_null());
}

TEST_CASE("plan: no dates while a waiting period has no end date") {
    const ScreenResult result = screen(minimal(), input(answers_with({{"pregnant", true}})));
    CHECK(result.status == Status::postpone);
    CHECK_FALSE(result.earliest_start);
    REQUIRE(result.plan);
    CHECK(result.plan->dates.empty());
    CHECK(result.plan->sessions.planned == 6);
}

TEST_CASE("earliest start: wished date, waiting periods, the latest wins") {
    Json document = meso::screen_test::with_start_date(minimal_document());
    // a second, longer waiting period after the same drink
    document["findings"].push_back(Json::parse(R"({
        "id": "alcohol_long", "severity": "postpone", "when": {"var": "alcohol_recent"},
        "earliest": {"date_add": [{"var": "alcohol_last"}, 10]},
        "text": "finding.alcohol", "sources": ["002"]})"));
    const auto rules = load(document);
    struct Case {
        Json changes;
        const char* earliest_start;
    };
    const std::vector<Case> cases = {
        {Json::object(), "2026-03-01"},
        {{{"start_date", "2026-04-01"}}, "2026-04-01"},
        {{{"start_date", "2026-02-01"}}, "2026-03-01"},  // a wish in the past: from today
        {{{"alcohol_recent", true}, {"alcohol_last", "2026-02-27"}}, "2026-03-09"},
        {{{"alcohol_recent", true}, {"alcohol_last", "2026-02-27"}, {"start_date", "2026-03-05"}},
         "2026-03-09"},
        {{{"alcohol_recent", true}, {"alcohol_last", "2026-02-27"}, {"start_date", "2026-03-20"}},
         "2026-03-20"},
        {{{"alcohol_recent", true}, {"alcohol_last", "2025-12-01"}}, "2026-03-01"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.changes.dump());
        const ScreenResult result = screen(*rules, input(answers_with(c.changes)));
        REQUIRE(result.earliest_start);
        CHECK(result.earliest_start->iso() == c.earliest_start);
        REQUIRE(result.plan);
        CHECK(result.plan->dates.front().iso() == c.earliest_start);
    }
    SUBCASE("each finding keeps its own date, never before today") {
        const ScreenResult result =
            screen(*rules,
                   input(answers_with({{"alcohol_recent", true}, {"alcohol_last", "2026-02-27"}})));
        REQUIRE(result.findings.size() == 2);
        CHECK(result.findings[0].earliest == day("2026-03-02"));
        CHECK(result.findings[1].earliest == day("2026-03-09"));
        const ScreenResult old =
            screen(*rules,
                   input(answers_with({{"alcohol_recent", true}, {"alcohol_last", "2025-12-01"}})));
        REQUIRE(old.findings.size() == 2);
        CHECK(old.findings[0].earliest == day("2026-03-01"));
    }
    SUBCASE("an invalid wished date is an error, not a start") {
        const ScreenResult result =
            screen(*rules, input(answers_with({{"start_date", "2026-13-01"}})));
        CHECK(result.status == Status::incomplete);
        CHECK_FALSE(result.earliest_start);
    }
}

TEST_CASE("build_plan directly") {
    const RuleSet& rules = minimal();
    CHECK_FALSE(build_plan(rules, "en", {}, {}, day("2026-03-01")));
    CHECK_FALSE(build_plan(rules, "en", {"no_such_concern"}, {}, day("2026-03-01")));
    const auto plan = build_plan(rules, "en", {"hair_loss"}, {"scalp"}, day("2026-12-28"));
    REQUIRE(plan);
    CHECK(isos(plan->dates) == std::vector<std::string>{"2026-12-28", "2027-01-04", "2027-01-11",
                                                        "2027-01-18", "2027-01-25", "2027-02-01",
                                                        "2027-02-08", "2027-02-15"});
    CHECK(plan->notes.empty());
    const auto undated = build_plan(rules, "en", {"hair_loss"}, {}, std::nullopt);
    REQUIRE(undated);
    CHECK(undated->dates.empty());
}
