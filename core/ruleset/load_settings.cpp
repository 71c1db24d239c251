// The clinic's settings: named values that conditions fold in with {"setting": …} and texts
// show with {setting.<id>}. Each unit says what a value may be.
#include "core/ruleset/loader.hpp"

#include <algorithm>
#include <cmath>

namespace meso::rules_detail {
namespace {

// The settings the planner reads by name, and the unit each must have.
const std::map<std::string, std::string, std::less<>>& fixed_units() {
    static const std::map<std::string, std::string, std::less<>> units = {
        {"price_per_session", "money"}, {"currency", "currency"}, {"session_minutes", "minutes"}};
    return units;
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

// Empty when `value` suits `unit`, else what was expected.
std::string value_problem(const std::string& unit, const Json& value) {
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
        return value.is_null() || (value.is_number() && value.get<double>() >= 0)
                   ? ""
                   : "expected an amount of 0 or more, or null";
    }
    if (unit == "currency") {
        return is_currency_code(value) ? "" : "expected an ISO 4217 code such as \"EUR\"";
    }
    if (unit == "text") return value.is_string() ? "" : "expected a string";
    if (unit == "url") {
        const bool ok =
            value.is_string() && (value.get_ref<const std::string&>().starts_with("https://") ||
                                  value.get_ref<const std::string&>().starts_with("http://"));
        return ok ? "" : "expected an http or https URL";
    }
    return "";
}

bool known_unit(std::string_view unit) {
    for (std::string_view known : {"days", "minutes", "money", "currency", "text", "url"}) {
        if (unit == known) return true;
    }
    return false;
}

}  // namespace

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
            const auto fixed = fixed_units().find(id);
            if (!known_unit(*unit)) {
                error("rules.bad_setting", reader.field_path("unit"),
                      "unknown unit " + quote(*unit) +
                          "; expected days, minutes, money, currency, text or url");
            } else if (fixed != fixed_units().end() && fixed->second != *unit) {
                error("rules.bad_setting", reader.field_path("unit"),
                      quote(id) + " must have the unit " + quote(fixed->second));
            } else if (setting_value) {
                const std::string problem = value_problem(*unit, *setting_value);
                if (!problem.empty())
                    error("rules.bad_setting", reader.field_path("value"), problem);
            }
        }
        if (auto text = text_key(reader, "text", Need::required)) setting.text = *text;
        // The seeds say nothing about many settings (a price, a currency): sources may be empty.
        if (auto cited = reader.strings("sources", Need::optional)) {
            check_sources(*cited, reader.field_path("sources"));
            setting.sources = std::move(*cited);
        }
        setting.seed_leaves_open = reader.boolean("seed_leaves_open").value_or(false);
        if (reader.ok()) rules.settings.emplace(id, std::move(setting));
    }

    const auto price = rules.settings.find("price_per_session");
    if (price != rules.settings.end() && price->second.value.is_number() &&
        !rules.settings.contains("currency")) {
        error("rules.bad_setting", pointer_append(path, "price_per_session"),
              "a price needs the \"currency\" setting");
    }
}

}  // namespace meso::rules_detail
