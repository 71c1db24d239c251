// libFuzzer target: a clinic's settings file (harness.hpp, fuzz_settings) applied to the default
// rule set, then everything fuzz_ruleset does with the result.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string_view>

#include "tests/fuzz/harness.hpp"

namespace {

meso::Json default_rules() {
    std::ifstream file(MESO_FUZZ_SETTINGS_RULES, std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    auto rules = meso::parse_json(text.str());
    if (!rules) {
        std::fprintf(stderr, "fuzz_settings: %s does not parse\n", MESO_FUZZ_SETTINGS_RULES);
        std::abort();
    }
    return std::move(*rules);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const meso::Json rules = default_rules();
    const std::string problem = meso::fuzz::fuzz_settings(
        rules, std::string_view(reinterpret_cast<const char*>(data), size));
    if (!problem.empty()) {
        std::fprintf(stderr, "fuzz_settings: %s\n", problem.c_str());
        std::abort();
    }
    return 0;
}
