// libFuzzer target: a rule set document, loaded, linted, described and screened with no answers.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "tests/fuzz/harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string problem =
        meso::fuzz::fuzz_ruleset(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!problem.empty()) {
        std::fprintf(stderr, "fuzz_ruleset: %s\n", problem.c_str());
        std::abort();
    }
    return 0;
}
