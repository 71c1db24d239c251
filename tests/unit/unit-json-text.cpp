#include <doctest/doctest.h>

#include <string>

#include "core/json_text.hpp"

using meso::parse_json;
using meso::ParseLimits;

namespace {

meso::Error only_error(std::string_view text, const ParseLimits& limits = {}) {
    auto result = parse_json(text, limits);
    REQUIRE_FALSE(result.ok());
    REQUIRE(result.errors().size() == 1);
    return result.errors().front();
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

TEST_CASE("parse_json reports syntax errors with line and column") {
    const auto e = only_error("{\n  \"a\": tru\n}");
    CHECK(e.code == "json.syntax");
    CHECK(e.path == "");
    CHECK(e.message.rfind("line 2, column ", 0) == 0);
    CHECK(e.message.find("invalid literal") != std::string::npos);
    CHECK(only_error("").code == "json.syntax");
    CHECK(only_error("[1, 2").code == "json.syntax");
    CHECK(only_error("{} {}").code == "json.syntax");
}

TEST_CASE("parse_json rejects duplicate keys with the path of the second") {
    const auto e = only_error(R"({"a": {"b": 1, "b": 2}})");
    CHECK(e.to_string() == "json.duplicate_key at /a/b: the key \"b\" appears twice in one object");
    CHECK(only_error(R"({"__proto__": 1, "__proto__": 2})").path == "/__proto__");
    CHECK(only_error(R"([{"x/y": 1, "x/y": 2}])").path == "/0/x~1y");
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
}

TEST_CASE("parse_json bounds size") {
    const auto e = only_error(std::string(2000, ' ') + "1", ParseLimits{2000, 8});
    CHECK(e.to_string() == "json.too_large at /: the document has 2001 bytes; the limit is 2000");
}

TEST_CASE("parse_json rejects numbers that are not finite") {
    const auto e = only_error(R"({"age": 1e309})");
    CHECK(e.to_string() == "json.number at /age: the number 1e309 is too large");
    CHECK(only_error("[-1e400]").path == "/0");
    CHECK(only_error("NaN").code == "json.syntax");
}
