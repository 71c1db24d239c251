// Ids that would read through Object.prototype in the browser, and language tags Intl refuses
// (issue 11).
#include <doctest/doctest.h>

#include <string>

#include "core/ruleset/describe.hpp"
#include "core/ruleset/ruleset.hpp"
#include "tests/unit/ruleset/ruleset_fixture.hpp"

using namespace meso;
using meso::test::patched_minimal;

namespace {

bool refused(const Json& document, const std::string& code, const std::string& path) {
    const Result<RuleSet> rules = load_ruleset(document);
    if (rules.ok()) return false;
    for (const Error& error : rules.errors())
        if (error.code == code && error.path == path) return true;
    return false;
}

}  // namespace

TEST_CASE("ids: no property of Object.prototype") {
    for (const char* id : {"toString", "valueOf", "hasOwnProperty", "__proto__", "constructor",
                           "isPrototypeOf", "__lookupGetter__", "toLocaleString"}) {
        CAPTURE(id);
        CHECK(
            refused(patched_minimal(
                        std::string(R"([{"op": "replace", "path": "/questions/0/id", "value": ")") +
                        id + "\"}]"),
                    "rules.bad_id", "/questions/0/id"));
    }
}

TEST_CASE("languages: a BCP 47 language with an optional region") {
    for (const char* lang : {"e_n", "english", "EN", "en-gb", "en_GB", "e"}) {
        CAPTURE(lang);
        CHECK(refused(
            patched_minimal(std::string(R"([{"op": "add", "path": "/languages/-", "value": ")") +
                            lang + "\"}]"),
            "rules.bad_id", "/languages/2"));
    }
}

TEST_CASE("sources: a title's language is a language tag, and the widget is told it") {
    CHECK(
        refused(patched_minimal(R"([{"op": "add", "path": "/sources/000/lang", "value": "e_n"}])"),
                "rules.bad_id", "/sources/000/lang"));
    const Result<RuleSet> rules = load_ruleset(
        patched_minimal(R"([{"op": "add", "path": "/sources/000/lang", "value": "en"}])"));
    REQUIRE(rules.ok());
    CHECK(rules->sources.at("000").lang == "en");
    const Json info = describe_ruleset(*rules, "en");
    CHECK(info["sources"]["000"]["lang"] == "en");
    CHECK_FALSE(info["sources"]["002"].contains("lang"));
}
