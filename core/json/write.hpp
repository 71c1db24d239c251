// JSON values as text, byte for byte as nlohmann's dump() writes them (the same spacing, escapes
// and number text), without its serializer: for one "\u%04x" that serializer links printf's
// whole engine into the wasm.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/base/error.hpp"

namespace meso {

// indent < 0 writes everything on one line ({"a":[1,2]}); indent >= 0 puts each member and
// element on its own line, indented by `indent` spaces a level, as dump(indent) does.
// Strings are written as they are held: '"', '\' and control characters are escaped, everything
// else (UTF-8 included) is copied. Binary values, which parse_json never makes, are written as
// null.
std::string write_json(const nlohmann::json& value, int indent = -1);
void append_json(std::string& out, const nlohmann::json& value, int indent = -1);

// A number as JSON: integral values as integers, so output reads the same everywhere.
nlohmann::json number_json(double value);

// Errors as the faces print them: [{"code", "path", "message"}, …], in order.
nlohmann::json errors_json(const Errors& errors);

}  // namespace meso
