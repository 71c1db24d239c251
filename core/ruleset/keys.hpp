// Locale keys that the engine itself shows (status lines, the disclaimer …): every language of
// every rule set must define them, and lint never calls them unused.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace meso {

const std::vector<std::string>& engine_text_keys();

// Engine texts a rule set may leave out while it moves to them (rules/README.md, "Locales"): when
// one language has such a key every language must, lint warns when it is absent, and the engine
// falls back to its own English wording (an answer error's message) or to no text at all.
//   answer.too_early {min, date}, answer.too_late {max, date}, answer.out_of_range {min} {max},
//   answer.date_range: the message of that answer error, in the patient's language
//   plan.provisional: a consult plan's "if the doctor agrees"
//   plan.doctor_only {concerns}: the concerns that get no course, for the doctor to decide
const std::vector<std::string>& optional_engine_text_keys();

// Keys starting with this prefix belong to the faces (widget buttons and labels): they are not
// checked as missing (a face may bring its own) and never reported as unused.
inline constexpr std::string_view face_text_prefix = "ui.";

// The answer key of the optional wished start date (rules/DOMAIN.md): the plan starts no earlier.
inline constexpr const char* start_date_key = "start_date";

}  // namespace meso
