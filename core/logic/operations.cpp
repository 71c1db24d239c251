#include "core/logic/operations.hpp"

#include <string>

#include "core/logic/ops.hpp"

namespace meso::logic {

// Arities reject calls json-logic-js would answer with a thrown error, `undefined` or a constant
// (e.g. {"*": []} throws, {"/": [1]} is NaN, {"==": [1]} ignores the missing side).
const std::vector<Operation>& operations() {
    static const std::vector<Operation> table = {
        // data
        {"var", 0, 2, eval_var, false},
        {"missing", 0, any_number, eval_missing, false},
        {"missing_some", 2, 2, eval_missing_some, false},
        // logic
        {"if", 0, any_number, eval_if, false},
        {"?:", 0, any_number, eval_if, false},
        {"==", 2, 2, eval_loose_equal, false},
        {"===", 2, 2, eval_strict_equal, false},
        {"!=", 2, 2, eval_loose_not_equal, false},
        {"!==", 2, 2, eval_strict_not_equal, false},
        {"!", 1, 1, eval_not, false},
        {"!!", 1, 1, eval_truthy, false},
        {"or", 1, any_number, eval_or, false},
        {"and", 1, any_number, eval_and, false},
        // comparison
        {">", 2, 2, eval_greater, false},
        {">=", 2, 2, eval_greater_equal, false},
        {"<", 2, 3, eval_less, false},
        {"<=", 2, 3, eval_less_equal, false},
        // arithmetic
        {"max", 0, any_number, eval_max, false},
        {"min", 0, any_number, eval_min, false},
        {"+", 0, any_number, eval_add, false},
        {"-", 1, 2, eval_subtract, false},
        {"*", 1, any_number, eval_multiply, false},
        {"/", 2, 2, eval_divide, false},
        {"%", 2, 2, eval_modulo, false},
        // arrays
        {"map", 2, 2, eval_map, true},
        {"reduce", 2, 3, eval_reduce, true},
        {"filter", 2, 2, eval_filter, true},
        {"all", 2, 2, eval_all, true},
        {"none", 2, 2, eval_none, true},
        {"some", 2, 2, eval_some, true},
        {"merge", 0, any_number, eval_merge, false},
        {"in", 2, 2, eval_in, false},
        // strings
        {"cat", 0, any_number, eval_cat, false},
        {"substr", 2, 3, eval_substr, false},
        // misc
        {"log", 1, 1, eval_log, false},
        // extensions for rule sets
        {"today", 0, 0, eval_today, false},
        {"date_add", 2, 2, eval_date_add, false},
        {"days_between", 2, 2, eval_days_between, false},
        {"setting", 1, 1, nullptr, false},
    };
    return table;
}

const Operation* find_operation(std::string_view name) {
    for (const Operation& operation : operations())
        if (operation.name == name) return &operation;
    return nullptr;
}

const std::vector<std::string>& operation_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const Operation& operation : operations()) out.emplace_back(operation.name);
        return out;
    }();
    return names;
}

}  // namespace meso::logic
