#include "core/json/decimal.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>

// Both directions work on a decimal number as a string of digits, multiplied and divided by
// powers of two digit by digit: slow next to Ryu or Eisel-Lemire, but short, obviously exact,
// and fast enough for the few numbers a rule set or an answer holds. Parsing takes a shortcut
// when the digits and the power of ten are both exact doubles, which covers nearly every
// literal a person writes.
namespace meso::decimal {
namespace {

constexpr int max_shift = 59;  // a digit times 2^59 plus the carry still fits in 64 bits

// Enough digits to round any literal correctly: a value halfway between two doubles has at
// most 767 significant digits, and the digits dropped beyond this are remembered as `inexact`.
constexpr std::size_t parse_digits = 800;

// Enough digits to round nearly every literal, and much faster on large or tiny ones. Each of
// the at most 30 divisions that drop digits errs by less than 1e-39 of the value, so the 53-bit
// significand (below 1e16) is off by less than 1e-20: only a fraction that close to 1/2 needs
// the slow pass.
constexpr std::size_t quick_digits = 40;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
std::uint64_t digit_value(char c) { return static_cast<std::uint64_t>(c - '0'); }
char digit_char(std::uint64_t d) { return static_cast<char>('0' + d); }

// std::bit_cast, which the wasm toolchain's libc++ lacks.
template <typename To, typename From>
To bit_cast(const From& from) {
    static_assert(sizeof(To) == sizeof(From));
    To to;
    std::memcpy(&to, &from, sizeof to);
    return to;
}

// A non-negative number 0.d1 d2 d3 ... x 10^point, written in `digits` without leading or
// trailing zeros (no digits is 0). `inexact` says that nonzero digits were dropped at the end.
struct Decimal {
    std::string digits;
    int point = 0;
    bool inexact = false;

    void trim_trailing_zeros() {
        const std::size_t last = digits.find_last_not_of('0');
        digits.resize(last == std::string::npos ? 0 : last + 1);
        if (digits.empty()) point = 0;
    }

    // Multiplies by 2^shift, shift <= max_shift.
    void shift_left(int shift) {
        std::uint64_t carry = 0;
        for (std::size_t i = digits.size(); i-- > 0;) {
            const std::uint64_t n = (digit_value(digits[i]) << shift) + carry;
            digits[i] = digit_char(n % 10);
            carry = n / 10;
        }
        std::string head;
        for (; carry > 0; carry /= 10) head += digit_char(carry % 10);
        std::reverse(head.begin(), head.end());
        digits.insert(0, head);
        point += static_cast<int>(head.size());
        trim_trailing_zeros();
    }

    // Divides by 2^shift, shift <= max_shift, keeping at most `keep` digits.
    void shift_right(int shift, std::size_t keep) {
        const std::uint64_t mask = (std::uint64_t{1} << shift) - 1;
        std::string quotient;
        std::uint64_t rest = 0;
        std::size_t read = 0;
        int leading_zeros = 0;
        while (read < digits.size() || rest != 0) {
            if (quotient.size() == keep) {
                inexact = inexact || rest != 0 ||
                          digits.find_first_not_of('0', read) != std::string::npos;
                break;
            }
            rest = rest * 10 + (read < digits.size() ? digit_value(digits[read]) : 0);
            ++read;
            const std::uint64_t q = rest >> shift;
            rest &= mask;
            if (q == 0 && quotient.empty()) {
                ++leading_zeros;
            } else {
                quotient += digit_char(q);
            }
        }
        digits = std::move(quotient);
        point -= leading_zeros;
        trim_trailing_zeros();
    }

    void multiply_by_power_of_two(int exponent) {
        for (; exponent > 0; exponent -= max_shift) shift_left(std::min(exponent, max_shift));
    }

    void divide_by_power_of_two(int exponent, std::size_t keep) {
        for (; exponent > 0; exponent -= max_shift) {
            shift_right(std::min(exponent, max_shift), keep);
        }
    }

