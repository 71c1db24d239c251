#include "core/logic/coerce.hpp"

#include <cmath>
#include <limits>
#include <string_view>
#include <utility>
#include <vector>

#include "core/logic/text.hpp"

namespace meso::logic {
namespace {

constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();

bool is_object_like(const Json& value) { return value.is_array() || value.is_object(); }

// Converts an array or object (ToPrimitive) or a string; other kinds are not string-like.
bool is_string_like(const Json& value) { return value.is_string() || is_object_like(value); }

void append_checked(std::string& out, std::string_view piece, StringBudget& budget) {
    budget.work += piece.size();
    if (out.size() + piece.size() > budget.max_bytes) {
        budget.exceeded = true;
        return;
    }
    out += piece;
}

void append_scalar(const Json& value, std::string& out, StringBudget& budget) {
    switch (value.type()) {
        case Json::value_t::null: append_checked(out, "null", budget); break;
        case Json::value_t::boolean:
            append_checked(out, bool_of(value) ? "true" : "false", budget);
            break;
        case Json::value_t::string:
            append_checked(out, value.get_ref<const std::string&>(), budget);
            break;
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
        case Json::value_t::number_float:
            append_checked(out, text::number_to_string(number_of(value)), budget);
            break;
        default: append_checked(out, "[object Object]", budget); break;
    }
}

// Array.prototype.join(",") over nested arrays without recursion: data may nest deeply.
void append_array(const Json& array, std::string& out, StringBudget& budget) {
    std::vector<std::pair<const Json*, std::size_t>> stack{{&array, 0}};
    while (!stack.empty() && !budget.exceeded) {
        auto& [current, index] = stack.back();
        if (index == current->size()) {
            stack.pop_back();
            continue;
        }
        if (index > 0) append_checked(out, ",", budget);
        ++budget.work;  // empty nested arrays write nothing but still take a visit
        const Json& element = (*current)[index++];
        if (element.is_array()) stack.emplace_back(&element, 0);
        else if (!element.is_null()) append_scalar(element, out, budget);
    }
}

// ToNumber of an array goes through its string form; only a single element (or none) can be
// numeric, since any separator makes the text NaN.
double array_to_number(const Json* value) {
    while (value->is_array()) {
        if (value->empty()) return 0;
        if (value->size() > 1) return not_a_number;
        value = &(*value)[0];
    }
    switch (value->type()) {
        case Json::value_t::null: return 0;
        case Json::value_t::string:
            return text::string_to_number(value->get_ref<const std::string&>());
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
        case Json::value_t::number_float: return number_of(*value) + 0.0;  // String(-0) is "0"
        default: return not_a_number;  // "true", "false", "[object Object]"
    }
}

}  // namespace

double to_number(const Json& value) {
    switch (value.type()) {
        case Json::value_t::null: return 0;
        case Json::value_t::boolean: return bool_of(value) ? 1 : 0;
        case Json::value_t::string:
            return text::string_to_number(value.get_ref<const std::string&>());
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
        case Json::value_t::number_float: return number_of(value);
        case Json::value_t::array: return array_to_number(&value);
        default: return not_a_number;
    }
}

double parse_float(const Json& value, StringBudget& budget) {
    if (value.is_number()) return number_of(value) + 0.0;  // parseFloat(String(-0)) is 0
    if (value.is_string()) return text::parse_float(value.get_ref<const std::string&>());
    if (!value.is_array()) return not_a_number;  // "null", "true", "[object Object]"
    std::string joined;
    append_array(value, joined, budget);
    return text::parse_float(joined);
}

void append_string(const Json& value, std::string& out, StringBudget& budget) {
    if (value.is_array()) append_array(value, out, budget);
    else append_scalar(value, out, budget);
}

void append_join_element(const Json& value, std::string& out, StringBudget& budget) {
    if (!value.is_null()) append_string(value, out, budget);
}

bool strict_equal(const Json& a, const Json& b) {
    if (a.is_number() && b.is_number()) return number_of(a) == number_of(b);
    if (a.type() != b.type()) return false;
    switch (a.type()) {
        case Json::value_t::null: return true;
        case Json::value_t::boolean: return bool_of(a) == bool_of(b);
        case Json::value_t::string:
            return a.get_ref<const std::string&>() == b.get_ref<const std::string&>();
        default: return &a == &b;  // arrays and objects: the same object or not
    }
}

bool loose_equal(const Json& a, const Json& b, StringBudget& budget) {
    const bool same_kind = (a.is_number() && b.is_number()) || a.type() == b.type();
    if (same_kind) return strict_equal(a, b);
    if (a.is_null() || b.is_null()) return false;
    if (is_object_like(a) && is_object_like(b)) return false;
    // A string against an array or object compares with the latter's string form.
    if (a.is_string() && is_object_like(b)) {
        std::string text;
        append_string(b, text, budget);
        return text == a.get_ref<const std::string&>();
    }
    if (b.is_string() && is_object_like(a)) return loose_equal(b, a, budget);
    // Everything left (booleans, numbers, a number against a string or an array) is numeric.
    return to_number(a) == to_number(b);
}

Order compare(const Json& a, const Json& b, StringBudget& budget) {
    if (is_string_like(a) && is_string_like(b)) {
        std::string a_text, b_text;
        std::string_view x, y;
        if (a.is_string()) {
            x = a.get_ref<const std::string&>();
        } else {
            append_string(a, a_text, budget);
            x = a_text;
        }
        if (b.is_string()) {
            y = b.get_ref<const std::string&>();
        } else {
            append_string(b, b_text, budget);
            y = b_text;
        }
        const int order = text::compare_utf16(x, y);
        return order < 0 ? Order::less : order > 0 ? Order::greater : Order::equal;
    }
    const double x = to_number(a), y = to_number(b);
    if (std::isnan(x) || std::isnan(y)) return Order::unordered;
    return x < y ? Order::less : x > y ? Order::greater : Order::equal;
}

}  // namespace meso::logic
