#include <doctest/doctest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <random>
#include <string>

#include "core/json/decimal.hpp"

namespace decimal = meso::decimal;

namespace {

std::uint64_t bits(double x) { return std::bit_cast<std::uint64_t>(x); }

// What the C library says, for the differential cases: glibc's strtod and printf round
// correctly, which is the behaviour decimal.cpp replaces.
double c_parse(const std::string& literal) { return std::strtod(literal.c_str(), nullptr); }

std::string c_format(const char* format, int precision, double x) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, format, precision, x);
    return buffer;
}

// "%.*e" as Digits: "1.250e+02" -> {"1250", 2}.
decimal::Digits c_round(double x, int count) {
    const std::string text = c_format("%.*e", count - 1, x);
    decimal::Digits out;
    std::size_t i = 0;
    for (; text[i] != 'e'; ++i) {
        if (text[i] != '.') out.digits += text[i];
    }
    out.exponent = std::atoi(text.c_str() + i + 1);
    return out;
}

// {"15", 2} -> "15e1"
std::string literal(const decimal::Digits& d) {
    return d.digits + "e" + std::to_string(d.exponent - static_cast<int>(d.digits.size()) + 1);
}

}  // namespace

TEST_CASE("decimal::parse reads literals to the nearest double") {
    struct Case {
        const char* literal;
        double expected;
    };
    const Case cases[] = {
        {"0", 0},
        {"0.000", 0},
        {"0e400", 0},
        {"12", 12},
        {"-0.5", -0.5},
        {"-0", -0.0},
        {"+7", 7},
        {"00012.50", 12.5},
        {"5.", 5},
        {".5", 0.5},
        {"1.5e-7", 1.5e-7},
        {"1E+2", 100},
        {"0.1", 0.1},
        {"9007199254740993", 9007199254740992.0},  // halfway: to the even neighbour
        {"9007199254740995", 9007199254740996.0},  // halfway: to the even neighbour
        {"9007199254740993.000000000000000000001", 9007199254740994.0},  // above halfway
        {"1.7976931348623157e308", std::numeric_limits<double>::max()},
        {"1.7976931348623159e308", std::numeric_limits<double>::infinity()},
        {"1e400", std::numeric_limits<double>::infinity()},
        {"4.9406564584124654e-324", std::numeric_limits<double>::denorm_min()},
        {"2.4703282292062327e-324", 0},  // just below half the smallest subnormal
        {"2.4703282292062328e-324", std::numeric_limits<double>::denorm_min()},
        {"2.2250738585072014e-308", std::numeric_limits<double>::min()},
        {"1e-400", 0},
        {"12abc", 12},  // reading stops where the literal does
    };
    for (const Case& c : cases) {
        CAPTURE(c.literal);
        CHECK(bits(decimal::parse(c.literal)) == bits(c.expected));
    }
}

TEST_CASE("decimal::parse agrees with strtod on long and random literals") {
    std::mt19937_64 random(7);
    for (int i = 0; i < 10000; ++i) {
        std::string literal;
        const std::size_t length = 1 + random() % (i % 20 == 0 ? 900 : 25);
        for (std::size_t k = 0; k < length; ++k) literal += static_cast<char>('0' + random() % 10);
        if (random() % 2) literal.insert(random() % literal.size(), ".");
        if (random() % 2) literal += "e" + std::to_string(static_cast<int>(random() % 700) - 350);
        if (random() % 4 == 0) literal.insert(0, "-");
        CAPTURE(literal);
        REQUIRE(bits(decimal::parse(literal)) == bits(c_parse(literal)));
    }
}

TEST_CASE("decimal::parse rounds exact halfway points to even") {
    std::mt19937_64 random(11);
    for (int i = 0; i < 2000; ++i) {
        const double low = std::bit_cast<double>(random() % 0x7FEFFFFFFFFFFFFFull);
        const double high = std::nextafter(low, std::numeric_limits<double>::infinity());
        // The midpoint needs 54 bits, which long double holds exactly on x86 (elsewhere it may
        // be a double, and the case is skipped); printed in full it is the decimal literal that
        // lies exactly between the two doubles.
        const long double middle = (static_cast<long double>(low) + high) / 2;
        if (static_cast<double>(middle - low) != (high - low) / 2) continue;
        char buffer[900];
        std::snprintf(buffer, sizeof buffer, "%.780Le", middle);
        CAPTURE(buffer);
        REQUIRE(bits(decimal::parse(buffer)) == bits(c_parse(buffer)));
    }
}

