#include <string>
#include <utility>
#include <vector>

#include "core/logic/node.hpp"
#include "core/logic/ops.hpp"

namespace meso::logic {

const Json Value::null_json;
const Json Value::true_json = true;
const Json Value::false_json = false;

Value Eval::exhausted(const Node& node, const char* limit_name, std::size_t limit) {
    if (!error_) {
        error_ = Error{
            "logic.limit", node.path,
            std::string("evaluation exceeded ") + limit_name + " (" + std::to_string(limit) + ")"};
    }
    return {};
}

Value Eval::fail(const Node& node, std::string code, std::string message) {
    if (!error_) error_ = Error{std::move(code), node.path, std::move(message)};
    return {};
}

// Measured in wasm: copying a value into an array (and destroying it later) costs about eight
// times an operation, per element; the budget is in operations.
constexpr std::size_t copy_weight = 8;

bool Eval::admit(const Node& node, const Json& value) {
    if (!value.is_structured()) return charge_text(node, value);
    // Iterative: the value may be as deep as the limit allows, the check must not recurse.
    std::vector<std::pair<const Json*, std::size_t>> pending{{&value, 1}};
    std::size_t visited = 0;
    while (!pending.empty()) {
        const auto [current, depth] = pending.back();
        pending.pop_back();
        ++visited;
        if (current->is_string())
            visited += current->get_ref<const std::string&>().size() / text_bytes_per_step;
        if (!current->is_structured()) continue;
        if (depth + 1 > limits.max_value_depth) {
            exhausted(node, "max_value_depth", limits.max_value_depth);
            return false;
        }
        // Checked as it goes, so that measuring a huge value stops once it is too big to copy.
        if (!charge(node, visited * copy_weight)) return false;
        visited = 0;
        for (const Json& child : *current) pending.emplace_back(&child, depth + 1);
    }
    return charge(node, visited * copy_weight);
}

Value eval_literal(const Node& node, Eval&) { return Value::borrow(node.literal); }

// An array in the rule that holds operations: json-logic-js evaluates every element.
Value eval_array(const Node& node, Eval& eval) {
    Json out = Json::array();
    out.get_ref<Json::array_t&>().reserve(node.args.size());
    for (const Node& element : node.args) {
        Value value = eval.run(element);
        // A value this evaluation built moves in for nothing; one borrowed is copied.
        if (eval.failed() || (value.borrowed() && !eval.admit(node, *value))) return {};
        out.push_back(std::move(value).release());
    }
    return Value::own(std::move(out));
}

}  // namespace meso::logic
