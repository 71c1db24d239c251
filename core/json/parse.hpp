// Turning untrusted text into JSON, with limits: the one door every document and answer set
// comes through, so size, depth and duplicate keys are checked in a single place.
#pragma once

#include <cstddef>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/base/error.hpp"

namespace meso {

struct ParseLimits {
    std::size_t max_bytes = 16u << 20;  // a rule set with three locales is about 100 KB
    std::size_t max_depth = 64;         // rules nest far less; answers nest two levels;
                                 // also bounds the parser's recursion (wasm has a 1 MB stack)
};

// Answers come from a form: small and flat. Every face reads them with these limits.
inline constexpr ParseLimits answer_limits{1u << 20, 16};

// RFC 8259 JSON, read into the values nlohmann::json::parse gives, number types included (an
// integer that fits 64 bits stays one, unsigned unless negative). Rejected where nlohmann
// accepts: duplicate keys, nesting beyond max_depth, and a NUL byte after the value.
// Errors: json.too_large, json.syntax (with line and column), json.too_deep and
// json.duplicate_key (with the JSON Pointer of the offending value), json.number (a number that
// is not finite, such as 1e309). The first error found in the text is the one returned.
Result<nlohmann::json> parse_json(std::string_view text, const ParseLimits& limits = {});

}  // namespace meso
