#include <doctest/doctest.h>

#include <algorithm>
#include <clocale>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/json/parse.hpp"
#include "tests/fuzz/harness.hpp"
#include "tests/unit/read_file.hpp"

using meso::parse_json;
using meso::ParseLimits;
using meso::test::read_bytes;
using Json = nlohmann::json;
using namespace std::string_literals;

namespace {

meso::Error only_error(std::string_view text, const ParseLimits& limits = {}) {
    auto result = parse_json(text, limits);
    REQUIRE_FALSE(result.ok());
    REQUIRE(result.errors().size() == 1);
    return result.errors().front();
}

Json only_value(std::string_view text) {
    auto result = parse_json(text);
    if (!result) FAIL_CHECK(result.errors().front().to_string());
    REQUIRE(result.ok());
    return *result;
}

// Non-printable bytes as \xNN, so that a failing input can be read in the test output.
std::string printable(std::string_view text) {
    std::string out;
    for (const char c : text.substr(0, 300)) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x20 && byte < 0x7f && byte != '\\') {
            out += c;
        } else {
            constexpr const char* hex = "0123456789abcdef";
            out += {'\\', 'x', hex[byte >> 4], hex[byte & 15]};
        }
    }
    return text.size() > 300 ? out + "..." : out;
}

}  // namespace

TEST_CASE("parse_json reads ordinary documents") {
    auto result = parse_json(R"({"a": [1, 2.5, "x", true, null], "b": {"c": -0}})");
    REQUIRE(result.ok());
    CHECK(result->at("a").size() == 5);
    CHECK(result->at("a")[1] == 2.5);
    CHECK(result->at("b").at("c") == 0);
    CHECK(parse_json("17")->get<int>() == 17);
    CHECK(parse_json("\"\\u05d0\\u200b\"")->get<std::string>() == "\xd7\x90\xe2\x80\x8b");
}

TEST_CASE("parse_json reads whitespace, literals and a byte order mark as nlohmann does") {
    CHECK(only_value(" \t\r\n[ true ,false,\n null ] \r\n") == Json::array({true, false, nullptr}));
    CHECK(only_value("\xEF\xBB\xBF{}") == Json::object());
    CHECK(only_value("{ } ") == Json::object());
    CHECK(only_value("[ ]") == Json::array());
    for (const std::string text : {"\f1",
                                   "\v1",
                                   "1\f",
                                   "\xC2\xA0"
                                   "1",
                                   " \xEF\xBB\xBF"
                                   "1",
                                   "\xEF\xBB\xBF\xEF\xBB\xBF"
                                   "1",
                                   "\xEF\xBB"
                                   "1",
                                   "True",
                                   "nul",
                                   "nulll",
                                   "NaN",
                                   "Infinity",
                                   "undefined",
                                   "'a'",
                                   "/* no */ 1",
                                   "1 // no",
                                   "[1,]",
                                   "{\"a\":1,}",
                                   "[,1]",
                                   "{,}",
                                   "\"a\" : 1"}) {
        CAPTURE(printable(text));
        CHECK(only_error(text).code == "json.syntax");
    }
    CHECK(only_error("\xEF\xBB\xBF").message == "line 1, column 4: the document is empty");
}

TEST_CASE("parse_json gives numbers nlohmann's types") {
    struct Case {
        const char* text;
        Json::value_t type;
    };
    const Case cases[] = {
        {"0", Json::value_t::number_unsigned},
        {"-0", Json::value_t::number_integer},
        {"-0.0", Json::value_t::number_float},
        {"1.0", Json::value_t::number_float},
        {"1e2", Json::value_t::number_float},
        {"1E+2", Json::value_t::number_float},
        {"18446744073709551615", Json::value_t::number_unsigned},  // 2^64 - 1
        {"18446744073709551616", Json::value_t::number_float},     // 2^64 no longer fits
        {"-9223372036854775808", Json::value_t::number_integer},   // -2^63
        {"-9223372036854775809", Json::value_t::number_float},
        {"123456789012345678901234567890", Json::value_t::number_float},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        CHECK(only_value(c.text).type() == c.type);
    }
    CHECK(only_value("18446744073709551615").get<std::uint64_t>() == UINT64_MAX);
    CHECK(only_value("-9223372036854775808").get<std::int64_t>() == INT64_MIN);
    CHECK(only_value("18446744073709551616").get<double>() == 18446744073709551616.0);
    CHECK(only_value("-9223372036854775809").get<double>() == -9223372036854775808.0);
    CHECK(only_value("-0").get<std::int64_t>() == 0);
    CHECK(std::signbit(only_value("-0.0").get<double>()));
    CHECK(std::signbit(only_value("-0e5").get<double>()));
}

