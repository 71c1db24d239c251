// JavaScript's conversions as the engine implements them: number text, Number(), parseFloat,
// String(), and the code point helpers behind substr and text comparison.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>

#include "core/logic/coerce.hpp"
#include "core/logic/text.hpp"

using meso::logic::Json;
namespace text = meso::logic::text;

namespace {

bool same_number(double a, double b) {
    if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
    return a == b && std::signbit(a) == std::signbit(b);
}

}  // namespace

TEST_CASE("logic text: numbers print as JavaScript's Number::toString") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    const struct {
        double value;
        const char* text;
    } cases[] = {
        {0, "0"},
        {-0.0, "0"},
        {1, "1"},
        {-1, "-1"},
        {1.5, "1.5"},
        {0.1, "0.1"},
        {0.1 + 0.2, "0.30000000000000004"},
        {1.0 / 3, "0.3333333333333333"},
        {100, "100"},
        {1e20, "100000000000000000000"},
        {1e21, "1e+21"},
        {-1e21, "-1e+21"},
        {123456789.125, "123456789.125"},
        {9007199254740993.0, "9007199254740992"},
        {1152921504606846976.0, "1152921504606847000"},
        {0.000001, "0.000001"},
        {1e-7, "1e-7"},
        {1.5e-7, "1.5e-7"},
        {1.23e-18, "1.23e-18"},
        {5e-324, "5e-324"},
        {1.7976931348623157e308, "1.7976931348623157e+308"},
        {2.5e30, "2.5e+30"},
        {nan, "NaN"},
        {inf, "Infinity"},
        {-inf, "-Infinity"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        CHECK(text::number_to_string(c.value) == c.text);
    }
}

TEST_CASE("logic text: Number() of strings") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    const struct {
        const char* text;
        double value;
    } cases[] = {
        {"", 0},
        {"   ", 0},
        {" 12 ", 12},
        {"\t\n12\r", 12},
        {"\u00a0 5\u3000", 5},
        {"\ufeff7", 7},
        {"+5", 5},
        {"-5", -5},
        {"-0", -0.0},
        {"1.5", 1.5},
        {".5", 0.5},
        {"5.", 5},
        {"1e3", 1000},
        {"-.5e-3", -0.0005},
        {"0x1f", 31},
        {"0X1F", 31},
        {"0o17", 15},
        {"0b101", 5},
        {"00012", 12},
        {"Infinity", inf},
        {"-Infinity", -inf},
        {"1e400", inf},
        {"abc", nan},
        {"12px", nan},
        {"1e", nan},
        {"e5", nan},
        {".", nan},
        {"-0x10", nan},
        {"0x", nan},
        {"1_000", nan},
        {"1.2.3", nan},
        {"--1", nan},
        {"infinity", nan},
        {"Infinityx", nan},
        {"١", nan},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        CHECK(same_number(text::string_to_number(c.text), c.value));
    }
}

TEST_CASE("logic text: parseFloat reads the longest numeric prefix") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    const struct {
        const char* text;
        double value;
    } cases[] = {
        {"12px", 12},  {"  3.5kg", 3.5}, {"1e3x", 1000},     {"1e", 1},           {"1e+", 1},
        {"-.5", -0.5}, {"0x10", 0},      {"Infinityx", inf}, {"-Infinity", -inf}, {"", nan},
        {"abc", nan},  {".", nan},       {"-", nan},         {"1,2", 1},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        CHECK(same_number(text::parse_float(c.text), c.value));
    }
}

TEST_CASE("logic text: code points and UTF-16 order") {
    CHECK(text::code_point_count("zoë😀") == 4);
    CHECK(text::code_point_offset("zoë😀", 3) == 4);
    CHECK(text::code_point_offset("zoë😀", 9) == 8);
    CHECK(text::code_point_count("\xff\xfe") == 2);  // invalid bytes count one each
    CHECK(text::compare_utf16("a", "b") < 0);
    CHECK(text::compare_utf16("ab", "a") > 0);
    CHECK(text::compare_utf16("é", "é") == 0);
    CHECK(text::compare_utf16("😀", "\uffff") < 0);  // a surrogate sorts below U+FFFF
    CHECK(text::compare_utf16("😀", "😁") < 0);
    CHECK(text::trim_js_space("\u2028 x \u00a0") == "x");
}

TEST_CASE("logic coerce: Number(), String() and parseFloat of JSON values") {
    meso::logic::StringBudget budget{1000};
    CHECK(meso::logic::to_number(Json()) == 0);
    CHECK(meso::logic::to_number(Json(true)) == 1);
    CHECK(meso::logic::to_number(Json::parse("[[5]]")) == 5);
    CHECK(meso::logic::to_number(Json::parse("[]")) == 0);
    CHECK(std::isnan(meso::logic::to_number(Json::parse("[true]"))));
    CHECK(std::isnan(meso::logic::to_number(Json::parse("[1, 2]"))));
    CHECK(std::isnan(meso::logic::to_number(Json::object())));
    CHECK(std::isnan(meso::logic::parse_float(Json(), budget)));
    CHECK(meso::logic::parse_float(Json::parse("[\"7px\", 2]"), budget) == 7);
    std::string out;
    meso::logic::append_string(Json::parse(R"([1, [2.5, null], true, "x", {}])"), out, budget);
    CHECK(out == "1,2.5,,true,x,[object Object]");
    out.clear();
    meso::logic::append_string(Json(), out, budget);
    CHECK(out == "null");
    CHECK_FALSE(budget.exceeded);
    meso::logic::StringBudget tiny{3};
    out.clear();
    meso::logic::append_string(Json::parse("[1, 2, 3]"), out, tiny);
    CHECK(tiny.exceeded);
}
