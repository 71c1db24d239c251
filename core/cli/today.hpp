#pragma once

#include <optional>
#include <string>

#include "core/base/date.hpp"

namespace meso::cli {

// The CLI, not the core, reads the clock: --today D when given, else the local date.
std::optional<Date> today_from(const std::optional<std::string>& option);

}  // namespace meso::cli
