// The text syntax of locale strings (core/ruleset/message.hpp): arguments, dates written out in
// each language, CLDR plural categories, and the problems the loader reports.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "core/base/date.hpp"
#include "core/ruleset/message.hpp"

using meso::format_message;
using meso::message_problem;
using meso::plural_category;

namespace {

std::string format(const char* lang, const char* pattern,
                   const std::map<std::string, std::string>& params) {
    return format_message(lang, pattern, [&](std::string_view name) -> std::optional<std::string> {
        const auto it = params.find(std::string(name));
        if (it == params.end()) return std::nullopt;
        return it->second;
    });
}

constexpr const char* days_en = "{n, plural, one {# day} other {# days}}";
constexpr const char* days_pl =
    "{n, plural, one {# dzień} few {# dni} many {# dni} other {# dnia}}";
constexpr const char* days_uk = "{n, plural, one {# день} few {# дні} many {# днів} other {# дня}}";

}  // namespace

TEST_CASE("message: plain arguments, and unknown ones left as written") {
    CHECK(format("en", "Wait {setting.x} days.", {{"setting.x", "3"}}) == "Wait 3 days.");
    CHECK(format("en", "From { earliest }.", {{"earliest", "x"}}) == "From x.");
    CHECK(format("en", "From {nope}.", {}) == "From {nope}.");
    CHECK(format("en", "No braces at all.", {}) == "No braces at all.");
    // A value is never read as a pattern again.
    CHECK(format("en", "{a}", {{"a", "{b}"}, {"b", "no"}}) == "{b}");
}

TEST_CASE("message: dates as people write them, month names in the genitive") {
    const std::map<std::string, std::string> p = {{"d", "2026-11-28"}};
    CHECK(format("en", "until {d, date}", p) == "until 28 November 2026");
    CHECK(format("pl", "do {d, date}", p) == "do 28 listopada 2026");
    CHECK(format("uk", "до {d, date}", p) == "до 28 листопада 2026 р.");
    CHECK(format("en", "{d, date}", {{"d", "2027-01-02"}}) == "2 January 2027");
    CHECK(format("pl", "{d, date}", {{"d", "2026-09-01"}}) == "1 września 2026");
    CHECK(format("uk", "{d, date}", {{"d", "2026-05-31"}}) == "31 травня 2026 р.");
    // A language without month names here keeps the ISO date; a non-date is shown as it is.
    CHECK(format("de", "{d, date}", p) == "2026-11-28");
    CHECK(format("en", "{d, date}", {{"d", "soon"}}) == "soon");
}

TEST_CASE("message: CLDR plural categories of en, pl and uk") {
    struct Row {
        const char* number;
        const char* en;
        const char* pl;
        const char* uk;
    };
    const Row rows[] = {
        {"0", "other", "many", "many"},     {"1", "one", "one", "one"},
        {"2", "other", "few", "few"},       {"4", "other", "few", "few"},
        {"5", "other", "many", "many"},     {"11", "other", "many", "many"},
        {"12", "other", "many", "many"},    {"14", "other", "many", "many"},
        {"21", "other", "many", "one"},     {"22", "other", "few", "few"},
        {"25", "other", "many", "many"},    {"101", "other", "many", "one"},
        {"111", "other", "many", "many"},   {"112", "other", "many", "many"},
        {"1.5", "other", "other", "other"}, {"1.0", "other", "other", "other"},
        {"x", "other", "other", "other"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.number);
        CHECK(plural_category("en", row.number) == row.en);
        CHECK(plural_category("pl", row.number) == row.pl);
        CHECK(plural_category("uk", row.number) == row.uk);
    }
}

