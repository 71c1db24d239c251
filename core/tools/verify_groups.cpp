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
    std::string context;   // the parameters' answers it was screened with (context_of)
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

// What a screening shows of `group` alone: its findings, and its questions among the missing,
// unreadable, shown and ignored ones. A group with parameters is screened with answers of the
// plan's group, whose own findings and plan are no part of what the group adds.
Json group_view(const Json& result, const AnswerSpace& space, const RuleSet& rules,
                std::size_t group) {
    Json out = Json::object();
    auto owned = [&](const std::string& key) { return space.group_of_key(key) == group; };
    Json findings = Json::array();
    for (const Json& finding : result.value("findings", Json::array()))
        for (std::size_t f = 0; f < rules.findings.size(); ++f)
            if (rules.findings[f].id == finding.value("id", "") &&
                space.group_of_finding(f) == group)
                findings.push_back(finding);
    out["findings"] = std::move(findings);
    for (const char* list : {"missing", "visible", "ignored"}) {
        Json kept = Json::array();
        for (const Json& key : result.value(list, Json::array()))
            if (key.is_string() && owned(key.get<std::string>())) kept.push_back(key);
        out[list] = std::move(kept);
    }
    Json errors = Json::array();
    for (const Json& error : result.value("errors", Json::array())) {
        const std::string key = key_of_path(error.value("path", ""));
        if (owned(key) || space.group_of_key(key) == AnswerSpace::none) errors.push_back(error);
    }
    out["errors"] = std::move(errors);
    return out;
}

class GroupEnumerator {
public:
    // `parameters`: answers to the plan's questions the group's findings read, screened along.
    GroupEnumerator(const AnswerSpace& space, Screener& screener, std::size_t group,
                    Json parameters = Json::object())
        : space_(space),
          screener_(screener),
          group_(group),
          questions_(space.groups()[group]),
          context_{screener.today().iso()},
          parameters_(std::move(parameters)) {}

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
            Json screened = parameters_;
            screened.update(answers);
            ScreenResult result;
            if (out_->size() >= max_group_combinations || !screener_.run(screened, result))
                return false;
            Json json = screener_.to_json(result, screened);
            if (!parameters_.empty()) json = group_view(json, space_, rules, group_);
            const Outcome outcome = outcome_of(rules, space_, group_, result);
            out_->push_back(
                {answers, outcome, json.dump(), shown_text(json, outcome), parameters_.dump()});
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
                if (auto read =
                        check_answer(rules, question, *value, effective, screener_.today()).value)
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
    Json parameters_;
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

// One value per distinct screening result, the first combination giving it, with the contexts
// that reach it (none kept when every context does).
void merge_equal(std::vector<Combination>& combinations, std::size_t neutral, GroupSpace& out) {
    std::map<std::string, std::size_t> seen;
    std::set<std::string> shown, all_contexts;
    std::vector<std::set<std::string>> contexts;
    for (std::size_t i = 0; i < combinations.size(); ++i) {
        all_contexts.insert(combinations[i].context);
        auto [it, added] = seen.emplace(std::move(combinations[i].screened), out.values.size());
        if (added) {
            out.values.push_back({std::move(combinations[i].answers),
                                  combinations[i].outcome,
                                  shown.insert(std::move(combinations[i].shown)).second,
                                  {}});
            contexts.emplace_back();
        }
        contexts[it->second].insert(combinations[i].context);
        if (i == neutral) out.neutral = it->second;
    }
    if (out.parameters.empty()) return;
    for (std::size_t v = 0; v < out.values.size(); ++v)
        if (contexts[v] != all_contexts)
            out.values[v].contexts.assign(contexts[v].begin(), contexts[v].end());
    // The neutral value stands in every context when one can.
    std::size_t best = out.neutral;
    for (std::size_t v = 0; v < out.values.size(); ++v) {
        const GroupValue& a = out.values[v];
        const GroupValue& b = out.values[best];
        if (!b.contexts.empty() && a.contexts.empty()) best = v;
        else if (a.contexts.empty() == b.contexts.empty() && a.outcome < b.outcome) best = v;
    }
    out.neutral = best;
}

// The answers the plan's group gives to `keys`, each set once, in the order first met.
std::vector<Json> parameter_answers(const std::vector<Combination>& planner,
                                    const std::vector<std::string>& keys) {
    std::vector<Json> out;
    std::set<std::string> seen;
    for (const Combination& combination : planner) {
        Json answers = Json::object();
        for (const std::string& key : keys)
            if (const auto it = combination.answers.find(key); it != combination.answers.end())
                answers[key] = *it;
        if (seen.insert(answers.dump()).second) out.push_back(std::move(answers));
    }
    return out;
}

}  // namespace

