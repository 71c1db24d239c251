// Small readers shared by loading, lint and the decision table.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace meso::rules_detail {

// The parameter names a text uses: "from {earliest, date}, {setting.x} days" -> earliest,
// setting.x (core/ruleset/message.hpp; nested plural branches included).
std::vector<std::string> placeholders(std::string_view text);

// The names of the settings a rule reads with {"setting": "<name>"}.
void settings_read(const nlohmann::json& rule, std::set<std::string, std::less<>>& out);

// A setting value as a person reads it: 3 -> "3", "PLN" -> "PLN", null -> "".
std::string plain_text(const nlohmann::json& value);

}  // namespace meso::rules_detail