TEST_CASE("decimal::round rounds like printf's %.*e") {
    CHECK(decimal::round(1234.5, 3).digits == "123");
    CHECK(decimal::round(1234.5, 3).exponent == 3);
    CHECK(decimal::round(2, 3).digits == "200");
    CHECK(decimal::round(0.125, 2).digits == "12");  // exact tie: to even
    CHECK(decimal::round(0.375, 2).digits == "38");  // exact tie: to even
    CHECK(decimal::round(9.96, 2).digits == "10");
    CHECK(decimal::round(9.96, 2).exponent == 1);
    CHECK(decimal::round(0.1, 25).digits == "1000000000000000055511151");
    CHECK(decimal::round(0.1, 25).exponent == -1);

    std::mt19937_64 random(3);
    for (int i = 0; i < 2000; ++i) {
        const double x = std::bit_cast<double>(random() % 0x7FF0000000000000ull);
        if (x == 0) continue;
        for (int count : {1, 2, 7, 15, 17, 21}) {
            CAPTURE(x);
            CAPTURE(count);
            const decimal::Digits expected = c_round(x, count);
            const decimal::Digits actual = decimal::round(x, count);
            REQUIRE(actual.digits == expected.digits);
            REQUIRE(actual.exponent == expected.exponent);
        }
    }
}

TEST_CASE("decimal::shortest gives the fewest digits that read back") {
    struct Case {
        double x;
        const char* digits;
        int exponent;
    };
    const Case cases[] = {
        {0.1, "1", -1},
        {0.3, "3", -1},
        {0.1 + 0.2, "30000000000000004", -1},
        {100, "1", 2},
        {1.0 / 3, "3333333333333333", -1},
        {5e-324, "5", -324},
        {1.7976931348623157e308, "17976931348623157", 308},
        {123e18, "123", 20},
    };
    for (const Case& c : cases) {
        CAPTURE(c.x);
        const decimal::Digits d = decimal::shortest(c.x);
        CHECK(d.digits == c.digits);
        CHECK(d.exponent == c.exponent);
    }

    std::mt19937_64 random(5);
    for (int i = 0; i < 1000; ++i) {
        const double x = std::bit_cast<double>(random() % 0x7FF0000000000000ull);
        if (x == 0) continue;
        CAPTURE(x);
        const decimal::Digits d = decimal::shortest(x);
        REQUIRE(c_parse(literal(d)) == x);
        if (d.digits.size() > 1) {  // the nearest with one digit fewer does not read back
            const int fewer = static_cast<int>(d.digits.size()) - 1;
            REQUIRE(c_parse(literal(decimal::round(x, fewer))) != x);
        }
    }
}

TEST_CASE("decimal::general writes like printf's %.15g") {
    CHECK(decimal::general(0.1, 15) == "0.1");
    CHECK(decimal::general(2.5, 15) == "2.5");
    CHECK(decimal::general(1e20, 15) == "1e+20");
    CHECK(decimal::general(1e15, 15) == "1e+15");
    CHECK(decimal::general(123456789012345.6, 15) == "123456789012346");
    CHECK(decimal::general(1.0 / 3, 15) == "0.333333333333333");
    CHECK(decimal::general(0.0001, 15) == "0.0001");
    CHECK(decimal::general(0.00001, 15) == "1e-05");
    CHECK(decimal::general(-2.5e-300, 15) == "-2.5e-300");
    CHECK(decimal::general(0, 15) == "0");
    CHECK(decimal::general(-0.0, 15) == "-0");
    CHECK(decimal::general(std::numeric_limits<double>::infinity(), 15) == "inf");
    CHECK(decimal::general(-std::numeric_limits<double>::infinity(), 15) == "-inf");
    CHECK(decimal::general(std::numeric_limits<double>::quiet_NaN(), 15) == "nan");

    std::mt19937_64 random(9);
    for (int i = 0; i < 2000; ++i) {
        const double x = std::bit_cast<double>(random() & 0xFFEFFFFFFFFFFFFFull);
        for (int precision : {1, 6, 15, 17}) {
            CAPTURE(x);
            CAPTURE(precision);
            REQUIRE(decimal::general(x, precision) == c_format("%.*g", precision, x));
        }
    }
}