std::string context_of(const Json& answers, const std::vector<std::string>& keys) {
    Json out = Json::object();
    for (const std::string& key : keys)
        if (const auto it = answers.find(key); it != answers.end()) out[key] = *it;
    return out.dump();
}

bool fits(const GroupValue& value, const std::string& context) {
    return value.contexts.empty() ||
           std::binary_search(value.contexts.begin(), value.contexts.end(), context);
}

std::string class_of(const std::vector<GroupSpace>& groups, const Json& answers) {
    std::string out;
    for (const GroupSpace& group : groups) {
        if (group.parameters.empty()) continue;
        const std::string context = context_of(answers, group.parameters);
        for (std::size_t v = 0; v < group.values.size(); ++v)
            if (fits(group.values[v], context)) out += std::to_string(v) + ',';
        out += '|';
    }
    return out;
}

std::vector<GroupSpace> explore_groups(const AnswerSpace& space, Screener& screener) {
    const RuleSet& rules = screener.rules();
    const std::size_t n = space.groups().size();
    std::vector<GroupSpace> out(n);
    std::vector<std::vector<Combination>> combinations(n);
    std::vector<std::size_t> neutral(n, 0);
    Json neutral_answers = Json::object();
    const std::size_t planner = space.planner_group();
    if (planner != AnswerSpace::none) out[planner].planner = true;
    auto enumerate = [&](std::size_t g, const std::vector<Json>& contexts) {
        for (const Json& parameters : contexts) {
            const bool done = GroupEnumerator(space, screener, g, parameters).run(combinations[g]);
            out[g].complete = out[g].complete && done;
            if (!done) break;
        }
        out[g].enumerated = combinations[g].size();
        if (combinations[g].empty()) combinations[g].push_back({});
        neutral[g] = pick_neutral(combinations[g]);
        screener.tell_progress();  // the first counts of a long proof come from here
    };
    // The plan's group first: a group with parameters is explored once per answer it gives them.
    for (std::size_t g = 0; g < n; ++g)
        if (space.parameters(g).empty()) enumerate(g, {Json::object()});
    for (std::size_t g = 0; g < n; ++g) {
        if (space.parameters(g).empty()) continue;
        for (const std::size_t q : space.parameters(g))
            out[g].parameters.push_back(rules.questions[q].id);
        enumerate(g, parameter_answers(combinations[planner], out[g].parameters));
        merge_equal(combinations[g], neutral[g], out[g]);
    }
    for (std::size_t g = 0; g < n; ++g)
        neutral_answers.update(out[g].parameters.empty() ? combinations[g][neutral[g]].answers
                                                         : out[g].values[out[g].neutral].answers);
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
    // The plan's values stay apart where the groups with parameters tell them apart.
    if (planner != AnswerSpace::none)
        for (Combination& combination : combinations[planner])
            combination.screened += class_of(out, combination.answers);
    for (std::size_t g = 0; g < n; ++g)
        if (out[g].parameters.empty()) merge_equal(combinations[g], neutral[g], out[g]);
    return out;
}

}  // namespace meso::verify_detail
