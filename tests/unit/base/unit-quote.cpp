#include <doctest/doctest.h>

#include <string>

#include "core/base/quote.hpp"

using meso::quote_for_message;

TEST_CASE("quote_for_message quotes and escapes like JSON") {
    CHECK(quote_for_message("age") == "\"age\"");
    CHECK(quote_for_message("") == "\"\"");
    CHECK(quote_for_message("a\"b\\c") == "\"a\\\"b\\\\c\"");
    CHECK(quote_for_message("line\nnext\t\x01") == "\"line\\nnext\\t\\u0001\"");
    CHECK(quote_for_message("zażółć") == "\"zażółć\"");
    CHECK(quote_for_message("вік") == "\"вік\"");
}

TEST_CASE("quote_for_message shows invisible and direction-changing characters") {
    CHECK(quote_for_message("\xE2\x80\xAE"
                            "age") == "\"\\u202eage\"");  // RLO
    CHECK(quote_for_message("can\xE2\x80\x8B"
                            "cer") == "\"can\\u200bcer\"");       // zero width space
    CHECK(quote_for_message("\xEF\xBB\xBFx") == "\"\\ufeffx\"");  // BOM
    CHECK(quote_for_message("a\xE2\x81\xA6"
                            "b") == "\"a\\u2066b\"");        // LRI
    CHECK(quote_for_message("\xD7\x90") == "\"\xD7\x90\"");  // Hebrew letter stays
}

TEST_CASE("quote_for_message cuts long values at a character boundary") {
    CHECK(quote_for_message(std::string(100000, 'f')) ==
          "\"" + std::string(80, 'f') + "\xE2\x80\xA6\"");
    // 79 ASCII bytes, then a two-byte letter that would end past 80: cut before it.
    const std::string text = std::string(79, 'x') + "\xC5\x82" + "tail";
    CHECK(quote_for_message(text) == "\"" + std::string(79, 'x') + "\xE2\x80\xA6\"");
    CHECK(quote_for_message("abcdef", 3) == "\"abc\xE2\x80\xA6\"");
    CHECK(quote_for_message("abc", 3) == "\"abc\"");
}
