#include "core/ruleset/keys.hpp"

namespace meso {

const std::vector<std::string>& engine_text_keys() {
    static const std::vector<std::string> keys = {
        "status.eligible",
        "status.consult",
        "status.postpone",
        "status.ineligible",
        "status.incomplete",
        "disclaimer",
        "plan.general_figures",
        // The calendar of the plan: each event's title ({n}, {total}) and its description.
        "ics.summary",
        "ics.description",
    };
    return keys;
}

}  // namespace meso
