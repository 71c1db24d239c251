// The compiled form of a rule and the state of one evaluation. Private to core/logic.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/logic/coerce.hpp"
#include "core/logic/program.hpp"

namespace meso::logic {

// What a node evaluates to: borrowed (a Json inside the data, the rule or a scope that outlives
// the use) or owned. Borrowing keeps `var` free of copies and keeps JS identity for == and in.
class Value {
public:
    Value() = default;  // null
    static Value borrow(const Json& json) {
        Value v;
        v.borrowed_ = &json;
        return v;
    }
    static Value own(Json json) {
        Value v;
        v.borrowed_ = nullptr;
        v.owned_ = std::move(json);
        return v;
    }
    static Value boolean(bool b);
    static Value number(double x) { return own(Json(x)); }

    const Json& get() const { return borrowed_ ? *borrowed_ : owned_; }
    const Json& operator*() const { return get(); }
    const Json* operator->() const { return &get(); }
    bool borrowed() const { return borrowed_ != nullptr; }

    // A Json that no longer depends on where this value came from.
    Json release() && { return borrowed_ ? *borrowed_ : std::move(owned_); }
    Value detached() && { return own(std::move(*this).release()); }

private:
    static const Json null_json;
    const Json* borrowed_ = &null_json;
    Json owned_;
};

// The data `var` reads. Inside reduce it is the pair {current, accumulator}, kept as two
// pointers so a step does not build an object.
struct Scope {
    const Json* data = nullptr;
    const Json* current = nullptr;
    const Json* accumulator = nullptr;
    bool reduce_step = false;
};

class Eval;
struct Node;
using EvalFn = Value (*)(const Node&, Eval&);

// A literal `var` name split at the dots; `whole` when the name selects the whole data.
struct VarPath {
    bool whole = false;
    std::vector<std::string> keys;
};

struct Node {
    EvalFn eval = nullptr;
    std::vector<Node> args;
    Json literal;      // literal nodes: the value itself
    VarPath var_path;  // `var` with a literal name
    std::string path;  // JSON Pointer of the node, for limit errors
};

// One evaluation: the current scope, the work done so far and the first limit hit.
class Eval {
public:
    Eval(const Limits& limits, const EvalContext& context, const Json& data)
        : limits(limits), context(context), scope{&data} {}

    Value run(const Node& node) {
        if (error_) return {};
        if (++steps_ > limits.max_steps) return exhausted(node, "max_steps");
        return node.eval(node, *this);
    }
    // Counts one loop iteration; false once the evaluation must stop.
    bool step(const Node& node) {
        if (error_) return false;
        if (++steps_ > limits.max_steps) exhausted(node, "max_steps");
        return !error_;
    }
    bool failed() const { return error_.has_value(); }

    // Records that `node` needed more than limit `which` allows; the value is a placeholder.
    Value exhausted(const Node& node, const char* which);
    // A string budget for one conversion, and the check that it held.
    StringBudget budget() const { return {limits.max_string_bytes}; }
    bool within(const Node& node, const StringBudget& used);
    bool within_items(const Node& node, std::size_t items);
    bool within_bytes(const Node& node, std::size_t bytes);

    std::optional<Error>& error() { return error_; }

    const Limits& limits;
    const EvalContext& context;
    Scope scope;

private:
    std::size_t steps_ = 0;
    std::optional<Error> error_;
};

// Evaluates with `scope` in place and restores the previous one afterwards.
class ScopeSwitch {
public:
    ScopeSwitch(Eval& eval, Scope scope) : eval_(eval), saved_(eval.scope) { eval.scope = scope; }
    ~ScopeSwitch() { eval_.scope = saved_; }
    ScopeSwitch(const ScopeSwitch&) = delete;
    ScopeSwitch& operator=(const ScopeSwitch&) = delete;

private:
    Eval& eval_;
    Scope saved_;
};

}  // namespace meso::logic
