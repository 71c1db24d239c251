// Reading one JSON object of a rule set. Each field is asked for by name and type; whatever was
// not asked for is reported as unknown when the reader goes out of scope, so a misspelt key
// ("enablewhen") is an error instead of a field that silently does nothing.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/error.hpp"

namespace meso::rules_detail {

using Json = nlohmann::json;

enum class Need { required, optional };

void add_error(Errors& errors, std::string code, std::string path, std::string message);

// "\"a.b\"": quotes a value for a message.
std::string quote(std::string_view text);

// 3 -> "3", 2.5 -> "2.5": numbers as a person writes them.
std::string number_text(double value);

// Ids are answer keys, file-name parts and placeholders: letters, digits, '_' and '-' only.
// Not "__proto__", "constructor" or "prototype" either: ids become keys of JavaScript objects.
bool valid_id(std::string_view id);
// Why `id` is not valid, for rules.bad_id.
std::string bad_id_message(std::string_view id);

class FieldReader {
public:
    // Reports rules.not_object when `value` is not an object; every read then returns nothing.
    FieldReader(const Json& value, std::string path, Errors& errors);
    ~FieldReader();
    FieldReader(const FieldReader&) = delete;
    FieldReader& operator=(const FieldReader&) = delete;

    bool ok() const { return object_ != nullptr; }
    const std::string& path() const { return path_; }
    std::string field_path(std::string_view key) const;

    // Absent required fields are rules.missing_field; present fields of the wrong type are
    // rules.wrong_type. Strings must not be empty (rules.empty_value).
    std::optional<std::string> string(std::string_view key, Need need);
    // A string that must be a valid id (rules.bad_id otherwise).
    std::optional<std::string> id(std::string_view key = "id");
    std::optional<bool> boolean(std::string_view key);
    std::optional<double> number(std::string_view key, Need need);
    std::optional<std::int64_t> integer(std::string_view key, Need need);
    const Json* array(std::string_view key, Need need);
    const Json* object(std::string_view key, Need need);
    const Json* any(std::string_view key, Need need);  // conditions, setting values
    // An array of strings; nullopt when absent or broken.
    std::optional<std::vector<std::string>> strings(std::string_view key, Need need);

    bool has(std::string_view key) const;

private:
    const Json* find(std::string_view key, Need need);
    void wrong_type(std::string_view key, std::string_view expected);

    const Json* object_ = nullptr;
    std::string path_;
    Errors& errors_;
    std::set<std::string, std::less<>> read_;
};

}  // namespace meso::rules_detail
