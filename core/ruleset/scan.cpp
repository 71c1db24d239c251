#include "core/ruleset/scan.hpp"

#include "core/json/write.hpp"
#include "core/ruleset/message.hpp"
#include "core/ruleset/reader.hpp"

namespace meso::rules_detail {

std::vector<std::string> placeholders(std::string_view text) { return message_arguments(text); }

void settings_read(const nlohmann::json& rule, std::set<std::string, std::less<>>& out) {
    if (rule.is_object()) {
        const auto it = rule.find("setting");
        if (rule.size() == 1 && it != rule.end() && it->is_string()) {
            out.insert(it->get<std::string>());
            return;
        }
        for (const auto& [key, value] : rule.items()) settings_read(value, out);
    } else if (rule.is_array()) {
        for (const auto& value : rule) settings_read(value, out);
    }
}

std::string plain_text(const nlohmann::json& value) {
    if (value.is_null()) return "";
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number()) return number_text(value.get<double>());
    return write_json(value);
}

}  // namespace meso::rules_detail
