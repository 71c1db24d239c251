// The one shape of every reply across the wasm boundary, for both modules (bindings.cpp and
// tools.cpp): {"ok": true, "value": …} or {"ok": false, "errors": [{code, path, message}]}, as
// JSON text. engine.js and the configurator's worker read nothing else.
#pragma once

#include <string>
#include <utility>

#include "core/base/error.hpp"
#include "core/json/write.hpp"

namespace meso::reply {

inline std::string failure(const Errors& errors) {
    return write_json(Json{{"ok", false}, {"errors", errors_json(errors)}});
}

inline std::string success(Json value) {
    return write_json(Json{{"ok", true}, {"value", std::move(value)}});
}

}  // namespace meso::reply
