#include <string>
#include <utility>

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
