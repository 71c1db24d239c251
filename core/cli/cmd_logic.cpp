// mesoscreen logic RULE [DATA] | mesoscreen logic --suite FILE [--today D]
#include <iostream>

#include "core/cli/command.hpp"
#include "core/cli/input.hpp"
#include "core/logic/program.hpp"

namespace meso::cli {
namespace {

using Json = nlohmann::json;

Result<Json> apply(const Json& rule, const Json& data, const std::string& today) {
    auto program = logic::Program::compile(rule);
    if (!program) return program.errors();
    return program->evaluate(data, logic::EvalContext{today});
}

// A tests.json file: an array of section headings (strings) and [rule, data, expected] cases.
int run_suite(const std::string& path, const std::string& today) {
    auto input = read_path(path);
    if (!input) {
        report(path, input.errors());
        return Exit::invalid_input;
    }
    auto suite = parse(*input);
    if (!suite) {
        report(input->origin, suite.errors());
        return Exit::invalid_input;
    }
    if (!suite->is_array()) {
        report(input->origin, {{"suite.not_array", "", "a suite is an array of cases"}});
        return Exit::invalid_input;
    }
    std::size_t passed = 0, failed = 0;
    std::string section;
    for (std::size_t i = 0; i < suite->size(); ++i) {
        const Json& entry = (*suite)[i];
        if (entry.is_string()) {
            section = entry.get<std::string>();
            continue;
        }
        if (!entry.is_array() || entry.size() != 3) {
            report(input->origin,
                   {{"suite.bad_case", pointer_append("", i), "a case is [rule, data, expected]"}});
            ++failed;
            continue;
        }
        auto actual = apply(entry[0], entry[1], today);
        if (actual && *actual == entry[2]) {
            ++passed;
            continue;
        }
        ++failed;
        std::cerr << "FAIL " << pointer_append("", i) << " (" << section << "): " << entry[0].dump()
                  << " with " << entry[1].dump() << "\n  expected " << entry[2].dump()
                  << "\n  got      "
                  << (actual ? actual->dump() : actual.errors().front().to_string()) << '\n';
    }
    std::cout << passed << " passed, " << failed << " failed\n";
    return failed == 0 ? Exit::ok : Exit::invalid_input;
}

}  // namespace

int run_logic(const std::vector<std::string>& words) {
    Args args;
    if (auto problem = parse_args(words, {"--suite", "--today"}, {}, args)) {
        return usage_error("logic", *problem);
    }
    const std::string today = args.option("--today").value_or("");
    if (auto suite = args.option("--suite")) {
        if (!args.positional.empty()) return usage_error("logic", "--suite takes no RULE");
        return run_suite(*suite, today);
    }
    if (args.positional.empty() || args.positional.size() > 2) {
        return usage_error("logic", "expected RULE [DATA]");
    }
    auto rule_input = read_argument(args.positional[0]);
    if (!rule_input) {
        report(origin_of(args.positional[0]), rule_input.errors());
        return Exit::invalid_input;
    }
    auto rule = parse(*rule_input);
    if (!rule) {
        report(rule_input->origin, rule.errors());
        return Exit::invalid_input;
    }
    Json data = Json::object();
    std::string data_origin = "<data>";
    if (args.positional.size() == 2) {
        auto data_input = read_argument(args.positional[1]);
        if (!data_input) {
            report(origin_of(args.positional[1]), data_input.errors());
            return Exit::invalid_input;
        }
        data_origin = data_input->origin;
        auto parsed = parse(*data_input);
        if (!parsed) {
            report(data_origin, parsed.errors());
            return Exit::invalid_input;
        }
        data = std::move(*parsed);
    }
    auto result = apply(*rule, data, today);
    if (!result) {
        report(rule_input->origin, result.errors());
        return Exit::invalid_input;
    }
    std::cout << result->dump() << '\n';
    return Exit::ok;
}

}  // namespace meso::cli
