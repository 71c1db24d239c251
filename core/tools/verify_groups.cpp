// Every group's answer combinations. Each is screened alone (every other group unanswered),
// which shows all it adds: its findings with their dates, its missing and unreadable answers.
// Combinations that screen identically are merged. The plan's group is screened again with
// every other group at its neutral answers (those that add nothing), since alone the screening
// is incomplete and shows no plan.
#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "core/screen/answers.hpp"
#include "core/screen/state.hpp"
#include "core/tools/verify_detail.hpp"

namespace meso::verify_detail {
namespace {

// A runaway group (a rule that reads every answer joins them all) is cut here, long before
// memory runs out; the report then says the search is incomplete.
constexpr std::size_t max_group_combinations = 100'000;

struct Combination {
    Json answers = Json::object();
    Outcome outcome;
    std::string screened;  // the screening result, as text
    std::string shown;     // the same without which answers are missing or unreadable
};

// A screening result without the lists of missing, unreadable and shown questions, with only
// whether the group leaves one missing or unreadable: what another group's answers can meet.
std::string shown_text(Json result, const Outcome& outcome) {
    for (const char* list : {"missing", "errors", "visible", "ignored", "status"})
        result.erase(list);
    result["group_missing"] = outcome.missing;
    result["group_error"] = outcome.error;
    return result.dump();
}

class GroupEnumerator {
public:
    GroupEnumerator(const AnswerSpace& space, Screener& screener, std::size_t group)
        : space_(space),
          screener_(screener),
          group_(group),
          questions_(space.groups()[group]),
          context_{screener.today().iso()} {}

    // False when a limit cut it short.
    bool run(std::vector<Combination>& out) {
        out_ = &out;
        Json answers = Json::object();
        Json effective = Json::object();
        return visit(0, answers, effective);
    }

private:
    // `effective` holds the readable answers so far, as screen() builds them: a question's
    // visibility is decided the way screen() decides it, by the same function on the same data.
    bool visit(std::size_t position, Json& answers, const Json& effective) {
        const RuleSet& rules = screener_.rules();
        if (position == questions_.size()) {
            ScreenResult result;
            if (out_->size() >= max_group_combinations || !screener_.run(answers, result))
                return false;
            const Json json = screener_.to_json(result, answers);
            const Outcome outcome = outcome_of(rules, space_, group_, result);
            out_->push_back({answers, outcome, json.dump(), shown_text(json, outcome)});
            return true;
        }
        const Question& question = rules.questions[questions_[position]];
        Errors rule_errors;
        std::size_t evaluations = 0;
        const bool visible =
            detail::evaluate_visibility(question, effective, context_, rule_errors, evaluations);
        if (!visible) return visit(position + 1, answers, effective);
        for (const AnswerValue& value : space_.values(questions_[position], effective)) {
            Json next = effective;
            if (value) {
                answers[question.id] = *value;
                if (auto read = check_answer(rules, question, *value, effective).value)
                    next[question.id] = std::move(*read);
            }
            const bool going = visit(position + 1, answers, next);
            answers.erase(question.id);
            if (!going) return false;
        }
        return true;
    }

    const AnswerSpace& space_;
    Screener& screener_;
    std::size_t group_;
    const std::vector<std::size_t>& questions_;
    logic::EvalContext context_;
    std::vector<Combination>* out_ = nullptr;
};

// The combination that adds least: nothing at all if it can, then the fewest answers.
std::size_t pick_neutral(const std::vector<Combination>& combinations) {
    std::size_t best = 0;
    for (std::size_t i = 1; i < combinations.size(); ++i) {
        const auto& a = combinations[i];
        const auto& b = combinations[best];
        if (a.outcome < b.outcome ||
            (a.outcome == b.outcome && a.answers.size() < b.answers.size()))
            best = i;
    }
    return best;
}

// One value per distinct screening result, the first combination giving it.
void merge_equal(std::vector<Combination>& combinations, std::size_t neutral, GroupSpace& out) {
    std::map<std::string, std::size_t> seen;
    std::set<std::string> shown;
    for (std::size_t i = 0; i < combinations.size(); ++i) {
        auto [it, added] = seen.emplace(std::move(combinations[i].screened), out.values.size());
        if (added)
            out.values.push_back({std::move(combinations[i].answers), combinations[i].outcome,
                                  shown.insert(std::move(combinations[i].shown)).second});
        if (i == neutral) out.neutral = it->second;
    }
}

}  // namespace

std::vector<GroupSpace> explore_groups(const AnswerSpace& space, Screener& screener) {
    const RuleSet& rules = screener.rules();
    const std::size_t n = space.groups().size();
    std::vector<GroupSpace> out(n);
    std::vector<std::vector<Combination>> combinations(n);
    std::vector<std::size_t> neutral(n, 0);
    Json neutral_answers = Json::object();
    for (std::size_t g = 0; g < n; ++g) {
        out[g].complete = GroupEnumerator(space, screener, g).run(combinations[g]);
        out[g].enumerated = combinations[g].size();
        if (combinations[g].empty()) combinations[g].push_back({});
        neutral[g] = pick_neutral(combinations[g]);
        neutral_answers.update(combinations[g][neutral[g]].answers);
    }
    const std::size_t planner = space.planner_group();
    if (planner != AnswerSpace::none) {
        Json others = neutral_answers;
        for (const std::size_t q : space.groups()[planner]) others.erase(rules.questions[q].id);
        for (Combination& combination : combinations[planner]) {
            Json answers = others;
            answers.update(combination.answers);
            ScreenResult result;
            if (!screener.run(answers, result)) {
                out[planner].complete = false;
                break;
            }
            const Json json = screener.to_json(result, answers);
            combination.outcome = outcome_of(rules, space, planner, result);
            combination.screened = json.dump();
            combination.shown = shown_text(json, combination.outcome);
        }
    }
    for (std::size_t g = 0; g < n; ++g) merge_equal(combinations[g], neutral[g], out[g]);
    return out;
}

}  // namespace meso::verify_detail
