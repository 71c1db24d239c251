// The findings as a Markdown decision table for a doctor to review.
#pragma once

#include <string>
#include <string_view>

#include "core/ruleset/ruleset.hpp"

namespace meso {

std::string decision_table(const RuleSet& rules, std::string_view lang);

}  // namespace meso
