// Looking things up in a loaded rule set.
#include <algorithm>

#include "core/ruleset/message.hpp"
#include "core/ruleset/prepared.hpp"
#include "core/ruleset/ruleset.hpp"
#include "core/ruleset/scan.hpp"

namespace meso {
namespace {

template <class T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
    const auto it =
        std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
    return it == items.end() ? nullptr : &*it;
}

}  // namespace

const Question* RuleSet::question(std::string_view id) const {
    if (!prepared) return find_by_id(questions, id);
    const auto& index = prepared->question_index;
    const auto it =
        std::lower_bound(index.begin(), index.end(), id,
                         [](const auto& entry, std::string_view key) { return entry.first < key; });
    return it != index.end() && it->first == id ? &questions[it->second] : nullptr;
}
const Concern* RuleSet::concern(std::string_view id) const { return find_by_id(concerns, id); }
const Course* RuleSet::course(std::string_view id) const { return find_by_id(courses, id); }

std::string RuleSet::text(std::string_view lang, std::string_view key,
                          const std::map<std::string, std::string>& params) const {
    auto table = locales.find(std::string(lang));
    if (table == locales.end()) table = locales.find(default_language);
    if (table == locales.end()) return std::string(key);
    const auto entry = table->second.find(std::string(key));
    if (entry == table->second.end()) return std::string(key);

    // Parameters first, then {setting.<id>} read from the settings themselves. One pass, so a
    // value that itself contains braces is never substituted again.
    const MessageParams lookup = [&](std::string_view name) -> std::optional<std::string> {
        if (const auto param = params.find(std::string(name)); param != params.end())
            return param->second;
        if (name.starts_with("setting."))
            if (const auto setting = settings.find(std::string(name.substr(8)));
                setting != settings.end())
                return rules_detail::plain_text(setting->second.value);
        return std::nullopt;
    };
    return format_message(table->first, entry->second, lookup);
}

}  // namespace meso
