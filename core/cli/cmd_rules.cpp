// mesoscreen lint RULES [--settings S] | mesoscreen table RULES [--lang L] [--settings S]
#include <algorithm>
#include <iostream>

#include "core/cli/command.hpp"
#include "core/tools/decision_table.hpp"
#include "core/tools/lint.hpp"

namespace meso::cli {

int run_lint(const std::vector<std::string>& words) {
    Args args;
    if (auto problem = parse_args(words, {"--settings"}, {"--strict"}, args))
        return usage_error("lint", *problem);
    if (args.positional.size() != 1) return usage_error("lint", "expected RULES");
    const std::string& path = args.positional[0];
    auto rules = load_rules(path, args.option("--settings"));
    if (!rules) return Exit::invalid_input;
    const Errors warnings = lint_ruleset(*rules);
    report(path, warnings);
    std::cout << path << ": " << rules->id << ' ' << rules->version << ": "
              << rules->questions.size() << " questions, " << rules->findings.size()
              << " findings, " << rules->languages.size() << " languages, " << warnings.size()
              << (warnings.size() == 1 ? " warning" : " warnings") << '\n';
    return warnings.empty() || !args.has_flag("--strict") ? Exit::ok : Exit::invalid_input;
}

int run_table(const std::vector<std::string>& words) {
    Args args;
    if (auto problem = parse_args(words, {"--lang", "--settings"}, {}, args))
        return usage_error("table", *problem);
    if (args.positional.size() != 1) return usage_error("table", "expected RULES");
    auto rules = load_rules(args.positional[0], args.option("--settings"));
    if (!rules) return Exit::invalid_input;
    const std::string lang = args.option("--lang").value_or(rules->default_language);
    if (std::find(rules->languages.begin(), rules->languages.end(), lang) ==
        rules->languages.end()) {
        return usage_error("table", "the rule set has no language \"" + lang + "\"");
    }
    std::cout << decision_table(*rules, lang);
    return Exit::ok;
}

}  // namespace meso::cli
