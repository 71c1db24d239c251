// mesoscreen verify RULES [--settings S] [--today D] [--json] [--defaults-only]
// Without --settings it proves the defaults and every setting at the edges of its bounds;
// --defaults-only skips the edges (the benchmark times one proof).
#include <chrono>
#include <cstdio>
#include <iostream>

#include "core/cli/command.hpp"
#include "core/cli/today.hpp"
#include "core/tools/verify.hpp"
#include "core/tools/verify_bounds.hpp"

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

// One line per edge, and the counter-examples of any edge that fails.
void print_edges(const std::vector<EdgeReport>& edges, double seconds) {
    char took[32];
    std::snprintf(took, sizeof took, "%.2f", seconds);
    std::cout << "  settings at the edges of their bounds (" << edges.size() << " proofs in "
              << took << " s):\n";
    for (const EdgeReport& edge : edges) {
        const VerifyReport& r = edge.report;
        std::cout << "    " << edge.edge.label << ": "
                  << (r.proved()   ? "proved"
                      : r.complete ? "VIOLATED"
                                   : "INCOMPLETE")
                  << " (" << r.combinations << " combinations)\n";
        for (const Counterexample& c : r.violations)
            std::cout << "      VIOLATED " << c.invariant << ": " << c.answers.dump() << '\n';
    }
}

}  // namespace

int run_verify(const std::vector<std::string>& words) {
    Args args;
    if (auto problem =
            parse_args(words, {"--today", "--settings"}, {"--json", "--defaults-only"}, args)) {
        return usage_error("verify", *problem);
    }
    if (args.positional.size() != 1) return usage_error("verify", "expected RULES");
    const auto today = today_from(args.option("--today"));
    if (!today) return usage_error("verify", "--today must be a real date as YYYY-MM-DD");
    const std::string& path = args.positional[0];
    const auto settings_path = args.option("--settings");
    auto rules = load_rules(path, settings_path);
    if (!rules) return Exit::invalid_input;

    const auto since = [](auto start) {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    const auto start = std::chrono::steady_clock::now();
    const VerifyOptions options{*today};
    const VerifyReport report = verify_ruleset(*rules, options);
    const double seconds = since(start);  // the defaults' proof, which "checked" counts
    // A clinic's own file is proved as it is; the rule set alone is proved for every clinic.
    const std::vector<EdgeReport> edges = settings_path || args.has_flag("--defaults-only")
                                              ? std::vector<EdgeReport>{}
                                              : verify_edges(*rules, options);
    const double all_seconds = since(start);
    bool proved = report.proved();
    for (const EdgeReport& edge : edges) proved = proved && edge.report.proved();

    if (args.has_flag("--json")) {
        Json json = report.to_json();
        json["proved"] = proved;
        json["seconds"] = seconds;
        json["all_seconds"] = all_seconds;  // with the edges
        Json edge_json = Json::array();
        for (const EdgeReport& edge : edges) {
            Json one = edge.report.to_json();
            one["edge"] = edge.edge.label;
            one["settings"] = edge.edge.settings_file;
            edge_json.push_back(std::move(one));
        }
        json["edges"] = std::move(edge_json);
        std::cout << json.dump(2) << '\n';
    } else {
        print_report(path, *rules, report, seconds);
        if (!edges.empty()) print_edges(edges, all_seconds - seconds);
        if (!edges.empty() && proved)
            std::cout << "  proved at every edge of the settings' bounds too\n";
    }
    cli::report(path, report.errors);
    for (const EdgeReport& edge : edges)
        cli::report(path + " (" + edge.edge.label + ")", edge.report.errors);
    return proved ? Exit::ok : Exit::invalid_input;
}

}  // namespace meso::cli
