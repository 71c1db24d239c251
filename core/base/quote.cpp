#include "core/base/quote.hpp"

#include <cstdint>

namespace meso {
namespace {

bool is_hidden(std::uint32_t c) {
    return (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
}

// Length of the UTF-8 sequence that starts with `lead`, and its code point.
std::size_t decode(std::string_view text, std::size_t i, std::uint32_t& code) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (i + length > text.size()) length = text.size() - i;
    code = length == 1 ? lead : lead & (0xFF >> (length + 1));
    for (std::size_t k = 1; k < length; ++k) code = (code << 6) | (byte(i + k) & 0x3F);
    return length;
}

std::string escape(std::uint32_t code) {
    switch (code) {
        case '"': return "\\\"";
        case '\\': return "\\\\";
        case '\n': return "\\n";
        case '\t': return "\\t";
        case '\r': return "\\r";
        default: break;
    }
    std::string hex;  // at least four digits, as JSON writes \u escapes
    for (; code > 0 || hex.size() < 4; code >>= 4) {
        hex.insert(hex.begin(), "0123456789abcdef"[code & 0xF]);
    }
    return "\\u" + hex;
}

}  // namespace

std::string quote_for_message(std::string_view text, std::size_t max_bytes) {
    std::string out = "\"";
    std::size_t shown = 0;
    for (std::size_t i = 0; i < text.size();) {
        std::uint32_t code = 0;
        const std::size_t length = decode(text, i, code);
        const bool special = code < 0x20 || code == '"' || code == '\\' || is_hidden(code);
        const std::string piece = special ? escape(code) : std::string(text.substr(i, length));
        if (shown + piece.size() > max_bytes) {
            out += "\xE2\x80\xA6";  // …
            break;
        }
        out += piece;
        shown += piece.size();
        i += length;
    }
    return out + "\"";
}

}  // namespace meso
