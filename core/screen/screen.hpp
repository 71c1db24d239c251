// Screening and course planning: the one API that the CLI, the wasm module and the tests share.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/date.hpp"
#include "core/base/error.hpp"
#include "core/logic/program.hpp"
#include "core/ruleset/ruleset.hpp"

namespace meso {

struct ScreenInput {
    Json answers = Json::object();  // answer key -> value
    Date today = Date::from_days(0);
    std::string lang;  // "" = the rule set's default language
    // The real time, for the calendar's DTSTAMP: UTC as "YYYY-MM-DDTHH:MM:SSZ", fractions of a
    // second allowed (what JS's Date.toISOString() gives). The faces read the clock (the CLI,
    // the page's JS); the core never does. "" (or anything else) = midnight UTC of `today`.
    std::string now = {};
};

// The result of a screening. to_json() gives the contract of rules/DOMAIN.md ("CLI output
// contract"):
// {
//   "ruleset": {"id", "version"}, "lang", "today",
//   "status", "status_text", "disclaimer",
//   "visible": [question ids], "missing": [required visible unanswered ids],
//   "question_texts": {question id: {"text", "help"?}}   -- visible questions, in `lang`
//   "errors": [{"code","path","message"}]   -- wrong types, out of range, unknown keys
//   "ignored": [answers to questions that are not visible],
//   "options": {question id: [{"id","text"}]}   -- choices offered now, for visible questions
//   "findings": [{"id","severity","text","until"?,"earliest"?,"sources"}],
//   "earliest_start": "YYYY-MM-DD" | null,
//   "plan": { ... see PlanResult ... }   -- only when allowed (rules/DOMAIN.md)
// }
struct FindingResult {
    std::string id;
    Severity severity;
    std::string text;
    std::string until;             // "" when none
    std::optional<Date> earliest;  // postpone findings with a computable date
    std::vector<std::string> sources;
};

// The envelope of what the sources say. A bound no source states is none (null in JSON): "up
// to a year" keeps no minimum, and a figure no course gives has neither (rules/DOMAIN.md: no
// invented figure).
struct PlanRange {
    std::optional<double> min, max;
    std::optional<double> planned;
    std::vector<SourcedRange> ranges;  // what each source says
};

struct PlanResult {
    std::vector<std::string> concerns;  // chosen concerns that have a course
    std::vector<std::string> areas;
    std::vector<std::string> general_figures;  // concerns planned with the general figures
    std::vector<std::string> doctor_only;  // chosen concerns that get no course: the doctor decides
    bool provisional = false;              // a consult: the dates hold only if the doctor agrees
    PlanRange sessions, interval_days, first_results_sessions, effect_months, maintenance_per_year,
        session_minutes;
    std::vector<Date> dates;  // empty when no start can be computed yet
    // Texts already resolved in the screening language, with their sources.
    std::vector<SourcedText> preparation, during, aftercare, facts, notes;
    std::optional<Json> cost;  // {"currency","per_session","min","max","planned"} when priced
};

// A visible question's texts in the screening language, parameters filled in: the faces show
// these, so that a date or a plural reads the same in the CLI and the widget.
struct QuestionTexts {
    std::string text;
    std::string help;  // "" when the question has none
    bool operator==(const QuestionTexts&) const = default;
};

struct ScreenResult {
    Status status = Status::incomplete;
    std::vector<std::string> visible, missing, ignored;
    std::map<std::string, QuestionTexts> question_texts;  // by question id, visible ones only
    // The choices each visible single/multiple question offers now (areas follow the concerns).
    std::map<std::string, std::vector<std::string>> options;
    Errors errors;  // answer problems: each makes the status incomplete
    std::vector<FindingResult> findings;
    std::optional<Date> earliest_start;
    std::optional<PlanResult> plan;

