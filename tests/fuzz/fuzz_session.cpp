// libFuzzer target: a stream of answers (harness.hpp, fuzz_session) on a Session over
// tests/rulesets/minimal.json, checked against screen() after every step.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string_view>

#include "tests/fuzz/harness.hpp"

namespace {

std::shared_ptr<const meso::RuleSet> minimal_rules() {
    std::ifstream file(MESO_FUZZ_SESSION_RULES, std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    auto rules = meso::fuzz::load_session_rules(text.str());
    if (!rules) {
        std::fprintf(stderr, "fuzz_session: %s does not load\n", MESO_FUZZ_SESSION_RULES);
        std::abort();
    }
    return rules;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::shared_ptr<const meso::RuleSet> rules = minimal_rules();
    const std::string problem = meso::fuzz::fuzz_session(
        rules, std::string_view(reinterpret_cast<const char*>(data), size));
    if (!problem.empty()) {
        std::fprintf(stderr, "fuzz_session: %s\n", problem.c_str());
        std::abort();
    }
    return 0;
}