TEST_CASE("message: plural branches with # and nested arguments") {
    CHECK(format("en", days_en, {{"n", "1"}}) == "1 day");
    CHECK(format("en", days_en, {{"n", "3"}}) == "3 days");
    CHECK(format("pl", days_pl, {{"n", "1"}}) == "1 dzień");
    CHECK(format("pl", days_pl, {{"n", "3"}}) == "3 dni");
    CHECK(format("pl", days_pl, {{"n", "5"}}) == "5 dni");
    CHECK(format("uk", days_uk, {{"n", "1"}}) == "1 день");
    CHECK(format("uk", days_uk, {{"n", "3"}}) == "3 дні");
    CHECK(format("uk", days_uk, {{"n", "5"}}) == "5 днів");
    CHECK(format("uk", days_uk, {{"n", "21"}}) == "21 день");
    // A category the text does not give falls back to "other".
    CHECK(format("pl", "{n, plural, one {# dzień} other {# dni}}", {{"n", "5"}}) == "5 dni");
    CHECK(format("en", "{n, plural, one {once, from {d, date}} other {# times}}",
                 {{"n", "1"}, {"d", "2026-11-28"}}) == "once, from 28 November 2026");
    // No such parameter: the argument stays as written.
    CHECK(format("en", "x {n, plural, other {#}} y", {}) == "x {n, plural, other {#}} y");
    // '#' is the number only inside a branch; the text around arguments is kept byte for byte.
    CHECK(format("uk", "№#2: {n, plural, one {# з #} other {# із #}}, ще #", {{"n", "3"}}) ==
          "№#2: 3 із 3, ще #");
    CHECK(format("en", "no arguments at all, # included", {}) == "no arguments at all, # included");
}

TEST_CASE("message: malformed patterns are problems with a position") {
    const std::pair<const char*, const char*> cases[] = {
        {"Wait {", "at character 7: expected a parameter name after '{'"},
        {"Wait {n",
         "at character 8: the text ends where '}' or ',' after the parameter name was expected"},
        {"Wait n}", "at character 7: a '}' that closes nothing"},
        {"{n, number}",
         "at character 5: unknown format \"number\"; expected \"date\" or \"plural\""},
        {"{n, plural, one {# day}}", "at character 24: a plural needs an \"other\" branch"},
        {"{n, plural, single {x} other {y}}",
         "at character 13: \"single\" is not a plural category (zero, one, two, few, many, other)"},
        {"{n, plural, one {x} one {y} other {z}}",
         "at character 21: the category \"one\" is given twice"},
        {"{n, plural, other {x}", "at character 22: a plural is never closed with '}'"},
        {"{n, plural, other {x", "at character 21: a plural branch is never closed with '}'"},
        {"{n, date", "at character 9: the text ends where '}' after \"date\" was expected"},
    };
    for (const auto& [pattern, problem] : cases) {
        CAPTURE(pattern);
        CHECK(message_problem(pattern) == problem);
    }
    CHECK(message_problem(days_pl).empty());
    CHECK(message_problem("Plain text, 100% fine.").empty());
}

TEST_CASE("message: which plural categories a pattern gives, and which a language needs") {
    const auto uses = meso::plural_uses(days_pl);
    REQUIRE(uses.size() == 1);
    CHECK(uses[0].name == "n");
    CHECK(uses[0].categories == std::set<std::string>{"one", "few", "many", "other"});
    CHECK(meso::plural_categories("en") == std::vector<std::string>{"one", "other"});
    CHECK(meso::plural_categories("uk") == std::vector<std::string>{"one", "few", "many", "other"});
    CHECK(meso::message_arguments("{a} {b, date} {c, plural, other {{d}}}") ==
          std::vector<std::string>{"a", "b", "c", "d"});
}

TEST_CASE("date: weekday") {
    CHECK(meso::Date::parse("2026-11-23")->weekday() == 0);  // a Monday
    CHECK(meso::Date::parse("2026-11-29")->weekday() == 6);  // a Sunday
    CHECK(meso::Date::parse("1970-01-01")->weekday() == 3);
    CHECK(meso::Date::parse("1900-01-01")->weekday() == 0);
}
