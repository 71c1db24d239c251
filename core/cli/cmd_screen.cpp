// mesoscreen screen --rules R [--settings S] --answers A [--today D] [--lang L]
// mesoscreen plan   --rules R [--settings S] --answers A --ics OUT [--today D] [--now T] [--lang L]
#include <algorithm>
#include <fstream>
#include <iostream>
#include <variant>

#include "core/cli/command.hpp"
#include "core/cli/input.hpp"
#include "core/cli/today.hpp"
#include "core/screen/screen.hpp"

namespace meso::cli {
namespace {

struct Screening {
    RuleSet rules;
    ScreenInput input;
    std::string answers_origin;
};

// Everything screen and plan share: options, rule set, answers, today and language.
std::variant<Screening, int> prepare(const std::string& command, const Args& args) {
    const auto rules_path = args.option("--rules");
    const auto answers_arg = args.option("--answers");
    if (!rules_path) return usage_error(command, "--rules is required");
    if (!answers_arg) return usage_error(command, "--answers is required");
    if (!args.positional.empty()) return usage_error(command, "unexpected " + args.positional[0]);
    const auto today = today_from(args.option("--today"));
    if (!today) return usage_error(command, "--today must be a real date as YYYY-MM-DD");

    auto rules = load_rules(*rules_path, args.option("--settings"));
    if (!rules) return Exit::invalid_input;
    const std::string lang = args.option("--lang").value_or(rules->default_language);
    if (std::find(rules->languages.begin(), rules->languages.end(), lang) ==
        rules->languages.end()) {
        return usage_error(command, "the rule set has no language \"" + lang + "\"");
    }
    auto input = read_argument(*answers_arg);
    if (!input) {
        report(origin_of(*answers_arg), input.errors());
        return Exit::invalid_input;
    }
    auto answers = parse(*input, answer_limits);
    if (!answers) {
        report(input->origin, answers.errors());
        return Exit::invalid_input;
    }
    ScreenInput screen_input{std::move(*answers), *today, lang};
    screen_input.now = now_from(args.option("--now"));
    return Screening{std::move(*rules), std::move(screen_input), input->origin};
}

}  // namespace

int run_screen(const std::vector<std::string>& words) {
    Args args;
    if (auto problem = parse_args(
            words, {"--rules", "--answers", "--today", "--lang", "--settings"}, {}, args)) {
        return usage_error("screen", *problem);
    }
    auto prepared = prepare("screen", args);
    if (auto* code = std::get_if<int>(&prepared)) return *code;
    auto& s = std::get<Screening>(prepared);
    const ScreenResult result = screen(s.rules, s.input);
    std::cout << result.to_json(s.rules, s.input).dump(2) << '\n';
    // The JSON says what is wrong; the exit code and stderr say it too, for scripts.
    report(s.answers_origin, result.errors);
    return result.errors.empty() ? Exit::ok : Exit::invalid_input;
}

int run_plan(const std::vector<std::string>& words) {
    Args args;
    if (auto problem = parse_args(
            words, {"--rules", "--answers", "--today", "--now", "--lang", "--ics", "--settings"},
            {}, args)) {
        return usage_error("plan", *problem);
    }
    const auto ics_path = args.option("--ics");
    if (!ics_path) return usage_error("plan", "--ics OUT is required");
    auto prepared = prepare("plan", args);
    if (auto* code = std::get_if<int>(&prepared)) return *code;
    auto& s = std::get<Screening>(prepared);
    const ScreenResult result = screen(s.rules, s.input);
    report(s.answers_origin, result.errors);
    if (!result.errors.empty()) return Exit::invalid_input;
    const std::string ics = plan_ics(s.rules, result, s.input);
    if (ics.empty()) {
        std::cerr << "mesoscreen plan: no dates to put in a calendar (status "
                  << to_string(result.status) << ")\n";
        return Exit::invalid_input;
    }
    if (*ics_path == "-") {
        std::cout << ics;
    } else {
        std::ofstream out(*ics_path, std::ios::binary);
        out << ics;
        if (!out) {
            std::cerr << "mesoscreen plan: cannot write " << *ics_path << '\n';
            return Exit::invalid_input;
        }
        const Json json = result.to_json(s.rules, s.input);
        Json summary = {{"status", json["status"]},
                        {"earliest_start", json["earliest_start"]},
                        {"plan", json.contains("plan") ? json["plan"] : Json(nullptr)},
                        {"ics", *ics_path},
                        {"events", result.plan ? result.plan->dates.size() : 0}};
        std::cout << summary.dump(2) << '\n';
    }
    return Exit::ok;
}

}  // namespace meso::cli
