#include "core/logic/program.hpp"

#include <cmath>
#include <vector>

#include "core/logic/impl.hpp"

namespace meso::logic {
namespace {

// JSON has no NaN or Infinity (JSON.stringify writes null), and integral results print as
// integers: 4/2 is 2, not 2.0.
void to_json_number(Json& number) {
    const double x = number.get<double>();
    if (!std::isfinite(x)) number = nullptr;
    else if (x == std::trunc(x) && std::fabs(x) < 9.2e18) number = static_cast<std::int64_t>(x);
}

// Walks without recursion: results may hold deeply nested data.
Json to_output(Json result) {
    if (result.is_number_float()) {
        to_json_number(result);
        return result;
    }
    if (!result.is_structured()) return result;
    std::vector<Json*> pending{&result};
    while (!pending.empty()) {
        Json* current = pending.back();
        pending.pop_back();
        if (current->is_number_float()) to_json_number(*current);
        else if (current->is_structured())
            for (Json& child : *current) pending.push_back(&child);
    }
    return result;
}

}  // namespace

Result<Json> Program::evaluate(const Json& data, const EvalContext& context) const {
    Eval eval(impl_->limits, context, data);
    Value result = eval.run(impl_->root);
    if (eval.failed()) return *eval.error();
    return to_output(std::move(result).release());
}

const std::vector<VarRef>& Program::variables() const { return impl_->variables; }
const std::set<std::string>& Program::roots() const { return impl_->roots; }
bool Program::has_dynamic_variables() const { return impl_->dynamic_variables; }
const std::vector<double>& Program::number_literals() const { return impl_->numbers; }
const std::vector<std::string>& Program::string_literals() const { return impl_->strings; }

bool truthy(const Json& value) {
    switch (value.type()) {
        case Json::value_t::null:
        case Json::value_t::discarded:
            return false;
        case Json::value_t::boolean:
            return value.get<bool>();
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
        case Json::value_t::number_float: {
            const double x = value.get<double>();
            return x != 0 && !std::isnan(x);
        }
        case Json::value_t::string:
            return !value.get_ref<const std::string&>().empty();
        case Json::value_t::array:
            return !value.empty();
        default:
            return true;
    }
}

}  // namespace meso::logic
