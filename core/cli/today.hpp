#pragma once

#include <optional>
#include <string>

#include "core/base/date.hpp"

namespace meso::cli {

// The CLI, not the core, reads the clock: --today D when given, else the local date.
std::optional<Date> today_from(const std::optional<std::string>& option);

// The real time for the calendar's DTSTAMP, as UTC "YYYY-MM-DDTHH:MM:SSZ": --now T when given
// (checked by the core, which falls back to midnight of today on anything else), else the clock.
std::string now_from(const std::optional<std::string>& option);

}  // namespace meso::cli
