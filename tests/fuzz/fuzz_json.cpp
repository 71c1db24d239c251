// libFuzzer target: any text through parse_json, compared with nlohmann::json::parse.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "tests/fuzz/harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string problem =
        meso::fuzz::fuzz_json(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!problem.empty()) {
        std::fprintf(stderr, "fuzz_json: %s\n", problem.c_str());
        std::abort();
    }
    return 0;
}
