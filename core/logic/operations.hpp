// The table of operations: names, arities and evaluators, kept in one place (operations.cpp).
#pragma once

#include <cstddef>
#include <limits>
#include <string_view>
#include <vector>

#include "core/logic/node.hpp"

namespace meso::logic {

inline constexpr std::size_t any_number = std::numeric_limits<std::size_t>::max();

struct Operation {
    std::string_view name;
    std::size_t min_args;
    std::size_t max_args;  // any_number: no upper bound
    EvalFn eval;           // null for operations the compiler folds away (setting)
    bool per_item;         // the second argument runs once per array item, on that item
};

const std::vector<Operation>& operations();
const Operation* find_operation(std::string_view name);

}  // namespace meso::logic
