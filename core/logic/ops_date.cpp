// Extensions for rule sets: today, date_add, days_between. Dates are "YYYY-MM-DD" strings as
// meso::Date reads them; anything else is null (an unanswered date is "unknown", which a rule
// may test for). Arithmetic on a valid date that cannot give a valid date (a result outside
// 1900-01-01 … 2199-12-31, or days that are not a whole number) is an evaluation error
// "logic.date_range": as a null it would compare false and read as "no finding"
// (rules/DOMAIN.md: a year-2199 typo never gives a silent null).
#include <cmath>
#include <optional>
#include <string>

#include "core/base/date.hpp"
#include "core/logic/ops.hpp"
#include "core/logic/text.hpp"

namespace meso::logic {
namespace {

std::optional<Date> date_of(const Json& value) {
    if (!value.is_string()) return std::nullopt;
    return Date::parse(value.get_ref<const std::string&>());
}

// A whole number of days small enough that the result can still be a valid Date.
std::optional<std::int64_t> days_of(const Json& value) {
    if (!value.is_number()) return std::nullopt;
    const double days = number_of(value);
    if (!std::isfinite(days) || days != std::trunc(days) || std::fabs(days) > 1e6)
        return std::nullopt;
    return static_cast<std::int64_t>(days);
}

// How a value is named in a message: numbers and strings as written, anything else by kind.
std::string shown(const Json& value) {
    if (value.is_string()) return '"' + value.get<std::string>() + '"';
    if (value.is_number()) return text::number_to_string(number_of(value));
    return value.is_null() ? "null" : value.is_boolean() ? "a boolean" : "an array or object";
}

// Date::iso() without snprintf, which dominated rules that add days: years here have 4 digits.
std::string iso_of(const Date& date) {
    const int year = date.year(), month = date.month(), day = date.day();
    std::string out = "0000-00-00";
    for (int i = 3, y = year; i >= 0; --i, y /= 10) out[static_cast<std::size_t>(i)] += y % 10;
    out[5] += month / 10;
    out[6] += month % 10;
    out[8] += day / 10;
    out[9] += day % 10;
    return out;
}

bool in_range(const Date& date) {
    static const Date first = *Date::parse("1900-01-01");
    static const Date last = *Date::parse("2199-12-31");
    return first <= date && date <= last;
}

}  // namespace

// Date::parse accepts exactly "YYYY-MM-DD", so a valid day is returned as it was given.
Value eval_today(const Node&, Eval& eval) {
    return Date::parse(eval.context.today) ? Value::own(eval.context.today) : Value();
}

Value eval_date_add(const Node& node, Eval& eval) {
    const Value date = eval.run(node.args[0]);
    const Value days = eval.run(node.args[1]);
    if (eval.failed()) return {};
    const std::optional<Date> from = date_of(*date);
    if (!from) return {};  // no date (unanswered): unknown, not an error
    const std::optional<std::int64_t> offset = days_of(*days);
    if (!offset)
        return eval.fail(node, "logic.date_range",
                         "date_add: " + shown(*days) + " is not a whole number of days to add to " +
                             from->iso());
    const Date result = from->plus_days(*offset);
    if (!in_range(result))
        return eval.fail(node, "logic.date_range",
                         "date_add: " + from->iso() + " + " + std::to_string(*offset) +
                             " days is outside the dates the engine handles (1900-01-01 to "
                             "2199-12-31)");
    return Value::own(iso_of(result));
}

Value eval_days_between(const Node& node, Eval& eval) {
    const Value from = eval.run(node.args[0]);
    const Value to = eval.run(node.args[1]);
    if (eval.failed()) return {};
    const std::optional<Date> a = date_of(*from), b = date_of(*to);
    if (!a || !b) return {};
    return Value::number(static_cast<double>(b->days() - a->days()));
}

}  // namespace meso::logic
