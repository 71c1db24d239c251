// The answer space the rules can tell apart: for every question, the few values that no condition
// can tell from the values left out, and the groups of questions that no condition reads
// together. The verifier (core/tools/verify.hpp) enumerates this space instead of every possible
// answer.
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/date.hpp"
#include "core/ruleset/ruleset.hpp"

namespace meso {

// One answer to one question; nullopt = unanswered.
using AnswerValue = std::optional<Json>;

class AnswerSpace {
public:
    static constexpr std::size_t none = static_cast<std::size_t>(-1);

    // `rules` must outlive the space.
    AnswerSpace(const RuleSet& rules, Date today);

    // Independent groups: two questions share a group when one condition (an enableWhen, or a
    // finding's when and earliest together) reads both, when one's enableWhen reads the other,
    // and for the questions the course plan reads together (concerns, areas, start_date).
    // A finding that reads the plan's questions besides others (inflamed skin that is acne, a
    // wait counted from the wished start) does not join its group to the plan's: the plan's
    // questions it reads are that group's parameters (see parameters()).
    // Each group lists question indexes in the order screen() evaluates them (a question after
    // the questions its enableWhen reads); groups are ordered by their first question.
    const std::vector<std::vector<std::size_t>>& groups() const { return groups_; }
    std::size_t group_of_question(std::size_t question) const { return question_group_[question]; }
    // The group whose questions a finding reads, or `none` when it reads no question.
    std::size_t group_of_finding(std::size_t finding) const { return finding_group_[finding]; }
    // The group of an answer key, or `none`.
    std::size_t group_of_key(const std::string& key) const;
    // The group of the questions the course plan reads, or `none` when there are none.
    std::size_t planner_group() const { return planner_group_; }
    // The plan's questions that a group's findings read, in evaluation order: what the group
    // adds depends on their answers too, so it is explored once per answer the plan's group
    // gives them. Empty for most groups, and always for the plan's own.
    const std::vector<std::size_t>& parameters(std::size_t group) const {
        return parameters_[group];
    }

    // The values of one question worth trying, unanswered first, then one value of a wrong type,
    // then the values of its type (see answer_space.cpp). `answers_so_far` holds the readable
    // answers to the questions evaluated before it: the areas offered depend on the concerns.
    std::vector<AnswerValue> values(std::size_t question, const Json& answers_so_far) const;

    // Numbers and strings written in the conditions that read a question.
    const std::set<double>& number_literals(std::size_t question) const {
        return literals_[question].numbers;
    }
    const std::set<std::string>& string_literals(std::size_t question) const {
        return literals_[question].strings;
    }

private:
    struct Literals {
        std::set<double> numbers;
        std::set<std::string> strings;
    };
    // Pairs of questions that one condition reads together, what each finding reads, and the
    // first question the course plan reads.
    // A finding's reads are split into its own questions and the plan's questions it reads
    // besides them (its parameters).
    struct FindingReads {
        std::vector<std::size_t> own;
        std::vector<std::size_t> parameters;
    };
    struct Links {
        std::vector<std::pair<std::size_t, std::size_t>> together;
        std::vector<FindingReads> finding_reads;
        std::optional<std::size_t> planner;
    };

    Links read_links();
    void form_groups(const std::vector<std::pair<std::size_t, std::size_t>>& together);
    void assign_findings(const std::vector<FindingReads>& finding_reads);
    bool read_by_planner(std::size_t question) const;

    std::vector<AnswerValue> boolean_values() const;
    std::vector<AnswerValue> integer_values(std::size_t question) const;
    std::vector<AnswerValue> date_values(std::size_t question) const;
    std::vector<AnswerValue> option_values(std::size_t question, const Json& answers_so_far) const;
    std::vector<AnswerValue> concern_values(std::size_t question) const;
    std::vector<AnswerValue> area_values(std::size_t question, const Json& answers_so_far) const;

    const RuleSet& rules_;
    Date today_;
    std::vector<Literals> literals_;
    std::vector<std::vector<std::size_t>> groups_;
    std::vector<std::size_t> question_group_;
    std::vector<std::size_t> finding_group_;
    std::vector<std::vector<std::size_t>> parameters_;
    std::size_t planner_group_ = none;
};

}  // namespace meso