TEST_CASE("parse_json rounds decimal numbers correctly") {
    CHECK(only_value("0.1").get<double>() == 0.1);
    CHECK(only_value("2.2250738585072011e-308").get<double>() == 2.2250738585072011e-308);
    CHECK(only_value("4.9e-324").get<double>() == 4.9e-324);  // the smallest subnormal
    CHECK(only_value("1e-400").get<double>() == 0.0);         // underflow is finite, so accepted
    CHECK(only_value("1.7976931348623157e308").get<double>() == 1.7976931348623157e308);
    CHECK(only_value("9007199254740993").get<std::uint64_t>() ==
          9007199254740993u);  // no double detour
    CHECK(only_value("9007199254740993.0").get<double>() == 9007199254740992.0);
}

TEST_CASE("parse_json reads numbers whatever the C locale's decimal point") {
    // Only checkable where a locale with a decimal comma is installed.
    const std::string saved = std::setlocale(LC_NUMERIC, nullptr);
    bool found = false;
    for (const char* name :
         {"de_DE.UTF-8", "pl_PL.UTF-8", "uk_UA.UTF-8", "fr_FR.UTF-8", "de_DE.utf8"}) {
        if (std::setlocale(LC_NUMERIC, name) != nullptr &&
            *std::localeconv()->decimal_point == ',') {
            found = true;
            break;
        }
    }
    if (found) {
        CHECK(only_value("[2.5, 1e-1]") == Json::array({2.5, 0.1}));
    } else {
        MESSAGE("no locale with a decimal comma is installed; the locale case is not checked");
    }
    std::setlocale(LC_NUMERIC, saved.c_str());
}

TEST_CASE("parse_json decodes strings as nlohmann does") {
    CHECK(only_value(R"("\"\\\/\b\f\n\r\t")") == "\"\\/\b\f\n\r\t");
    CHECK(only_value(R"("\u0000")") == "\0"s);
    CHECK(only_value(R"("\u00e9\u00E9\u20AC")") == "\xC3\xA9\xC3\xA9\xE2\x82\xAC");
    CHECK(only_value(R"("\uD83D\uDE00\udbff\udfff")") == "\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF");
    CHECK(only_value("\"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF\x7F\"") ==
          "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF\x7F");
    CHECK(only_value(R"({"\u0061": "\u0062"})") == Json{{"a", "b"}});
}

TEST_CASE("parse_json reports syntax errors with line and column") {
    const auto e = only_error("{\n  \"a\": tru\n}");
    CHECK(e.code == "json.syntax");
    CHECK(e.path == "");
    CHECK(e.message == "line 2, column 11: invalid literal, expected true");
    CHECK(only_error("").code == "json.syntax");
    CHECK(only_error("[1, 2").code == "json.syntax");
    CHECK(only_error("{} {}").code == "json.syntax");
}

