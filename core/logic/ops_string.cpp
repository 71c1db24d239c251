// cat, substr and `in` on strings. Positions count Unicode code points (JS counts UTF-16 units;
// the two agree outside the astral planes).
#include <algorithm>
#include <cmath>
#include <string_view>

#include "core/logic/ops.hpp"
#include "core/logic/text.hpp"

namespace meso::logic {
namespace {

// JS ToIntegerOrInfinity of a number: NaN -> 0, otherwise truncated toward zero.
double to_integer(double x) { return std::isnan(x) ? 0 : std::trunc(x); }

// String.prototype.substr(start, length) on code points; a NaN length means "to the end".
std::string_view js_substr(std::string_view s, double start, double length, bool has_length) {
    const double size = static_cast<double>(text::code_point_count(s));
    double from = to_integer(start);
    from = from < 0 ? std::max(size + from, 0.0) : std::min(from, size);
    double count = has_length ? to_integer(length) : size;
    count = std::min(std::max(count, 0.0), size);
    const double to = std::min(from + count, size);
    if (to <= from) return {};
    const std::size_t begin = text::code_point_offset(s, static_cast<std::size_t>(from));
    const std::size_t end =
        begin + text::code_point_offset(s.substr(begin), static_cast<std::size_t>(to - from));
    return s.substr(begin, end - begin);
}

}  // namespace

// Array.prototype.join(""): null adds nothing, arrays join with commas, numbers print as JS.
Value eval_cat(const Node& node, Eval& eval) {
    std::string out;
    StringBudget budget = eval.budget();
    for (const Node& arg : node.args) {
        const Value value = eval.run(arg);
        if (eval.failed()) return {};
        append_join_element(*value, out, budget);
        if (!eval.within(node, budget)) return {};
    }
    return Value::own(std::move(out));
}

// json-logic-js: a negative length drops that many characters from the end (as PHP does).
Value eval_substr(const Node& node, Eval& eval) {
    const Value source = eval.run(node.args[0]);
    const Value start = eval.run(node.args[1]);
    const Value length = node.args.size() > 2 ? eval.run(node.args[2]) : Value();
    if (eval.failed()) return {};
    StringBudget budget = eval.budget();
    std::string text;
    append_string(*source, text, budget);
    const double from = to_number(*start);
    std::string_view result;
    if (node.args.size() < 3) {
        result = js_substr(text, from, 0, false);
    } else if (compare(*length, Json(0), budget) == Order::less) {
        // `temp.length + end` only adds when `end` is a number; otherwise it concatenates
        // text, which reads as NaN, which is a length of 0.
        const std::string_view tail = js_substr(text, from, 0, false);
        const double keep =
            length->is_number()
                ? static_cast<double>(text::code_point_count(tail)) + number_of(*length)
                : 0;
        result = js_substr(tail, 0, keep, true);
    } else {
        result = js_substr(text, from, to_number(*length), true);
    }
    if (!eval.within(node, budget)) return {};
    return Value::own(std::string(result));
}

Value string_contains(const Node& node, Eval& eval, const std::string& haystack,
                      const Json& needle) {
    if (haystack.empty()) return Value::boolean(false);  // "" is falsy: json-logic-js bails out
    StringBudget budget = eval.budget();
    std::string text;
    append_string(needle, text, budget);
    if (!eval.within(node, budget)) return {};
    // std::string::find may compare the needle at every position of the haystack.
    const std::size_t positions = haystack.size() / text_bytes_per_step + 1;
    if (!eval.charge(node, positions * (text.size() / text_bytes_per_step + 1))) return {};
    return Value::boolean(haystack.find(text) != std::string::npos);
}

}  // namespace meso::logic
