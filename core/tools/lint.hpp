// Lint: problems that do not stop a rule set from loading but that a clinic must fix (an unused
// source, a question no condition reads …). A rule set with errors does not load at all.
#pragma once

#include "core/base/error.hpp"
#include "core/ruleset/ruleset.hpp"

namespace meso {

Errors lint_ruleset(const RuleSet& rules);

}  // namespace meso
