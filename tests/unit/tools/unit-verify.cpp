// `verify`: the answer space the rules can tell apart, its independent groups, and proofs and
// counterexamples of rule set invariants.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "core/screen/screen.hpp"
#include "core/tools/answer_space.hpp"
#include "core/tools/verify.hpp"
#include "core/tools/verify_detail.hpp"
#include "tests/unit/screen/screen_fixture.hpp"

using namespace meso;

namespace {

const Date screening_day = *Date::parse("2026-03-01");

// minimal.json with no finding that reads two health questions and alcohol asked at any age, so
// that its health questions fall into small groups and the search stays quick under sanitizers.
// (The whole minimal.json is one group of ~10,000 combinations: proved too, but slowly there.)
Json split_minimal() {
    return test::patched_minimal(R"([
        {"op": "test", "path": "/findings/5/id", "value": "pregnant_minor"},
        {"op": "remove", "path": "/findings/5"},
        {"op": "test", "path": "/findings/1/id", "value": "cancer_and_pregnant"},
        {"op": "remove", "path": "/findings/1"},
        {"op": "test", "path": "/questions/4/id", "value": "alcohol_recent"},
        {"op": "remove", "path": "/questions/4/enableWhen"}
    ])");
}

VerifyReport verify(const RuleSet& rules, unsigned threads = 2) {
    VerifyOptions options;
    options.today = screening_day;
    options.threads = threads;
    return verify_ruleset(rules, options);
}

bool invariant_holds(const RuleSet& rules, const std::string& id, const Json& answers) {
    const ScreenInput input{answers, screening_day, ""};
    const Json result = screen(rules, input).to_json(rules, input);
    const auto it = std::find_if(rules.invariants.begin(), rules.invariants.end(),
                                 [&](const Invariant& invariant) { return invariant.id == id; });
    REQUIRE(it != rules.invariants.end());
    return verify_detail::holds(*it, result, logic::EvalContext{screening_day.iso()});
}

logic::Program rule(const char* text) {
    Result<logic::Program> program = logic::Program::compile(Json::parse(text));
    REQUIRE(program.ok());
    return *program;
}

Question question(std::string id, QuestionType type, std::optional<logic::Program> enable = {}) {
    Question q;
    q.id = std::move(id);
    q.type = type;
    q.enable_when = std::move(enable);
    return q;
}

Finding finding(std::string id, const char* when) {
    return Finding{.id = std::move(id), .severity = Severity::consult, .when = rule(when)};
}

std::vector<std::string> ids_of(const RuleSet& rules, const std::vector<std::size_t>& group) {
    std::vector<std::string> out;
    for (const std::size_t q : group) out.push_back(rules.questions[q].id);
    return out;
}

std::vector<std::string> dumps(const std::vector<AnswerValue>& values) {
    std::vector<std::string> out;
    for (const AnswerValue& value : values) out.push_back(value ? value->dump() : "unanswered");
    return out;
}

std::size_t index_of(const RuleSet& rules, const std::string& id) {
    for (std::size_t i = 0; i < rules.questions.size(); ++i)
        if (rules.questions[i].id == id) return i;
    FAIL("no question " << id);
    return 0;
}

// A hand-made rule set: only what the answer space reads.
RuleSet hand_made() {
    RuleSet rules;
    Question age = question("age", QuestionType::integer);
    age.min = 0;
    age.max = 120;
    Question sex = question("sex", QuestionType::single);
    sex.options = {{"female", ""}, {"male", ""}};
    Question concerns = question("concerns", QuestionType::multiple);
    concerns.options_from = "concerns";
    Question areas =
        question("areas", QuestionType::multiple, rule(R"({"!!": [{"var": "concerns"}]})"));
    areas.options_from = "areas";
    rules.questions = {
        age,
        sex,
        question("pregnant", QuestionType::boolean, rule(R"({"!=": [{"var": "sex"}, "male"]})")),
        question("smoker", QuestionType::boolean),
        question("cancer", QuestionType::boolean),
        question("notes", QuestionType::boolean),
        question("last_drink", QuestionType::date),
        concerns,
        areas,
        question("start_date", QuestionType::date)};
    rules.findings = {
        finding("minor", R"({"<": [{"var": "age"}, 18]})"),
        finding("old_smoker", R"({"and": [{"var": "smoker"}, {">": [{"var": "age"}, 60]}]})"),
        finding("cancer", R"({"var": "cancer"})"), finding("alcohol", R"({"var": "last_drink"})"),
        finding("doctor", R"({"in": ["filler", {"var": "concerns"}]})")};
    rules.findings[3].earliest = rule(R"({"date_add": [{"var": "last_drink"}, 3]})");
    rules.concerns = {Concern{.id = "wrinkles", .areas = {"face", "neck"}, .course = "general"},
                      Concern{.id = "dull_skin", .areas = {"neck", "face"}, .course = "general"},
                      Concern{.id = "hair_loss", .areas = {"scalp"}, .course = "scalp"},
                      Concern{.id = "filler", .areas = {"face"}, .course = "general"}};
    rules.areas = {{"face", ""}, {"neck", ""}, {"scalp", ""}};
    return rules;
}

}  // namespace