TEST_CASE("parse_json says what it expected, where") {
    // Lines and columns count bytes from 1; the end of the text is one past its last byte.
    struct Case {
        std::string text;
        const char* message;
    };
    const Case cases[] = {
        {"", "line 1, column 1: the document is empty"},
        {" \n ", "line 2, column 2: the document is empty"},
        {"x", "line 1, column 1: expected a value, found 'x'"},
        {"[1, 2",
         "line 1, column 6: unexpected end of the document, expected ',' or ']' after an array "
         "element"},
        {"[1 2]", "line 1, column 4: expected ',' or ']' after an array element, found '2'"},
        {"[1,]", "line 1, column 4: expected a value, found ']'"},
        {"{", "line 1, column 2: unexpected end of the document, expected a string key or '}'"},
        {"{1:2}", "line 1, column 2: expected a string key or '}', found '1'"},
        {"{\"a\":1,}", "line 1, column 8: expected a string key after ',', found '}'"},
        {"{\"a\" 1}", "line 1, column 6: expected ':' after an object key, found '1'"},
        {"{\"a\":1 \"b\":2}",
         "line 1, column 8: expected ',' or '}' after an object member, found '\"'"},
        {"{} {}", "line 1, column 4: expected the end of the document after the value, found '{'"},
        {"1\0"s,
         "line 1, column 2: expected the end of the document after the value, found byte 0x00"},
        {"fals", "line 1, column 5: invalid literal, expected false"},
        {"nulL", "line 1, column 4: invalid literal, expected null"},
        {"'a'", "line 1, column 1: expected a value, found \"'\""},
        {"\xEF\xBB"
         "1",
         "line 1, column 1: expected a value, found byte 0xEF"},
        {"-", "line 1, column 2: unexpected end of the document, expected a digit after '-'"},
        {"-x", "line 1, column 2: expected a digit after '-', found 'x'"},
        {"01", "line 1, column 2: a number cannot have leading zeros"},
        {"[-00]", "line 1, column 4: a number cannot have leading zeros"},
        {"1.e5", "line 1, column 3: expected a digit after '.', found 'e'"},
        {"1e+",
         "line 1, column 4: unexpected end of the document, expected a digit in the exponent"},
        {"\"abc", "line 1, column 5: unexpected end of the document in a string"},
        {"\"a\\qb\"", "line 1, column 4: invalid escape \\q in a string"},
        {"\"a\\\x01\"", "line 1, column 4: invalid escape in a string: '\\' followed by byte 0x01"},
        {"\"\\u12G4\"", "line 1, column 6: \\u must be followed by four hex digits, found 'G'"},
        {"\"\\u12", "line 1, column 6: unexpected end of the document in a string"},
        {"\"\\uD800\"", "line 1, column 2: unpaired surrogate \\uD800 in a string"},
        {"\"\\ud800\\u0041\"", "line 1, column 2: unpaired surrogate \\ud800 in a string"},
        {"\"\\uD800\\uD800\"", "line 1, column 2: unpaired surrogate \\uD800 in a string"},
        {"[\"\\uDC00\\uD800\"]", "line 1, column 3: unpaired surrogate \\uDC00 in a string"},
        {"\"\\uD83D\\uDE0\"",
         "line 1, column 13: \\u must be followed by four hex digits, found '\"'"},
        {"{\"a\":\n  \"b\n\"}",
         "line 2, column 5: control character U+000A in a string must be escaped"},
        {"\"\x7F\x1F\"", "line 1, column 3: control character U+001F in a string must be escaped"},
        {"\"\xFF\"", "line 1, column 2: invalid UTF-8 in a string (byte 0xFF)"},
    };
    for (const Case& c : cases) {
        CAPTURE(printable(c.text));
        const auto e = only_error(c.text);
        CHECK(e.code == "json.syntax");
        CHECK(e.path == "");
        CHECK(e.message == c.message);
    }
}

TEST_CASE("parse_json rejects what is not UTF-8") {
    for (const std::string text : {"\"\xC0\x80\"",          // overlong NUL
                                   "\"\xC1\xBF\"",          // overlong
                                   "\"\xE0\x80\x80\"",      // overlong
                                   "\"\xF0\x80\x80\x80\"",  // overlong
                                   "\"\xED\xA0\x80\"",      // a UTF-16 surrogate
                                   "\"\xF4\x90\x80\x80\"",  // above U+10FFFF
                                   "\"\xF5\x80\x80\x80\"", "\"\xFE\"", "\"\x80\"", "\"\xE2\x82\"",
                                   "\"\xE2\x82", "\"\xF0\x9F\x98\""}) {
        CAPTURE(printable(text));
        const auto e = only_error(text);
        CHECK(e.code == "json.syntax");
        CHECK(e.message.find("invalid UTF-8 in a string") != std::string::npos);
    }
    CHECK(only_error("{\"a\":\"ok\", \"\xC3\":1}").message ==
          "line 1, column 13: invalid UTF-8 in a string (byte 0xC3)");
}

