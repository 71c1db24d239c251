#include "core/logic/program.hpp"

#include <cmath>
#include <vector>

#include "core/logic/coerce.hpp"
#include "core/logic/impl.hpp"

namespace meso::logic {
namespace {

// JSON has no NaN or Infinity (JSON.stringify writes null), and integral results print as
// integers: 4/2 is 2, not 2.0.
void to_json_number(Json& number) {
    const double x = number_of(number);
    if (!std::isfinite(x)) number = nullptr;
    else if (x == std::trunc(x) && std::fabs(x) < 9.2e18) number = static_cast<std::int64_t>(x);
}

// Walks without recursion (results may hold deeply nested data) and without allocating for the
// usual flat results.
void to_output(Json& result) {
    if (result.is_number_float()) {
        to_json_number(result);
        return;
    }
    if (!result.is_structured()) return;
    std::vector<Json*> nested;
    for (Json& child : result) {
        if (child.is_number_float()) to_json_number(child);
        else if (child.is_structured()) nested.push_back(&child);
    }
    while (!nested.empty()) {
        Json* current = nested.back();
        nested.pop_back();
        if (current->is_number_float()) to_json_number(*current);
        else if (current->is_structured())
            for (Json& child : *current) nested.push_back(&child);
    }
}

}  // namespace

Result<Json> Program::evaluate(const Json& data, const EvalContext& context) const {
    Eval eval(impl_->limits, context, data);
    Value result = eval.run(impl_->root);
    if (context.budget) context.budget->used = eval.steps();
    if (eval.failed()) return *eval.error();
    Result<Json> out(std::move(result).release());
    to_output(out.value());
    return out;
}

const std::vector<VarRef>& Program::variables() const { return impl_->variables; }
const std::set<std::string>& Program::roots() const { return impl_->roots; }
bool Program::has_dynamic_variables() const { return impl_->dynamic_variables; }
const std::vector<double>& Program::number_literals() const { return impl_->numbers; }
const std::vector<std::string>& Program::string_literals() const { return impl_->strings; }

bool truthy(const Json& value) { return is_truthy(value); }

}  // namespace meso::logic