    // Keeps at most `keep` digits.
    void truncate(std::size_t keep) {
        if (digits.size() <= keep) return;
        inexact = true;  // the last digit is never a zero, so a nonzero one is dropped
        digits.resize(keep);
        trim_trailing_zeros();
    }

    // Whether the digits dropped might carry the part after the decimal point across 1/2: it is
    // within 1e-20 of it.
    bool may_be_half() const {
        if (!inexact || point < 0) return false;
        const auto whole = std::min(static_cast<std::size_t>(point), digits.size());
        std::string fraction = digits.substr(whole, 20);
        fraction.resize(20, '0');
        return fraction == "50000000000000000000" || fraction == "49999999999999999999";
    }

    // The nearest integer, ties to even; the value must be below 2^64.
    std::uint64_t rounded_integer() const {
        if (point < 0) return 0;  // below 0.1
        const auto whole = static_cast<std::size_t>(point);
        std::uint64_t n = 0;
        for (std::size_t i = 0; i < whole; ++i) {
            n = n * 10 + (i < digits.size() ? digit_value(digits[i]) : 0);
        }
        if (whole >= digits.size()) return n;
        const char next = digits[whole];
        // Digits after `next` are not all zeros: the last digit kept is never a zero.
        const bool above_half = inexact || whole + 1 < digits.size();
        const bool up = next > '5' || (next == '5' && (above_half || n % 2 == 1));
        return n + (up ? 1 : 0);
    }
};

constexpr auto kPowersOfTen = [] {
    std::array<double, 23> powers{};  // every power of ten up to 1e22 is an exact double
    double p = 1;
    for (double& power : powers) {
        power = p;
        p *= 10;
    }
    return powers;
}();

// One correctly rounded multiplication or division of two exact doubles, when there is one.
bool parse_exactly(const Decimal& d, double& out) {
    if (d.inexact || d.digits.size() > 15) return false;  // below 2^53: every digit is exact
    const int exponent = d.point - static_cast<int>(d.digits.size());
    if (exponent < -22 || exponent > 22) return false;
    std::uint64_t n = 0;
    for (char c : d.digits) n = n * 10 + digit_value(c);
    const auto whole = static_cast<double>(n);
    out = exponent < 0 ? whole / kPowersOfTen[static_cast<std::size_t>(-exponent)]
                       : whole * kPowersOfTen[static_cast<std::size_t>(exponent)];
    return true;
}

// The double nearest to d, from its first `keep` digits, or nothing when the digits dropped
// might decide which way the last bit rounds (never when keeping parse_digits).
std::optional<double> round_to_double(Decimal d, std::size_t keep) {
    d.truncate(keep);
    // Scale into [0.5, 1) by powers of two, counting them in `binary`. While the value is at
    // least 10^(point-1), dividing by 8^(point-1) keeps it at least 1; the reverse holds below.
    int binary = 0;
    while (d.point > 0) {
        const int shift = d.point > 1 ? std::min(3 * (d.point - 1), max_shift) : 1;
        d.shift_right(shift, keep);
        binary += shift;
    }
    while (d.point < 0) {
        const int shift = std::min(-3 * d.point, max_shift);
        d.shift_left(shift);
        binary -= shift;
    }
    while (d.digits[0] < '5') {
        d.shift_left(1);
        binary -= 1;
    }

    // value = 2v x 2^(binary - 1) with 2v in [1, 2): 53 bits of 2v are the significand.
    int exponent = binary - 1;
    if (exponent > 1023) return std::numeric_limits<double>::infinity();
    if (exponent < -1022) {  // subnormal: fewer bits below the smallest exponent
        d.divide_by_power_of_two(-1022 - exponent, keep);
        exponent = -1022;
    }
    d.shift_left(53);
    if (keep < parse_digits && d.may_be_half()) return std::nullopt;
    std::uint64_t significand = d.rounded_integer();
    if (significand == std::uint64_t{1} << 53) {  // rounding carried into a new bit
        significand >>= 1;
        ++exponent;
        if (exponent > 1023) return std::numeric_limits<double>::infinity();
    }
    // A subnormal (significand below 2^52) has exponent -1022 and a zero exponent field; a
    // normal one carries its leading bit into the field, which makes the sum right for both.
    const std::uint64_t bits = (static_cast<std::uint64_t>(exponent + 1022) << 52) + significand;
    return bit_cast<double>(bits);
}

double to_double(const Decimal& d) {
    if (d.digits.empty()) return 0;
    if (double exact = 0; parse_exactly(d, exact)) return exact;
    if (d.point > 310) return std::numeric_limits<double>::infinity();  // above 1e309
    if (d.point < -330) return 0;                                       // below 1e-330
    if (const auto quick = round_to_double(d, quick_digits)) return *quick;
    return *round_to_double(d, parse_digits);
}

// x = significand x 2^exponent, for x finite and > 0.
struct Binary {
    std::uint64_t significand = 0;
    int exponent = 0;
    bool closer_below = false;  // the double below x is nearer than the one above
};

Binary binary_of(double x) {
    const auto bits = bit_cast<std::uint64_t>(x);
    const auto field = static_cast<int>((bits >> 52) & 0x7FF);
    const std::uint64_t fraction = bits & ((std::uint64_t{1} << 52) - 1);
    if (field == 0) return {fraction, -1074, false};  // subnormal
    return {fraction | (std::uint64_t{1} << 52), field - 1075, fraction == 0 && field > 1};
}

// significand x 2^exponent as a Decimal, exactly: every double and every point halfway between
// two has a finite decimal expansion (at most 767 significant digits).
Decimal exact(std::uint64_t significand, int exponent) {
    Decimal d;
    d.digits = std::to_string(significand);
    d.point = static_cast<int>(d.digits.size());
    d.trim_trailing_zeros();
    d.multiply_by_power_of_two(exponent);
    d.divide_by_power_of_two(-exponent, std::string::npos);
    return d;
}

Decimal exact(double x) {
    const Binary b = binary_of(x);
    return exact(b.significand, b.exponent);
}

// <0, 0 or >0 as a < b, for a and b > 0.
int compare(const Decimal& a, const Decimal& b) {
    if (a.point != b.point) return a.point < b.point ? -1 : 1;
    return a.digits.compare(b.digits);  // no trailing zeros: a shorter prefix is smaller
}

Digits round(const Decimal& d, int count) {
    const auto size = static_cast<std::size_t>(count);
    Digits out{d.digits.substr(0, size), d.point - 1};
    out.digits.resize(size, '0');
    if (size >= d.digits.size()) return out;
    const char next = d.digits[size];
    const bool above_half = size + 1 < d.digits.size();
    const bool odd = (out.digits.back() - '0') % 2 == 1;
    if (next < '5' || (next == '5' && !above_half && !odd)) return out;
    std::size_t i = size;
    while (i > 0 && out.digits[i - 1] == '9') out.digits[--i] = '0';
    if (i > 0) {
        ++out.digits[i - 1];
    } else {  // 9.99 -> 10.0
        out.digits.insert(out.digits.begin(), '1');
        out.digits.pop_back();
        ++out.exponent;
    }
    return out;
}

Decimal decimal_of(const Digits& d) {
    Decimal value{d.digits, d.exponent + 1, false};
    value.trim_trailing_zeros();
    return value;
}

// Whether a decimal parses back to the double `b`: it does when it lies strictly between the
// points halfway to the neighbouring doubles, or on one of them when b's significand is even
// (ties go to even).
class ReadsBack {
public:
    explicit ReadsBack(const Binary& b) : b_(b) {}