TEST_CASE("parse_json rejects duplicate keys with the path of the second") {
    const auto e = only_error(R"({"a": {"b": 1, "b": 2}})");
    CHECK(e.to_string() == "json.duplicate_key at /a/b: the key \"b\" appears twice in one object");
    CHECK(only_error(R"({"__proto__": 1, "__proto__": 2})").path == "/__proto__");
    CHECK(only_error(R"([{"x/y": 1, "x/y": 2}])").path == "/0/x~1y");
    CHECK(only_error(R"([0, {"~": 1, "\u007e": 2}])").to_string() ==
          "json.duplicate_key at /1/~0: the key \"~\" appears twice in one object");
    // Found at the key, before the value or the rest of the text is read.
    CHECK(only_error(R"({"a": 1, "a": tru)").code == "json.duplicate_key");
    CHECK(only_error(R"({"a": 1, "b": {"c": [], "c"})").path == "/b/c");
    CHECK(only_value(R"({"a": {"a": 1}, "b": {"a": 2}})")["b"]["a"] == 2);
}

TEST_CASE("parse_json bounds depth before it is reached") {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    const auto e = only_error(deep);
    CHECK(e.code == "json.too_deep");
    CHECK(e.message == "nesting deeper than 64 levels");
    CHECK(e.path.size() == 2 * 64);  // "/0" repeated: the first container too deep
    CHECK(parse_json("[[[1]]]", ParseLimits{1024, 3}).ok());
    CHECK(only_error("[[[[1]]]]", ParseLimits{1024, 3}).path == "/0/0/0");
    CHECK(only_error(R"({"a": {"b": {"c": {}}}})", ParseLimits{1024, 3}).path == "/a/b/c");
    CHECK(only_error("[0, [1, 2, []]]", ParseLimits{1024, 2}).to_string() ==
          "json.too_deep at /1/2: nesting deeper than 2 levels");

    std::string objects, path;
    for (int i = 0; i < 100000; ++i) objects += "{\"a/\":";  // never closed: depth is met first
    for (int i = 0; i < 16; ++i) path += "/a~1";
    CHECK(only_error(objects, meso::answer_limits).to_string() ==
          "json.too_deep at " + path + ": nesting deeper than 16 levels");
    CHECK(only_error(std::string(100000, '[')).code == "json.too_deep");
}

TEST_CASE("parse_json bounds size") {
    const auto e = only_error(std::string(2000, ' ') + "1", ParseLimits{2000, 8});
    CHECK(e.to_string() == "json.too_large at /: the document has 2001 bytes; the limit is 2000");
    // Size is checked before anything is read.
    CHECK(only_error("[" + std::string(3000, 'x'), ParseLimits{2000, 8}).code == "json.too_large");
    CHECK(parse_json(std::string(1999, ' ') + "1", ParseLimits{2000, 8}).ok());
}

TEST_CASE("parse_json rejects numbers that are not finite") {
    const auto e = only_error(R"({"age": 1e309})");
    CHECK(e.to_string() == "json.number at /age: the number 1e309 is too large");
    CHECK(only_error("[-1e400]").path == "/0");
    CHECK(only_error("NaN").code == "json.syntax");
    const std::string huge = "1" + std::string(400, '0');  // an integer beyond any double
    CHECK(only_error("[0, {\"n\": " + huge + "}]").to_string() ==
          "json.number at /1/n: the number " + huge + " is too large");
    CHECK(only_error("-1E+400").to_string() == "json.number at /: the number -1E+400 is too large");
}

TEST_CASE("parse_json rejects a NUL byte that nlohmann would read as the end of the text") {
    CHECK(only_error("{\"a\": 1}\0garbage"s).code == "json.syntax");
    CHECK(only_error("1 \0"s).message ==
          "line 1, column 3: expected the end of the document after the value, found byte 0x00");
    CHECK(only_error("\"a\0\""s).message ==
          "line 1, column 3: control character U+0000 in a string must be escaped");
    CHECK(meso::fuzz::fuzz_json("{\"a\": 1}\0garbage"s) == "");
}

