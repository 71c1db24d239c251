// Applies a clinic's settings file to a rule set document (settings_file.hpp). Every check names
// the place in the settings file; the rule set's own paths mean nothing to the clinic.
// This runs in the patient's page too (the widget's `settings`), so it is written for size: few
// distinct nlohmann calls, JSON arrays of ids used as they are.
#include "core/ruleset/settings_file.hpp"

#include <initializer_list>
#include <string>

#include "core/ruleset/loader.hpp"
#include "core/ruleset/reader.hpp"

namespace meso {
namespace {

using rules_detail::number_text;
using rules_detail::quote;

// Every member lookup goes through these two: nlohmann instantiates find and contains once per
// kind of key (each string literal's length is one), and each one is patient download.
const Json* field(const Json& object, const char* key) {
    if (!object.is_object()) return nullptr;
    const auto found = object.find(std::string(key));
    return found == object.end() ? nullptr : &*found;
}

Json* member(Json& object, const char* key) {
    if (!object.is_object()) return nullptr;
    const auto found = object.find(std::string(key));
    return found == object.end() ? nullptr : &*found;
}

std::string string_field(const Json& object, const char* key) {
    const Json* value = field(object, key);
    return value && value->is_string() ? value->get<std::string>() : std::string();
}

bool has_string(const Json& list, const std::string& id) {
    if (list.is_array())
        for (const Json& item : list)
            if (item.is_string() && item.get_ref<const std::string&>() == id) return true;
    return false;
}

// The ids of a rule set list ("concerns", "areas"), or its "languages", as a JSON array.
Json offered(const Json& ruleset, const std::string& key) {
    const Json* list = field(ruleset, key.c_str());
    if (!list || !list->is_array()) return Json::array();
    if (key == "languages") return *list;
    Json ids = Json::array();
    for (const Json& entry : *list) ids.push_back(string_field(entry, "id"));
    return ids;
}

// "a, b, c", cut short with "…" so that a message stays one readable line.
std::string joined(const Json& ids) {
    std::string out;
    for (const Json& id : ids) {
        // Not id.dump(): the serializer would bring printf into the patient's download.
        const std::string text = id.is_string() ? id.get<std::string>() : "?";
        if (out.size() + text.size() > 120) return out + ", …";
        out += (out.empty() ? "" : ", ") + text;
    }
    return out;
}

class Applier {
public:
    Applier(const Json& ruleset, Errors& errors) : ruleset_(ruleset), errors_(errors) {}

    // The message in parts, joined here: one call instead of a chain of std::string temporaries
    // at every site keeps the patient's download small.
    [[gnu::noinline]] void error(const char* code, std::string path,
                                 std::initializer_list<std::string_view> parts) {
        std::string message;
        for (std::string_view part : parts) message += part;
        rules_detail::add_error(errors_, code, std::move(path), std::move(message));
    }

    void check_envelope(const Json& file) {
        if (!file.is_object()) {
            error("settings.wrong_type", "",
                  {"expected an object with format, ruleset and settings"});
            return;
        }
        for (const auto& [key, value] : file.items())
            if (key != "format" && key != "ruleset" && key != "settings")
                error("settings.unknown_key", pointer_append("", key),
                      {quote(key), " is not part of a settings file (format, ruleset, settings)"});
        if (string_field(file, "format") != settings_format)
            error("settings.unsupported_format", "/format", {"expected \"", settings_format, "\""});
        const std::string expected = string_field(ruleset_, "id");
        const std::string id = string_field(file, "ruleset");
        if (id != expected)
            error("settings.wrong_ruleset", "/ruleset",
                  {id.empty() ? "expected" : "these settings are for ", id.empty() ? "" : quote(id),
                   id.empty() ? "" : ", not for", " the rule set ", quote(expected)});
    }

