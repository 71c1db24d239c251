// A recursive-descent parser of RFC 8259 JSON that builds nlohmann::json values in place.
//
// Why our own: every document and answer set comes through here, and nlohmann's lexer, parser
// and SAX machinery were slow in the -Oz wasm build and added to its size. It accepts exactly
// the language nlohmann accepts and gives the same values (a differential test and fuzz_json
// hold it to that), except where we are stricter on purpose: duplicate keys, nesting beyond
// max_depth, and a NUL byte after the value (nlohmann reads it as the end of the text).
#include "core/json/parse.hpp"

#include "core/base/quote.hpp"
#include "core/json/decimal.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <string>

namespace meso {
namespace {

using Json = nlohmann::json;

bool is_whitespace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string hex_byte(unsigned char c) {
    constexpr const char* digits = "0123456789ABCDEF";
    return {digits[c >> 4], digits[c & 15]};
}

// A byte as a message names it: printable ASCII as itself, anything else by value, so that a
// stray control character or a broken UTF-8 byte is visible.
std::string shown(const char* at, const char* end) {
    if (at == end) return "the end of the document";
    const auto c = static_cast<unsigned char>(*at);
    if (c == '\'') return "\"'\"";
    if (c >= 0x20 && c < 0x7f) return {'\'', static_cast<char>(c), '\''};
    return "byte 0x" + hex_byte(c);
}

// The length of the well-formed UTF-8 sequence at `at`, 0 if there is none: overlong forms,
// UTF-16 surrogates and code points above U+10FFFF are rejected, as RFC 3629 requires.
std::size_t utf8_length(const char* at, const char* end) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(at[i]); };
    const auto continues = [&](std::size_t i, unsigned char low = 0x80, unsigned char high = 0xBF) {
        return at + i < end && byte(i) >= low && byte(i) <= high;
    };
    const unsigned char lead = byte(0);
    if (lead >= 0xC2 && lead <= 0xDF) return continues(1) ? 2 : 0;
    if (lead >= 0xE0 && lead <= 0xEF) {
        const unsigned char low = lead == 0xE0 ? 0xA0 : 0x80;   // no overlong forms
        const unsigned char high = lead == 0xED ? 0x9F : 0xBF;  // no surrogates
        return continues(1, low, high) && continues(2) ? 3 : 0;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        const unsigned char low = lead == 0xF0 ? 0x90 : 0x80;   // no overlong forms
        const unsigned char high = lead == 0xF4 ? 0x8F : 0xBF;  // nothing above U+10FFFF
        return continues(1, low, high) && continues(2) && continues(3) ? 4 : 0;
    }
    return 0;
}

void append_utf8(std::string& out, std::uint32_t code_point) {
    if (code_point < 0x80) {
        out += static_cast<char>(code_point);
    } else if (code_point < 0x800) {
        out += static_cast<char>(0xC0 | (code_point >> 6));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else if (code_point < 0x10000) {
        out += static_cast<char>(0xE0 | (code_point >> 12));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code_point >> 18));
        out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    }
}

class Parser {
public:
    Parser(std::string_view text, const ParseLimits& limits)
        : begin_(text.data()),
          at_(text.data()),
          end_(text.data() + text.size()),
          max_depth_(limits.max_depth) {}

    Result<Json> document() {
        Json root;
        if (whole_text(root)) return root;
        return std::move(*error_);
    }

private:
    bool whole_text(Json& root) {
        skip_byte_order_mark();
        skip_whitespace();
        if (at_ == end_) return syntax_error("the document is empty");
        if (!value(root, 0)) return false;
        skip_whitespace();
        return at_ == end_ || expected("the end of the document after the value");
    }

    // --- values --------------------------------------------------------------------------------

    // `depth` counts the containers around the value.
    bool value(Json& out, std::size_t depth) {
        if (at_ == end_) return expected("a value");
        switch (*at_) {
            case '{': return object(out, depth);
            case '[': return array(out, depth);
            case '"':
                out = Json::value_t::string;  // the text is read straight into the value
                return string(*out.get_ptr<Json::string_t*>());
            case 't': out = true; return literal("true");
            case 'f': out = false; return literal("false");
            case 'n': out = nullptr; return literal("null");
            default:
                if (*at_ == '-' || is_digit(*at_)) return number(out);
                return expected("a value");
        }
    }

    // The value is already in `out`; this checks that the text spells it.
    bool literal(std::string_view word) {
        for (const char c : word) {
            if (at_ == end_ || *at_ != c)
                return syntax_error("invalid literal, expected " + std::string(word));
            ++at_;
        }
        return true;
    }

    // Depth is checked before descending, so however deep the text nests, the recursion stops
    // at max_depth.
    bool enter(std::size_t depth) {
        if (depth < max_depth_) return true;
        return value_error("json.too_deep",
                           "nesting deeper than " + std::to_string(max_depth_) + " levels");
    }

