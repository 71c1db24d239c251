// JavaScript's conversions and comparisons, applied to JSON values the way json-logic-js sees them.
//
// Arrays and objects compare by identity in JS. Here identity is the address of the Json: a
// value borrowed from the data or the rule keeps its address, so `{"==": [{"var": "a"},
// {"var": "a"}]}` is true for an array `a`, while two separately built arrays never are.
#pragma once

#include <cmath>
#include <cstddef>
#include <string>

#include "core/logic/program.hpp"

namespace meso::logic {

// Strings built while converting (String([…]), ToPrimitive) stop at `max_bytes`; the caller
// checks `exceeded` and reports a limit error instead of using the truncated result.
struct StringBudget {
    std::size_t max_bytes;
    bool exceeded = false;
    std::size_t work = 0;  // bytes written and elements visited, charged to the step budget
};

// The boolean inside a JSON boolean.
inline bool bool_of(const Json& value) { return *value.get_ptr<const Json::boolean_t*>(); }
// A JSON number as a double (integers of any width included); 0 for non-numbers.
inline double number_of(const Json& value) {
    switch (value.type()) {
        case Json::value_t::number_integer:
            return static_cast<double>(*value.get_ptr<const Json::number_integer_t*>());
        case Json::value_t::number_unsigned:
            return static_cast<double>(*value.get_ptr<const Json::number_unsigned_t*>());
        case Json::value_t::number_float: return *value.get_ptr<const Json::number_float_t*>();
        default: return 0;
    }
}

// JsonLogic truthiness, inline for the evaluator: [] is false, "0" is true, NaN is false.
inline bool is_truthy(const Json& value) {
    switch (value.type()) {
        case Json::value_t::boolean: return bool_of(value);
        case Json::value_t::null:
        case Json::value_t::discarded: return false;
        case Json::value_t::string: return !value.get_ptr<const std::string*>()->empty();
        case Json::value_t::array: return !value.get_ptr<const Json::array_t*>()->empty();
        case Json::value_t::object:
        case Json::value_t::binary: return true;
        default: {
            const double x = number_of(value);
            return !std::isnan(x) && x != 0;
        }
    }
}

// JS Number(value): null -> 0, true -> 1, "" -> 0, " 12 " -> 12, [5] -> 5, [1,2] -> NaN.
double to_number(const Json& value);
// JS parseFloat(String(value)): what json-logic-js uses for + and *. null -> NaN, "12px" -> 12.
double parse_float(const Json& value, StringBudget& budget);

// JS String(value) appended to `out`: null -> "null", [1,[2,null]] -> "1,2,", {} ->
// "[object Object]".
void append_string(const Json& value, std::string& out, StringBudget& budget);
// Array.prototype.join's view of one element: like append_string, but null adds nothing.
void append_join_element(const Json& value, std::string& out, StringBudget& budget);

// JS `a == b` and `a === b`.
bool loose_equal(const Json& a, const Json& b, StringBudget& budget);
bool strict_equal(const Json& a, const Json& b);

// JS relational comparison after ToPrimitive: two strings compare as text, anything else as
// numbers; `unordered` when a number is NaN (then <, <=, >, >= are all false).
enum class Order { less, equal, greater, unordered };
Order compare(const Json& a, const Json& b, StringBudget& budget);

}  // namespace meso::logic
