// lint_ruleset(): warnings that do not stop loading. minimal.json is clean; each tweak below
// gives exactly one warning.
#include <doctest/doctest.h>

#include "core/ruleset/ruleset.hpp"
#include "core/tools/lint.hpp"
#include "tests/unit/ruleset/ruleset_fixture.hpp"

using meso::Error;
using meso::test::describe;
using meso::test::patched_minimal;

namespace {

meso::Errors lint_of(const std::string& patch) {
    const auto result = meso::load_ruleset(patched_minimal(patch));
    if (!result) {
        FAIL_CHECK(describe(result.errors()));
        return {};
    }
    return meso::lint_ruleset(*result);
}

struct Case {
    const char* patch;
    Error expected;
};

const Case cases[] = {
    {R"([{"op": "add", "path": "/sources/001", "value": {"file": "001_9dda1f69c7713963.txt"}}])",
     {"lint.unused_source", "/sources/001", R"(source "001" is never cited)"}},
    {R"([{"op": "add", "path": "/questions/-",
          "value": {"id": "smoker", "type": "boolean", "step": "health", "text": "q.cancer"}}])",
     {"lint.unread_question", "/questions/8", R"(no condition reads "smoker")"}},
    {R"([{"op": "replace", "path": "/findings/0/when", "value": {"var": [{"cat": ["can", "cer"]}]}}])",
     {"lint.dynamic_variable", "/findings/0/when",
      "a variable name is computed when the rule runs, so which answers it reads is unknown"}},
    {R"([{"op": "add", "path": "/settings/spare_days",
          "value": {"value": 2, "unit": "days", "text": "setting.alcohol_wait_days"}}])",
     {"lint.unused_setting", "/settings/spare_days", R"(setting "spare_days" is never used)"}},
    {R"([{"op": "add", "path": "/locales/en/extra", "value": "Extra"}])",
     {"lint.unused_translation", "/locales/en/extra", R"("extra" is not used)"}},
    {R"([{"op": "replace", "path": "/locales/pl/q.cancer",
          "value": "Do you have cancer, or are you being treated for it?"}])",
     {"lint.untranslated", "/locales/pl/q.cancer", R"(the same text as in "en")"}},
    {R"([{"op": "add", "path": "/questions/0/enableWhen", "value": {"var": "cancer"}}])",
     {"lint.forward_reference", "/questions/0/enableWhen",
      R"("age" depends on "cancer", which is asked later)"}},
    {R"([{"op": "add", "path": "/areas/-", "value": {"id": "chin", "text": "area.face"}}])",
     {"lint.unused_area", "/areas/3", R"(no concern has the area "chin")"}},
    {R"([{"op": "replace", "path": "/concerns/1/course", "value": "general"}])",
     {"lint.unused_course", "/courses/1", R"(no concern uses the course "scalp")"}},
    {R"([{"op": "add", "path": "/steps/-", "value": {"id": "extra", "text": "step.about"}}])",
     {"lint.empty_step", "/steps/3", R"(no question is on the step "extra")"}},
    {R"([{"op": "replace", "path": "/invariants/0/check", "value": {"!!": {"var": "status_text"}}}])",
     {"lint.invariant_reads_wording", "/invariants/0/check",
      R"(an invariant decides on verdicts, findings, dates and plans; "status_text" is wording, which verify leaves out)"}},
};

}  // namespace

TEST_CASE("minimal.json is lint-clean") {
    CHECK_MESSAGE(lint_of("[]").empty(), describe(lint_of("[]")));
}

TEST_CASE("each lint warning") {
    for (const auto& c : cases) {
        CAPTURE(c.patch);
        const auto warnings = lint_of(c.patch);
        CHECK_MESSAGE(warnings.size() == 1, describe(warnings));
        if (!warnings.empty()) CHECK(warnings.front() == c.expected);
    }
}

TEST_CASE("what lint leaves alone") {
    SUBCASE("keys of the faces") {
        CHECK(
            lint_of(R"([{"op": "add", "path": "/locales/en/ui.next", "value": "Next"}])").empty());
    }
    SUBCASE("short texts that are the same word in two languages") {
        CHECK(
            lint_of(R"([{"op": "replace", "path": "/locales/pl/q.sex", "value": "Sex"}])").empty());
    }
    SUBCASE("a setting used only in a text") {
        CHECK(lint_of(R"([{"op": "replace", "path": "/findings/4/earliest",
                          "value": {"date_add": [{"var": "alcohol_last"}, 3]}}])")
                  .empty());
    }
    SUBCASE("questions the planner reads") {
        CHECK(lint_of(R"([{"op": "add", "path": "/questions/-",
                          "value": {"id": "start_date", "type": "date", "step": "wishes",
                                    "required": false, "text": "q.alcohol_last"}}])")
                  .empty());
    }
}
