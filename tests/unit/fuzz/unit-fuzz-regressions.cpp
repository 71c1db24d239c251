// Replays every input in tests/fuzz/regressions/<target>/ through the body of that fuzz target
// (tests/fuzz/harness.hpp), so each crash the fuzzer ever found stays fixed, under ASan+UBSan.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/fuzz/harness.hpp"
#include "tests/unit/read_file.hpp"

using meso::test::read_bytes;

namespace {

namespace fs = std::filesystem;

const fs::path regressions = fs::path(MESO_SOURCE_DIR) / "tests" / "fuzz" / "regressions";

// The inputs of one target, in name order so that failures read the same every time.
std::vector<fs::path> inputs(const char* target) {
    std::vector<fs::path> out;
    for (const auto& entry : fs::directory_iterator(regressions / target)) {
        if (entry.is_regular_file() && entry.path().filename() != "README.md")
            out.push_back(entry.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("fuzz regressions: fuzz_logic inputs") {
    const auto files = inputs("logic");
    CHECK_FALSE(files.empty());
    for (const fs::path& file : files) {
        CAPTURE(file.filename().string());
        CHECK(meso::fuzz::fuzz_logic(read_bytes(file)) == "");
    }
}

TEST_CASE("fuzz regressions: fuzz_ruleset inputs") {
    const auto files = inputs("ruleset");
    CHECK_FALSE(files.empty());
    for (const fs::path& file : files) {
        CAPTURE(file.filename().string());
        CHECK(meso::fuzz::fuzz_ruleset(read_bytes(file)) == "");
    }
}

TEST_CASE("fuzz regressions: fuzz_session inputs") {
    const auto rules = meso::fuzz::load_session_rules(
        read_bytes(fs::path(MESO_SOURCE_DIR) / "tests" / "rulesets" / "minimal.json"));
    REQUIRE(rules);
    const auto files = inputs("session");
    CHECK_FALSE(files.empty());
    for (const fs::path& file : files) {
        CAPTURE(file.filename().string());
        CHECK(meso::fuzz::fuzz_session(rules, read_bytes(file)) == "");
    }
}

TEST_CASE("fuzz regressions: fuzz_settings inputs") {
    auto rules =
        meso::parse_json(read_bytes(fs::path(MESO_SOURCE_DIR) / "rules" / "mesotherapy.json"));
    REQUIRE(rules.ok());
    const auto files = inputs("settings");
    CHECK_FALSE(files.empty());
    for (const fs::path& file : files) {
        CAPTURE(file.filename().string());
        CHECK(meso::fuzz::fuzz_settings(*rules, read_bytes(file)) == "");
    }
}