    // One declared setting's new value: its unit, and its bounds (each area's, for a price per
    // area).
    void check_setting(const Json& declared, const Json& value, const std::string& path) {
        const std::string problem =
            rules_detail::setting_value_problem(string_field(declared, "unit"), value);
        if (!problem.empty()) return error("settings.bad_value", path, {problem});
        if (!value.is_object()) return check_bounds(declared, value, path);
        const Json areas = offered(ruleset_, "areas");
        for (const auto& [area, amount] : value.items()) {
            const std::string area_path = pointer_append(path, area);
            if (!has_string(areas, area))
                error("settings.unknown_area", area_path,
                      {quote(area), " is not an area of the rule set"});
            check_bounds(declared, amount, area_path);
        }
    }

    // A list that narrows one of the rule set's lists: distinct ids it has, at least one.
    void check_offer(const std::string& key, const Json& value, const std::string& path) {
        if (!value.is_array() || value.empty())
            return error("settings.bad_value", path, {"expected a non-empty list of ", key});
        const Json ids = offered(ruleset_, key);
        Json seen = Json::array();
        for (std::size_t k = 0; k < value.size(); ++k) {
            const Json& id = value[k];
            const std::string item_path = pointer_append(path, k);
            if (!id.is_string() || !has_string(ids, id.get<std::string>()))
                error("settings.not_offered", item_path,
                      {id.is_string() ? quote(id.get<std::string>()) : "this",
                       " is not one of the rule set's ", key, ": ", joined(ids)});
            else if (has_string(seen, id.get<std::string>()))
                error("settings.duplicate", item_path,
                      {quote(id.get<std::string>()), " is listed twice"});
            seen.push_back(id);
        }
    }

private:
    void check_bounds(const Json& declared, const Json& value, const std::string& path) {
        if (!value.is_number()) return;
        const double number = value.get<double>();
        const Json* min = field(declared, "min");
        const Json* max = field(declared, "max");
        // Why the floor is where it is: a source's number, or the rule set's choice.
        const Json* open = field(declared, "seed_leaves_open");
        const bool sourced = open && open->is_boolean() && !open->get<bool>();
        if (min && min->is_number() && number < min->get<double>())
            error("settings.out_of_bounds", path,
                  {number_text(number), " is below the minimum ",
                   sourced ? "the sources set, " : "of the rule set, ",
                   number_text(min->get<double>())});
        if (max && max->is_number() && number > max->get<double>())
            error("settings.out_of_bounds", path,
                  {number_text(number), " is above the rule set's maximum, ",
                   number_text(max->get<double>())});
    }