    // `wording`: false leaves out what only words the result (status_text, disclaimer,
    // question_texts, options): what the verifier's invariants decide on is all there.
    Json to_json(const RuleSet& rules, const ScreenInput& input, bool wording = true) const;
};

// Every question's texts that can be worked out in one language on one day. They never depend
// on the answers, so a caller that screens many answer sets on the same day (the verifier) works
// them out once and screen() reads them instead of wording each question again. Read only: many
// threads may share one. A question whose parameter fails is not in `texts`: screen() words it
// each time, and reports its error each time.
struct WordedQuestions {
    std::string lang;  // resolved: the rule set's language that `texts` are in
    Date today = Date::from_days(0);
    std::map<std::string, QuestionTexts> texts;  // by question id
};

WordedQuestions word_questions(const RuleSet& rules, const ScreenInput& input);

// Stateless: evaluates everything, within one budget of work for the whole call (a fresh one
// unless the caller passes its own, as the verifier does to count what every call used).
// `worded`: question texts worked out before, used only when they are for the input's language
// and day.
ScreenResult screen(const RuleSet& rules, const ScreenInput& input, logic::Budget* budget = nullptr,
                    const WordedQuestions* worded = nullptr);

// screen(rules, input).status, without resolving a text or planning a course: the verdict for
// many respondents at once (and the figure the benchmark compares with json-logic-js, which
// evaluates the same conditions and nothing else).
Status screen_status(const RuleSet& rules, const ScreenInput& input);

// RFC 5545 calendar of the plan's dates (CRLF lines, folded at 75 octets, all-day events), per
// rules/DOMAIN.md: every event tentative, UIDs that depend on the rule set and the session's
// number only (a changed plan imported again replaces the old events), DTSTAMP from input.now,
// the clinic's name, address and phone when set. Empty when the plan has no dates.
std::string plan_ics(const RuleSet& rules, const ScreenResult& result, const ScreenInput& input);

// A form's state as JSON: the keys of the result that a form reads after each answer, "status",
// "visible", "missing", "errors", "question_texts" and "options", as to_json() writes them, and
// "progress": {"answered", "required"}, the required questions shown and how many of them hold a
// valid answer. `form` is a result from Session::form() (or any ScreenResult).
Json form_json(const RuleSet& rules, const ScreenInput& input, const ScreenResult& form);

// What one change did to a form, for a face that keeps the last state (the widget): "status" and
// "progress" always, "shown" and "hidden" (question ids, in asking order), and of "visible",
// "missing", "errors" the whole new value only when it changed, of "question_texts" and "options"
// only the questions whose entry is new or changed. Applied to form_json(before) it gives
// form_json(after), less the entries of hidden questions, which the face drops.
Json form_changes(const RuleSet& rules, const ScreenInput& input, const ScreenResult& before,
                  const ScreenResult& after);

// Incremental screening for a form: set one answer, get the new state. Only conditions that read
// a changed key (or a key whose visibility changed) are evaluated again. Gives results identical
// to screen() on the same answers (tests hold it to that).
class Session {
public:
    Session(std::shared_ptr<const RuleSet> rules, Date today, std::string lang);
    ~Session();
    Session(Session&&) noexcept;
    Session& operator=(Session&&) noexcept;

    // Null clears the answer. Atomic: if anything throws (out of memory natively), the previous
    // answers and result stand and the exception reaches the caller. A rule that exceeds its
    // limits is no failure of set(): the result says `incomplete` with a logic.limit error.
    void set(const std::string& key, const Json& value);
    void clear(const std::string& key);
    void reset();
    void set_lang(std::string lang);

    // The whole result, built on first use after a change: a form after each answer needs only
    // form(), and the texts of the findings and the plan are built when something asks.
    const ScreenResult& result() const;
    // result() without findings and plan (detail::Assembly::form): kept up to date by every change.
    const ScreenResult& form() const;
    const Json& answers() const;
    const ScreenInput& input() const;
    const RuleSet& rules() const;
    // How many condition evaluations the last set() made, for tests and benchmarks.
    std::size_t last_evaluations() const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace meso
