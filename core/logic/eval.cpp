#include <string>

#include "core/logic/node.hpp"
#include "core/logic/ops.hpp"

namespace meso::logic {

const Json Value::null_json;

Value Value::boolean(bool b) {
    static const Json true_json = true;
    static const Json false_json = false;
    return borrow(b ? true_json : false_json);
}

Value Eval::exhausted(const Node& node, const char* which) {
    if (!error_) {
        const std::string name = which;
        const std::size_t limit = name == "max_steps"          ? limits.max_steps
                                  : name == "max_string_bytes" ? limits.max_string_bytes
                                                               : limits.max_array_items;
        error_ = Error{"logic.limit", node.path,
                       "evaluation exceeded " + name + " (" + std::to_string(limit) + ")"};
    }
    return {};
}

bool Eval::within(const Node& node, const StringBudget& used) {
    if (used.exceeded) exhausted(node, "max_string_bytes");
    return !error_;
}

bool Eval::within_items(const Node& node, std::size_t items) {
    if (items > limits.max_array_items) exhausted(node, "max_array_items");
    return !error_;
}

bool Eval::within_bytes(const Node& node, std::size_t bytes) {
    if (bytes > limits.max_string_bytes) exhausted(node, "max_string_bytes");
    return !error_;
}

Value eval_literal(const Node& node, Eval&) { return Value::borrow(node.literal); }

// An array in the rule that holds operations: json-logic-js evaluates every element.
Value eval_array(const Node& node, Eval& eval) {
    Json out = Json::array();
    out.get_ref<Json::array_t&>().reserve(node.args.size());
    for (const Node& element : node.args) {
        Value value = eval.run(element);
        if (eval.failed()) return {};
        out.push_back(std::move(value).release());
    }
    return Value::own(std::move(out));
}

}  // namespace meso::logic
