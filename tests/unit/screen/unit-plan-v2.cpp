// Planning per rules/DOMAIN.md "Planning the course (version 2)", and the calendar.
#include <doctest/doctest.h>

#include <string>

#include "core/screen/plan.hpp"
#include "core/screen/screen.hpp"
#include "tests/unit/screen/screen_fixture.hpp"

using namespace meso;
using namespace meso::screen_test;
using meso::test::patched_minimal;

namespace {

std::vector<std::string> isos(const std::vector<Date>& dates) {
    std::vector<std::string> out;
    for (const Date& date : dates) out.push_back(date.iso());
    return out;
}

// The clinic opens Monday, Wednesday and Friday, is closed on two of those days, and books two
// days ahead.
std::shared_ptr<const RuleSet> clinic() {
    static const auto rules = load(patched_minimal(R"([
      {"op": "add", "path": "/settings/first_session_lead_days",
       "value": {"value": 2, "unit": "days", "min": 1, "max": 60, "text": "setting.lead"}},
      {"op": "add", "path": "/settings/open_weekdays",
       "value": {"value": ["mon", "wed", "fri"], "unit": "weekdays", "text": "setting.open"}},
      {"op": "add", "path": "/settings/closed_dates",
       "value": {"value": ["2026-03-02", "2026-03-16"], "unit": "dates", "text": "setting.closed"}},
      {"op": "add", "path": "/settings/clinic_name",
       "value": {"value": "Klinika; Zdrowie", "unit": "text", "text": "setting.clinic_name"}},
      {"op": "add", "path": "/settings/clinic_address",
       "value": {"value": "ul. Długa 1, Kraków", "unit": "text", "text": "setting.clinic_address"}},
      {"op": "add", "path": "/settings/clinic_phone",
       "value": {"value": "+48 12 345 67 89", "unit": "text", "text": "setting.clinic_phone"}},
      {"op": "add", "path": "/locales/en/setting.lead", "value": "Lead time"},
      {"op": "add", "path": "/locales/pl/setting.lead", "value": "Wyprzedzenie"},
      {"op": "add", "path": "/locales/en/setting.open", "value": "Open days"},
      {"op": "add", "path": "/locales/pl/setting.open", "value": "Dni otwarcia"},
      {"op": "add", "path": "/locales/en/setting.closed", "value": "Closed"},
      {"op": "add", "path": "/locales/pl/setting.closed", "value": "Zamknięte"},
      {"op": "add", "path": "/locales/en/setting.clinic_name", "value": "Name"},
      {"op": "add", "path": "/locales/pl/setting.clinic_name", "value": "Nazwa"},
      {"op": "add", "path": "/locales/en/setting.clinic_address", "value": "Address"},
      {"op": "add", "path": "/locales/pl/setting.clinic_address", "value": "Adres"},
      {"op": "add", "path": "/locales/en/setting.clinic_phone", "value": "Phone"},
      {"op": "add", "path": "/locales/pl/setting.clinic_phone", "value": "Telefon"}
    ])"));
    return rules;
}

}  // namespace

TEST_CASE("plan v2: never today, and Sundays are closed by default") {
    // 2026-03-01 is a Sunday: the first date is the next day, and a date that lands on a Sunday
    // moves to Monday, the next one counting from there.
    const auto plan = build_plan(
        minimal(), "en",
        PlanRequest{{"wrinkles"}, {"face"}, day("2026-03-01"), day("2026-03-01"), false});
    REQUIRE(plan);
    CHECK(isos(plan->dates) == std::vector<std::string>{"2026-03-02", "2026-03-12", "2026-03-23",
                                                        "2026-04-02", "2026-04-13", "2026-04-23"});
}

TEST_CASE("plan v2: lead time, open weekdays and closed dates, never closer than the interval") {
    const auto plan = build_plan(
        *clinic(), "en",
        PlanRequest{{"wrinkles"}, {"face"}, day("2026-03-01"), day("2026-03-01"), false});
    REQUIRE(plan);
    CHECK(isos(plan->dates) == std::vector<std::string>{"2026-03-04", "2026-03-18", "2026-03-30",
                                                        "2026-04-10", "2026-04-20", "2026-05-01"});
    for (std::size_t i = 1; i < plan->dates.size(); ++i)
        CHECK(plan->dates[i].days() - plan->dates[i - 1].days() >= 10);
    // A later start wins over the lead time.
    const auto later = build_plan(
        *clinic(), "en",
        PlanRequest{{"wrinkles"}, {"face"}, day("2026-03-09"), day("2026-03-01"), false});
    CHECK(later->dates.front().iso() == "2026-03-09");
}

