// Times meso::screen natively over a file of respondents (tests/bench/respondents.mjs writes it).
// Usage: meso_bench <rules.json> <respondents.json> <today> [rounds [conditions.json]]
// Prints one JSON object: respondents per second for screen_status() (the verdict: every answer
// checked and every condition evaluated), for screen() (also the texts and the course plan) and
// for screen() plus to_json(), which is what the CLI and the wasm API pay for. With a conditions
// file (tests/bench/conditions.mjs writes it), also "logic": those conditions alone, compiled once
// and evaluated on the parsed answers, the work json-logic-js does in bench_js.mjs.
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/json/parse.hpp"
#include "core/logic/program.hpp"
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

struct LogicTiming {
    double seconds = 0;
    std::size_t conditions = 0;
    std::size_t truthy = 0;
};

// Every condition on every respondent, best of `rounds`. An evaluation error fails the run: its
// figure would no longer be comparable with json-logic-js, which evaluates every condition.
meso::Result<LogicTiming> time_logic(const meso::Json& rules,
                                     const std::vector<meso::ScreenInput>& inputs,
                                     const std::string& today, int rounds) {
    if (!rules.is_array()) return meso::Error{"bench.conditions", "", "not a JSON array"};
    std::vector<meso::logic::Program> programs;
    for (std::size_t i = 0; i < rules.size(); ++i) {
        auto program = meso::logic::Program::compile(rules[i], {}, "/" + std::to_string(i));
        if (!program) return program.errors();
        programs.push_back(std::move(*program));
    }
    LogicTiming timing{1e300, programs.size(), 0};
    const meso::logic::EvalContext context{today};
    for (int round = 0; round < rounds; ++round) {
        std::size_t truthy = 0;
        const auto start = std::chrono::steady_clock::now();
        for (const auto& input : inputs) {
            for (const auto& program : programs) {
                auto value = program.evaluate(input.answers, context);
                if (!value) return value.errors();
                truthy += meso::logic::truthy(*value);
            }
        }
        timing.seconds = std::min(timing.seconds, seconds_since(start));
        timing.truthy = truthy;
    }
    return timing;
}

struct SessionRun {
    double seconds = 0;
    std::size_t answers = 0;  // set() calls
    std::size_t differ = 0;   // respondents whose form status is not the screening's
    std::array<std::size_t, 5> by_status{};
};

// Every respondent answered one question at a time, in asking order, as the widget does: the
// status its form ends with must be the status of screening the same answers at once.
SessionRun run_sessions(const std::shared_ptr<const meso::RuleSet>& rules,
                        const std::vector<meso::ScreenInput>& inputs) {
    SessionRun run;
    const auto start = std::chrono::steady_clock::now();
    for (const auto& input : inputs) {
        meso::Session session(rules, input.today, input.lang);
        for (const meso::Question& question : rules->questions) {
            const auto answer = input.answers.find(question.id);
            if (answer == input.answers.end()) continue;
            session.set(question.id, *answer);
            ++run.answers;
        }
        const meso::Status status = session.form().status;
        ++run.by_status[static_cast<int>(status)];
        if (status != meso::screen_status(*rules, input)) ++run.differ;
    }
    run.seconds = seconds_since(start);
    return run;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4)
        return fail(
            "usage: meso_bench <rules.json> <respondents.json> <today> [rounds [conditions.json]]");
    const int rounds = argc > 4 ? std::max(1, std::atoi(argv[4])) : 3;

    auto document = meso::parse_json(read_file(argv[1]));
    if (!document) return fail("rules: " + document.errors().front().to_string());
    auto loaded = meso::load_ruleset(*document);
    if (!loaded) return fail("rules: " + loaded.errors().front().to_string());
    const auto shared = std::make_shared<const meso::RuleSet>(std::move(*loaded));
    const meso::RuleSet& rules = *shared;

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
    const SessionRun sessions = run_sessions(shared, inputs);
    char session_json[300];
    std::snprintf(session_json, sizeof session_json,
                  ",\"session\":{\"seconds\":%.6f,\"answers\":%zu,\"differ\":%zu,"
                  "\"status\":{\"incomplete\":%zu,\"eligible\":%zu,\"consult\":%zu,"
                  "\"postpone\":%zu,\"ineligible\":%zu}}",
                  sessions.seconds, sessions.answers, sessions.differ, sessions.by_status[0],
                  sessions.by_status[1], sessions.by_status[2], sessions.by_status[3],
                  sessions.by_status[4]);
    std::string logic_json = session_json;
    if (argc > 5) {
        auto conditions = meso::parse_json(read_file(argv[5]));
        if (!conditions) return fail("conditions: " + conditions.errors().front().to_string());
        auto logic = time_logic(*conditions, inputs, argv[3], rounds);
        if (!logic) return fail("conditions: " + logic.errors().front().to_string());
        char buffer[200];
        std::snprintf(buffer, sizeof buffer,
                      ",\"logic\":{\"conditions\":%zu,\"seconds\":%.6f,\"respondents_per_s\":%.1f,"
                      "\"truthy\":%zu}",
                      logic->conditions, logic->seconds, n / logic->seconds, logic->truthy);
        logic_json += buffer;
    }
    std::printf(
        "{\"respondents\":%zu,\"rounds\":%d,\"seconds\":%.6f,\"evals_per_s\":%.1f,"
        "\"screen_seconds\":%.6f,\"screen_evals_per_s\":%.1f,"
        "\"with_json_seconds\":%.6f,\"with_json_evals_per_s\":%.1f,\"json_bytes\":%zu,"
        "\"status\":{\"incomplete\":%zu,\"eligible\":%zu,\"consult\":%zu,\"postpone\":%zu,"
        "\"ineligible\":%zu}%s}\n",
        inputs.size(), rounds, verdict_seconds, n / verdict_seconds, screen_seconds,
        n / screen_seconds, with_json, n / with_json, bytes, by_status[0], by_status[1],
        by_status[2], by_status[3], by_status[4], logic_json.c_str());
    return 0;
}
