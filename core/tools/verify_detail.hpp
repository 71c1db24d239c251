// The verifier's steps (core/tools/verify.cpp runs them in order):
//   verify_groups.cpp  every group's answer combinations and what each adds to a screening;
//   verify_states.cpp  what all the other groups can add together, one answer set per outcome;
//   verify_check.cpp   screening group combinations against those outcomes, and shrinking a
//                      counterexample.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/ruleset/ruleset.hpp"
#include "core/screen/screen.hpp"
#include "core/tools/answer_space.hpp"
#include "core/tools/verify.hpp"

namespace meso::verify_detail {

// screen() with a count of its calls and a limit on them, shared by every thread, and the work
// (logic steps) every call used, against the verification's one budget. A screening that runs
// out of its own budget, or a total over the verification's, stops the search: the rule set is
// too large to verify, and the error says what to shrink.
class Screener {
public:
    Screener(const RuleSet& rules, Date today, std::size_t limit,
             std::size_t max_steps = VerifyOptions{}.max_steps,
             std::function<void(std::size_t)> progress = {})
        : rules_(rules),
          today_(today),
          worded_(word_questions(rules, input(Json::object()))),
          limit_(limit),
          max_steps_(max_steps),
          progress_(std::move(progress)) {}

    // False once the limit is reached; then `result` is left alone.
    bool run(const Json& answers, ScreenResult& result);
    // Counted, not limited: for the few calls that shrink a counterexample.
    ScreenResult run_always(const Json& answers);
    // Reserves `n` calls ahead; false (and nothing reserved) when they do not fit.
    bool reserve(std::size_t n);
    // Reserves as many of `n` calls as fit; returns how many.
    std::size_t reserve_up_to(std::size_t n);
    // Runs a call reserved with reserve().
    ScreenResult run_reserved(const Json& answers) const;
    ScreenResult run_reserved(const ScreenInput& input) const;
    ScreenInput input(Json answers) const;
    Json to_json(const ScreenResult& result, const Json& answers) const;

    std::size_t calls() const { return calls_.load(); }
    // VerifyOptions::progress, with the calls so far; only on the calling thread.
    void tell_progress() const {
        if (progress_) progress_(calls());
    }
    // Adds work done outside screen() (invariants) to the total.
    void spend(std::size_t steps, const Errors& errors) const;
    bool stopped() const { return stopped_.load(); }
    std::optional<Error> too_large() const;
    std::size_t steps() const { return steps_.load(); }
    const RuleSet& rules() const { return rules_; }
    Date today() const { return today_; }

private:
    const RuleSet& rules_;
    Date today_;
    // The question texts of every screening (they do not depend on the answers): wording them
    // again for each was a third of the verification's time.
    WordedQuestions worded_;
    std::size_t limit_;
    std::size_t max_steps_;
    std::function<void(std::size_t)> progress_;
    std::atomic<std::size_t> calls_{0};
    mutable std::atomic<std::size_t> steps_{0};
    mutable std::atomic<bool> stopped_{false};
    mutable std::mutex mutex_;
    mutable std::optional<Error> too_large_;
};

// What one group's answers add to a screening, as far as the other groups can tell: the
// severities of its findings, whether it leaves a required question unanswered, whether an
// answer is unreadable, whether it postpones without a date, the latest date it postpones to,
// and, for the group the plan reads, where the start and the plan end up. Dates are days since
// 1970-01-01.
struct Outcome {
    std::uint8_t severities = 0;  // bit (1 << Severity)
    bool missing = false;
    bool error = false;
    bool undated = false;
    std::optional<std::int64_t> earliest;
    bool planner = false;               // the group the plan reads: the fields below are its
    std::optional<std::int64_t> start;  // earliest_start
    bool plan = false;                  // a plan is shown
    std::optional<std::int64_t> first;  // the plan's first date