TEST_CASE("plan v2: no dates rather than a schedule cut short by the end of the engine's range") {
    const auto plan = build_plan(
        minimal(), "en",
        PlanRequest{{"wrinkles"}, {"face"}, day("2199-11-20"), day("2199-11-20"), false});
    REQUIRE(plan);
    CHECK(plan->dates.empty());
}

TEST_CASE("plan v2: doctor-only concerns get no course; alone they get no plan") {
    CHECK_FALSE(build_plan(
        minimal(), "en",
        PlanRequest{
            {"filler_overcorrection"}, {"face"}, day("2026-03-02"), day("2026-03-01"), true}));
    const auto plan = build_plan(minimal(), "en",
                                 PlanRequest{{"hair_loss", "filler_overcorrection"},
                                             {"face"},
                                             day("2026-03-02"),
                                             day("2026-03-01"),
                                             true});
    REQUIRE(plan);
    CHECK(plan->concerns == std::vector<std::string>{"hair_loss"});
    CHECK(plan->doctor_only == std::vector<std::string>{"filler_overcorrection"});
    CHECK(plan->provisional);
    const Json json = plan_json(minimal(), "en", *plan);
    CHECK(json["provisional"] == true);
    CHECK(json["doctor_only"] == Json::array({"filler_overcorrection"}));
}

TEST_CASE("plan v2: texts for other concerns or areas are left out") {
    const auto rules = load(patched_minimal(R"([
      {"op": "add", "path": "/aftercare", "value": [
        {"text": "after.scalp", "sources": ["000"], "areas": ["scalp"]},
        {"text": "after.any", "sources": ["000"]}]},
      {"op": "add", "path": "/courses/0/notes/0/concerns", "value": ["hair_loss"]},
      {"op": "add", "path": "/locales/en/after.scalp", "value": "Do not wash your hair today."},
      {"op": "add", "path": "/locales/pl/after.scalp", "value": "Nie myj dziś włosów."},
      {"op": "add", "path": "/locales/en/after.any", "value": "Redness goes within hours."},
      {"op": "add", "path": "/locales/pl/after.any", "value": "Zaczerwienienie mija."}
    ])"));
    const auto face = build_plan(
        *rules, "en",
        PlanRequest{{"wrinkles"}, {"face"}, day("2026-03-02"), day("2026-03-01"), false});
    REQUIRE(face);
    REQUIRE(face->aftercare.size() == 1);
    CHECK(face->aftercare[0].text == "Redness goes within hours.");
    CHECK(face->notes.empty());
    const auto scalp = build_plan(
        *rules, "en",
        PlanRequest{{"hair_loss"}, {"scalp"}, day("2026-03-02"), day("2026-03-01"), false});
    CHECK(scalp->aftercare.size() == 2);
    // An unknown concern in a filter is a load error.
    const auto broken = load_ruleset(patched_minimal(
        R"([{"op": "add", "path": "/courses/0/notes/0/concerns", "value": ["hairloss"]}])"));
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.errors()[0] == Error{"rules.unknown_concern", "/courses/0/notes/0/concerns/0",
                                      "\"hairloss\" is not a concern id"});
}

