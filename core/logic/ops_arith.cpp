// + - * / % max min. json-logic-js reads + and * with parseFloat and the rest with Number().
#include <cmath>
#include <limits>

#include "core/logic/ops.hpp"

namespace meso::logic {
namespace {

double number_arg(const Node& node, Eval& eval, std::size_t index) {
    return to_number(*eval.run(node.args[index]));
}

// Operands are folded as they are evaluated: evaluation has no side effects, so this matches
// json-logic-js, which evaluates them all first.
Value extreme(const Node& node, Eval& eval, bool largest) {
    double result = largest ? -std::numeric_limits<double>::infinity()
                            : std::numeric_limits<double>::infinity();
    for (const Node& arg : node.args) {
        const double x = to_number(*eval.run(arg));
        if (std::isnan(x)) return Value::number(x);
        // Math.max prefers +0 to -0 and Math.min the reverse.
        const bool better = largest ? (x > result || (x == 0 && result == 0 && !std::signbit(x)))
                                    : (x < result || (x == 0 && result == 0 && std::signbit(x)));
        if (better) result = x;
    }
    return Value::number(result);
}

}  // namespace

Value eval_add(const Node& node, Eval& eval) {
    StringBudget budget = eval.budget();
    double sum = 0;
    for (const Node& arg : node.args) sum += parse_float(*eval.run(arg), budget);
    if (!eval.within(node, budget)) return {};
    return Value::number(sum);
}

// Array.prototype.reduce without a start value: one argument comes back unconverted.
Value eval_multiply(const Node& node, Eval& eval) {
    if (node.args.size() == 1) return eval.run(node.args[0]);
    StringBudget budget = eval.budget();
    double product = parse_float(*eval.run(node.args[0]), budget);
    for (std::size_t i = 1; i < node.args.size(); ++i)
        product = (product + 0.0) * parse_float(*eval.run(node.args[i]), budget);
    if (!eval.within(node, budget)) return {};
    return Value::number(product);
}

Value eval_subtract(const Node& node, Eval& eval) {
    const double a = number_arg(node, eval, 0);
    if (node.args.size() == 1) return Value::number(-a);
    const double b = number_arg(node, eval, 1);
    return Value::number(a - b);
}

Value eval_divide(const Node& node, Eval& eval) {
    const double a = number_arg(node, eval, 0);
    const double b = number_arg(node, eval, 1);
    return Value::number(a / b);
}

// JS % keeps the sign of the dividend, as fmod does.
Value eval_modulo(const Node& node, Eval& eval) {
    const double a = number_arg(node, eval, 0);
    const double b = number_arg(node, eval, 1);
    return Value::number(std::fmod(a, b));
}

Value eval_max(const Node& node, Eval& eval) { return extreme(node, eval, true); }
Value eval_min(const Node& node, Eval& eval) { return extreme(node, eval, false); }

}  // namespace meso::logic
