// A clinic's settings file: the values one clinic chooses (its waits, prices, opening days, the
// treatments and languages it offers), kept apart from the rule set so that the rule set stays
// the doctors' and the file stays the clinic's. Format (rules/README.md, "Clinic settings"):
//
//   {"format": "meso-settings/1", "ruleset": "mesotherapy-default",
//    "settings": {"alcohol_wait_days": 5, "price_per_session": {"face": 300}, "concerns": [...]}}
//
// A clinic may change only what the rule set declares under "settings", within its declared
// bounds, and may narrow, never widen, the concerns, areas and languages it offers.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "core/base/error.hpp"

namespace meso {

inline constexpr std::string_view settings_format = "meso-settings/1";

// The rule set document with the clinic's settings applied, ready for load_ruleset(); or every
// problem with the settings file, each with its JSON Pointer into that file. Checks what the
// file says against what `ruleset` declares; the rule set itself is checked by load_ruleset().
Result<nlohmann::json> apply_settings(const nlohmann::json& ruleset,
                                      const nlohmann::json& settings_file);

}  // namespace meso
