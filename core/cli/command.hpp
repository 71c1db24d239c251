// The pieces every CLI command shares: parsed options, exit codes and error reporting.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/base/error.hpp"
#include "core/ruleset/ruleset.hpp"

namespace meso::cli {

enum Exit : int { ok = 0, invalid_input = 1, usage = 2 };

// "--name value" options and positional arguments, in order. Flags listed in `flags` take no value.
struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;
    std::vector<std::string> flags;

    bool has_flag(const std::string& name) const;
    std::optional<std::string> option(const std::string& name) const;
};

// Fails (returning a message) on an unknown option or a missing value.
std::optional<std::string> parse_args(const std::vector<std::string>& words,
                                      const std::vector<std::string>& value_options,
                                      const std::vector<std::string>& flag_options, Args& out);

// "mesoscreen: rules.json: rules.unknown_question at /findings/3/when/var: ..." on stderr.
void report(const std::string& origin, const Errors& errors);
int usage_error(const std::string& command, const std::string& message);

// Loads a rule set named on the command line, with a clinic's settings file applied when one is
// named (--settings); reports and returns nullopt when either does not load.
std::optional<RuleSet> load_rules(const std::string& path,
                                  const std::optional<std::string>& settings_path = std::nullopt);

int run_logic(const std::vector<std::string>& words);
int run_lint(const std::vector<std::string>& words);
int run_table(const std::vector<std::string>& words);
int run_verify(const std::vector<std::string>& words);
int run_screen(const std::vector<std::string>& words);
int run_plan(const std::vector<std::string>& words);

}  // namespace meso::cli
