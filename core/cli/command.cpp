#include "core/cli/command.hpp"

#include <algorithm>
#include <iostream>

#include "core/cli/input.hpp"
#include "core/tools/clinic_rules.hpp"

namespace meso::cli {

bool Args::has_flag(const std::string& name) const {
    return std::find(flags.begin(), flags.end(), name) != flags.end();
}

std::optional<std::string> Args::option(const std::string& name) const {
    const auto it = options.find(name);
    if (it == options.end()) return std::nullopt;
    return it->second;
}

std::optional<std::string> parse_args(const std::vector<std::string>& words,
                                      const std::vector<std::string>& value_options,
                                      const std::vector<std::string>& flag_options, Args& out) {
    const auto known = [](const std::vector<std::string>& list, const std::string& word) {
        return std::find(list.begin(), list.end(), word) != list.end();
    };
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& word = words[i];
        if (word.size() > 2 && word.rfind("--", 0) == 0) {
            if (known(flag_options, word)) {
                out.flags.push_back(word);
            } else if (known(value_options, word)) {
                if (i + 1 >= words.size()) return word + " needs a value";
                out.options[word] = words[++i];
            } else {
                return "unknown option " + word;
            }
        } else {
            out.positional.push_back(word);
        }
    }
    return std::nullopt;
}

void report(const std::string& origin, const Errors& errors) {
    for (const Error& e : errors)
        std::cerr << "mesoscreen: " << origin << ": " << e.to_string() << '\n';
}

int usage_error(const std::string& command, const std::string& message) {
    std::cerr << "mesoscreen " << command << ": " << message << "\n"
              << "Run 'mesoscreen --help' for usage.\n";
    return Exit::usage;
}

std::optional<RuleSet> load_rules(const std::string& path,
                                  const std::optional<std::string>& settings_path) {
    auto input = read_path(path);
    if (!input) {
        report(path, input.errors());
        return std::nullopt;
    }
    auto document = parse(*input);
    if (!document) {
        report(input->origin, document.errors());
        return std::nullopt;
    }
    if (settings_path) {
        auto settings_input = read_path(*settings_path);
        if (!settings_input) {
            report(*settings_path, settings_input.errors());
            return std::nullopt;
        }
        auto settings = parse(*settings_input);
        if (!settings) {
            report(settings_input->origin, settings.errors());
            return std::nullopt;
        }
        auto applied = clinic_document(*document, *settings);
        if (!applied) {
            report(settings_input->origin, applied.errors());
            return std::nullopt;
        }
        document = std::move(*applied);
    }
    auto rules = load_ruleset(*document);
    if (!rules) {
        // A settings file that passed its own checks but breaks the rule set (a lead time the
        // loader refuses) is still named: the rule set alone loaded before.
        report(settings_path ? input->origin + " with " + *settings_path : input->origin,
               rules.errors());
        return std::nullopt;
    }
    return std::move(*rules);
}

}  // namespace meso::cli
