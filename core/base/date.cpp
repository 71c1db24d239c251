#include "core/base/date.hpp"

#include <cstddef>

namespace meso {
namespace {

// Howard Hinnant's civil-calendar algorithms (public domain description), in days since 1970.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Civil {
    std::int64_t year;
    unsigned month;
    unsigned day;
};

Civil civil_from_days(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2), m, d};
}

bool is_leap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(std::int64_t y, unsigned m) {
    static constexpr unsigned lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : lengths[m - 1];
}

bool read_digits(std::string_view text, std::size_t from, std::size_t count, unsigned& out) {
    out = 0;
    for (std::size_t i = from; i < from + count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9') return false;
        out = out * 10 + static_cast<unsigned>(c - '0');
    }
    return true;
}

// printf's "%0<width>lld": zeros fill the number to `width` characters, the minus sign counted.
void append_padded(std::string& out, std::int64_t n, std::size_t width) {
    const auto bits = static_cast<std::uint64_t>(n);
    const std::string digits = std::to_string(n < 0 ? 0 - bits : bits);
    if (n < 0) out += '-';
    const std::size_t used = digits.size() + (n < 0 ? 1 : 0);
    if (used < width) out.append(width - used, '0');
    out += digits;
}

}  // namespace

std::optional<Date> Date::parse(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    unsigned y = 0, m = 0, d = 0;
    if (!read_digits(text, 0, 4, y) || !read_digits(text, 5, 2, m) || !read_digits(text, 8, 2, d))
        return std::nullopt;
    if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return std::nullopt;
    return Date(days_from_civil(y, m, d));
}

std::string Date::iso() const {
    const Civil c = civil_from_days(days_);
    std::string out;
    append_padded(out, c.year, 4);
    out += '-';
    append_padded(out, c.month, 2);
    out += '-';
    append_padded(out, c.day, 2);
    return out;
}

int Date::year() const { return static_cast<int>(civil_from_days(days_).year); }
int Date::month() const { return static_cast<int>(civil_from_days(days_).month); }
int Date::day() const { return static_cast<int>(civil_from_days(days_).day); }
// 1970-01-01, day 0, was a Thursday (3).
int Date::weekday() const { return static_cast<int>(((days_ % 7) + 7 + 3) % 7); }

}  // namespace meso
