// == === != !== > >= < <=, with JS coercions; < and <= also take three arguments (between).
#include <array>

#include "core/logic/ops.hpp"

namespace meso::logic {
namespace {

// Evaluates every argument first, as json-logic-js does for these operations.
template <std::size_t N>
bool evaluate_all(const Node& node, Eval& eval, std::array<Value, N>& values) {
    for (std::size_t i = 0; i < node.args.size() && i < N; ++i) values[i] = eval.run(node.args[i]);
    return !eval.failed();
}

Value equality(const Node& node, Eval& eval, bool strict, bool negate) {
    std::array<Value, 2> v;
    if (!evaluate_all(node, eval, v)) return {};
    if (!eval.charge_text(node, *v[0])) return {};
    StringBudget budget = eval.budget();
    const bool equal = strict ? strict_equal(*v[0], *v[1]) : loose_equal(*v[0], *v[1], budget);
    if (!eval.within(node, budget)) return {};
    return Value::boolean(equal != negate);
}

bool holds(Order order, bool or_equal) {
    return order == Order::less || (or_equal && order == Order::equal);
}

// a > b is b < a; with a third argument, a < b && b < c.
Value relation(const Node& node, Eval& eval, bool or_equal, bool reversed) {
    std::array<Value, 3> v;
    if (!evaluate_all(node, eval, v)) return {};
    for (const Value& value : v)
        if (!eval.charge_text(node, *value)) return {};
    StringBudget budget = eval.budget();
    bool result = reversed ? holds(compare(*v[1], *v[0], budget), or_equal)
                           : holds(compare(*v[0], *v[1], budget), or_equal);
    if (result && node.args.size() == 3) result = holds(compare(*v[1], *v[2], budget), or_equal);
    if (!eval.within(node, budget)) return {};
    return Value::boolean(result);
}

}  // namespace

Value eval_loose_equal(const Node& node, Eval& eval) { return equality(node, eval, false, false); }
Value eval_strict_equal(const Node& node, Eval& eval) { return equality(node, eval, true, false); }
Value eval_loose_not_equal(const Node& node, Eval& eval) {
    return equality(node, eval, false, true);
}
Value eval_strict_not_equal(const Node& node, Eval& eval) {
    return equality(node, eval, true, true);
}

Value eval_greater(const Node& node, Eval& eval) { return relation(node, eval, false, true); }
Value eval_greater_equal(const Node& node, Eval& eval) { return relation(node, eval, true, true); }
Value eval_less(const Node& node, Eval& eval) { return relation(node, eval, false, false); }
Value eval_less_equal(const Node& node, Eval& eval) { return relation(node, eval, true, false); }

}  // namespace meso::logic
