// Locale keys that the engine itself shows (status lines, the disclaimer …): every language of
// every rule set must define them, and lint never calls them unused.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace meso {

const std::vector<std::string>& engine_text_keys();

// Keys starting with this prefix belong to the faces (widget buttons and labels): they are not
// checked as missing (a face may bring its own) and never reported as unused.
inline constexpr std::string_view face_text_prefix = "ui.";

// The answer key of the optional wished start date (rules/DOMAIN.md): the plan starts no earlier.
inline constexpr const char* start_date_key = "start_date";

}  // namespace meso
