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

const std::vector<std::string>& optional_engine_text_keys() {
    static const std::vector<std::string> keys = {
        "answer.too_early",  "answer.too_late",  "answer.out_of_range",
        "answer.date_range", "plan.provisional", "plan.doctor_only",
    };
    return keys;
}

}  // namespace meso
