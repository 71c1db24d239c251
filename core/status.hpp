// The overall status of a screening, from its findings. Shared by screen() and the verifier so
// that both agree on precedence.
#pragma once

#include <vector>

#include "core/ruleset.hpp"
#include "core/screen.hpp"

namespace meso {

// The status a finding of this severity gives on its own.
Status status_of(Severity severity);

// Errors or missing answers give `incomplete` whatever the findings; otherwise the most severe
// finding wins (ineligible > postpone > consult), and no finding at all gives `eligible`.
Status overall_status(const std::vector<FindingResult>& findings, bool has_missing_or_errors);

}  // namespace meso