    // Every field, for ordering (spelt out: the wasm build's library has no <=> for optional).
    std::array<std::int64_t, 12> key() const {
        return {severities,
                missing,
                error,
                undated,
                earliest.has_value(),
                earliest.value_or(0),
                planner,
                start.has_value(),
                start.value_or(0),
                plan,
                first.has_value(),
                first.value_or(0)};
    }
    bool operator==(const Outcome& other) const { return key() == other.key(); }
    bool operator<(const Outcome& other) const { return key() < other.key(); }
};

Outcome combine(const Outcome& a, const Outcome& b);

// The outcome `group` contributes to `result`.
Outcome outcome_of(const RuleSet& rules, const AnswerSpace& space, std::size_t group,
                   const ScreenResult& result);

struct GroupValue {
    Json answers = Json::object();  // this group's keys only
    Outcome outcome;                // with the other groups at their neutral answers
    // The first value with its findings and plan; values that differ from it only in which of
    // the group's answers are missing or unreadable are not paired with other groups' values.
    bool paired = true;
    // For a group with parameters (AnswerSpace::parameters): the answers to them, as JSON text
    // of an object, that this value was reached with. Empty: with every one of them.
    std::vector<std::string> contexts;
};

struct GroupSpace {
    std::vector<GroupValue> values;  // one per distinct screening result
    std::size_t neutral = 0;         // index of the answers that add nothing
    std::size_t enumerated = 0;      // answer combinations tried before merging equal results
    bool complete = true;
    std::vector<std::string> parameters;  // the plan's answer keys its findings read
    bool planner = false;                 // the group the plan reads
};

// The answers to `keys` in `answers` (those given), as JSON text: a value's context.
std::string context_of(const Json& answers, const std::vector<std::string>& keys);
// Whether `value` was reached with the parameters at `context`.
bool fits(const GroupValue& value, const std::string& context);
// What the groups with parameters can tell of the plan's `answers`: for each, the values that
// fit them. Answers with the same class meet the same values of those groups.
std::string class_of(const std::vector<GroupSpace>& groups, const Json& answers);

// Enumerates every group and merges combinations that screen identically.
std::vector<GroupSpace> explore_groups(const AnswerSpace& space, Screener& screener);

// An outcome of all groups but one, with answers that reach it.
struct OthersState {
    Outcome outcome;  // merged (see others_states): dates stand for their place, not a day
    Json answers = Json::object();
};

// What a value of the remaining group hides of the others' outcome: a value that leaves the
// screening unplannable (missing or unreadable answers, an ineligible finding) hides the start
// and the plan; one that postpones without a date hides the start.
enum class Hidden { nothing, start, plan };

Hidden hidden_by(const Outcome& value);

// The outcomes a set of groups (all but the one checked) reach together, folded in one group
// at a time; the groups must outlive it.
class OthersFold {
public:
    void add(const GroupSpace& group);
    // Every outcome of the groups added. Outcomes that the group checked cannot tell apart are
    // merged: dates count only by their order among themselves, today, the dates that group
    // itself gives and today ± every number an invariant names (`points`); the start and the plan
    // count only while the others leave the screening plannable and postpone to a known date, and
    // while the value checked does not hide them. The groups all at their neutral answers are
    // always one of them.
    std::vector<OthersState> states(const std::vector<std::int64_t>& points, Hidden hidden) const;
    // Every outcome reached, as it is, each with the first answers reaching it.
    std::vector<OthersState> reached() const;

private:
    // A fold step chose value `value` of `group` after the choices of step `parent`.
    struct Choice {
        std::int64_t parent;  // -1: the start
        const GroupSpace* group;
        std::uint32_t value;
    };
    std::vector<Choice> choices_;
    std::map<Outcome, std::int64_t> states_{{Outcome{}, -1}};
    std::vector<const GroupSpace*> groups_;
};

// Screens every value of every group against every state of the others and evaluates the
// invariants; fills report.violations (shrunk) and clears report.complete when cut short.
void check_all(const std::vector<GroupSpace>& groups, Screener& screener, unsigned threads,
               VerifyReport& report);

// The invariant's verdict on a screening result: true when it holds. An invariant that cannot
// be evaluated does not hold.
bool holds(const Invariant& invariant, const Json& result, const logic::EvalContext& context);

// Drops answers one at a time, last question first, while `invariant` still fails; then
// replaces the answers left by the plainer ones in `neutral` where it still fails.
Json shrink(const Invariant& invariant, Json answers, const Json& neutral, Screener& screener);
// The same for an engine guarantee (verify_guarantees.hpp), and for any failing predicate.
struct Guarantee;
Json shrink(const Guarantee& guarantee, Json answers, const Json& neutral, Screener& screener);
Json shrink_by(const std::function<bool(const Json&)>& fails, Json answers, const Json& neutral,
               Screener& screener);

std::size_t answered_keys(const Json& answers);

// The answer key an answer error points at: the first token of its JSON Pointer, unescaped
// ("" for the whole document).
std::string key_of_path(const std::string& path);

}  // namespace meso::verify_detail
