#include <doctest/doctest.h>

#include <bit>
#include <cstdint>
#include <iterator>
#include <limits>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "core/json/write.hpp"

using meso::write_json;
using Json = nlohmann::json;

TEST_CASE("write_json writes compact and indented text") {
    const Json value = {
        {"b", {1, 2.5, "x"}}, {"a", Json::object()}, {"c", Json::array()}, {"d", nullptr}};
    CHECK(write_json(value) == R"({"a":{},"b":[1,2.5,"x"],"c":[],"d":null})");
    CHECK(write_json(value, 2) ==
          "{\n  \"a\": {},\n  \"b\": [\n    1,\n    2.5,\n    \"x\"\n  ],\n"
          "  \"c\": [],\n  \"d\": null\n}");
    CHECK(write_json(value, 0) ==
          "{\n\"a\": {},\n\"b\": [\n1,\n2.5,\n\"x\"\n],\n\"c\": [],\n\"d\": null\n}");
    CHECK(write_json(Json("line\n\"q\" \\ \x01\x1f\x7f é")) ==
          "\"line\\n\\\"q\\\" \\\\ \\u0001\\u001f\x7f é\"");
    CHECK(write_json(Json(true)) == "true");
    CHECK(write_json(Json(-0.0)) == "-0.0");
    CHECK(write_json(Json(1e300)) == "1e+300");
    CHECK(write_json(Json(std::numeric_limits<double>::infinity())) == "null");
    CHECK(write_json(Json(std::numeric_limits<std::int64_t>::min())) == "-9223372036854775808");
    CHECK(write_json(Json(std::numeric_limits<std::uint64_t>::max())) == "18446744073709551615");
}

namespace {

// A random document of every kind of value, strings with every escape and multibyte UTF-8.
Json random_value(std::mt19937_64& random, int depth) {
    const int kind = static_cast<int>(random() % (depth > 3 ? 6 : 8));
    switch (kind) {
        case 0: return nullptr;
        case 1: return random() % 2 == 0;
        case 2: return static_cast<std::int64_t>(random());
        case 3: return random();
        case 4: {
            const double x = std::bit_cast<double>(random());
            return random() % 2 ? x : static_cast<double>(static_cast<std::int32_t>(random())) / 64;
        }
        case 5: {
            static const char* const pieces[] = {"a",    "Z",    " ",  "\"", "\\", "/",
                                                 "\b",   "\f",   "\n", "\r", "\t", "\x01",
                                                 "\x1f", "\x7f", "é",  "€",  "😀"};
            std::string text;
            for (std::uint64_t n = random() % 12; n > 0; --n) {
                text += pieces[random() % std::size(pieces)];
            }
            return text;
        }
        case 6: {
            Json array = Json::array();
            for (std::uint64_t n = random() % 5; n > 0; --n) {
                array.push_back(random_value(random, depth + 1));
            }
            return array;
        }
        default: {
            Json object = Json::object();
            for (std::uint64_t n = random() % 5; n > 0; --n) {
                object[random_value(random, 99).dump()] = random_value(random, depth + 1);
            }
            return object;
        }
    }
}

}  // namespace

TEST_CASE("write_json writes what nlohmann's dump() writes") {
    std::mt19937_64 random(1);
    for (int i = 0; i < 3000; ++i) {
        const Json value = random_value(random, 0);
        for (int indent : {-1, 0, 2, 4}) {
            CAPTURE(indent);
            REQUIRE(write_json(value, indent) == value.dump(indent));
        }
    }
}
