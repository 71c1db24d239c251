// The incremental Session: the same results as screen() after every change, with fewer
// evaluations when a change touches little.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "tests/unit/screen/screen_fixture.hpp"

using namespace meso;
using meso::screen_test::day;
using meso::screen_test::input;
using meso::screen_test::minimal;
using meso::screen_test::minimal_document;

namespace {

std::shared_ptr<const RuleSet> shared_minimal() {
    static const auto rules = meso::screen_test::load(minimal_document());
    return rules;
}

Json screened(const Session& session) {
    return screen(session.rules(), session.input()).to_json(session.rules(), session.input());
}

Json session_json(const Session& session) {
    return session.result().to_json(session.rules(), session.input());
}

// Valid and invalid values for every key, and a key that is no question.
const std::vector<std::pair<std::string, std::vector<Json>>>& value_pool() {
    static const std::vector<std::pair<std::string, std::vector<Json>>> pool = {
        {"age", {10, 15, 16, 17, 18, 30, 100, 121, "30", 18.5, 18.0, nullptr}},
        {"sex", {"female", "male", "other", "alien", 1, nullptr}},
        {"pregnant", {true, false, "yes", nullptr}},
        {"cancer", {true, false, 0, nullptr}},
        {"alcohol_recent", {true, false, nullptr}},
        {"alcohol_last", {"2026-02-27", "2026-03-10", "2025-01-01", "2026-02-30", 5, nullptr}},
        {"concerns",
         {Json{"wrinkles"}, Json{"hair_loss"}, Json{"wrinkles", "hair_loss"},
          Json{"filler_overcorrection"}, Json::array(), Json{"x"}, Json{"wrinkles", "wrinkles"},
          "wrinkles", nullptr}},
        {"areas",
         {Json{"face"}, Json{"scalp"}, Json{"face", "neck"}, Json{"neck", "neck"}, Json::array(),
          Json{"elbow"}, nullptr}},
        {"bogus", {1, nullptr}},
    };
    return pool;
}

}  // namespace

TEST_CASE("session: identical to screen() after every change (randomized, fixed seed)") {
    Session session(shared_minimal(), day("2026-03-01"), "en");
    CHECK(session_json(session) == screened(session));
    std::mt19937 random(20260301u);
    const auto& pool = value_pool();
    for (int step = 0; step < 600; ++step) {
        const auto& [key, values] = pool[random() % pool.size()];
        const Json& value = values[random() % values.size()];
        session.set(key, value);
        CAPTURE(step);
        CAPTURE(session.answers().dump());
        REQUIRE(session_json(session) == screened(session));
        REQUIRE(screen_status(session.rules(), session.input()) == session.result().status);
        if (step % 150 == 149) {
            session.set_lang(step % 300 == 149 ? "pl" : "en");
            REQUIRE(session_json(session) == screened(session));
        }
    }
}

TEST_CASE("session: a change re-evaluates only the conditions that read it") {
    Session session(shared_minimal(), day("2026-03-01"), "en");
    // everything, once: 4 enableWhen + 9 findings
    CHECK(session.last_evaluations() == 13);
    const Json clean = meso::screen_test::clean_answers();
    for (const auto& [key, value] : clean.items()) session.set(key, value);
    CHECK(session.result().status == Status::eligible);

    session.set("cancer", true);  // read by two findings, by no question
    CHECK(session.last_evaluations() == 2);
    CHECK(session.result().status == Status::ineligible);

    session.set("bogus", 1);  // no condition reads it
    CHECK(session.last_evaluations() == 0);
    CHECK(session.result().errors.size() == 1);

    session.set("cancer", "yes");  // invalid: cancer leaves the effective answers
    CHECK(session.last_evaluations() == 2);
    CHECK(session.result().status == Status::incomplete);

    session.set("cancer", false);
    session.clear("bogus");
    CHECK(session.result().status == Status::eligible);

    session.set("age", 30);  // same value: nothing to evaluate
    CHECK(session.last_evaluations() == 0);

    // age: alcohol_recent's enableWhen and three findings. That hides alcohol_recent, whose
    // answer leaves the effective answers: alcohol_last's enableWhen and two more findings.
    session.set("age", 12);
    CHECK(session.last_evaluations() == 1 + 3 + 1 + 2);
    CHECK(session.result().status == Status::consult);

    session.set_lang("pl");
    CHECK(session.last_evaluations() == 0);
    CHECK(session.result().findings[0].text == "Poniżej 18 lat: tylko z rodzicem lub opiekunem.");

    std::size_t full = 0;
    Session fresh(shared_minimal(), day("2026-03-01"), "en");
    full = fresh.last_evaluations();
    session.set("cancer", true);
    CHECK(session.last_evaluations() < full);
}

TEST_CASE("session: reset, moves and accessors") {
    Session session(shared_minimal(), day("2026-03-01"), "pl");
    session.set("age", 30);
    CHECK(session.answers() == Json{{"age", 30}});
    CHECK(session.input().lang == "pl");
    CHECK(session.input().today == day("2026-03-01"));
    CHECK(&session.rules() == shared_minimal().get());

    Session moved = std::move(session);
    CHECK(moved.answers() == Json{{"age", 30}});
    moved.set("age", nullptr);
    CHECK(moved.answers() == Json::object());
    moved.set("sex", "male");
    moved.reset();
    CHECK(moved.answers() == Json::object());
    CHECK(moved.last_evaluations() == 13);
    CHECK(session_json(moved) == screened(moved));
}

