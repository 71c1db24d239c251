// Looking things up in a loaded rule set.
#include <algorithm>

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

    // One pass, so a value that itself contains braces is never substituted again.
    const std::string& source = entry->second;
    std::string out;
    out.reserve(source.size());
    std::size_t at = 0;
    while (at < source.size()) {
        const std::size_t open = source.find('{', at);
        const std::size_t close =
            open == std::string::npos ? open : source.find_first_of("{}", open + 1);
        if (close == std::string::npos || source[close] == '{') {
            const std::size_t stop = close == std::string::npos ? source.size() : close;
            out.append(source, at, stop - at);
            at = stop;
            continue;
        }
        out.append(source, at, open - at);
        const std::string name = source.substr(open + 1, close - open - 1);
        if (const auto param = params.find(name); param != params.end()) {
            out += param->second;
        } else if (const auto setting = name.starts_with("setting.") ? settings.find(name.substr(8))
                                                                     : settings.end();
                   setting != settings.end()) {
            out += rules_detail::plain_text(setting->second.value);
        } else {
            out.append(source, open, close - open + 1);  // unknown: left for the reader to see
        }
        at = close + 1;
    }
    return out;
}

}  // namespace meso
