// Evaluators of the operations, one family per ops_*.cpp file. Each receives its compiled node
// (arguments in node.args, already checked for arity) and evaluates the arguments it needs.
#pragma once

#include <string>

#include "core/logic/node.hpp"

namespace meso::logic {

// eval.cpp: nodes that are not operations
Value eval_literal(const Node&, Eval&);
Value eval_array(const Node&, Eval&);

// ops_data.cpp
Value eval_var(const Node&, Eval&);       // name computed at run time
Value eval_var_path(const Node&, Eval&);  // literal name, split when compiled
Value eval_missing(const Node&, Eval&);
Value eval_missing_some(const Node&, Eval&);

// ops_logic.cpp
Value eval_if(const Node&, Eval&);
Value eval_or(const Node&, Eval&);
Value eval_and(const Node&, Eval&);
Value eval_not(const Node&, Eval&);
Value eval_truthy(const Node&, Eval&);

// ops_compare.cpp
Value eval_loose_equal(const Node&, Eval&);
Value eval_strict_equal(const Node&, Eval&);
Value eval_loose_not_equal(const Node&, Eval&);
Value eval_strict_not_equal(const Node&, Eval&);
Value eval_greater(const Node&, Eval&);
Value eval_greater_equal(const Node&, Eval&);
Value eval_less(const Node&, Eval&);
Value eval_less_equal(const Node&, Eval&);

// ops_arith.cpp
Value eval_add(const Node&, Eval&);
Value eval_subtract(const Node&, Eval&);
Value eval_multiply(const Node&, Eval&);
Value eval_divide(const Node&, Eval&);
Value eval_modulo(const Node&, Eval&);
Value eval_max(const Node&, Eval&);
Value eval_min(const Node&, Eval&);

// ops_array.cpp
Value eval_map(const Node&, Eval&);
Value eval_filter(const Node&, Eval&);
Value eval_reduce(const Node&, Eval&);
Value eval_all(const Node&, Eval&);
Value eval_none(const Node&, Eval&);
Value eval_some(const Node&, Eval&);
Value eval_merge(const Node&, Eval&);
Value eval_in(const Node&, Eval&);

// ops_string.cpp
Value eval_cat(const Node&, Eval&);
Value eval_substr(const Node&, Eval&);
// `in` with a string haystack: String(needle) occurs in it.
Value string_contains(const Node&, Eval&, const std::string& haystack, const Json& needle);

// ops_misc.cpp
Value eval_log(const Node&, Eval&);

// ops_date.cpp
Value eval_today(const Node&, Eval&);
Value eval_date_add(const Node&, Eval&);
Value eval_days_between(const Node&, Eval&);

}  // namespace meso::logic
