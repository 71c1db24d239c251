// Where the CLI's JSON comes from: text on the command line, "@path" for a file, "-" for stdin.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/base/error.hpp"
#include "core/json/parse.hpp"

namespace meso::cli {

struct Input {
    std::string origin;  // "answers.json", "<stdin>", "<argument>": named in every message
    std::string text;
};

// Reads a file; errors use code "cli.unreadable" and the path as origin.
Result<Input> read_file(const std::string& path);
// "-" reads stdin, "@x" reads file x, anything else is the text itself.
Result<Input> read_argument(const std::string& argument);
// How messages name an argument: the file for "@path", "<stdin>" for "-", else "<argument>".
std::string origin_of(const std::string& argument);
// For options that always name a file ("-" still means stdin).
Result<Input> read_path(const std::string& path);

Result<nlohmann::json> parse(const Input& input, const ParseLimits& limits = {});

}  // namespace meso::cli
