// mesoscreen: the command-line face of the engine.
#include <iostream>
#include <new>
#include <string>
#include <vector>

#include "core/cli/command.hpp"

namespace {

constexpr const char* usage_text =
    R"(usage: mesoscreen COMMAND ...

  logic RULE [DATA]            apply a JsonLogic RULE to DATA and print the result
  logic --suite FILE           run a tests.json-format suite; prints "N passed, M failed"
  lint RULES [--strict]        load and check a rule set; --strict fails on warnings
  table RULES [--lang L]       print the findings as a Markdown decision table
  verify RULES [--today D]     prove the rule set's safety invariants over all answers
  screen --rules R --answers A [--today D] [--lang L]
                               print the screening result as JSON
  plan --rules R --answers A --ics OUT [--today D] [--now T] [--lang L]
                               write the course dates as an iCalendar file (OUT or -)

Every command that takes a rule set also takes --settings S: a clinic's settings file
(format meso-settings/1) applied to the rule set first. verify without --settings proves the
invariants for the rule set's defaults and for every setting at the edges of its bounds
(--defaults-only: the defaults alone).

RULE, DATA and A are JSON text, @path for a file, or - for standard input.
Exit status: 0 success, 1 invalid input (the message names the file and JSON path), 2 usage.
)";

int dispatch(const std::vector<std::string>& words);

}  // namespace

// Running out of memory is invalid input too (a rule set or answers too big for this machine):
// an error and exit 1 from every command, never std::terminate's abort (exit 134).
int main(int argc, char** argv) {
    try {
        return dispatch(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const std::bad_alloc&) {
        std::cout.flush();
        std::cerr << "mesoscreen: engine.out_of_memory at /: the input needs more memory than "
                     "this machine gives the command\n";
        return meso::cli::Exit::invalid_input;
    }
}

namespace {

int dispatch(const std::vector<std::string>& words) {
    if (words.empty()) {
        std::cerr << usage_text;
        return meso::cli::Exit::usage;
    }
    const std::string& command = words[0];
    const std::vector<std::string> rest(words.begin() + 1, words.end());
    if (command == "--help" || command == "-h" || command == "help") {
        std::cout << usage_text;
        return meso::cli::Exit::ok;
    }
    if (command == "--version") {
        std::cout << "mesoscreen " << MESO_VERSION << '\n';
        return meso::cli::Exit::ok;
    }
    if (command == "logic") return meso::cli::run_logic(rest);
    if (command == "lint") return meso::cli::run_lint(rest);
    if (command == "table") return meso::cli::run_table(rest);
    if (command == "verify") return meso::cli::run_verify(rest);
    if (command == "screen") return meso::cli::run_screen(rest);
    if (command == "plan") return meso::cli::run_plan(rest);
    std::cerr << "mesoscreen: unknown command \"" << command << "\"\n" << usage_text;
    return meso::cli::Exit::usage;
}

}  // namespace
