// if / ?:, or, and, !, !!: only the branches that decide the result are evaluated.
#include "core/logic/ops.hpp"

namespace meso::logic {

// Pairs of (condition, consequence), then an optional else; no else and no match is null.
Value eval_if(const Node& node, Eval& eval) {
    const std::size_t count = node.args.size();
    std::size_t i = 0;
    for (; i + 1 < count; i += 2) {
        const bool matched = is_truthy(*eval.run(node.args[i]));
        if (eval.failed()) return {};
        if (matched) return eval.run(node.args[i + 1]);
    }
    if (i < count) return eval.run(node.args[i]);
    return {};
}

// The first truthy operand, else the last one.
Value eval_or(const Node& node, Eval& eval) {
    Value current;
    for (const Node& arg : node.args) {
        current = eval.run(arg);
        if (eval.failed() || is_truthy(*current)) return current;
    }
    return current;
}

// The first falsy operand, else the last one.
Value eval_and(const Node& node, Eval& eval) {
    Value current;
    for (const Node& arg : node.args) {
        current = eval.run(arg);
        if (eval.failed() || !is_truthy(*current)) return current;
    }
    return current;
}

Value eval_not(const Node& node, Eval& eval) {
    return Value::boolean(!is_truthy(*eval.run(node.args[0])));
}

Value eval_truthy(const Node& node, Eval& eval) {
    return Value::boolean(is_truthy(*eval.run(node.args[0])));
}

}  // namespace meso::logic