// --- agreement with nlohmann::json::parse ------------------------------------------------------

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> files_in(const fs::path& dir, bool json_only) {
    std::vector<fs::path> out;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (entry.is_regular_file() && (!json_only || entry.path().extension() == ".json"))
            out.push_back(entry.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

// The documents of the project, and the inputs fuzz_json once failed on.
std::vector<std::string> corpus() {
    const fs::path source = MESO_SOURCE_DIR;
    std::vector<fs::path> paths = files_in(source / "rules", false);
    for (const char* dir : {"tests/cases", "tests/rulesets"}) {
        for (const fs::path& p : files_in(source / dir, true)) paths.push_back(p);
    }
    for (const fs::path& p :
         files_in(fs::path(MESO_SOURCE_DIR) / "tests" / "conformance" / "jsonlogic", false))
        paths.push_back(p);
    for (const fs::path& p : files_in(source / "tests" / "fuzz" / "regressions" / "json", false))
        paths.push_back(p);
    std::vector<std::string> texts;
    for (const fs::path& p : paths) texts.push_back(read_bytes(p));
    return texts;
}

// Random JSON texts and mutations of them. std::mt19937 is specified bit for bit and only its raw
// output is used (the distributions are not portable), so every platform tests the same inputs.
class RandomJson {
public:
    explicit RandomJson(std::uint32_t seed) : random_(seed) {}

    std::size_t below(std::size_t n) { return random_() % n; }

    std::string document() {
        std::string out;
        space(out);
        value(out, 0);
        space(out);
        return out;
    }

    std::string mutated(std::string text) {
        static const std::string snippets[] = {"\\u",
                                               "\\uD800",
                                               "\\uDC00",
                                               "\\uD83D\\uDE00",
                                               "1e309",
                                               "-0",
                                               "-",
                                               "0.",
                                               "01",
                                               "1E+2",
                                               ".5",
                                               "18446744073709551616",
                                               "-9223372036854775809",
                                               "\xEF\xBB\xBF",
                                               "\"",
                                               "\\",
                                               "[",
                                               "]",
                                               "{",
                                               "}",
                                               ",",
                                               ":",
                                               "\0"s,
                                               "\xC0\x80",
                                               "\xED\xA0\x80",
                                               "\xF4\x90\x80\x80",
                                               "\xE2\x82",
                                               "\x7F",
                                               "\x1F",
                                               "tru",
                                               "nul",
                                               " ",
                                               "\n",
                                               "{\"a\":1,\"a\":2}",
                                               std::string(65, '[')};  // one deeper than max_depth
        for (std::size_t n = 1 + below(3); n > 0; --n) {
            const std::size_t at = text.empty() ? 0 : below(text.size());
            const std::size_t length = std::min<std::size_t>(1 + below(8), text.size() - at);
            switch (below(5)) {
                case 0:
                    if (!text.empty()) text[at] = static_cast<char>(below(256));
                    break;
                case 1: text.insert(at, snippets[below(std::size(snippets))]); break;
                case 2: text.erase(at, length); break;
                case 3: text.resize(at); break;
                default:
                    text.insert(text.empty() ? 0 : below(text.size()), text.substr(at, length));
                    break;
            }
        }
        return text;
    }

private:
    void space(std::string& out) {
        static const char* spaces[] = {"", "", "", " ", "\n", "\t", "\r\n  "};
        out += spaces[below(std::size(spaces))];
    }

    void value(std::string& out, int depth) {
        switch (below(depth < 4 ? 9 : 6)) {
            case 0: out += below(3) == 0 ? "null" : below(2) ? "true" : "false"; break;
            case 1:
            case 2: number(out); break;
            case 3:
            case 4:
            case 5: string(out); break;
            case 6:
            case 7: container(out, depth, '[', ']'); break;
            default: container(out, depth, '{', '}'); break;
        }
    }

    void container(std::string& out, int depth, char open, char close) {
        out += open;
        space(out);
        for (std::size_t i = 0, n = below(5); i < n; ++i) {
            if (i > 0) out += ',';
            space(out);
            if (open == '{') {
                string(out);
                space(out);
                out += ':';
                space(out);
            }
            value(out, depth + 1);
            space(out);
        }
        out += close;
    }

    void number(std::string& out) {
        static const char* edges[] = {"0",
                                      "-0",
                                      "-0.0",
                                      "0e0",
                                      "1E-2",
                                      "18446744073709551615",
                                      "18446744073709551616",
                                      "-9223372036854775808",
                                      "-9223372036854775809",
                                      "4.9e-324",
                                      "2.2250738585072011e-308",
                                      "1.7976931348623157e308",
                                      "1e-400",
                                      "0.1",
                                      "123456789012345678901234567890"};
        if (below(4) == 0) {
            out += edges[below(std::size(edges))];
            return;
        }
        if (below(3) == 0) out += '-';
        out += below(5) == 0 ? '0' : static_cast<char>('1' + below(9));
        if (out.back() != '0') digits(out, below(22));
        if (below(3) == 0) {
            out += '.';
            digits(out, 1 + below(18));
        }
        if (below(4) == 0) {
            out += below(2) ? 'e' : 'E';
            if (below(2)) out += below(2) ? '+' : '-';
            digits(out, 1 + below(3));
        }
    }

    void digits(std::string& out, std::size_t n) {
        while (n-- > 0) out += static_cast<char>('0' + below(10));
    }

    void string(std::string& out) {
        static const char* escapes[] = {"\\\"", "\\\\", "\\/", "\\b",    "\\f",
                                        "\\n",  "\\r",  "\\t", "\\u0000"};
        out += '"';
        for (std::size_t n = below(8); n > 0; --n) {
            switch (below(5)) {
                case 0: out += escapes[below(std::size(escapes))]; break;
                case 1: unicode_escape(out); break;
                case 2: utf8(out); break;
                default: out += static_cast<char>('a' + below(26)); break;
            }
        }
        out += '"';
    }

    void unicode_escape(std::string& out) {
        const auto hex4 = [&](std::uint32_t unit) {
            const char* digits = below(2) ? "0123456789abcdef" : "0123456789ABCDEF";
            out += "\\u";
            for (int shift = 12; shift >= 0; shift -= 4) out += digits[(unit >> shift) & 15];
        };
        if (below(3) == 0) {
            hex4(0xD800 + static_cast<std::uint32_t>(below(0x400)));
            hex4(0xDC00 + static_cast<std::uint32_t>(below(0x400)));
        } else {
            std::uint32_t unit = static_cast<std::uint32_t>(below(0x10000));
            if (unit >= 0xD800 && unit <= 0xDFFF) unit -= 0x800;
            hex4(unit);
        }
    }

    void utf8(std::string& out) {
        static const std::uint32_t starts[] = {0x80, 0x800, 0xE000, 0x10000, 0x10FFF0};
        const std::uint32_t cp =
            starts[below(std::size(starts))] + static_cast<std::uint32_t>(below(16));
        if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        }
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }

    std::mt19937 random_;
};

}  // namespace

