#include "core/screen/status.hpp"

namespace meso {

Status status_of(Severity severity) {
    switch (severity) {
        case Severity::consult: return Status::consult;
        case Severity::postpone: return Status::postpone;
        case Severity::ineligible: return Status::ineligible;
    }
    return Status::ineligible;  // an unknown severity must never soften the verdict
}

}  // namespace meso
