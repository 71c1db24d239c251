// Times meso::screen natively over a file of respondents (tests/bench/respondents.mjs writes it).
// Usage: meso_bench <rules.json> <respondents.json> <today> [rounds]
// Prints one JSON object: respondents per second for screen_status() (the verdict: every answer
// checked and every condition evaluated, the figure the report sets against json-logic-js), for
// screen() (also the texts and the course plan) and for screen() plus to_json(), which is what
// the CLI and the wasm API pay for.
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "core/json/parse.hpp"
#include "core/ruleset/ruleset.hpp"
#include "core/screen/screen.hpp"

namespace {

std::string read_file(const char* path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int fail(const std::string& what) {
    std::cerr << "meso_bench: " << what << '\n';
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) return fail("usage: meso_bench <rules.json> <respondents.json> <today> [rounds]");
    const int rounds = argc > 4 ? std::max(1, std::atoi(argv[4])) : 3;

    auto document = meso::parse_json(read_file(argv[1]));
    if (!document) return fail("rules: " + document.errors().front().to_string());
    auto loaded = meso::load_ruleset(*document);
    if (!loaded) return fail("rules: " + loaded.errors().front().to_string());
    const meso::RuleSet& rules = *loaded;

    auto respondents = meso::parse_json(read_file(argv[2]), {256u << 20, 16});
    if (!respondents || !respondents->is_array()) return fail("respondents: not a JSON array");
    const auto today = meso::Date::parse(argv[3]);
    if (!today) return fail("today: not a YYYY-MM-DD date");

    // Inputs are built before the clock starts: the engine's work is what is measured.
    std::vector<meso::ScreenInput> inputs;
    inputs.reserve(respondents->size());
    for (auto& answers : *respondents) inputs.push_back({std::move(answers), *today, "en"});

    // Statuses are counted so the optimiser cannot drop the calls, and as a check that the
    // three ways of screening agree.
    using Counts = std::array<std::size_t, 5>;
    auto best_of_rounds = [&](auto screen_one, Counts& counts) {
        double best = 1e300;
        for (int round = 0; round < rounds; ++round) {
            counts.fill(0);
            const auto start = std::chrono::steady_clock::now();
            for (const auto& input : inputs) ++counts[static_cast<int>(screen_one(input))];
            best = std::min(best, seconds_since(start));
        }
        return best;
    };
    Counts by_status{}, by_screen{};
    const double verdict_seconds = best_of_rounds(
        [&](const meso::ScreenInput& input) { return meso::screen_status(rules, input); },
        by_status);
    const double screen_seconds = best_of_rounds(
        [&](const meso::ScreenInput& input) { return meso::screen(rules, input).status; },
        by_screen);
    if (by_status != by_screen) return fail("screen_status() and screen() disagree");

    std::size_t bytes = 0;
    const auto start = std::chrono::steady_clock::now();
    for (const auto& input : inputs)
        bytes += meso::screen(rules, input).to_json(rules, input).dump().size();
    const double with_json = seconds_since(start);

    const double n = static_cast<double>(inputs.size());
    std::printf(
        "{\"respondents\":%zu,\"rounds\":%d,\"seconds\":%.6f,\"evals_per_s\":%.1f,"
        "\"screen_seconds\":%.6f,\"screen_evals_per_s\":%.1f,"
        "\"with_json_seconds\":%.6f,\"with_json_evals_per_s\":%.1f,\"json_bytes\":%zu,"
        "\"status\":{\"incomplete\":%zu,\"eligible\":%zu,\"consult\":%zu,\"postpone\":%zu,"
        "\"ineligible\":%zu}}\n",
        inputs.size(), rounds, verdict_seconds, n / verdict_seconds, screen_seconds,
        n / screen_seconds, with_json, n / with_json, bytes, by_status[0], by_status[1],
        by_status[2], by_status[3], by_status[4]);
    return 0;
}
