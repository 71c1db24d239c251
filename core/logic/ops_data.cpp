// var, missing, missing_some: reading the data the way json-logic-js does.
#include <limits>
#include <string>
#include <vector>

#include "core/logic/ops.hpp"
#include "core/logic/text.hpp"

namespace meso::logic {
namespace {

// "0", "7", "12" but not "07", "-1" or "1.0": the keys JS treats as array indexes.
bool array_index(const std::string& key, std::size_t& index) {
    if (key.empty() || key.size() > 15 || (key.size() > 1 && key[0] == '0')) return false;
    index = 0;
    for (char c : key) {
        if (c < '0' || c > '9') return false;
        index = index * 10 + static_cast<std::size_t>(c - '0');
    }
    return true;
}

// JS `data[key]`: own keys of objects, indexes and `length` of arrays and strings (strings
// counted in code points). False when the result would be undefined.
bool step_into(Value& current, const std::string& key) {
    const Json& json = current.get();
    std::size_t index = 0;
    const Json* next = nullptr;
    if (json.is_object()) {
        const auto it = json.find(key);
        if (it == json.end()) return false;
        next = &*it;
    } else if (json.is_array()) {
        if (key == "length") {
            current = Value::number(static_cast<double>(json.size()));
            return true;
        }
        if (!array_index(key, index) || index >= json.size()) return false;
        next = &json[index];
    } else if (json.is_string()) {
        const auto& s = json.get_ref<const std::string&>();
        if (key == "length") {
            current = Value::number(static_cast<double>(text::code_point_count(s)));
            return true;
        }
        if (!array_index(key, index)) return false;
        const std::size_t from = text::code_point_offset(s, index);
        if (from == s.size()) return false;
        const std::size_t to = text::code_point_offset(s, index + 1);
        current = Value::own(s.substr(from, to - from));
        return true;
    } else {
        return false;
    }
    current = current.borrowed() ? Value::borrow(*next) : Value::own(Json(*next));
    return true;
}

Value whole_scope(const Scope& scope) {
    if (!scope.reduce_step) return Value::borrow(*scope.data);
    return Value::own(Json{{"current", *scope.current}, {"accumulator", *scope.accumulator}});
}

// Follows `path` from the scope; false when some step is undefined (var's default applies).
bool resolve(const Scope& scope, const VarPath& path, Value& out) {
    if (path.whole) {
        out = whole_scope(scope);
        return true;
    }
    Value current;
    std::size_t first = 0;
    if (scope.reduce_step) {
        const std::string& key = path.keys.front();
        if (key == "current") current = Value::borrow(*scope.current);
        else if (key == "accumulator") current = Value::borrow(*scope.accumulator);
        else return false;
        first = 1;
    } else {
        current = Value::borrow(*scope.data);
    }
    for (std::size_t i = first; i < path.keys.size(); ++i) {
        if (current->is_null() || !step_into(current, path.keys[i])) return false;
    }
    out = std::move(current);
    return true;
}

// {"var": key} as `missing` applies it to each key; a key that is an array is [name, default].
Value lookup_key(const Scope& scope, const Json& key, StringBudget& budget) {
    const Json* name = &key;
    const Json* fallback = nullptr;
    static const Json absent;  // var without a name reads the whole data, like a null name
    if (key.is_array()) {
        name = key.empty() ? &absent : &key[0];
        if (key.size() > 1) fallback = &key[1];
    }
    Value found;
    if (resolve(scope, var_path_of(*name, budget), found)) return found;
    return fallback ? Value::borrow(*fallback) : Value();
}

bool is_missing(const Json& value) {
    return value.is_null() || (value.is_string() && value.get_ref<const std::string&>().empty());
}

// json-logic-js `missing` over its evaluated arguments: one array argument is the list of keys,
// otherwise the arguments themselves are.
Value missing_of(const Node& node, Eval& eval, const std::vector<const Json*>& arguments) {
    std::vector<const Json*> keys = arguments;
    if (!arguments.empty() && arguments[0]->is_array()) {
        keys.clear();
        for (const Json& key : *arguments[0]) keys.push_back(&key);
    }
    Json missing = Json::array();
    StringBudget budget = eval.budget();
    for (const Json* key : keys) {
        if (!eval.step(node)) return {};
        if (is_missing(*lookup_key(eval.scope, *key, budget))) missing.push_back(*key);
        if (!eval.within(node, budget)) return {};
    }
    return Value::own(std::move(missing));
}

}  // namespace

VarPath var_path_of(const Json& name, StringBudget& budget) {
    VarPath path;
    if (name.is_null() || (name.is_string() && name.get_ref<const std::string&>().empty())) {
        path.whole = true;
        return path;
    }
    std::string text;
    append_string(name, text, budget);
    std::size_t start = 0;
    for (;;) {
        const std::size_t dot = text.find('.', start);
        path.keys.push_back(text.substr(start, dot - start));
        if (dot == std::string::npos) break;
        start = dot + 1;
    }
    return path;
}

Value eval_var_path(const Node& node, Eval& eval) {
    Value found;
    if (resolve(eval.scope, node.var_path, found)) return found;
    return node.args.size() > 1 ? eval.run(node.args[1]) : Value();
}

Value eval_var(const Node& node, Eval& eval) {
    if (node.args.empty()) return whole_scope(eval.scope);
    const Value name = eval.run(node.args[0]);
    if (eval.failed()) return {};
    StringBudget budget = eval.budget();
    const VarPath path = var_path_of(*name, budget);
    if (!eval.within(node, budget)) return {};
    Value found;
    if (resolve(eval.scope, path, found)) return found;
    return node.args.size() > 1 ? eval.run(node.args[1]) : Value();
}

Value eval_missing(const Node& node, Eval& eval) {
    std::vector<Value> values;
    values.reserve(node.args.size());
    for (const Node& arg : node.args) {
        values.push_back(eval.run(arg));
        if (eval.failed()) return {};
    }
    std::vector<const Json*> arguments;
    for (const Value& value : values) arguments.push_back(&*value);
    return missing_of(node, eval, arguments);
}

// json-logic-js: the keys are missing unless at least `need` of `options` are present. The
// count compares as JS `>=` does, and `options` that is no array or string never satisfies it.
Value eval_missing_some(const Node& node, Eval& eval) {
    const Value need = eval.run(node.args[0]);
    const Value options = eval.run(node.args[1]);
    if (eval.failed()) return {};
    std::vector<const Json*> arguments;
    if (options->is_array())
        for (const Json& option : *options) arguments.push_back(&option);
    else
        arguments.push_back(&*options);
    Value missing = missing_of(node, eval, arguments);
    if (eval.failed()) return {};

    double length = std::numeric_limits<double>::quiet_NaN();
    if (options->is_array()) length = static_cast<double>(options->size());
    else if (options->is_string())
        length = static_cast<double>(text::code_point_count(options->get<std::string>()));
    StringBudget budget = eval.budget();
    const Order order = compare(Json(length - static_cast<double>(missing->size())), *need, budget);
    if (!eval.within(node, budget)) return {};
    if (order == Order::greater || order == Order::equal) return Value::own(Json::array());
    return missing;
}

}  // namespace meso::logic