    bool array(Json& out, std::size_t depth) {
        if (!enter(depth)) return false;
        ++at_;
        out = Json::value_t::array;
        Json::array_t& elements = *out.get_ptr<Json::array_t*>();
        skip_whitespace();
        if (consume(']')) return true;
        for (;;) {
            Json& element = elements.emplace_back();
            if (!value(element, depth + 1)) return within(elements.size() - 1);
            skip_whitespace();
            if (consume(']')) return true;
            if (!consume(',')) return expected("',' or ']' after an array element");
            skip_whitespace();
        }
    }

    bool object(Json& out, std::size_t depth) {
        if (!enter(depth)) return false;
        ++at_;
        out = Json::value_t::object;
        Json::object_t& members = *out.get_ptr<Json::object_t*>();
        skip_whitespace();
        if (consume('}')) return true;
        const char* key_expected = "a string key or '}'";
        for (;;) {
            if (at_ == end_ || *at_ != '"') return expected(key_expected);
            std::string key;
            if (!string(key)) return false;
            // One lookup finds a duplicate and makes the slot the value is parsed into.
            const auto [member, inserted] = members.try_emplace(std::move(key));
            if (!inserted) {
                value_error("json.duplicate_key",
                            "the key " + quote_for_message(key) + " appears twice in one object");
                return within(key);
            }
            skip_whitespace();
            if (!consume(':')) return expected("':' after an object key");
            skip_whitespace();
            if (!value(member->second, depth + 1)) return within(member->first);
            skip_whitespace();
            if (consume('}')) return true;
            if (!consume(',')) return expected("',' or '}' after an object member");
            skip_whitespace();
            key_expected = "a string key after ','";
        }
    }

    // --- strings -------------------------------------------------------------------------------

    // Reads the string whose opening quote is at at_. Runs of bytes that need no decoding are
    // copied whole; only escapes are decoded one by one.
    bool string(std::string& out) {
        ++at_;
        for (;;) {
            const char* run = at_;
            skip_plain_string_bytes();
            out.append(run, at_);
            if (at_ == end_) return syntax_error("unexpected end of the document in a string");
            const auto c = static_cast<unsigned char>(*at_);
            if (c == '"') {
                ++at_;
                return true;
            }
            if (c == '\\') {
                if (!escape(out)) return false;
            } else if (c < 0x20) {
                return syntax_error("control character U+00" + hex_byte(c) +
                                    " in a string must be escaped");
            } else {
                return syntax_error("invalid UTF-8 in a string (byte 0x" + hex_byte(c) + ")");
            }
        }
    }

    // Stops at a quote, a backslash, a control character, an invalid UTF-8 sequence or the end.
    void skip_plain_string_bytes() {
        while (at_ != end_) {
            const auto c = static_cast<unsigned char>(*at_);
            if (c < 0x80) {
                if (c < 0x20 || c == '"' || c == '\\') return;
                ++at_;
            } else {
                const std::size_t length = utf8_length(at_, end_);
                if (length == 0) return;
                at_ += length;
            }
        }
    }

    bool escape(std::string& out) {
        ++at_;
        if (at_ == end_) return syntax_error("unexpected end of the document in a string");
        switch (*at_++) {
            case '"': out += '"'; return true;
            case '\\': out += '\\'; return true;
            case '/': out += '/'; return true;
            case 'b': out += '\b'; return true;
            case 'f': out += '\f'; return true;
            case 'n': out += '\n'; return true;
            case 'r': out += '\r'; return true;
            case 't': out += '\t'; return true;
            case 'u': return unicode_escape(out);
            default:
                --at_;
                if (static_cast<unsigned char>(*at_) >= 0x20 &&
                    static_cast<unsigned char>(*at_) < 0x7f)
                    return syntax_error(std::string("invalid escape \\") + *at_ + " in a string");
                return syntax_error("invalid escape in a string: '\\' followed by " +
                                    shown(at_, end_));
        }
    }

