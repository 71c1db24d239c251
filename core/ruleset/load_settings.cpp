// The clinic's settings: named values that conditions fold in with {"setting": …} and texts
// show with {setting.<id>}. Each unit says what a value may be.
#include "core/ruleset/loader.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <string_view>
#include <utility>

#include "core/base/date.hpp"
#include "core/ruleset/weekdays.hpp"

namespace meso::rules_detail {
namespace {

// The settings the planner reads by name, and the unit each must have. An array, not a map: no
// constructor at start-up and less code in the patient's download.
constexpr std::pair<std::string_view, std::string_view> fixed_units[] = {
    {"price_per_session", "money"}, {"currency", "currency"},
    {"session_minutes", "minutes"}, {"first_session_lead_days", "days"},
    {"open_weekdays", "weekdays"},  {"closed_dates", "dates"},
    {"clinic_name", "text"},        {"clinic_address", "text"},
    {"clinic_phone", "text"}};

// The unit the planner needs `id` to have, or "" when it reads no setting of that name.
std::string_view fixed_unit(std::string_view id) {
    for (const auto& [name, unit] : fixed_units)
        if (name == id) return unit;
    return {};
}

bool is_whole(const Json& value) {
    return value.is_number() && value.get<double>() == std::floor(value.get<double>());
}

bool is_currency_code(const Json& value) {
    if (!value.is_string()) return false;
    const auto& code = value.get_ref<const std::string&>();
    return code.size() == 3 &&
           std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

// Empty when `value` suits `unit`, else what was expected.
std::string setting_value_problem(const std::string& unit, const Json& value) {
    if (unit == "days") {
        return is_whole(value) && value.get<double>() >= 0
                   ? ""
                   : "expected a whole number of days, 0 or more";
    }
    if (unit == "minutes") {
        return value.is_null() || (value.is_number() && value.get<double>() > 0)
                   ? ""
                   : "expected a number of minutes above 0, or null";
    }
    if (unit == "money") {
        // One price for every session, or a price per area ({"face": 300, "scalp": 250}).
        const auto amount = [](const Json& v) { return v.is_number() && v.get<double>() >= 0; };
        const bool per_area =
            value.is_object() && !value.empty() && std::all_of(value.begin(), value.end(), amount);
        return value.is_null() || amount(value) || per_area
                   ? ""
                   : "expected an amount of 0 or more, an object of such amounts by area id, or "
                     "null";
    }
    if (unit == "currency") {
        return is_currency_code(value) ? "" : "expected an ISO 4217 code such as \"EUR\"";
    }
    // null: the clinic has not set it (a clinic's name, address or phone)
    if (unit == "text")
        return value.is_string() || value.is_null() ? "" : "expected a string, or null";
    if (unit == "weekdays") {
        std::set<std::string, std::less<>> seen;
        const bool ok = value.is_array() && !value.empty() &&
                        std::all_of(value.begin(), value.end(), [&](const Json& day) {
                            return day.is_string() && weekday_index(day.get<std::string>()) &&
                                   seen.insert(day.get<std::string>()).second;
                        });
        return ok ? ""
                  : "expected a non-empty list of distinct weekdays: mon, tue, wed, thu, fri, sat, "
                    "sun";
    }
    if (unit == "dates") {
        const bool ok =
            value.is_array() && std::all_of(value.begin(), value.end(), [](const Json& day) {
                return day.is_string() && Date::parse(day.get<std::string>());
            });
        return ok ? "" : "expected a list of YYYY-MM-DD dates";
    }
    if (unit == "url") {
        const bool ok =
            value.is_string() && (value.get_ref<const std::string&>().starts_with("https://") ||
                                  value.get_ref<const std::string&>().starts_with("http://"));
        return ok ? "" : "expected an http or https URL";
    }
    return "";
}

namespace {

bool known_unit(std::string_view unit) {
    for (std::string_view known :
         {"days", "minutes", "money", "currency", "text", "url", "weekdays", "dates"}) {
        if (unit == known) return true;
    }
    return false;
}

}  // namespace

// "min" and "max" of a number setting, inclusive: the range a clinic may set it in. The lead
// time is never below 1 (rules/DOMAIN.md: never today), declared or not.
void Loader::read_setting_bounds(FieldReader& reader, Setting& setting) {
    setting.min = reader.number("min", Need::optional);
    setting.max = reader.number("max", Need::optional);
    if ((setting.min || setting.max) && setting.unit != "days" && setting.unit != "minutes" &&
        setting.unit != "money") {
        error("rules.unexpected_field", reader.field_path(setting.min ? "min" : "max"),
              "bounds are only for days, minutes and money settings");
        return;
    }
    if (setting.id == "first_session_lead_days" && (!setting.min || *setting.min < 1)) {
        if (setting.min) {
            error("rules.bad_setting", reader.field_path("min"),
                  "the first session is never today: the lead time's minimum is at least 1");
            return;
        }
        setting.min = 1;
    }
    if (setting.min && setting.max && *setting.min > *setting.max) {
        error("rules.bad_setting", reader.field_path("max"),
              "min " + number_text(*setting.min) + " is above max " + number_text(*setting.max));
        return;
    }
    const auto check = [&](const Json& amount, const std::string& path) {
        if (!amount.is_number()) return;
        const double value = amount.get<double>();
        if ((setting.min && value < *setting.min) || (setting.max && value > *setting.max)) {
            error("rules.bad_setting", path,
                  number_text(value) + " is outside the setting's range " +
                      (setting.min ? number_text(*setting.min) : std::string("…")) + " to " +
                      (setting.max ? number_text(*setting.max) : std::string("…")));
        }
    };
    check(setting.value, reader.field_path("value"));
    if (setting.value.is_object())  // a price per area
        for (const auto& [area, amount] : setting.value.items())
            check(amount, pointer_append(reader.field_path("value"), area));
}

void Loader::read_settings(const Json& value, const std::string& path) {
    if (!value.is_object()) {
        error("rules.wrong_type", path, "expected an object of settings by id");
        return;
    }
    settings.emplace();
    for (const auto& [id, entry] : value.items()) {
        const std::string entry_path = pointer_append(path, id);
        if (!valid_id(id)) {
            error("rules.bad_id", entry_path, bad_id_message(id));
            continue;
        }
        settings->insert(id);
        FieldReader reader(entry, entry_path, errors);
        Setting setting;
        setting.id = id;
        const Json* setting_value = reader.any("value", Need::required);
        if (setting_value) {
            setting.value = *setting_value;
            setting_values.emplace(id, *setting_value);
        }
        if (auto unit = reader.string("unit", Need::required)) {
            setting.unit = *unit;
            const std::string_view fixed = fixed_unit(id);
            if (!known_unit(*unit)) {
                error(
                    "rules.bad_setting", reader.field_path("unit"),
                    "unknown unit " + quote(*unit) +
                        "; expected days, minutes, money, currency, text, url, weekdays or dates");
            } else if (!fixed.empty() && fixed != *unit) {
                error("rules.bad_setting", reader.field_path("unit"),
                      quote(id) + " must have the unit " + quote(fixed));
            } else if (setting_value) {
                const std::string problem = setting_value_problem(*unit, *setting_value);
                if (!problem.empty())
                    error("rules.bad_setting", reader.field_path("value"), problem);
            }
        }
        read_setting_bounds(reader, setting);
        // Optional for the loader: the patient's bundle leaves out the texts that explain a
        // setting to the clinic (web/build.mjs); lint asks for them in the rule set as written.
        if (auto text = text_key(reader, "text", Need::optional)) setting.text = *text;
        // The seeds say nothing about many settings (a price, a currency): sources may be empty.
        if (auto cited = reader.strings("sources", Need::optional)) {
            check_sources(*cited, reader.field_path("sources"));
            setting.sources = std::move(*cited);
        }
        setting.seed_leaves_open = reader.boolean("seed_leaves_open").value_or(false);
        if (reader.ok()) rules.settings.emplace(id, std::move(setting));
    }

    const auto price = rules.settings.find("price_per_session");
    if (price != rules.settings.end() && !price->second.value.is_null() &&
        !rules.settings.contains("currency")) {
        error("rules.bad_setting", pointer_append(path, "price_per_session"),
              "a price needs the \"currency\" setting");
    }
}

}  // namespace meso::rules_detail
