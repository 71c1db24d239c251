#include "core/cli/input.hpp"

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace meso::cli {

Result<Input> read_file(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) return Error{"cli.unreadable", "", "cannot open " + path};
    std::ostringstream buffer;
    buffer << file.rdbuf();
    if (file.bad()) return Error{"cli.unreadable", "", "cannot read " + path};
    return Input{path, buffer.str()};
}

Result<Input> read_path(const std::string& path) {
    if (path == "-") {
        std::string text{std::istreambuf_iterator<char>(std::cin),
                         std::istreambuf_iterator<char>()};
        return Input{"<stdin>", std::move(text)};
    }
    return read_file(path);
}

Result<Input> read_argument(const std::string& argument) {
    if (argument == "-") return read_path(argument);
    if (!argument.empty() && argument[0] == '@') return read_file(argument.substr(1));
    return Input{"<argument>", argument};
}

std::string origin_of(const std::string& argument) {
    if (argument == "-") return "<stdin>";
    if (!argument.empty() && argument[0] == '@') return argument.substr(1);
    return "<argument>";
}

Result<nlohmann::json> parse(const Input& input, const ParseLimits& limits) {
    return parse_json(input.text, limits);
}

}  // namespace meso::cli
