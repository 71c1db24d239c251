// mesoscreen verify RULES [--today D]
// Placeholder until core/verify.hpp lands; replaced by the real command.
#include "core/cli/command.hpp"

namespace meso::cli {

int run_verify(const std::vector<std::string>&) {
    return usage_error("verify", "not built yet");
}

}  // namespace meso::cli