TEST_CASE("parse_json and nlohmann::json::parse agree on the corpus and on random texts") {
    const std::vector<std::string> documents = corpus();
    REQUIRE(documents.size() > 90);
    RandomJson random(20260301);
    std::vector<std::string> inputs = documents;
    for (int i = 0; i < 300; ++i) inputs.push_back(random.document());
    for (int i = 0; i < 400; ++i) {
        const std::string& base = inputs[random.below(inputs.size())];
        inputs.push_back(random.mutated(base));
    }

    int accepted = 0, rejected = 0;
    for (const std::string& text : inputs) {
        CAPTURE(printable(text));
        CHECK(meso::fuzz::fuzz_json(text) == "");
        (parse_json(text).ok() ? accepted : rejected) += 1;
    }
    // Both verdicts are well represented, so agreement on each means something.
    CHECK(accepted > 300);
    CHECK(rejected > 150);
}

TEST_CASE("the differential check itself tells types and signs apart") {
    using meso::fuzz::json_difference;
    CHECK(json_difference(Json(1), Json(1.0)) == "integer instead of float at /");
    CHECK(json_difference(Json(1u), Json(1)) == "unsigned instead of integer at /");
    CHECK(json_difference(Json(-0.0), Json(0.0)) == "-0.0 instead of 0.0 at /");
    CHECK(json_difference(Json{{"a", {1, 2}}}, Json{{"a", {1, 2.0}}}) ==
          "integer instead of float at /a/1");
    CHECK(json_difference(Json{{"a", 1}}, Json{{"b", 1}}) == "key \"a\" instead of \"b\" at /");
    CHECK(json_difference(Json{{"a", {1, "x"}}}, Json{{"a", {1, "x"}}}) == "");
}
