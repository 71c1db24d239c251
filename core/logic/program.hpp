// A JsonLogic rule compiled once and evaluated many times.
//
// Semantics are those of json-logic-js 2.x (loose equality, truthiness, numeric coercion, and/or
// returning the deciding operand, JS number-to-string). Compilation checks every operator and its
// shape and reports problems with a JSON Pointer into the rule; evaluation never re-reads JSON.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/error.hpp"

namespace meso::logic {

using Json = nlohmann::json;

struct Limits {
    std::size_t max_depth = 64;     // nesting of operations inside one rule
    std::size_t max_nodes = 20000;  // operations in one rule
    // Work units in one call (a screening, an answer, one `logic` run): each operation, each
    // loop item, each value copied into a new array (counted deep), each 32 bytes of text built
    // or compared. Shared through a Budget by every evaluation of the call, so that the time of
    // a call does not grow with the number of conditions a rule set has. Sized for 50 ms per
    // answer in a browser at worst (tests/bench/worst_case.mjs); the default rules use a few
    // thousand.
    std::size_t max_steps = 250000;
    std::size_t max_string_bytes = 1 << 20;  // longest string an evaluation may build (cat …)
    std::size_t max_array_items = 100000;  // longest array an evaluation may build (merge, map …)
    // Nesting of a value an evaluation builds: code that walks JSON recursively (copies,
    // destructors, the writer) must never run out of stack, whatever the rule wraps.
    std::size_t max_value_depth = 100;
};

// The work one call may still do, shared by its evaluations. Once spent, every further
// evaluation of the call fails with logic.limit, which fails the screening closed.
struct Budget {
    std::size_t max_steps = Limits{}.max_steps;
    std::size_t used = 0;
};

struct CompileOptions {
    Limits limits;
    // Values for {"setting": "name"}. The operation is replaced by the value when the rule is
    // compiled; an unknown name is a compile error. Null means the operation is not allowed.
    const std::map<std::string, Json>* settings = nullptr;
};

// What an evaluation may see beyond its data.
struct EvalContext {
    std::string today;         // "YYYY-MM-DD", returned by {"today": []}; empty = null
    Budget* budget = nullptr;  // shared by the call; null: the evaluation has Limits::max_steps
};

// A variable the rule reads from its top-level data: `var` with a literal name (outside the
// per-item scope of map/filter/reduce/all/none/some), and the literal names of `missing` and
// `missing_some`.
struct VarRef {
    std::string name;  // as written: "a.b.0"; "" for the whole data
    std::string path;  // JSON Pointer of the node inside the document that held the rule
};

class Program {
public:
    // `path` is the JSON Pointer of `rule` inside its document; errors are reported below it.
    static Result<Program> compile(const Json& rule, const CompileOptions& options = {},
                                   const std::string& path = "");

    // Errors for exhausted limits (code "logic.limit") and for date arithmetic that leaves the
    // engine's date range ("logic.date_range"), with the path of the operation.
    Result<Json> evaluate(const Json& data, const EvalContext& context = {}) const;

    const std::vector<VarRef>& variables() const;
    // The first segment of every variable name: the answer keys the rule can depend on.
    const std::set<std::string>& roots() const;
    // True when some top-level `var` name is computed at run time, so roots() may be incomplete.
    bool has_dynamic_variables() const;
    // Every number literal in the rule, for the verifier's boundary values.
    const std::vector<double>& number_literals() const;
    // Every string literal in the rule (choice ids, dates …), for the verifier.
    const std::vector<std::string>& string_literals() const;

    struct Impl;

private:
    explicit Program(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
    std::shared_ptr<const Impl> impl_;
};

// JsonLogic truthiness (json-logic-js `truthy`): [] is false, "0" is true.
bool truthy(const Json& value);

// Operation names, one place: the compiler, the linter and the docs read them from here.
// Classic: var missing missing_some if ?: == === != !== ! !! or and > >= < <= max min + - * / %
//          map reduce filter all none some merge in cat substr log
// Extensions for rule sets (not in json-logic-js):
//   {"today": []}                 -> EvalContext::today, or null
//   {"date_add": [date, days]}    -> ISO date `days` after `date`; null when `date` is not a
//                                    date; an error when the result is no valid date
//   {"days_between": [from, to]}  -> whole days from `from` to `to` (negative if earlier), or null
//   {"setting": "name"}           -> CompileOptions::settings[name], folded at compile time
const std::vector<std::string>& operation_names();

}  // namespace meso::logic