TEST_CASE("session: a rule set with visibility that depends on a later question") {
    // Should the loader allow a question to read a later one, evaluation follows dependencies.
    Json document = minimal_document();
    auto& questions = document["questions"];
    Json sex = questions[1];
    questions.erase(1);
    questions.push_back(sex);  // pregnant reads sex, which is now asked last
    const auto rules = meso::screen_test::load(document);
    Session session(rules, day("2026-03-01"), "en");
    std::mt19937 random(7u);
    const auto& pool = value_pool();
    for (int step = 0; step < 200; ++step) {
        const auto& [key, values] = pool[random() % pool.size()];
        session.set(key, values[random() % values.size()]);
        CAPTURE(step);
        REQUIRE(session_json(session) == screened(session));
    }
    session.set("sex", "male");
    session.set("pregnant", true);
    const auto& ignored = session.result().ignored;
    CHECK(std::find(ignored.begin(), ignored.end(), "pregnant") != ignored.end());
}

TEST_CASE("session: conditions that name their variables at run time are always evaluated") {
    Json document = minimal_document();
    document["questions"][2]["enableWhen"] =
        Json::parse(R"({"!=": [{"var": {"cat": ["se", "x"]}}, "male"]})");
    document["findings"].push_back(Json::parse(R"({"id": "dynamic_cancer",
        "severity": "consult", "when": {"var": {"cat": ["can", "cer"]}},
        "text": "finding.cancer", "sources": ["002"]})"));
    const auto rules = meso::screen_test::load(document);
    Session session(rules, day("2026-03-01"), "en");
    session.set("bogus", 1);
    CHECK(session.last_evaluations() == 2);
    std::mt19937 random(11u);
    const auto& pool = value_pool();
    for (int step = 0; step < 200; ++step) {
        const auto& [key, values] = pool[random() % pool.size()];
        session.set(key, values[random() % values.size()]);
        CAPTURE(step);
        REQUIRE(session_json(session) == screened(session));
    }
}

TEST_CASE("session: a choice no longer offered leaves the answers") {
    Session session(shared_minimal(), day("2026-03-01"), "en");
    session.set("concerns", Json{"wrinkles", "hair_loss"});
    session.set("areas", Json{"face", "scalp"});
    CHECK(session.answers()["areas"] == Json{"face", "scalp"});

    session.set("concerns", Json{"wrinkles"});  // the scalp is offered for hair loss only
    CHECK(session.answers()["areas"] == Json{"face"});
    CHECK(session_json(session) == screened(session));

    session.set("concerns", Json{"hair_loss"});  // no area left: the answer goes
    CHECK_FALSE(session.answers().contains("areas"));
    const auto& missing = session.result().missing;
    CHECK(std::find(missing.begin(), missing.end(), "areas") != missing.end());

    // An id the rule set never offers is kept, so that its error still shows.
    session.set("areas", Json{"scalp", "elbow"});
    CHECK(session.answers()["areas"] == Json{"scalp", "elbow"});
    CHECK(session.result().status == Status::incomplete);
}

namespace {

// What the widget's engine.js does with a change record (web/bindings/engine.js, _changed).
void apply_changes(Json& form, const Json& changes) {
    form["status"] = changes["status"];
    form["progress"] = changes["progress"];
    for (const char* key : {"visible", "missing", "errors"})
        if (changes.contains(key)) form[key] = changes[key];
    for (const char* key : {"question_texts", "options"}) {
        for (const Json& id : changes["hidden"]) form[key].erase(id.get<std::string>());
        if (changes.contains(key)) form[key].update(changes[key]);
    }
}

}  // namespace

TEST_CASE("session: a form kept from change records is the form, and the form is the result's") {
    Session session(shared_minimal(), day("2026-03-01"), "en");
    Json kept = form_json(session.rules(), session.input(), session.form());
    std::mt19937 random(20261127u);
    const auto& pool = value_pool();
    for (int step = 0; step < 600; ++step) {
        const auto& [key, values] = pool[random() % pool.size()];
        const ScreenResult before = session.form();
        session.set(key, values[random() % values.size()]);
        CAPTURE(step);
        CAPTURE(session.answers().dump());
        const Json changes = form_changes(session.rules(), session.input(), before, session.form());
        apply_changes(kept, changes);
        const Json form = form_json(session.rules(), session.input(), session.form());
        REQUIRE(kept == form);
        // shown and hidden are exactly what visibility did, in asking order
        for (const Json& id : changes["shown"]) {
            CHECK(std::find(before.visible.begin(), before.visible.end(), id) ==
                  before.visible.end());
            CHECK(std::find(session.form().visible.begin(), session.form().visible.end(), id) !=
                  session.form().visible.end());
        }
        CHECK(changes["shown"].size() + before.visible.size() ==
              changes["hidden"].size() + session.form().visible.size());
        const Json whole = session_json(session);
        for (const char* part :
             {"status", "visible", "missing", "errors", "question_texts", "options"})
            REQUIRE(form[part] == whole[part]);
    }
}

TEST_CASE("session: the form leaves out the findings and the plan, which result() builds") {
    Session session(shared_minimal(), day("2026-03-01"), "en");
    const Json clean = meso::screen_test::clean_answers();
    for (const auto& [key, value] : clean.items()) session.set(key, value);
    session.set("cancer", true);
    CHECK(session.form().status == Status::ineligible);
    CHECK(session.form().findings.empty());
    CHECK_FALSE(session.result().findings.empty());
    CHECK(session.result().status == Status::ineligible);
    const Json changes =
        form_changes(session.rules(), session.input(), session.form(), session.form());
    CHECK(changes == Json{{"status", "ineligible"},
                          {"progress",
                           form_json(session.rules(), session.input(), session.form())["progress"]},
                          {"shown", Json::array()},
                          {"hidden", Json::array()}});
}
