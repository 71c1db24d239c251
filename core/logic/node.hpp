// The compiled form of a rule and the state of one evaluation. Private to core/logic.
#pragma once

#include <cstddef>
#include <new>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/logic/coerce.hpp"
#include "core/logic/program.hpp"

namespace meso::logic {

// What a node evaluates to: borrowed (a Json inside the data, the rule or a scope that outlives
// the use) or owned. Borrowing keeps `var` free of copies and keeps JS identity for == and in.
// The owned Json lives in a union so that borrowed values, the common case, never construct or
// destroy one: evaluation makes a Value per node and that cost dominated the profile.
class Value {
public:
    Value() noexcept : borrowed_(&null_json) {}
    ~Value() { reset(); }
    Value(Value&& other) noexcept : borrowed_(other.borrowed_) {
        if (!borrowed_) new (&owned_) Json(std::move(other.owned_));
    }
    Value& operator=(Value&& other) noexcept {
        if (this != &other) {
            reset();
            borrowed_ = other.borrowed_;
            if (!borrowed_) new (&owned_) Json(std::move(other.owned_));
        }
        return *this;
    }
    Value(const Value&) = delete;
    Value& operator=(const Value&) = delete;

    static Value borrow(const Json& json) noexcept {
        Value v;
        v.borrowed_ = &json;
        return v;
    }
    static Value own(Json json) noexcept {
        Value v;
        v.borrowed_ = nullptr;
        new (&v.owned_) Json(std::move(json));
        return v;
    }
    static Value boolean(bool b) noexcept { return borrow(b ? true_json : false_json); }
    static Value number(double x) noexcept { return own(Json(x)); }

    const Json& get() const { return borrowed_ ? *borrowed_ : owned_; }
    const Json& operator*() const { return get(); }
    const Json* operator->() const { return &get(); }
    bool borrowed() const { return borrowed_ != nullptr; }

    // A Json that no longer depends on where this value came from.
    Json release() && { return borrowed_ ? *borrowed_ : std::move(owned_); }
    Value detached() && { return own(std::move(*this).release()); }

private:
    void reset() noexcept {
        // Nulls, booleans and numbers hold no resources, so their destructor may be skipped.
        if (!borrowed_ && !(owned_.is_null() || owned_.is_boolean() || owned_.is_number()))
            owned_.~Json();
        borrowed_ = &null_json;
    }

    static const Json null_json;
    static const Json true_json;
    static const Json false_json;
    const Json* borrowed_;
    union {
        Json owned_;  // alive only while borrowed_ is null
    };
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
    bool literal_only = false;  // a literal: run() returns it without calling eval
    std::vector<Node> args;
    Json literal;      // literal nodes: the value itself
    VarPath var_path;  // `var` with a literal name
    std::string path;  // JSON Pointer of the node, for limit errors
};

// Text is cheap per byte next to an operation: this many bytes built, copied or compared are one
// step.
inline constexpr std::size_t text_bytes_per_step = 32;

// One evaluation: the current scope, the work done so far and the first limit hit. With a shared
// Budget the work starts where the call's previous evaluations left it (Program::evaluate
// writes it back).
class Eval {
public:
    Eval(const Limits& limits, const EvalContext& context, const Json& data)
        : limits(limits),
          context(context),
          scope{&data},
          steps_(context.budget ? context.budget->used : 0),
          max_steps_(context.budget ? context.budget->max_steps : limits.max_steps) {}

    Value run(const Node& node) {
        if (error_) return {};
        if (++steps_ > max_steps_) return exhausted(node, "max_steps", max_steps_);
        if (node.literal_only) return Value::borrow(node.literal);  // skips an indirect call
        return node.eval(node, *this);
    }
    // Counts one loop iteration; false once the evaluation must stop.
    bool step(const Node& node) { return charge(node, 1); }
    // Counts `units` of work at once (text, copies); false once the evaluation must stop.
    bool charge(const Node& node, std::size_t units) {
        if (error_) return false;
        steps_ += units;
        if (steps_ > max_steps_) exhausted(node, "max_steps", max_steps_);
        return !error_;
    }
    bool failed() const { return error_.has_value(); }

    // Records that `node` needed more than a limit allows; the value returned is a placeholder.
    Value exhausted(const Node& node, const char* limit_name, std::size_t limit);
    // Records that `node` cannot give a value that means anything (a date past the engine's
    // range): an error, because a null there would read as "no finding" in a comparison.
    Value fail(const Node& node, std::string code, std::string message);
    // A string budget for one conversion, and the check that it held (its work is charged).
    StringBudget budget() const { return {limits.max_string_bytes}; }
    bool within(const Node& node, const StringBudget& used) {
        if (used.exceeded) exhausted(node, "max_string_bytes", limits.max_string_bytes);
        return charge(node, used.work / text_bytes_per_step);
    }
    bool within_items(const Node& node, std::size_t items) {
        if (items > limits.max_array_items)
            exhausted(node, "max_array_items", limits.max_array_items);
        return !error_;
    }
    // A value about to be copied into an array this evaluation builds: the copy is paid for by
    // its size, and the array would nest one level deeper than the value does. Values the
    // evaluation built itself move in without it: each of their elements was admitted when it
    // was copied, so only the rule's own nesting (64) can add to their depth.
    bool admit(const Node& node, const Json& value);
    // Text compared or searched costs by its length: a loop over long literals must not escape
    // the budget by doing one step's work a megabyte at a time.
    bool charge_text(const Node& node, const Json& value) {
        return !value.is_string() ||
               charge(node, value.get_ref<const std::string&>().size() / text_bytes_per_step);
    }

    const std::optional<Error>& error() const { return error_; }
    std::size_t steps() const { return steps_; }

    const Limits& limits;
    const EvalContext& context;
    Scope scope;

private:
    std::size_t steps_;
    std::size_t max_steps_;
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
