// log: json-logic-js prints its argument; the core has no I/O, so it only passes it through.
#include "core/logic/ops.hpp"

namespace meso::logic {

Value eval_log(const Node& node, Eval& eval) { return eval.run(node.args[0]); }

}  // namespace meso::logic
