// The status one finding gives. Shared by screen() and the verifier so that both agree on
// precedence (the order of Status: a more severe finding wins).
#pragma once

#include "core/ruleset/ruleset.hpp"

namespace meso {

// The status a finding of this severity gives on its own.
Status status_of(Severity severity);

}  // namespace meso