    // \uXXXX is a UTF-16 code unit: a high surrogate must be followed by an escaped low one, and
    // the pair makes one code point; a surrogate on its own is not text.
    bool unicode_escape(std::string& out) {
        const char* escape_start = at_ - 2;
        std::uint32_t unit = 0;
        if (!hex4(unit)) return false;
        if (unit >= 0xD800 && unit <= 0xDBFF) {
            std::uint32_t low = 0;
            if (end_ - at_ < 2 || at_[0] != '\\' || at_[1] != 'u')
                return unpaired_surrogate(escape_start);
            at_ += 2;
            if (!hex4(low)) return false;
            if (low < 0xDC00 || low > 0xDFFF) return unpaired_surrogate(escape_start);
            unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
        } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
            return unpaired_surrogate(escape_start);
        }
        append_utf8(out, unit);
        return true;
    }

    bool hex4(std::uint32_t& unit) {
        for (int i = 0; i < 4; ++i, ++at_) {
            if (at_ == end_) return syntax_error("unexpected end of the document in a string");
            const char c = *at_;
            unsigned digit = 0;
            if (is_digit(c)) digit = static_cast<unsigned>(c - '0');
            else if (c >= 'a' && c <= 'f') digit = static_cast<unsigned>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') digit = static_cast<unsigned>(c - 'A' + 10);
            else
                return syntax_error("\\u must be followed by four hex digits, found " +
                                    shown(at_, end_));
            unit = unit << 4 | digit;
        }
        return true;
    }

    bool unpaired_surrogate(const char* escape_start) {
        at_ = escape_start;
        return syntax_error("unpaired surrogate " + std::string(escape_start, 6) + " in a string");
    }

    // --- numbers -------------------------------------------------------------------------------

    // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    bool number(Json& out) {
        const char* start = at_;
        const bool negative = consume('-');
        if (!skip_integer_part()) return false;
        bool integral = true;
        if (consume('.')) {
            integral = false;
            if (!skip_digits("a digit after '.'")) return false;
        }
        if (consume('e') || consume('E')) {
            integral = false;
            if (!consume('+')) consume('-');
            if (!skip_digits("a digit in the exponent")) return false;
        }
        const std::string_view literal(start, static_cast<std::size_t>(at_ - start));
        if (integral && integer(literal.substr(negative ? 1 : 0), negative, out)) return true;
        return floating(literal, out);
    }

    bool skip_integer_part() {
        if (consume('0')) {
            if (at_ != end_ && is_digit(*at_))
                return syntax_error("a number cannot have leading zeros");
            return true;
        }
        return skip_digits("a digit after '-'");  // number() starts on '-' or a digit
    }

    bool skip_digits(const char* what) {
        if (at_ == end_ || !is_digit(*at_)) return expected(what);
        while (at_ != end_ && is_digit(*at_)) ++at_;
        return true;
    }

    // As in nlohmann: an integer that fits 64 bits is number_unsigned when not negative and
    // number_integer when negative (-0 included); a larger one becomes a double.
    static bool integer(std::string_view digits, bool negative, Json& out) {
        constexpr auto max = std::numeric_limits<std::uint64_t>::max();
        std::uint64_t magnitude = 0;
        for (const char c : digits) {
            const auto digit = static_cast<unsigned>(c - '0');
            if (magnitude > (max - digit) / 10) return false;
            magnitude = magnitude * 10 + digit;
        }
        if (!negative) {
            out = Json::number_unsigned_t{magnitude};
            return true;
        }
        if (magnitude > std::uint64_t{1} << 63) return false;
        out = static_cast<Json::number_integer_t>(0 - magnitude);  // modular: -2^63 included
        return true;
    }

    // decimal::parse rounds as strtod does, but reads no locale and keeps strtod out of the wasm.
    bool floating(std::string_view literal, Json& out) {
        const double number = decimal::parse(literal);
        if (!std::isfinite(number))
            return value_error("json.number",
                               "the number " + std::string(literal) + " is too large");
        out = number;
        return true;
    }

    // --- the text ------------------------------------------------------------------------------

    // Only at the very start, as nlohmann does.
    void skip_byte_order_mark() {
        if (end_ - at_ >= 3 && std::memcmp(at_, "\xEF\xBB\xBF", 3) == 0) at_ += 3;
    }

    void skip_whitespace() {
        while (at_ != end_ && is_whitespace(*at_)) ++at_;
    }

    bool consume(char c) {
        if (at_ == end_ || *at_ != c) return false;
        ++at_;
        return true;
    }

    // --- errors --------------------------------------------------------------------------------
    // Parsing stops at the first error. A syntax error names a line and column; an error about a
    // value (json.number, json.too_deep, json.duplicate_key) names its JSON Pointer, which each
    // container prepends its step to while the recursion unwinds, so no path is built unless
    // there is an error.

    bool expected(const std::string& what) {
        if (at_ == end_) return syntax_error("unexpected end of the document, expected " + what);
        return syntax_error("expected " + what + ", found " + shown(at_, end_));
    }

    // Lines and columns count from 1, in bytes; the end of the text is one column past its last
    // byte.
    bool syntax_error(const std::string& reason) {
        std::size_t line = 1;
        const char* line_start = begin_;
        for (const char* c = begin_; c != at_; ++c) {
            if (*c == '\n') {
                ++line;
                line_start = c + 1;
            }
        }
        const auto column = static_cast<std::size_t>(at_ - line_start) + 1;
        error_ = Error{
            "json.syntax", "",
            "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + reason};
        error_has_path_ = false;
        return false;
    }

    bool value_error(std::string code, std::string message) {
        error_ = Error{std::move(code), "", std::move(message)};
        error_has_path_ = true;
        return false;
    }

    bool within(const std::string& key) {
        if (error_has_path_) error_->path = pointer_append("", key) + error_->path;
        return false;
    }

    bool within(std::size_t index) {
        if (error_has_path_) error_->path = pointer_append("", index) + error_->path;
        return false;
    }

    const char* begin_;
    const char* at_;
    const char* end_;
    std::size_t max_depth_;
    std::optional<Error> error_;
    bool error_has_path_ = false;
};

}  // namespace

Result<Json> parse_json(std::string_view text, const ParseLimits& limits) {
    if (text.size() > limits.max_bytes) {
        return Error{"json.too_large", "",
                     "the document has " + std::to_string(text.size()) + " bytes; the limit is " +
                         std::to_string(limits.max_bytes)};
    }
    return Parser(text, limits).document();
}

}  // namespace meso
