// mesoscreen verify RULES [--today D] [--json]
#include <chrono>
#include <cstdio>
#include <iostream>

#include "core/cli/command.hpp"
#include "core/cli/today.hpp"
#include "core/tools/verify.hpp"

namespace meso::cli {
namespace {

void print_report(const std::string& path, const RuleSet& rules, const VerifyReport& report,
                  double seconds) {
    char took[32];
    std::snprintf(took, sizeof took, "%.2f", seconds);
    std::cout << path << ": " << rules.id << ' ' << rules.version << '\n'
              << "  invariants:   " << report.invariants.size() << '\n'
              << "  groups:       " << report.groups << " independent question groups, "
              << report.group_answers << " answer combinations inside them\n"
              << "  checked:      " << report.combinations << " answer combinations in " << took
              << " s\n";
    for (const Counterexample& c : report.violations) {
        std::cout << "  VIOLATED " << c.invariant
                  << "\n    smallest counter-example: " << c.answers.dump() << "\n    gives status "
                  << c.result.value("status", "?") << " with findings";
        for (const Json& f : c.result.value("findings", Json::array())) {
            std::cout << ' ' << f.value("id", "?");
        }
        std::cout << '\n';
    }
    if (!report.complete)
        std::cout << "  INCOMPLETE: the search was cut short; nothing is proved\n";
    if (report.proved()) std::cout << "  proved: every invariant holds for every combination\n";
}

}  // namespace

int run_verify(const std::vector<std::string>& words) {
    Args args;
    if (auto problem = parse_args(words, {"--today"}, {"--json"}, args)) {
        return usage_error("verify", *problem);
    }
    if (args.positional.size() != 1) return usage_error("verify", "expected RULES");
    const auto today = today_from(args.option("--today"));
    if (!today) return usage_error("verify", "--today must be a real date as YYYY-MM-DD");
    const std::string& path = args.positional[0];
    auto rules = load_rules(path);
    if (!rules) return Exit::invalid_input;

    const auto start = std::chrono::steady_clock::now();
    const VerifyReport report = verify_ruleset(*rules, VerifyOptions{*today});
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    if (args.has_flag("--json")) {
        Json json = report.to_json();
        json["seconds"] = seconds;
        std::cout << json.dump(2) << '\n';
    } else {
        print_report(path, *rules, report, seconds);
    }
    cli::report(path, report.errors);
    return report.proved() ? Exit::ok : Exit::invalid_input;
}

}  // namespace meso::cli