TEST_CASE("answer space: questions that no condition reads together are independent groups") {
    const RuleSet rules = hand_made();
    const AnswerSpace space(rules, screening_day);
    std::vector<std::vector<std::string>> groups;
    for (const auto& group : space.groups()) groups.push_back(ids_of(rules, group));
    const std::vector<std::vector<std::string>> expected = {
        {"age", "smoker"},               // read together by old_smoker
        {"sex", "pregnant"},             // sex decides whether pregnant is asked
        {"cancer"},          {"notes"},  // read by nothing
        {"last_drink"},      {"concerns", "areas", "start_date"}};  // what the plan reads
    CHECK(groups == expected);
    CHECK(space.group_of_finding(0) == 0);
    CHECK(space.group_of_finding(4) == 5);
    CHECK(space.planner_group() == 5);
    CHECK(space.group_of_key("pregnant") == 1);
    CHECK(space.group_of_key("nope") == AnswerSpace::none);
}

TEST_CASE("answer space: the plan's questions a finding reads besides its own are parameters") {
    RuleSet rules = hand_made();
    rules.findings.push_back(
        finding("noted_hair_loss",
                R"({"and": [{"var": "notes"}, {"in": ["hair_loss", {"var": "concerns"}]}]})"));
    const AnswerSpace space(rules, screening_day);
    // notes keeps its own group instead of joining the plan's.
    CHECK(space.groups().size() == 6);
    const std::size_t notes = space.group_of_key("notes");
    CHECK(ids_of(rules, space.groups()[notes]) == std::vector<std::string>{"notes"});
    CHECK(space.group_of_finding(5) == notes);
    CHECK(ids_of(rules, space.parameters(notes)) == std::vector<std::string>{"concerns"});
    CHECK(space.parameters(space.planner_group()).empty());
    CHECK(space.parameters(space.group_of_key("age")).empty());
    // A finding that reads only the plan's questions stays the plan's.
    CHECK(space.group_of_finding(4) == space.planner_group());
}

TEST_CASE("answer space: integers at their bounds and around every number a condition names") {
    const RuleSet rules = hand_made();
    const AnswerSpace space(rules, screening_day);
    // age < 18 gives 17, 18, 19; age > 60 gives 59, 60, 61; the bounds and one past each.
    CHECK(dumps(space.values(index_of(rules, "age"), Json::object())) ==
          std::vector<std::string>{"unanswered", "\"ten\"", "-1", "0", "17", "18", "19", "59", "60",
                                   "61", "120", "121"});
}

TEST_CASE("answer space: booleans, options, and a value of the wrong type") {
    const RuleSet rules = hand_made();
    const AnswerSpace space(rules, screening_day);
    CHECK(dumps(space.values(index_of(rules, "cancer"), Json::object())) ==
          std::vector<std::string>{"unanswered", "\"yes\"", "true", "false"});
    CHECK(dumps(space.values(index_of(rules, "sex"), Json::object())) ==
          std::vector<std::string>{"unanswered", "1", "\"female\"", "\"male\""});
}

TEST_CASE("answer space: dates around every waiting period, an impossible day, far away days") {
    const RuleSet rules = hand_made();
    const AnswerSpace space(rules, screening_day);
    const std::vector<std::string> values =
        dumps(space.values(index_of(rules, "last_drink"), Json::object()));
    for (const char* expected :
         {"unanswered", "20260101", "\"2026-02-30\"", "\"2016-03-03\"", "\"2026-02-25\"",
          "\"2026-02-26\"", "\"2026-02-27\"", "\"2026-02-28\"", "\"2026-03-01\"", "\"2026-03-02\"",
          "\"2026-03-03\"", "\"2026-03-04\"", "\"2026-03-05\"", "\"2036-02-27\"",
          // the engine's first and last day (verify_guarantees.hpp)
          "\"1900-01-01\"", "\"2199-12-31\""})
        CHECK(std::count(values.begin(), values.end(), expected) == 1);
    CHECK(values.size() == 16);
}

