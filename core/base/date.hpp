// Calendar dates without a clock: the core is told what "today" is.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace meso {

// A proleptic Gregorian day, counted from 1970-01-01 (day 0).
class Date {
public:
    // Accepts exactly "YYYY-MM-DD" for a real day between 1900-01-01 and 2199-12-31.
    // "2026-02-30", "2026-2-3", " 2026-02-03" and "2026-02-03T00:00" are rejected.
    static std::optional<Date> parse(std::string_view text);
    static Date from_days(std::int64_t days) { return Date(days); }

    std::int64_t days() const { return days_; }
    Date plus_days(std::int64_t n) const { return Date(days_ + n); }
    std::string iso() const;  // "YYYY-MM-DD"
    int year() const;
    int month() const;
    int day() const;
    int weekday() const;  // 0 = Monday … 6 = Sunday

    auto operator<=>(const Date&) const = default;

private:
    explicit Date(std::int64_t days) : days_(days) {}
    std::int64_t days_ = 0;
};

}  // namespace meso
