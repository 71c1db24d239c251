// decision_table(): the findings as Markdown for a doctor.
#include <doctest/doctest.h>

#include "core/ruleset/ruleset.hpp"
#include "core/tools/decision_table.hpp"
#include "tests/unit/ruleset/ruleset_fixture.hpp"

using meso::test::patched_minimal;

namespace {

std::string table_of(const std::string& patch, std::string_view lang) {
    const auto result = meso::load_ruleset(patched_minimal(patch));
    REQUIRE(result.ok());
    return meso::decision_table(*result, lang);
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("heading, columns and one row per finding") {
    const std::string table = table_of("[]", "en");
    CHECK(table.starts_with("# Decision table: minimal-test 0.1.0\n"));
    CHECK(has(table,
              "\n| Finding | Asked when / condition | Severity | Waiting period | Sources |\n"
              "| --- | --- | --- | --- | --- |\n"));
    std::size_t rows = 0;
    for (std::size_t at = 0; (at = table.find("\n| **", at)) != std::string::npos; ++at) ++rows;
    CHECK(rows == 9);
}

TEST_CASE("a finding without a waiting period") {
    CHECK(has(
        table_of("[]", "en"),
        "| **cancer**<br>Mesotherapy is not done during an oncological disease. | "
        "`{\"var\":\"cancer\"}`<br>cancer: Do you have cancer, or are you being treated for it? | "
        "ineligible | — | [2] |\n"));
}

TEST_CASE("a postpone finding shows its waiting period with the settings it reads") {
    CHECK(
        has(table_of("[]", "en"),
            "| **alcohol**<br>Alcohol thins the blood. | "
            "`{\"var\":\"alcohol_recent\"}`<br>alcohol_recent: Have you drunk alcohol in the last "
            "days? "
            "(asked when `{\">=\":[{\"var\":\"age\"},16]}`) | postpone | "
            "at least 3 days after the last drink, from ‹date›<br>"
            "earliest day: "
            "`{\"date_add\":[{\"var\":\"alcohol_last\"},{\"setting\":\"alcohol_wait_days\"}]}`<br>"
            "alcohol_wait_days = 3 days | [2] |\n"));
}

TEST_CASE("question texts come in the table's language, each once") {
    const std::string table = table_of("[]", "pl");
    CHECK(has(table,
              "| **pregnant_minor**<br>Niepełnoletnia w ciąży musi poczekać. | "
              "`{\"and\":[{\"var\":\"pregnant\"},{\"<\":[{\"var\":\"age\"},18]}]}`<br>"
              "pregnant: Czy jesteś w ciąży lub możesz być? "
              "(pytamy, gdy `{\"!=\":[{\"var\":\"sex\"},\"male\"]}`)<br>age: Ile masz lat? | "
              "odroczenie |"));
}

TEST_CASE("pipes and line breaks cannot break a row") {
    const std::string table = table_of(R"([
        {"op": "replace", "path": "/locales/en/finding.cancer", "value": "a | b\nc"},
        {"op": "replace", "path": "/findings/0/when", "value": {"==": [{"var": "cancer"}, "x|y"]}}])",
                                       "en");
    CHECK(
        has(table, "| **cancer**<br>a \\| b c | `{\"==\":[{\"var\":\"cancer\"},\"x\\|y\"]}`<br>"));
}

TEST_CASE("the settings table: values with their units, in the table's language") {
    const std::string table = table_of("[]", "en");
    CHECK(has(table,
              "\n## Settings\n\n| Setting | Value | Meaning | Sources |\n| --- | --- | --- "
              "| --- |\n"));
    CHECK(has(table,
              "| alcohol_wait_days | 3 days | Days without alcohol before a session. | "
              "[2] |\n"));
    CHECK(has(table, "| currency | PLN | Currency of the prices. | the sources leave it open |\n"));
    CHECK(has(table, "| session_minutes | not set |"));
    const std::string polish = table_of("[]", "pl");
    CHECK(has(polish, "\n## Ustawienia\n\n| Ustawienie | Wartość | Znaczenie | Źródła |\n"));
    CHECK(has(polish, "| alcohol_wait_days | 3 dni |"));
    CHECK(has(polish, "| session_minutes | nie ustawiono |"));
    CHECK(has(
        table_of(R"([{"op": "replace", "path": "/settings/alcohol_wait_days/value", "value": 1}])",
                 "uk"),
        "| alcohol_wait_days | 1 день |"));
}

TEST_CASE("sources as numbered references, listed with their titles under the table") {
    const std::string table =
        table_of(R"([{"op": "add", "path": "/sources/002/lang", "value": "en"}])", "pl");
    CHECK(has(table,
              "\n## Źródła\n\n1. Mesotherapy: the essence of the procedure\n"
              "2. Efficacy of Mesotherapy in Facial Rejuvenation (po angielsku)\n"));
    CHECK_FALSE(has(table, "002_bcf4fe377c054bed.txt"));
    CHECK_FALSE(has(table_of("[]", "en"), "(in English)"));
}

TEST_CASE("the table's own words come in its language; a language without them gets English") {
    const std::string polish = table_of("[]", "pl");
    CHECK(polish.starts_with("# Tabela decyzyjna: minimal-test 0.1.0\n\nJęzyk: pl. "));
    CHECK(
        has(polish, "| Ustalenie | Kiedy pytamy / warunek | Waga | Okres oczekiwania | Źródła |"));
    for (const std::string english :
         {"Finding", "asked when", "postpone", "earliest", "Settings", "not set", " days"})
        CHECK_MESSAGE(!has(polish, english), english);
    CHECK(table_of("[]", "de").starts_with("# Decision table: "));
}