TEST_CASE("plan v2: 'up to' keeps no minimum, and a figure no course gives is no 0") {
    const auto rules = load(patched_minimal(R"([
      {"op": "replace", "path": "/courses/0/effect_months/ranges",
       "value": [{"min": null, "max": 12, "sources": ["000"]}]},
      {"op": "replace", "path": "/courses/1/first_results_sessions/ranges", "value": []}
    ])"));
    const auto plan = build_plan(*rules, "en",
                                 PlanRequest{{"wrinkles", "hair_loss"},
                                             {"face", "scalp"},
                                             day("2026-03-02"),
                                             day("2026-03-01"),
                                             false});
    REQUIRE(plan);
    const Json json = plan_json(*rules, "en", *plan);
    // The scalp course says 12 months from 000 as 12–12; the general one "up to 12".
    CHECK(json["effect_months"]["min"] == 12);
    CHECK(json["effect_months"]["ranges"][0]["min"] == nullptr);
    CHECK(json["first_results_sessions"]["min"] == 2);  // from the general course only
    const auto alone = build_plan(
        *rules, "en",
        PlanRequest{{"wrinkles"}, {"face"}, day("2026-03-02"), day("2026-03-01"), false});
    CHECK(plan_json(*rules, "en", *alone)["effect_months"]["min"] == nullptr);
    const auto scalp = build_plan(
        *rules, "en",
        PlanRequest{{"hair_loss"}, {"scalp"}, day("2026-03-02"), day("2026-03-01"), false});
    CHECK(plan_json(*rules, "en", *scalp)["first_results_sessions"]["min"] == nullptr);
    CHECK(plan_json(*rules, "en", *scalp)["first_results_sessions"]["max"] == nullptr);
}

TEST_CASE("plan v2: settings are declared with units and bounds") {
    const auto error_of = [](const std::string& patch) {
        const auto rules = load_ruleset(patched_minimal(patch));
        REQUIRE_FALSE(rules.ok());
        return rules.errors()[0];
    };
    CHECK(error_of(R"([{"op": "add", "path": "/settings/first_session_lead_days",
                        "value": {"value": 0, "unit": "days", "text": "setting.alcohol_wait_days"}}])") ==
          Error{"rules.bad_setting", "/settings/first_session_lead_days/value",
                "0 is outside the setting's range 1 to …"});
    CHECK(error_of(R"([{"op": "add", "path": "/settings/alcohol_wait_days/min", "value": 5}])") ==
          Error{"rules.bad_setting", "/settings/alcohol_wait_days/value",
                "3 is outside the setting's range 5 to …"});
    CHECK(
        error_of(R"([{"op": "add", "path": "/settings/open_weekdays",
                        "value": {"value": ["mon", "mon"], "unit": "weekdays", "text": "setting.alcohol_wait_days"}}])") ==
        Error{"rules.bad_setting", "/settings/open_weekdays/value",
              "expected a non-empty list of distinct weekdays: mon, tue, wed, thu, fri, sat, sun"});
    CHECK(error_of(R"([{"op": "add", "path": "/settings/closed_dates",
                        "value": {"value": ["2026-02-30"], "unit": "dates", "text": "setting.alcohol_wait_days"}}])") ==
          Error{"rules.bad_setting", "/settings/closed_dates/value",
                "expected a list of YYYY-MM-DD dates"});
    CHECK(error_of(R"([{"op": "add", "path": "/settings/clinic_phone",
                        "value": {"value": 123, "unit": "text", "text": "setting.alcohol_wait_days"}}])") ==
          Error{"rules.bad_setting", "/settings/clinic_phone/value", "expected a string, or null"});
}

TEST_CASE("ics v2: tentative events, UIDs without dates, DTSTAMP from now, the clinic") {
    Json answers = clean_answers();
    ScreenInput in = input(answers, "2026-03-01");
    in.now = "2026-03-01T09:05:30.123Z";
    const std::string ics = plan_ics(*clinic(), screen(*clinic(), in), in);
    CHECK(ics.find("STATUS:TENTATIVE\r\n") != std::string::npos);
    CHECK(ics.find("DTSTAMP:20260301T090530Z\r\n") != std::string::npos);
    CHECK(ics.find("UID:minimal-test-session-1@meso-screener\r\n") != std::string::npos);
    CHECK(ics.find("20260304@") == std::string::npos);
    CHECK(ics.find("LOCATION:Klinika\\; Zdrowie\\, ul. Długa 1\\, Kraków\r\n") !=
          std::string::npos);
    CHECK(ics.find("CONTACT:Klinika\\; Zdrowie\\, +48 12 345 67 89\r\n") != std::string::npos);
    // The same plan moved by a day keeps its UIDs, so a calendar replaces the events.
    ScreenInput moved = input(answers, "2026-03-02");
    moved.now = "garbage";
    const std::string again = plan_ics(*clinic(), screen(*clinic(), moved), moved);
    CHECK(again.find("UID:minimal-test-session-1@meso-screener\r\n") != std::string::npos);
    CHECK(again.find("DTSTAMP:20260302T000000Z\r\n") != std::string::npos);
}
