// Applies a clinic's settings file to a rule set document (settings_file.hpp). Every check names
// the place in the settings file; the rule set's own paths mean nothing to the clinic.
#include "core/ruleset/settings_file.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "core/ruleset/loader.hpp"
#include "core/ruleset/reader.hpp"

namespace meso {
namespace {

using rules_detail::number_text;
using rules_detail::quote;
using Ids = std::vector<std::string>;

// What a clinic may narrow: the rule set's lists, and the setting that holds each.
constexpr const char* offer_keys[] = {"concerns", "areas", "languages"};

bool is_offer_key(std::string_view key) {
    return std::any_of(std::begin(offer_keys), std::end(offer_keys),
                       [&](const char* k) { return key == k; });
}

class SettingsApplier {
public:
    SettingsApplier(const Json& ruleset, Errors& errors) : ruleset_(ruleset), errors_(errors) {}

    void check_envelope(const Json& file) {
        if (!file.is_object()) {
            error("settings.wrong_type", "", "expected an object with format, ruleset and settings");
            return;
        }
        for (const auto& [key, value] : file.items()) {
            if (key != "format" && key != "ruleset" && key != "settings")
                error("settings.unknown_key", pointer_append("", key),
                      quote(key) + " is not part of a settings file (format, ruleset, settings)");
        }
        const auto format = file.find("format");
        if (format == file.end() || *format != std::string(settings_format))
            error("settings.unsupported_format", "/format",
                  "expected \"" + std::string(settings_format) + "\"");
        const auto id = file.find("ruleset");
        const std::string expected = ruleset_.value("id", "");
        if (id == file.end() || !id->is_string()) {
            error("settings.wrong_ruleset", "/ruleset",
                  "expected the id of the rule set these settings are for: " + quote(expected));
        } else if (id->get<std::string>() != expected) {
            error("settings.wrong_ruleset", "/ruleset",
                  "these settings are for " + quote(id->get<std::string>()) +
                      ", not for the rule set " + quote(expected));
        }
    }

    // Checks one declared setting's new value against its unit and bounds.
    void check_setting(const std::string& id, const Json& value, const std::string& path) {
        const Json& declared = ruleset_["settings"][id];
        const std::string unit = declared.value("unit", "");
        if (const std::string problem = rules_detail::setting_value_problem(unit, value);
            !problem.empty()) {
            error("settings.bad_value", path, problem);
            return;
        }
        if (value.is_object()) {  // a price per area: each one is a price, of an offered area
            for (const auto& [area, amount] : value.items()) {
                const std::string area_path = pointer_append(path, area);
                if (!contains(list_ids("areas"), area))
                    error("settings.unknown_area", area_path,
                          quote(area) + " is not an area of the rule set");
                check_bounds(declared, amount, area_path);
            }
            return;
        }
        check_bounds(declared, value, path);
    }

    // A list that narrows one of the rule set's lists: distinct ids it has, at least one.
    std::optional<Ids> check_offer(const std::string& key, const Json& value,
                                   const std::string& path) {
        const Ids offered = key == "languages" ? strings(ruleset_.value("languages", Json()))
                                               : list_ids(key);
        if (!value.is_array() || value.empty()) {
            error("settings.bad_value", path, "expected a non-empty list of " + key);
            return std::nullopt;
        }
        Ids chosen;
        for (std::size_t k = 0; k < value.size(); ++k) {
            const std::string item_path = pointer_append(path, k);
            if (!value[k].is_string() || !contains(offered, value[k].get<std::string>())) {
                error("settings.not_offered", item_path,
                      (value[k].is_string() ? quote(value[k].get<std::string>())
                                            : std::string("this")) +
                          " is not one of the rule set's " + key + ": " + joined(offered));
            } else if (contains(chosen, value[k].get<std::string>())) {
                error("settings.duplicate", item_path,
                      quote(value[k].get<std::string>()) + " is listed twice");
            } else {
                chosen.push_back(value[k].get<std::string>());
            }
        }
        return chosen;
    }

    bool failed() const { return !errors_.empty(); }

    void error(std::string code, std::string path, std::string message) {
        rules_detail::add_error(errors_, std::move(code), std::move(path), std::move(message));
    }

    Ids list_ids(const std::string& key) const {
        Ids ids;
        for (const Json& entry : ruleset_.value(key, Json::array()))
            if (entry.is_object() && entry.contains("id") && entry["id"].is_string())
                ids.push_back(entry["id"].get<std::string>());
        return ids;
    }

