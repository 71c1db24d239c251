// map filter reduce all none some merge in. The per-item argument runs with the item as its
// data; reduce runs it on {current, accumulator}.
#include "core/logic/ops.hpp"

namespace meso::logic {
namespace {

enum class Quantifier { all, none, some };

// all/none/some: json-logic-js answers false/true/false for anything but a non-empty array.
Value quantify(const Node& node, Eval& eval, Quantifier quantifier) {
    const Value items = eval.run(node.args[0]);
    if (eval.failed()) return {};
    const bool empty_answer = quantifier == Quantifier::none;
    if (!items->is_array() || items->empty()) return Value::boolean(empty_answer);
    // all stops at the first falsy item, none and some at the first truthy one.
    const bool stop_on = quantifier != Quantifier::all;
    for (const Json& item : *items) {
        if (!eval.step(node)) return {};
        ScopeSwitch scope(eval, Scope{&item});
        const bool hit = is_truthy(*eval.run(node.args[1]));
        if (eval.failed()) return {};
        if (hit == stop_on) return Value::boolean(quantifier == Quantifier::some);
    }
    return Value::boolean(quantifier != Quantifier::some);
}

}  // namespace

Value eval_map(const Node& node, Eval& eval) {
    const Value items = eval.run(node.args[0]);
    if (eval.failed()) return {};
    Json out = Json::array();
    if (!items->is_array()) return Value::own(std::move(out));
    if (!eval.within_items(node, items->size())) return {};
    out.get_ref<Json::array_t&>().reserve(items->size());
    for (const Json& item : *items) {
        if (!eval.step(node)) return {};
        ScopeSwitch scope(eval, Scope{&item});
        Value mapped = eval.run(node.args[1]);
        if (eval.failed() || (mapped.borrowed() && !eval.admit(node, *mapped))) return {};
        out.push_back(std::move(mapped).release());
    }
    return Value::own(std::move(out));
}

Value eval_filter(const Node& node, Eval& eval) {
    const Value items = eval.run(node.args[0]);
    if (eval.failed()) return {};
    Json out = Json::array();
    if (!items->is_array()) return Value::own(std::move(out));
    if (!eval.within_items(node, items->size())) return {};
    out.get_ref<Json::array_t&>().reserve(items->size());
    for (const Json& item : *items) {
        if (!eval.step(node)) return {};
        ScopeSwitch scope(eval, Scope{&item});
        const bool keep = is_truthy(*eval.run(node.args[1]));
        if (eval.failed()) return {};
        if (keep && !eval.admit(node, item)) return {};
        if (keep) out.push_back(item);
    }
    return Value::own(std::move(out));
}

// The start value (third argument, evaluated in the outer data) comes back as is when the
// first argument is no array.
Value eval_reduce(const Node& node, Eval& eval) {
    const Value items = eval.run(node.args[0]);
    Value accumulator = node.args.size() > 2 ? eval.run(node.args[2]) : Value();
    if (eval.failed() || !items->is_array()) return accumulator;
    for (const Json& item : *items) {
        if (!eval.step(node)) return {};
        ScopeSwitch scope(eval, Scope{nullptr, &item, &*accumulator, true});
        Value next = eval.run(node.args[1]);
        if (eval.failed()) return {};
        // A borrowed result may point into the item or the accumulator it replaces.
        if (next.borrowed() && !eval.admit(node, *next)) return {};
        accumulator = next.borrowed() ? std::move(next).detached() : std::move(next);
    }
    return accumulator;
}

Value eval_all(const Node& node, Eval& eval) { return quantify(node, eval, Quantifier::all); }
Value eval_none(const Node& node, Eval& eval) { return quantify(node, eval, Quantifier::none); }
Value eval_some(const Node& node, Eval& eval) { return quantify(node, eval, Quantifier::some); }

// Flattens one level: array arguments contribute their items, anything else itself.
Value eval_merge(const Node& node, Eval& eval) {
    Json out = Json::array();
    for (const Node& arg : node.args) {
        const Value value = eval.run(arg);
        if (eval.failed()) return {};
        const std::size_t added = value->is_array() ? value->size() : 1;
        if (!eval.within_items(node, out.size() + added)) return {};
        if (!eval.admit(node, *value)) return {};
        if (value->is_array())
            for (const Json& item : *value) out.push_back(item);
        else out.push_back(*value);
    }
    return Value::own(std::move(out));
}

// json-logic-js: false unless the haystack is a truthy array or string; arrays match with ===.
Value eval_in(const Node& node, Eval& eval) {
    const Value needle = eval.run(node.args[0]);
    const Value haystack = eval.run(node.args[1]);
    if (eval.failed()) return {};
    if (haystack->is_string())
        return string_contains(node, eval, haystack->get_ref<const std::string&>(), *needle);
    if (!haystack->is_array()) return Value::boolean(false);
    if (!eval.charge_text(node, *needle)) return {};
    for (const Json& item : *haystack) {
        if (!eval.step(node) || !eval.charge_text(node, item)) return {};
        if (strict_equal(item, *needle)) return Value::boolean(true);
    }
    return Value::boolean(false);
}

}  // namespace meso::logic