    const Json& ruleset_;
    Errors& errors_;
};

// Keeps the entries of a rule set list whose ids are in `keep`, in the rule set's order.
void keep_entries(Json* list, const Json& keep) {
    if (!list || !list->is_array()) return;
    Json kept = Json::array();
    for (Json& entry : *list)
        if (has_string(keep, string_field(entry, "id"))) kept.push_back(std::move(entry));
    *list = std::move(kept);
}

// A text shown only for some concerns or areas keeps the ones still offered; one left with none
// could never show, and goes.
void narrow_filtered_texts(Json* texts, const Json& concerns, const Json& areas) {
    if (!texts || !texts->is_array()) return;
    Json kept = Json::array();
    for (Json& text : *texts) {
        bool shows = true;
        for (const char* key : {"concerns", "areas"}) {
            Json* filter = member(text, key);
            if (!filter || !filter->is_array()) continue;
            const Json& still = key[0] == 'c' ? concerns : areas;
            Json narrowed = Json::array();
            for (const Json& id : *filter)
                if (id.is_string() && has_string(still, id.get<std::string>()))
                    narrowed.push_back(id);
            shows = shows && !narrowed.empty();
            *filter = std::move(narrowed);
        }
        if (shows) kept.push_back(std::move(text));
    }
    *texts = std::move(kept);
}

// Narrows the concerns and areas to what the clinic offers. A concern whose areas the clinic
// does not treat goes too; one the clinic named is then an error, since it could not be booked.
// Texts shown only for what is left out go (their translations stay: drop_unused_translations).
void narrow_offer(Json& document, Applier& applier, const Json* concerns, const Json* areas) {
    const Json offered_areas = areas ? *areas : offered(document, "areas");
    Json kept_concerns = Json::array(), used_areas = Json::array(), used_courses = Json::array();
    Json* concern_list = member(document, "concerns");
    if (concern_list && concern_list->is_array()) {
        for (Json& concern : *concern_list) {
            const std::string id = string_field(concern, "id");
            if (concerns && !has_string(*concerns, id)) continue;
            Json treated = Json::array();
            if (const Json* own = field(concern, "areas"); own && own->is_array())
                for (const Json& area : *own)
                    if (area.is_string() && has_string(offered_areas, area.get<std::string>())) {
                        treated.push_back(area);
                        if (!has_string(used_areas, area.get<std::string>()))
                            used_areas.push_back(area);
                    }
            if (treated.empty()) {
                if (concerns)
                    for (std::size_t k = 0; k < concerns->size(); ++k)
                        if ((*concerns)[k] == id)
                            applier.error("settings.not_offered",
                                          pointer_append("/settings/concerns", k),
                                          {quote(id),
                                           " is treated only on areas the \"areas\" "
                                           "setting leaves out"});
                continue;
            }
            concern["areas"] = std::move(treated);
            kept_concerns.push_back(id);
            used_courses.push_back(string_field(concern, "course"));
        }
    }
    if (kept_concerns.empty())
        return applier.error("settings.not_offered",
                             areas ? "/settings/areas" : "/settings/concerns",
                             {"no concern is left to offer"});

    keep_entries(concern_list, kept_concerns);
    keep_entries(member(document, "areas"), used_areas);
    Json* courses = member(document, "courses");
    keep_entries(courses, used_courses);
    for (const char* list : {"preparation", "during", "aftercare", "facts"})
        narrow_filtered_texts(member(document, list), kept_concerns, used_areas);
    if (courses)
        for (Json& course : *courses)
            narrow_filtered_texts(member(course, "notes"), kept_concerns, used_areas);
}

// In the clinic's order: the first is the one a patient gets whose browser asks for none of them.
void narrow_languages(Json& document, const Json& languages) {
    document["languages"] = languages;
    document["default_language"] = languages[0];
    Json* locales = member(document, "locales");
    if (!locales) return;
    Json kept = Json::object();
    for (const Json& lang : languages) {
        const std::string& id = lang.get_ref<const std::string&>();
        if (Json* texts = member(*locales, id.c_str())) kept[id] = std::move(*texts);
    }
    *locales = std::move(kept);
}

}  // namespace

Result<Json> apply_settings(const Json& ruleset, const Json& settings_file) {
    Errors errors;
    Applier applier(ruleset, errors);
    applier.check_envelope(settings_file);
    if (!errors.empty()) return errors;
    const Json* settings = field(settings_file, "settings");
    if (!settings || !settings->is_object())
        return Error{"settings.wrong_type", "/settings",
                     "expected an object of the clinic's values by setting id"};

    const Json* declared = field(ruleset, "settings");
    Json document = ruleset;
    for (const auto& [key, value] : settings->items()) {
        const std::string path = pointer_append("/settings", key);
        if (key == "concerns" || key == "areas" || key == "languages") {
            applier.check_offer(key, value, path);
        } else if (const Json* entry = declared ? field(*declared, key.c_str()) : nullptr) {
            applier.check_setting(*entry, value, path);
            document["settings"][key]["value"] = value;
        } else {
            applier.error("settings.unknown_key", path,
                          {quote(key),
                           " is not a setting this rule set lets a clinic change (its "
                           "\"settings\" declare those it does)"});
        }
    }
    if (!errors.empty()) return errors;
    const Json* concerns = field(*settings, "concerns");
    const Json* areas = field(*settings, "areas");
    if (concerns || areas) narrow_offer(document, applier, concerns, areas);
    if (const Json* languages = field(*settings, "languages"))
        narrow_languages(document, *languages);
    if (!errors.empty()) return errors;
    return document;
}

}  // namespace meso