    static bool contains(const Ids& ids, const std::string& id) {
        return std::find(ids.begin(), ids.end(), id) != ids.end();
    }

    static Ids strings(const Json& list) {
        Ids out;
        if (list.is_array())
            for (const Json& item : list)
                if (item.is_string()) out.push_back(item.get<std::string>());
        return out;
    }

    // "a, b, c", cut short with "…" so that a message stays one readable line.
    static std::string joined(const Ids& ids) {
        std::string out;
        for (const std::string& id : ids) {
            if (out.size() + id.size() > 120) return out + ", …";
            out += (out.empty() ? "" : ", ") + id;
        }
        return out;
    }

private:
    void check_bounds(const Json& declared, const Json& value, const std::string& path) {
        if (!value.is_number()) return;
        const double number = value.get<double>();
        const auto bound = [&](const char* name) -> std::optional<double> {
            const auto found = declared.find(name);
            if (found == declared.end() || !found->is_number()) return std::nullopt;
            return found->get<double>();
        };
        // Why the floor is where it is: a source's number, or the rule set's choice.
        const std::string why = declared.value("seed_leaves_open", true)
                                    ? "the rule set's minimum"
                                    : "the minimum the sources set";
        if (const auto min = bound("min"); min && number < *min)
            error("settings.out_of_bounds", path,
                  number_text(number) + " is below " + why + ", " + number_text(*min));
        if (const auto max = bound("max"); max && number > *max)
            error("settings.out_of_bounds", path,
                  number_text(number) + " is above the rule set's maximum, " + number_text(*max));
    }

