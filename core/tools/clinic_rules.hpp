// A rule set with a clinic's settings applied, as the staff's tools see it: apply_settings
// (core/ruleset/settings_file.hpp), then without the translations of what the clinic does not
// offer, so that lint reports the clinic's rule set as clean. The patient's page applies settings
// without this step: texts nothing shows change no screening.
#pragma once

#include <nlohmann/json.hpp>

#include "core/base/error.hpp"

namespace meso {

Result<nlohmann::json> clinic_document(const nlohmann::json& ruleset,
                                       const nlohmann::json& settings_file);

}  // namespace meso
