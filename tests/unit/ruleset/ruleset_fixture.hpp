// The small test rule sets, read from the source tree, and JSON Patch tweaks of them.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "core/ruleset/ruleset.hpp"
#include "tests/unit/read_file.hpp"

namespace meso::test {

inline Json read_json_file(const std::string& relative) {
    return Json::parse(read_bytes(std::string(MESO_SOURCE_DIR) + "/" + relative));
}

inline const Json& minimal_document() {
    static const Json document = read_json_file("tests/rulesets/minimal.json");
    return document;
}

// minimal.json with an RFC 6902 JSON Patch applied, e.g.
// R"([{"op": "remove", "path": "/id"}])".
inline Json patched_minimal(const std::string& patch) {
    return minimal_document().patch(Json::parse(patch));
}

inline std::string describe(const Errors& errors) {
    std::string out;
    for (const auto& error : errors) out += error.to_string() + "\n";
    return out;
}

}  // namespace meso::test

namespace doctest {
template <>
struct StringMaker<meso::Error> {
    static String convert(const meso::Error& error) { return error.to_string().c_str(); }
};
}  // namespace doctest