    const Json& ruleset_;
    Errors& errors_;
};

// Keeps the entries of `list` whose ids are in `keep`, in the rule set's order.
void keep_entries(Json& list, const Ids& keep) {
    Json kept = Json::array();
    for (Json& entry : list)
        if (SettingsApplier::contains(keep, entry.value("id", ""))) kept.push_back(std::move(entry));
    list = std::move(kept);
}

// A text shown only for some concerns or areas keeps the ones still offered; one left with none
// could never show, and goes.
void narrow_filtered_texts(Json& texts, const Ids& concerns, const Ids& areas) {
    if (!texts.is_array()) return;
    Json kept = Json::array();
    for (Json& text : texts) {
        bool shows = true;
        for (const auto& [key, offered] : {std::pair{"concerns", &concerns}, {"areas", &areas}}) {
            if (!text.is_object() || !text.contains(key) || !text[key].is_array()) continue;
            Json narrowed = Json::array();
            for (const Json& id : text[key])
                if (id.is_string() && SettingsApplier::contains(*offered, id.get<std::string>()))
                    narrowed.push_back(id);
            shows = shows && !narrowed.empty();
            text[key] = std::move(narrowed);
        }
        if (shows) kept.push_back(std::move(text));
    }
    texts = std::move(kept);
}

// Narrows the concerns and areas to what the clinic offers. A concern whose areas the clinic
// does not treat goes too; one the clinic named is then an error, since it could not be booked.
void narrow_offer(Json& document, SettingsApplier& applier, const std::optional<Ids>& concerns,
                  const std::optional<Ids>& areas, const Json& file_settings) {
    const Ids all_areas = applier.list_ids("areas");
    const Ids offered_areas = areas.value_or(all_areas);
    Ids kept_concerns, used_areas;
    const Json no_concerns = Json::array();
    const Json& named = concerns ? file_settings["concerns"] : no_concerns;
    for (Json& concern : document["concerns"]) {
        const std::string id = concern.value("id", "");
        if (concerns && !SettingsApplier::contains(*concerns, id)) continue;
        Json treated = Json::array();
        for (const Json& area : concern.value("areas", Json::array()))
            if (area.is_string() && SettingsApplier::contains(offered_areas, area.get<std::string>()))
                treated.push_back(area);
        if (treated.empty()) {
            if (concerns) {
                const auto at = std::find(named.begin(), named.end(), id) - named.begin();
                applier.error("settings.not_offered",
                              pointer_append("/settings/concerns", static_cast<std::size_t>(at)),
                              quote(id) + " is treated only on areas the \"areas\" setting leaves "
                                          "out");
            }
            continue;
        }
        for (const Json& area : treated)
            if (!SettingsApplier::contains(used_areas, area.get<std::string>()))
                used_areas.push_back(area.get<std::string>());
        concern["areas"] = std::move(treated);
        kept_concerns.push_back(id);
    }
    if (kept_concerns.empty()) {
        applier.error("settings.not_offered", areas ? "/settings/areas" : "/settings/concerns",
                      "no concern is left to offer");
        return;
    }
    keep_entries(document["concerns"], kept_concerns);
    keep_entries(document["areas"], used_areas);
    // A course no offered concern follows is left out, with its notes.
    Ids used_courses;
    for (const Json& concern : document["concerns"]) used_courses.push_back(concern.value("course", ""));
    if (document.contains("courses")) keep_entries(document["courses"], used_courses);
    for (const char* list : {"preparation", "during", "aftercare", "facts"})
        if (document.contains(list)) narrow_filtered_texts(document[list], kept_concerns, used_areas);
    if (document.contains("courses"))
        for (Json& course : document["courses"])
            if (course.contains("notes"))
                narrow_filtered_texts(course["notes"], kept_concerns, used_areas);
}

// Every string in `value` (texts name locale keys by string), the locales left out.
void collect_strings(const Json& value, std::set<std::string>& out) {
    if (value.is_string()) out.insert(value.get<std::string>());
    else if (value.is_array())
        for (const Json& item : value) collect_strings(item, out);
    else if (value.is_object())
        for (const auto& [key, item] : value.items())
            if (key != "locales") collect_strings(item, out);
}

// The texts of what narrowing left out: a translation nothing shows is dead weight (and a lint
// warning) in the clinic's rule set.
void drop_unused_texts(Json& document, const Json& before) {
    if (!document.contains("locales") || !document["locales"].is_object()) return;
    std::set<std::string> used_before, used_now;
    collect_strings(before, used_before);
    collect_strings(document, used_now);
    for (auto& [lang, texts] : document["locales"].items()) {
        if (!texts.is_object()) continue;
        for (const std::string& key : used_before)
            if (!used_now.contains(key)) texts.erase(key);
    }
}

void narrow_languages(Json& document, const Ids& languages) {
    // In the clinic's order: the first is the one a patient gets whose browser asks for none of
    // them.
    document["languages"] = languages;
    document["default_language"] = languages.front();
    if (document.contains("locales") && document["locales"].is_object()) {
        Json kept = Json::object();
        for (const std::string& lang : languages)
            if (document["locales"].contains(lang)) kept[lang] = std::move(document["locales"][lang]);
        document["locales"] = std::move(kept);
    }
}

}  // namespace

Result<Json> apply_settings(const Json& ruleset, const Json& settings_file) {
    Errors errors;
    if (!ruleset.is_object()) return Error{"settings.no_ruleset", "", "the rule set is not an object"};
    SettingsApplier applier(ruleset, errors);
    applier.check_envelope(settings_file);
    if (applier.failed()) return errors;
    const auto settings = settings_file.find("settings");
    if (settings == settings_file.end() || !settings->is_object()) {
        return Error{"settings.wrong_type", "/settings",
                     "expected an object of the clinic's values by setting id"};
    }

    const Json declared = ruleset.value("settings", Json::object());
    Json document = ruleset;
    std::optional<Ids> concerns, areas, languages;
    for (const auto& [key, value] : settings->items()) {
        const std::string path = pointer_append("/settings", key);
        if (is_offer_key(key)) {
            auto chosen = applier.check_offer(key, value, path);
            if (key == "concerns") concerns = std::move(chosen);
            else if (key == "areas") areas = std::move(chosen);
            else languages = std::move(chosen);
        } else if (!declared.is_object() || !declared.contains(key)) {
            Ids known;
            for (const auto& [id, entry] : declared.items()) known.push_back(id);
            for (const char* offer : offer_keys) known.emplace_back(offer);
            applier.error("settings.unknown_key", path,
                          quote(key) + " is not a setting this rule set lets a clinic change: " +
                              SettingsApplier::joined(known));
        } else {
            applier.check_setting(key, value, path);
            document["settings"][key]["value"] = value;
        }
    }
    if (applier.failed()) return errors;
    if (concerns || areas) {
        narrow_offer(document, applier, concerns, areas, *settings);
        drop_unused_texts(document, ruleset);
    }
    if (languages) narrow_languages(document, *languages);
    if (applier.failed()) return errors;
    return document;
}

}  // namespace meso
