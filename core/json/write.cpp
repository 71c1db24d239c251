#include "core/json/write.hpp"

#include <array>
#include <cmath>
#include <cstddef>

namespace meso {
namespace {

using Json = nlohmann::json;

void append_string(std::string& out, const std::string& text) {
    out += '"';
    std::size_t copied = 0;  // text[copied, i) needs no escape and is not yet in `out`
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(text, copied, i - copied);
        copied = i + 1;
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                out += "\\u00";
                out += "0123456789abcdef"[c >> 4];
                out += "0123456789abcdef"[c & 0xF];
        }
    }
    out.append(text, copied);
    out += '"';
}

void append_float(std::string& out, double x) {
    if (!std::isfinite(x)) {
        out += "null";
        return;
    }
    // nlohmann's own digits (Grisu2) and layout, so that numbers read exactly as before.
    std::array<char, 64> buffer{};
    const char* end = nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), x);
    out.append(buffer.data(), static_cast<std::size_t>(end - buffer.data()));
}

void new_line(std::string& out, int indent, std::size_t depth) {
    if (indent < 0) return;
    out += '\n';
    out.append(static_cast<std::size_t>(indent) * depth, ' ');
}

void append_value(std::string& out, const Json& value, int indent, std::size_t depth) {
    switch (value.type()) {
        case Json::value_t::object: {
            const auto& members = value.get_ref<const Json::object_t&>();
            if (members.empty()) {
                out += "{}";
                return;
            }
            out += '{';
            const char* separator = "";
            for (const auto& [key, member] : members) {
                out += separator;
                separator = ",";
                new_line(out, indent, depth + 1);
                append_string(out, key);
                out += indent < 0 ? ":" : ": ";
                append_value(out, member, indent, depth + 1);
            }
            new_line(out, indent, depth);
            out += '}';
            return;
        }
        case Json::value_t::array: {
            const auto& elements = value.get_ref<const Json::array_t&>();
            if (elements.empty()) {
                out += "[]";
                return;
            }
            out += '[';
            const char* separator = "";
            for (const Json& element : elements) {
                out += separator;
                separator = ",";
                new_line(out, indent, depth + 1);
                append_value(out, element, indent, depth + 1);
            }
            new_line(out, indent, depth);
            out += ']';
            return;
        }
        case Json::value_t::string: append_string(out, value.get_ref<const std::string&>()); return;
        case Json::value_t::boolean: out += value.get<bool>() ? "true" : "false"; return;
        case Json::value_t::number_integer:
            out += std::to_string(value.get<Json::number_integer_t>());
            return;
        case Json::value_t::number_unsigned:
            out += std::to_string(value.get<Json::number_unsigned_t>());
            return;
        case Json::value_t::number_float: append_float(out, value.get<double>()); return;
        default:  // null, and binary and discarded values, which JSON text cannot hold
            out += "null";
            return;
    }
}

}  // namespace

void append_json(std::string& out, const Json& value, int indent) {
    append_value(out, value, indent, 0);
}

std::string write_json(const Json& value, int indent) {
    std::string out;
    append_json(out, value, indent);
    return out;
}

nlohmann::json number_json(double value) {
    if (!std::isfinite(value)) return nullptr;
    if (std::floor(value) == value && std::fabs(value) <= 9007199254740992.0)
        return static_cast<std::int64_t>(value);
    return value;
}

nlohmann::json errors_json(const Errors& errors) {
    nlohmann::json out = nlohmann::json::array();
    for (const Error& error : errors) {
        // Built key by key: initializer lists cost the wasm more code for the same object.
        nlohmann::json& entry = out.emplace_back();
        entry["code"] = error.code;
        entry["path"] = error.path;
        entry["message"] = error.message;
    }
    return out;
}

}  // namespace meso
