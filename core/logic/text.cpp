#include "core/logic/text.hpp"

#include <cmath>
#include <cstdint>
#include <limits>

#include "core/json/decimal.hpp"

namespace meso::logic::text {
namespace {

constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();
constexpr double infinity = std::numeric_limits<double>::infinity();

struct Decoded {
    char32_t code_point;
    std::size_t length;
};

// Strict enough for our purposes: a malformed sequence decodes as its first byte alone.
Decoded decode(std::string_view s, std::size_t pos) {
    const auto lead = static_cast<unsigned char>(s[pos]);
    std::size_t length = lead < 0x80           ? 1
                         : (lead >> 5) == 0x6  ? 2
                         : (lead >> 4) == 0xE  ? 3
                         : (lead >> 3) == 0x1E ? 4
                                               : 0;
    if (length == 0 || pos + length > s.size()) return {lead, 1};
    char32_t cp = length == 1 ? lead : lead & (0x7F >> length);
    for (std::size_t i = 1; i < length; ++i) {
        const auto next = static_cast<unsigned char>(s[pos + i]);
        if ((next & 0xC0) != 0x80) return {lead, 1};
        cp = (cp << 6) | (next & 0x3F);
    }
    return {cp, length};
}

char32_t first_utf16_unit(char32_t cp) {
    return cp < 0x10000 ? cp : 0xD800 + ((cp - 0x10000) >> 10);
}

bool is_js_space(char32_t cp) {
    switch (cp) {
        case 0x09:
        case 0x0A:
        case 0x0B:
        case 0x0C:
        case 0x0D:
        case 0x20:
        case 0xA0:
        case 0x1680:
        case 0x2028:
        case 0x2029:
        case 0x202F:
        case 0x205F:
        case 0x3000:
        case 0xFEFF: return true;
        default: return cp >= 0x2000 && cp <= 0x200A;
    }
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Length of the longest StrUnsignedDecimalLiteral prefix (digits, fraction, exponent), 0 if none.
std::size_t decimal_prefix(std::string_view s) {
    std::size_t i = 0, digits = 0;
    while (i < s.size() && is_digit(s[i])) ++i, ++digits;
    if (i < s.size() && s[i] == '.') {
        std::size_t j = i + 1;
        while (j < s.size() && is_digit(s[j])) ++j, ++digits;
        if (digits == 0) return 0;
        i = j;
    }
    if (digits == 0) return 0;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        std::size_t j = i + 1;
        if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
        const std::size_t exponent_start = j;
        while (j < s.size() && is_digit(s[j])) ++j;
        if (j > exponent_start) i = j;
    }
    return i;
}

double radix_integer(std::string_view digits, int radix) {
    if (digits.empty()) return not_a_number;
    double value = 0;
    for (char c : digits) {
        int d = is_digit(c)              ? c - '0'
                : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                         : 99;
        if (d >= radix) return not_a_number;
        value = value * radix + d;
    }
    return value;
}

}  // namespace

std::size_t code_point_count(std::string_view s) {
    std::size_t count = 0;
    for (std::size_t pos = 0; pos < s.size(); pos += decode(s, pos).length) ++count;
    return count;
}

std::size_t code_point_offset(std::string_view s, std::size_t index) {
    std::size_t pos = 0;
    for (; pos < s.size() && index > 0; --index) pos += decode(s, pos).length;
    return pos;
}

int compare_utf16(std::string_view a, std::string_view b) {
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const Decoded x = decode(a, i), y = decode(b, j);
        if (x.code_point != y.code_point) {
            const char32_t ux = first_utf16_unit(x.code_point), uy = first_utf16_unit(y.code_point);
            if (ux != uy) return ux < uy ? -1 : 1;
            return x.code_point < y.code_point ? -1 : 1;  // same high surrogate: order holds
        }
        i += x.length;
        j += y.length;
    }
    if (i < a.size()) return 1;
    if (j < b.size()) return -1;
    return 0;
}

std::string_view trim_js_space_start(std::string_view s) {
    std::size_t pos = 0;
    while (pos < s.size()) {
        const Decoded d = decode(s, pos);
        if (!is_js_space(d.code_point)) break;
        pos += d.length;
    }
    return s.substr(pos);
}

std::string_view trim_js_space(std::string_view s) {
    s = trim_js_space_start(s);
    while (!s.empty()) {
        // Step back to the start of the last code point.
        std::size_t start = s.size() - 1;
        while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80 &&
               s.size() - start < 4)
            --start;
        const Decoded d = decode(s, start);
        if (start + d.length != s.size() || !is_js_space(d.code_point)) break;
        s.remove_suffix(d.length);
    }
    return s;
}

void append_number(std::string& out, double x) {
    if (std::isnan(x)) {
        out += "NaN";
        return;
    }
    if (x == 0) {
        out += '0';  // also -0
        return;
    }
    if (x < 0) {
        out += '-';
        x = -x;
    }
    if (std::isinf(x)) {
        out += "Infinity";
        return;
    }
    if (x < 9007199254740992.0 && x == std::floor(x)) {
        out += std::to_string(static_cast<std::int64_t>(x));
        return;
    }
    const auto [digits, exponent] = decimal::shortest(x);
    const int k = static_cast<int>(digits.size());
    const int n = exponent + 1;  // position of the decimal point relative to the digits
    if (k <= n && n <= 21) {
        out += digits;
        out.append(static_cast<std::size_t>(n - k), '0');
    } else if (0 < n && n <= 21) {
        out.append(digits, 0, static_cast<std::size_t>(n));
        out += '.';
        out.append(digits, static_cast<std::size_t>(n));
    } else if (-6 < n && n <= 0) {
        out += "0.";
        out.append(static_cast<std::size_t>(-n), '0');
        out += digits;
    } else {
        out += digits[0];
        if (k > 1) {
            out += '.';
            out.append(digits, 1);
        }
        out += 'e';
        out += n - 1 < 0 ? '-' : '+';
        out += std::to_string(std::abs(n - 1));
    }
}

std::string number_to_string(double x) {
    std::string out;
    append_number(out, x);
    return out;
}

double string_to_number(std::string_view s) {
    s = trim_js_space(s);
    if (s.empty()) return 0;
    if (s.size() > 2 && s[0] == '0') {
        const char r = s[1];
        if (r == 'x' || r == 'X') return radix_integer(s.substr(2), 16);
        if (r == 'o' || r == 'O') return radix_integer(s.substr(2), 8);
        if (r == 'b' || r == 'B') return radix_integer(s.substr(2), 2);
    }
    std::string_view body = s;
    const bool negative = body[0] == '-';
    if (body[0] == '+' || body[0] == '-') body.remove_prefix(1);
    if (body == "Infinity") return negative ? -infinity : infinity;
    if (body.empty() || decimal_prefix(body) != body.size()) return not_a_number;
    const double magnitude = decimal::parse(body);
    return negative ? -magnitude : magnitude;
}

double parse_float(std::string_view s) {
    s = trim_js_space_start(s);
    if (s.empty()) return not_a_number;
    const bool negative = s[0] == '-';
    if (s[0] == '+' || s[0] == '-') s.remove_prefix(1);
    if (s.substr(0, 8) == "Infinity") return negative ? -infinity : infinity;
    const std::size_t length = decimal_prefix(s);
    if (length == 0) return not_a_number;
    const double magnitude = decimal::parse(s.substr(0, length));
    return negative ? -magnitude : magnitude;
}

}  // namespace meso::logic::text
