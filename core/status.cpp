#include "core/status.hpp"

namespace meso {

Status status_of(Severity severity) {
    switch (severity) {
        case Severity::consult: return Status::consult;
        case Severity::postpone: return Status::postpone;
        case Severity::ineligible: return Status::ineligible;
    }
    return Status::ineligible;  // an unknown severity must never soften the verdict
}

Status overall_status(const std::vector<FindingResult>& findings, bool has_missing_or_errors) {
    if (has_missing_or_errors) return Status::incomplete;
    Status status = Status::eligible;
    for (const FindingResult& finding : findings) {
        const Status own = status_of(finding.severity);
        if (own > status) status = own;
    }
    return status;
}

}  // namespace meso
