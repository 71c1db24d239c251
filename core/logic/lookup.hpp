// Reading the data the way json-logic-js's `var` does: String(name).split(".") and then
// `data[key]` for each key, where arrays and strings also answer indexes and `length`.
#pragma once

#include <string>
#include <string_view>

#include "core/logic/node.hpp"

namespace meso::logic {

// The dotted path of a literal var name, split once when the rule is compiled.
VarPath var_path_of(const Json& name, StringBudget& budget);

// The value at `path` in the scope; false when some step is undefined (var's default applies).
bool resolve(const Scope& scope, const VarPath& path, Value& out);
// The same for a name known only at run time (null and "" select the whole data).
bool resolve_name(const Scope& scope, const Json& name, StringBudget& budget, Value& out);

// The scope's whole data (inside reduce, the object {current, accumulator}).
Value whole_scope(const Scope& scope);

}  // namespace meso::logic
