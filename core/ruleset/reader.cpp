#include "core/ruleset/reader.hpp"

#include "core/base/quote.hpp"
#include "core/json/decimal.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>

namespace meso::rules_detail {
namespace {

// Keys that carry notes for people, never read by the engine.
bool is_comment_key(std::string_view key) {
    return key.starts_with("$") || key.starts_with("_comment");
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            const bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                              std::tolower(static_cast<unsigned char>(b[j - 1]));
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

}  // namespace

void add_error(Errors& errors, std::string code, std::string path, std::string message) {
    errors.push_back(Error{std::move(code), std::move(path), std::move(message)});
}

std::string quote(std::string_view text) { return quote_for_message(text); }

std::string number_text(double value) {
    if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15) {
        return std::to_string(static_cast<long long>(value));
    }
    return decimal::general(value, 15);
}

// Ids become keys of JS objects in the browser: none may name a property every object has
// (answers["toString"] would read Object.prototype's function), nor __proto__.
bool reserved_id(std::string_view id) {
    static constexpr std::string_view names[] = {
        "__proto__",        "constructor",          "prototype",        "__defineGetter__",
        "__defineSetter__", "__lookupGetter__",     "__lookupSetter__", "hasOwnProperty",
        "isPrototypeOf",    "propertyIsEnumerable", "toLocaleString",   "toString",
        "valueOf"};
    return std::find(std::begin(names), std::end(names), id) != std::end(names);
}

bool valid_id(std::string_view id) {
    return !id.empty() && !reserved_id(id) && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '-';
    });
}

std::string bad_id_message(std::string_view id) {
    // Ids become keys of JavaScript objects in the faces: none may name a prototype.
    if (reserved_id(id)) return quote(id) + " is reserved in JavaScript and cannot be an id";
    return quote(id) + " may only contain letters, digits, \"_\" and \"-\"";
}

FieldReader::FieldReader(const Json& value, std::string path, Errors& errors)
    : path_(std::move(path)), errors_(errors) {
    if (value.is_object()) {
        object_ = &value;
    } else {
        add_error(errors_, "rules.not_object", path_, "expected an object");
    }
}

FieldReader::~FieldReader() {
    if (!object_) return;
    for (const auto& [key, value] : object_->items()) {
        if (read_.contains(key) || is_comment_key(key)) continue;
        std::string message = "unknown field " + quote(key);
        // The fields this kind of object has are exactly the ones that were asked for.
        for (const auto& known : read_) {
            if (edit_distance(key, known) <= 2) {
                message += " (did you mean " + quote(known) + "?)";
                break;
            }
        }
        add_error(errors_, "rules.unknown_field", pointer_append(path_, key), message);
    }
}

std::string FieldReader::field_path(std::string_view key) const {
    return pointer_append(path_, std::string(key));
}

bool FieldReader::has(std::string_view key) const { return object_ && object_->contains(key); }

const Json* FieldReader::find(std::string_view key, Need need) {
    if (!object_) return nullptr;
    read_.emplace(key);
    const auto it = object_->find(key);
    if (it == object_->end()) {
        if (need == Need::required) {
            add_error(errors_, "rules.missing_field", path_, "missing " + quote(key));
        }
        return nullptr;
    }
    return &*it;
}

void FieldReader::wrong_type(std::string_view key, std::string_view expected) {
    add_error(errors_, "rules.wrong_type", field_path(key), "expected " + std::string(expected));
}

std::optional<std::string> FieldReader::string(std::string_view key, Need need) {
    const Json* value = find(key, need);
    if (!value) return std::nullopt;
    if (!value->is_string()) {
        wrong_type(key, "a string");
        return std::nullopt;
    }
    if (value->get_ref<const std::string&>().empty()) {
        add_error(errors_, "rules.empty_value", field_path(key), "must not be empty");
        return std::nullopt;
    }
    return value->get<std::string>();
}

std::optional<std::string> FieldReader::id(std::string_view key) {
    auto value = string(key, Need::required);
    if (value && !valid_id(*value)) {
        add_error(errors_, "rules.bad_id", field_path(key), bad_id_message(*value));
        return std::nullopt;
    }
    return value;
}

std::optional<bool> FieldReader::boolean(std::string_view key) {
    const Json* value = find(key, Need::optional);
    if (!value) return std::nullopt;
    if (!value->is_boolean()) {
        wrong_type(key, "true or false");
        return std::nullopt;
    }
    return value->get<bool>();
}

std::optional<double> FieldReader::number(std::string_view key, Need need) {
    const Json* value = find(key, need);
    if (!value) return std::nullopt;
    if (!value->is_number()) {
        wrong_type(key, "a number");
        return std::nullopt;
    }
    return value->get<double>();
}

std::optional<std::int64_t> FieldReader::integer(std::string_view key, Need need) {
    const Json* value = find(key, need);
    if (!value) return std::nullopt;
    if (value->is_number_integer()) {
        if (value->is_number_unsigned() &&
            value->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
            wrong_type(key, "an integer");
            return std::nullopt;
        }
        return value->get<std::int64_t>();
    }
    if (value->is_number_float()) {
        const double d = value->get<double>();
        if (d == std::floor(d) && std::fabs(d) < 9e15) return static_cast<std::int64_t>(d);
    }
    wrong_type(key, "an integer");
    return std::nullopt;
}

const Json* FieldReader::array(std::string_view key, Need need) {
    const Json* value = find(key, need);
    if (value && !value->is_array()) {
        wrong_type(key, "an array");
        return nullptr;
    }
    return value;
}

const Json* FieldReader::object(std::string_view key, Need need) {
    const Json* value = find(key, need);
    if (value && !value->is_object()) {
        wrong_type(key, "an object");
        return nullptr;
    }
    return value;
}

const Json* FieldReader::any(std::string_view key, Need need) { return find(key, need); }

std::optional<std::vector<std::string>> FieldReader::strings(std::string_view key, Need need) {
    const Json* value = array(key, need);
    if (!value) return std::nullopt;
    std::vector<std::string> out;
    bool ok = true;
    for (std::size_t i = 0; i < value->size(); ++i) {
        const Json& item = (*value)[i];
        const std::string item_path = pointer_append(field_path(key), i);
        if (!item.is_string()) {
            add_error(errors_, "rules.wrong_type", item_path, "expected a string");
            ok = false;
        } else if (item.get_ref<const std::string&>().empty()) {
            add_error(errors_, "rules.empty_value", item_path, "must not be empty");
            ok = false;
        } else {
            out.push_back(item.get<std::string>());
        }
    }
    if (!ok) return std::nullopt;
    return out;
}

}  // namespace meso::rules_detail
