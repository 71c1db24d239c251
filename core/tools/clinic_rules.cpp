#include "core/tools/clinic_rules.hpp"

#include <set>
#include <string>

#include "core/ruleset/settings_file.hpp"

namespace meso {
namespace {

using Json = nlohmann::json;

// Every string in `value` outside its locales: the locale keys the document uses.
void collect_strings(const Json& value, std::set<std::string, std::less<>>& out) {
    if (value.is_string()) {
        out.insert(value.get<std::string>());
    } else if (value.is_object()) {
        for (const auto& [key, item] : value.items())
            if (key != "locales") collect_strings(item, out);
    } else if (value.is_array()) {
        for (const Json& item : value) collect_strings(item, out);
    }
}

}  // namespace

Result<Json> clinic_document(const Json& ruleset, const Json& settings_file) {
    auto applied = apply_settings(ruleset, settings_file);
    if (!applied || !applied->contains("locales") || !(*applied)["locales"].is_object())
        return applied;
    std::set<std::string, std::less<>> used_before, used_now;
    collect_strings(ruleset, used_before);
    collect_strings(*applied, used_now);
    for (auto& [lang, texts] : (*applied)["locales"].items())
        for (const std::string& key : used_before)
            if (!used_now.contains(key) && texts.is_object()) texts.erase(key);
    return applied;
}

}  // namespace meso