    bool operator()(const Decimal& candidate) {
        if (!low_) {  // the bounds cost more than the rest: only for the few who need them
            low_ = b_.closer_below ? exact(4 * b_.significand - 1, b_.exponent - 2)
                                   : exact(2 * b_.significand - 1, b_.exponent - 1);
            high_ = exact(2 * b_.significand + 1, b_.exponent - 1);
        }
        const bool ties = b_.significand % 2 == 0;
        const int above_low = compare(candidate, *low_);
        const int below_high = compare(*high_, candidate);
        return (above_low > 0 || (above_low == 0 && ties)) &&
               (below_high > 0 || (below_high == 0 && ties));
    }

private:
    Binary b_;
    std::optional<Decimal> low_, high_;
};

}  // namespace

double parse(std::string_view literal) {
    const bool negative = !literal.empty() && literal[0] == '-';
    if (!literal.empty() && (literal[0] == '-' || literal[0] == '+')) literal.remove_prefix(1);
    Decimal d;
    std::size_t i = 0;
    bool in_fraction = false;
    for (; i < literal.size(); ++i) {
        const char c = literal[i];
        if (c == '.' && !in_fraction) {
            in_fraction = true;
            continue;
        }
        if (!is_digit(c)) break;
        if (c == '0' && d.digits.empty()) {  // a leading zero only places the point
            if (in_fraction) --d.point;
            continue;
        }
        if (!in_fraction) ++d.point;
        if (d.digits.size() < parse_digits) {
            d.digits += c;
        } else if (c != '0') {
            d.inexact = true;
        }
    }
    if (i < literal.size() && (literal[i] == 'e' || literal[i] == 'E')) {
        ++i;
        const bool negative_exponent = i < literal.size() && literal[i] == '-';
        if (i < literal.size() && (literal[i] == '+' || literal[i] == '-')) ++i;
        int exponent = 0;
        for (; i < literal.size() && is_digit(literal[i]); ++i) {
            exponent = std::min(exponent * 10 + (literal[i] - '0'), 1'000'000);
        }
        d.point += negative_exponent ? -exponent : exponent;
    }
    d.trim_trailing_zeros();
    const double magnitude = to_double(d);
    return negative ? -magnitude : magnitude;
}

Digits round(double x, int count) { return round(exact(x), count); }

Digits shortest(double x) {
    const Binary b = binary_of(x);
    const Decimal value = exact(b.significand, b.exponent);
    ReadsBack reads_back(b);
    Digits digits;
    // The nearest 17 digits always read back: the loop ends there at the latest.
    for (int count = 1; count <= 17; ++count) {
        digits = round(value, count);
        const Decimal candidate = decimal_of(digits);
        double quick = 0;  // most candidates are one exact multiplication away from a double
        if (parse_exactly(candidate, quick) ? quick == x : reads_back(candidate)) break;
    }
    const std::size_t last = digits.digits.find_last_not_of('0');
    digits.digits.resize(last + 1);
    return digits;
}

std::string general(double x, int precision) {
    std::string out = std::signbit(x) ? "-" : "";
    if (std::isnan(x)) return out + "nan";
    x = std::fabs(x);
    if (std::isinf(x)) return out + "inf";
    if (x == 0) return out + "0";
    Digits r = round(x, precision);
    r.digits.resize(r.digits.find_last_not_of('0') + 1);
    const int e = r.exponent;
    if (e < -4 || e >= precision) {  // d.ddde+XX
        out += r.digits[0];
        if (r.digits.size() > 1) out.append(".").append(r.digits, 1);
        out += e < 0 ? "e-" : "e+";
        if (std::abs(e) < 10) out += '0';
        return out + std::to_string(std::abs(e));
    }
    if (e < 0) return out + "0." + std::string(static_cast<std::size_t>(-e - 1), '0') + r.digits;
    const auto whole = static_cast<std::size_t>(e) + 1;
    if (r.digits.size() <= whole) return out + r.digits + std::string(whole - r.digits.size(), '0');
    return out + r.digits.substr(0, whole) + "." + r.digits.substr(whole);
}

}  // namespace meso::decimal
