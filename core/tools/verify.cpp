// What `verify` checks, and what "complete" means.
//
// 1. The answer space the rules can tell apart (core/answer_space.cpp). Per question: unanswered,
//    one value of a wrong type, and the values its type and the conditions that read it can tell
//    apart: true/false; every option; for integers the bounds, one past each, and c-1, c, c+1
//    for every number c a condition reading it holds; for dates an impossible day, today and its
//    neighbours, far past, far future and today ± (c-1, c, c+1) for every number c (waiting
//    periods); concerns by class (same course, flags and areas, and not named by a condition),
//    none, each class, pairs of classes the plan treats differently, and all; the areas the
//    chosen concerns offer (none, the first, those a condition names, all) and one they do not.
// 2. Independent groups: two questions share a group when one condition reads both or one's
//    enableWhen reads the other; the plan's questions (concerns, areas, start_date) are one group.
//    Within a group every combination of these values is enumerated, a hidden question staying
//    unanswered, and combinations whose screening results are identical are merged.
// 3. What a group adds to a screening, as the other groups can see it, is its outcome: the
//    severities of its findings, whether it leaves an answer missing or unreadable, whether it
//    postpones without a date, the latest date it postpones to, and (the plan's group) where the
//    start and the plan's first date fall.
//    A finding that reads the plan's questions besides its own (acne with inflamed skin, a wait
//    counted from the wished start) does not join its group to the plan's: the plan's questions
//    it reads are its group's parameters. Such a group is enumerated once per answer the plan's
//    group gives them, and each value remembers the answers (contexts) it was reached with.
// 4. Every value of every group G is screened with answers of the other groups reaching each
//    outcome they can reach together. Outcomes G's value cannot tell apart are merged: a date
//    counts by its order among the others' dates, today, that value's own dates and today ±
//    every number an invariant names; the start and the plan count only when the screening can
//    show a plan. With parameters, the plan's group and the groups that have them are checked
//    class by class: the plan's values that those groups cannot tell apart, with the values of
//    those groups reached with them; the other groups meet every class's outcomes.
// 5. Every value of every group is screened with every value of every other group, the rest at
//    their neutral answers (those that add nothing), one value per distinct set of findings and
//    plan (values that differ only in which of the group's answers are missing or unreadable
//    are represented by the first).
// Every invariant is evaluated on every one of these screening results.
//
// So "complete" (no limit cut the search) proves that the invariants hold for: every
// distinguishable answer combination of each group against every outcome the rest of the
// questionnaire can produce (severities, missing or unreadable answers, postponements with or
// without a date, the latest date, the plan's start), and every pair of groups' specific findings
// and plans together. It assumes that screening composes from its groups, which is how screen()
// works (a condition reads only its own group), and that an invariant compares dates by order
// and by the numbers of days it names. Beyond pairs, answers of different groups meet only
// through their aggregate: a finding of one group is checked next to "some postpone finding
// until date D" from the others, not next to each specific combination of three or more groups
// that gives it. Values between the boundaries the conditions name are assumed to behave like
// the boundary values. A group with more than 100,000 combinations is cut (not complete).
#include "core/tools/verify.hpp"

#include "core/json/write.hpp"

#include <exception>

#include "core/tools/answer_space.hpp"
#include "core/tools/verify_detail.hpp"
#include "core/tools/verify_guarantees.hpp"

namespace meso {

Json VerifyReport::to_json() const {
    Json out_violations = Json::array();
    for (const Counterexample& c : violations)
        out_violations.push_back(
            {{"invariant", c.invariant}, {"answers", c.answers}, {"result", c.result}});
    Json out_errors = errors_json(errors);
    return {{"proved", proved()},
            {"complete", complete},
            {"combinations", combinations},
            {"groups", groups},
            {"group_answers", group_answers},
            {"invariants", invariants},
            {"violations", std::move(out_violations)},
            {"errors", std::move(out_errors)}};
}

VerifyReport verify_ruleset(const RuleSet& rules, const VerifyOptions& options) {
    VerifyReport report;
    for (const Invariant& invariant : rules.invariants) report.invariants.push_back(invariant.id);
    for (const verify_detail::Guarantee& guarantee : verify_detail::guarantees())
        report.invariants.push_back(guarantee.id);
    verify_detail::Screener screener(rules, options.today, options.max_combinations,
                                     options.max_steps, options.progress);
    try {
        const AnswerSpace space(rules, options.today);
        report.groups = space.groups().size();
        const std::vector<verify_detail::GroupSpace> groups =
            verify_detail::explore_groups(space, screener);
        for (const verify_detail::GroupSpace& group : groups) {
            report.group_answers += group.enumerated;
            report.complete = report.complete && group.complete;
        }
        // Always: besides the rule set's invariants the engine's guarantees are checked.
        verify_detail::check_all(groups, screener, options.threads, report);
    } catch (const std::exception& e) {
        report.errors.push_back({"verify.failed", "", e.what()});
        report.complete = false;
    }
    report.combinations = screener.calls();
    if (auto too_large = screener.too_large()) {
        report.errors.push_back(std::move(*too_large));
        report.complete = false;
    }
    return report;
}

}  // namespace meso
