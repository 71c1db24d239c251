// Decimal text and doubles, converted exactly, without strtod or printf. Both directions round
// correctly, as a good C library does, but they read no locale, and they keep out of the wasm
// musl's strtod with its software long-double arithmetic and printf's floating-point engine
// (with json_write.hpp, which removes the last printf: 10 KB of the gzipped module).
#pragma once

#include <string>
#include <string_view>

namespace meso::decimal {

// The double nearest to a decimal literal: optionally '-' or '+', digits, optionally '.' and
// digits, optionally 'e' or 'E', a sign and digits ("12", "-0.5", "1.5e-7", as JSON writes
// them). A tie goes to the even neighbour, as in strtod; beyond the largest double the value is
// infinity, below half the smallest it is 0. Reading stops at the first character that does not
// fit.
double parse(std::string_view literal);

// Significant digits and the power of ten of the first one: {"15", 2} is 1.5e2.
struct Digits {
    std::string digits;
    int exponent = 0;
};

// x (finite, > 0) rounded to `count` significant digits, ties to even, as printf's "%.*e"
// rounds: round(1234.5, 3) is {"123", 3} (trailing zeros are kept: round(2, 3) is {"200", 0}).
Digits round(double x, int count);

// The fewest digits that parse back to x (finite, > 0), the nearest to x if there are several:
// the digits of JavaScript's Number::toString. Trailing zeros are dropped: 100 is {"1", 2}.
Digits shortest(double x);

// printf's "%.<precision>g": 0.1 -> "0.1", 1e20 -> "1e+20", 1.0/3 at 15 -> "0.333333333333333".
std::string general(double x, int precision);

}  // namespace meso::decimal
