// The .ics calendar of a plan: exact RFC 5545 text, escaping and folding.
#include <doctest/doctest.h>

#include "tests/unit/screen/screen_fixture.hpp"

using namespace meso;
using meso::screen_test::clean_answers;
using meso::screen_test::input;
using meso::screen_test::load;
using meso::screen_test::minimal;
using meso::screen_test::minimal_document;

namespace {

// Two sessions, and a calendar description long enough to fold, with a two-byte letter on the
// fold and every character that needs escaping; the preparation text follows it.
Json calendar_document() {
    Json document = minimal_document();
    document["courses"][0]["sessions"] =
        Json::parse(R"({"ranges": [{"min": 2, "max": 3, "sources": ["000"]}], "planned": 2})");
    const std::string long_text =
        std::string(62, 'a') + "\xC5\xBC, b; c\\ d " + std::string(80, 'b');
    document["locales"]["en"]["ics.description"] = long_text;
    document["locales"]["en"]["ics.summary"] = "Session {n} of {total}, mesotherapy";
    return document;
}

// RFC 5545 3.1: a line break followed by one space is removed when reading.
std::string unfold(std::string text) {
    for (std::size_t at = text.find("\r\n "); at != std::string::npos; at = text.find("\r\n ", at))
        text.erase(at, 3);
    return text;
}

}  // namespace

TEST_CASE("ics: exact text of a two-session plan") {
    const auto rules = load(calendar_document());
    const ScreenInput in = input(clean_answers(), "2026-02-28");
    const std::string description_1 = "DESCRIPTION:" + std::string(62, 'a') + "\r\n";
    const std::string description_2 = " \xC5\xBC\\, b\\; c\\\\ d " + std::string(59, 'b') + "\r\n";
    const std::string description_3 =
        " " + std::string(21, 'b') + "\\nNo alcohol for at least 3 days before.\r\n";
    const std::string description = description_1 + description_2 + description_3;
    const std::string expected =
        "BEGIN:VCALENDAR\r\n"
        "VERSION:2.0\r\n"
        "PRODID:-//meso-screener//minimal-test 0.1.0//EN\r\n"
        "CALSCALE:GREGORIAN\r\n"
        "METHOD:PUBLISH\r\n"
        "BEGIN:VEVENT\r\n"
        "UID:minimal-test-1-20260228@meso-screener\r\n"
        "DTSTAMP:20260228T000000Z\r\n"
        "DTSTART;VALUE=DATE:20260228\r\n"
        "DTEND;VALUE=DATE:20260301\r\n"
        "SUMMARY:Session 1 of 2\\, mesotherapy\r\n" +
        description +
        "END:VEVENT\r\n"
        "BEGIN:VEVENT\r\n"
        "UID:minimal-test-2-20260310@meso-screener\r\n"
        "DTSTAMP:20260228T000000Z\r\n"
        "DTSTART;VALUE=DATE:20260310\r\n"
        "DTEND;VALUE=DATE:20260311\r\n"
        "SUMMARY:Session 2 of 2\\, mesotherapy\r\n" +
        description +
        "END:VEVENT\r\n"
        "END:VCALENDAR\r\n";
    const std::string ics = plan_ics(*rules, screen(*rules, in), in);
    CHECK(ics == expected);
    CHECK(description_1.size() == 74 + 2);  // the fold moved back before the two-byte letter
    CHECK(description_2.size() == 75 + 2);
}

TEST_CASE("ics: texts in the screening language") {
    const auto rules = load(calendar_document());
    const ScreenInput in = input(clean_answers(), "2026-02-28", "pl");
    const std::string ics = unfold(plan_ics(*rules, screen(*rules, in), in));
    CHECK(ics.find("PRODID:-//meso-screener//minimal-test 0.1.0//PL\r\n") != std::string::npos);
    CHECK(ics.find("SUMMARY:Mezoterapia\\, zabieg 1 z 2\r\n") != std::string::npos);
    CHECK(ics.find("SUMMARY:Mezoterapia\\, zabieg 2 z 2\r\n") != std::string::npos);
    CHECK(ics.find("DESCRIPTION:Proponowany termin\\; prosimy potwierdzić go w klinice.\\nBez "
                   "alkoholu co najmniej 3 dni przed zabiegiem.\r\n") != std::string::npos);
}

TEST_CASE("ics: empty without dates") {
    Json answers = clean_answers();
    answers["pregnant"] = true;  // postpone with no end date: a plan, but no dates
    const ScreenInput waiting = input(answers);
    const ScreenResult result = screen(minimal(), waiting);
    REQUIRE(result.plan);
    CHECK(plan_ics(minimal(), result, waiting) == "");
    const ScreenInput blocked = input({{"cancer", true}});
    CHECK(plan_ics(minimal(), screen(minimal(), blocked), blocked) == "");
}

TEST_CASE("ics: no line is longer than 75 octets and every line ends in CRLF") {
    const auto rules = load(calendar_document());
    const ScreenInput in = input(clean_answers(), "2026-02-28");
    const std::string ics = plan_ics(*rules, screen(*rules, in), in);
    std::size_t start = 0;
    while (start < ics.size()) {
        const std::size_t end = ics.find("\r\n", start);
        REQUIRE(end != std::string::npos);
        CHECK(end - start <= 75);
        CHECK(ics.substr(start, end - start).find('\n') == std::string::npos);
        start = end + 2;
    }
}
