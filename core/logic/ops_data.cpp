// var, missing, missing_some: reading the data the way json-logic-js does.
#include <limits>
#include <string>

#include "core/logic/lookup.hpp"
#include "core/logic/ops.hpp"
#include "core/logic/text.hpp"

namespace meso::logic {
namespace {

// {"var": key} as `missing` applies it to each key; a key that is an array is [name, default].
Value lookup_key(const Scope& scope, const Json& key, StringBudget& budget) {
    static const Json absent;  // var without a name reads the whole data, like a null name
    const Json* name = &key;
    const Json* fallback = nullptr;
    if (key.is_array()) {
        name = key.empty() ? &absent : &key[0];
        if (key.size() > 1) fallback = &key[1];
    }
    Value found;
    if (resolve_name(scope, *name, budget, found)) return found;
    return fallback ? Value::borrow(*fallback) : Value();
}

bool is_missing(const Json& value) {
    return value.is_null() || (value.is_string() && value.get_ref<const std::string&>().empty());
}

// Collects the keys of json-logic-js `missing` whose value is null or "".
class MissingKeys {
public:
    MissingKeys(const Node& node, Eval& eval) : node_(node), eval_(eval), budget_(eval.budget()) {}

    bool check(const Json& key) {
        if (!eval_.step(node_)) return false;
        if (is_missing(*lookup_key(eval_.scope, key, budget_))) missing_.push_back(key);
        return eval_.within(node_, budget_);
    }
    // One array argument is the list of keys; otherwise each argument is a key.
    bool check_arguments(const Json& first) {
        if (!first.is_array()) return check(first);
        for (const Json& key : first)
            if (!check(key)) return false;
        return true;
    }
    // An array of arguments: the first one if it is an array, else all of them.
    bool check_spread(const Json& arguments) {
        if (arguments.empty()) return true;
        if (arguments[0].is_array()) return check_arguments(arguments[0]);
        for (const Json& key : arguments)
            if (!check(key)) return false;
        return true;
    }
    Json& keys() { return missing_; }

private:
    const Node& node_;
    Eval& eval_;
    StringBudget budget_;
    Json missing_ = Json::array();
};

}  // namespace

Value eval_var_path(const Node& node, Eval& eval) {
    Value found;
    if (resolve(eval.scope, node.var_path, found)) return found;
    return node.args.size() > 1 ? eval.run(node.args[1]) : Value();
}

// A name computed at run time (the compiler turns {"var": []} into the whole-data path).
Value eval_var(const Node& node, Eval& eval) {
    const Value name = eval.run(node.args[0]);
    if (eval.failed()) return {};
    StringBudget budget = eval.budget();
    Value found;
    const bool defined = resolve_name(eval.scope, *name, budget, found);
    if (!eval.within(node, budget)) return {};
    if (defined) return found;
    return node.args.size() > 1 ? eval.run(node.args[1]) : Value();
}

// json-logic-js ignores the other arguments when the first is an array; so do we.
Value eval_missing(const Node& node, Eval& eval) {
    MissingKeys missing(node, eval);
    for (std::size_t i = 0; i < node.args.size(); ++i) {
        const Value argument = eval.run(node.args[i]);
        if (eval.failed()) return {};
        if (i == 0 && argument->is_array()) {
            if (!missing.check_arguments(*argument)) return {};
            break;
        }
        if (!missing.check(*argument)) return {};
    }
    return Value::own(std::move(missing.keys()));
}

// json-logic-js: the keys are missing unless at least `need` of `options` are present. The
// count compares as JS `>=` does, and `options` that is no array or string never satisfies it.
Value eval_missing_some(const Node& node, Eval& eval) {
    const Value need = eval.run(node.args[0]);
    const Value options = eval.run(node.args[1]);
    if (eval.failed()) return {};
    MissingKeys missing(node, eval);
    // The options are the arguments of `missing`: an array spreads into them.
    const bool checked =
        options->is_array() ? missing.check_spread(*options) : missing.check(*options);
    if (!checked) return {};

    double length = std::numeric_limits<double>::quiet_NaN();
    if (options->is_array()) length = static_cast<double>(options->size());
    else if (options->is_string())
        length =
            static_cast<double>(text::code_point_count(options->get_ref<const std::string&>()));
    StringBudget budget = eval.budget();
    const double present = length - static_cast<double>(missing.keys().size());
    const Order order = compare(Json(present), *need, budget);
    if (!eval.within(node, budget)) return {};
    if (order == Order::greater || order == Order::equal) return Value::own(Json::array());
    return Value::own(std::move(missing.keys()));
}

}  // namespace meso::logic