TEST_CASE("answer space: concerns that behave alike are one class; areas follow the concerns") {
    const RuleSet rules = hand_made();
    const AnswerSpace space(rules, screening_day);
    // dull_skin is wrinkles again (same course, same areas); filler is named by a condition.
    CHECK(dumps(space.values(index_of(rules, "concerns"), Json::object())) ==
          std::vector<std::string>{"unanswered", "\"all\"", "[]", "[\"wrinkles\"]",
                                   "[\"hair_loss\"]", "[\"filler\"]",
                                   "[\"wrinkles\",\"hair_loss\"]", "[\"wrinkles\",\"filler\"]",
                                   "[\"hair_loss\",\"filler\"]",
                                   "[\"wrinkles\",\"dull_skin\",\"hair_loss\",\"filler\"]"});
    CHECK(dumps(space.values(index_of(rules, "areas"), Json{{"concerns", {"wrinkles"}}})) ==
          std::vector<std::string>{"unanswered", "\"all\"", "[]", "[\"face\"]",
                                   "[\"face\",\"neck\"]", "[\"scalp\"]"});
}

TEST_CASE("verify: the minimal rule set's invariants hold over its whole answer space") {
    const auto rules = screen_test::load(split_minimal());
    const VerifyReport report = verify(*rules);
    CHECK(report.complete);
    CHECK(report.errors.empty());
    CHECK(report.violations.empty());
    CHECK(report.proved());
    CHECK(report.combinations > 0);
    CHECK(report.groups == 5);  // age; sex and pregnant; cancer; alcohol; concerns and areas
    CHECK(report.invariants ==
          std::vector<std::string>{"blocking_finding_never_eligible", "eligible_without_findings",
                                   "engine.exposure_wait", "engine.exposure_date",
                                   "engine.date_bounds", "engine.plan_dates"});
}

TEST_CASE("verify: progress tells the screenings so far, rising, on the calling thread") {
    const auto rules = screen_test::load(split_minimal());
    for (const unsigned threads : {1u, 2u}) {
        CAPTURE(threads);
        std::vector<std::size_t> told;
        const auto caller = std::this_thread::get_id();
        bool elsewhere = false;
        VerifyOptions options;
        options.today = screening_day;
        options.threads = threads;
        options.progress = [&](std::size_t screenings) {
            told.push_back(screenings);
            elsewhere = elsewhere || std::this_thread::get_id() != caller;
        };
        const VerifyReport report = verify_ruleset(*rules, options);
        REQUIRE(report.proved());
        REQUIRE(told.size() > 1);
        CHECK_FALSE(elsewhere);
        CHECK(std::is_sorted(told.begin(), told.end()));
        CHECK(told.front() > 0);
        // The last batch is told; the few screenings that shrink a counterexample come after.
        CHECK(told.back() <= report.combinations);
        CHECK(told.back() * 10 >= report.combinations * 9);
    }
}

// split_minimal with a finding that only a drink together with hair loss gives, and an invariant
// that forbids it: found only where the alcohol group meets the plan's answers.
Json drink_and_hair_loss() {
    Json document = split_minimal();
    document["findings"].push_back(
        {{"id", "drink_hair_loss"},
         {"severity", "consult"},
         {"text", document["findings"][0]["text"]},
         {"sources", document["findings"][0]["sources"]},
         {"when",
          Json::parse(
              R"({"and": [{"var": "alcohol_recent"}, {"in": ["hair_loss", {"var": "concerns"}]}]})")}});
    document["invariants"].push_back(
        {{"id", "never_drink_hair_loss"},
         {"text", "invariant.blocking"},
         {"check",
          Json::parse(
              R"({"!": {"some": [{"var": "findings"}, {"==": [{"var": "id"}, "drink_hair_loss"]}]}})")}});
    return document;
}

TEST_CASE("verify: a finding that reads the plan's answers is checked with each of them") {
    const auto rules = screen_test::load(drink_and_hair_loss());
    const VerifyReport report = verify(*rules);
    CHECK(report.complete);
    CHECK(report.groups == 5);  // alcohol keeps its own group: concerns is its parameter
    REQUIRE(report.violations.size() == 1);
    const Counterexample& found = report.violations[0];
    CHECK(found.invariant == "never_drink_hair_loss");
    CHECK(found.answers["alcohol_recent"] == true);
    CHECK(found.answers["concerns"] == Json::array({"hair_loss"}));
    CHECK_FALSE(invariant_holds(*rules, found.invariant, found.answers));
}

TEST_CASE("verify: with parameters, the sound rule set still proves, one thread or two") {
    Json document = drink_and_hair_loss();
    document["invariants"].erase(document["invariants"].size() - 1);
    const auto rules = screen_test::load(document);
    const VerifyReport report = verify(*rules);
    CHECK(report.complete);
    CHECK(report.proved());
    CHECK(verify(*rules, 1).to_json() == report.to_json());
}

TEST_CASE("verify: a hidden question is only ever unanswered") {
    const auto rules = screen_test::load(split_minimal());
    const AnswerSpace space(*rules, screening_day);
    verify_detail::Screener screener(*rules, screening_day, 1'000'000);
    const auto groups = verify_detail::explore_groups(space, screener);
    REQUIRE(ids_of(*rules, space.groups()[1]) == std::vector<std::string>{"sex", "pregnant"});
    // sex: unanswered, 1, female, male, other; pregnant (4 values) is not asked of men.
    CHECK(groups[1].enumerated == 4 * 4 + 1);
}

// broken-invariant.json (the finding "cancer" postpones where its invariant wants ineligible),
// here also with an invariant that no screening can meet. Verified once, for several tests.
const RuleSet& broken() {
    static const auto rules = [] {
        Json document = test::read_json_file("tests/rulesets/broken-invariant.json");
        document["invariants"].push_back({{"id", "always_eligible"},
                                          {"text", "invariant.blocking"},
                                          {"check", {{"==", {{{"var", "status"}}, "eligible"}}}}});
        return screen_test::load(document);
    }();
    return *rules;
}

const VerifyReport& broken_report() {
    static const VerifyReport report = verify(broken());
    return report;
}

TEST_CASE("verify: a broken rule set gives a small counterexample that reproduces") {
    const VerifyReport& report = broken_report();
    CHECK(report.complete);
    CHECK_FALSE(report.proved());
    REQUIRE(report.violations.size() == 2);
    const Counterexample& found = report.violations[0];
    CHECK(found.invariant == "cancer_is_ineligible");
    CHECK(found.answers["cancer"] == true);
    // Only what keeps the screening complete besides cancer: age, sex, alcohol, concerns.
    CHECK(found.answers.size() <= 5);
    CHECK(found.result["status"] == "postpone");
    CHECK_FALSE(invariant_holds(broken(), found.invariant, found.answers));
    const ScreenInput input{found.answers, screening_day, ""};
    CHECK(found.result == screen(broken(), input).to_json(broken(), input));
    // Every answer it keeps is needed: without any one of them the invariant holds.
    for (const auto& item : found.answers.items()) {
        Json fewer = found.answers;
        fewer.erase(item.key());
        CHECK_MESSAGE(invariant_holds(broken(), found.invariant, fewer), item.key());
    }
}

TEST_CASE("verify: a plainly false invariant fails with no answers at all") {
    const VerifyReport& report = broken_report();
    REQUIRE(report.violations.size() == 2);
    CHECK(report.violations[1].invariant == "always_eligible");
    CHECK(report.violations[1].answers == Json::object());
    CHECK(report.violations[1].result["status"] == "incomplete");
}

TEST_CASE("verify: one thread or two, the same report") {
    CHECK(verify(broken(), 1).to_json() == broken_report().to_json());
}

TEST_CASE("verify: a limit on screenings stops the search, which then proves nothing") {
    const auto rules = screen_test::load(split_minimal());
    VerifyOptions options;
    options.today = screening_day;
    options.max_combinations = 10;
    const VerifyReport report = verify_ruleset(*rules, options);
    CHECK_FALSE(report.complete);
    CHECK_FALSE(report.proved());
    CHECK(report.combinations <= 10);
    CHECK(report.to_json()["proved"] == false);
}

TEST_CASE("verify: a rule set without invariants still has the engine's guarantees") {
    Json document = split_minimal();
    document["invariants"] = Json::array();
    const auto rules = screen_test::load(document);
    const VerifyReport report = verify(*rules);
    CHECK(report.invariants == std::vector<std::string>{"engine.exposure_wait",
                                                        "engine.exposure_date",
                                                        "engine.date_bounds", "engine.plan_dates"});
    CHECK(report.violations.empty());
    CHECK(report.complete);
    CHECK(report.groups == 5);
    CHECK(report.group_answers > 0);
}

TEST_CASE("verify: the report as JSON") {
    VerifyReport report;
    report.combinations = 12;
    report.groups = 3;
    report.group_answers = 7;
    report.invariants = {"a", "b"};
    report.violations.push_back({"b", Json{{"cancer", true}}, Json{{"status", "postpone"}}});
    CHECK(report.to_json() == Json::parse(R"({
        "proved": false, "complete": true, "combinations": 12, "groups": 3, "group_answers": 7,
        "invariants": ["a", "b"],
        "violations": [{"invariant": "b", "answers": {"cancer": true},
                        "result": {"status": "postpone"}}],
        "errors": []})"));
}
