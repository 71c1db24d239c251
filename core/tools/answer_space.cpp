#include "core/tools/answer_space.hpp"

#include "core/ruleset/keys.hpp"
#include "core/tools/verify_guarantees.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <numeric>

#include "core/screen/answers.hpp"
#include "core/screen/state.hpp"

namespace meso {
namespace {

// Literals beyond this are no boundary a date or an age can sit next to.
constexpr double max_boundary = 1e6;
// "Far" dates: further than any waiting period a clinic would set, inside Date's range.
constexpr std::int64_t far_days = 3650;

class UnionFind {
public:
    explicit UnionFind(std::size_t n) : parent_(n) {
        std::iota(parent_.begin(), parent_.end(), std::size_t{0});
    }
    std::size_t find(std::size_t i) {
        while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
        return i;
    }
    void unite(std::size_t a, std::size_t b) { parent_[find(a)] = find(b); }

private:
    std::vector<std::size_t> parent_;
};

void push_unique(std::vector<AnswerValue>& values, Json value) {
    const bool seen = std::any_of(values.begin(), values.end(),
                                  [&](const AnswerValue& v) { return v && *v == value; });
    if (!seen) values.emplace_back(std::move(value));
}

bool reads_anything(const logic::Program& program) {
    return program.has_dynamic_variables() || program.roots().count("") > 0;
}

// The subsets of `ids` worth trying when nothing narrows them: all of them for a few options,
// otherwise none, each one alone, every one, and each pair of the ids conditions name.
std::vector<Json> subsets(const std::vector<std::string>& ids, const std::set<std::string>& named) {
    std::vector<Json> out;
    if (ids.size() <= 4) {
        for (std::size_t mask = 0; mask < (std::size_t{1} << ids.size()); ++mask) {
            Json set = Json::array();
            for (std::size_t i = 0; i < ids.size(); ++i)
                if (mask & (std::size_t{1} << i)) set.push_back(ids[i]);
            out.push_back(std::move(set));
        }
        return out;
    }
    out.push_back(Json::array());
    for (const std::string& id : ids) out.push_back(Json::array({id}));
    out.push_back(Json(ids));
    std::vector<std::string> literal;
    for (const std::string& id : ids)
        if (named.count(id)) literal.push_back(id);
    for (std::size_t i = 0; i < literal.size(); ++i)
        for (std::size_t j = i + 1; j < literal.size(); ++j)
            out.push_back(Json::array({literal[i], literal[j]}));
    return out;
}

}  // namespace

AnswerSpace::AnswerSpace(const RuleSet& rules, Date today)
    : rules_(rules), today_(today), literals_(rules.questions.size()) {
    const Links links = read_links();
    form_groups(links.together);
    if (links.planner) planner_group_ = question_group_[*links.planner];
    assign_findings(links.finding_reads);
}

bool AnswerSpace::read_by_planner(std::size_t question) const {
    const Question& q = rules_.questions[question];
    return !q.options_from.empty() || q.id == start_date_key;
}

// A finding belongs to the group of its own questions; the plan's questions it reads besides
// become that group's parameters. A group that joined the plan's (an enableWhen reading one of
// its questions) has none: it is the plan's.
void AnswerSpace::assign_findings(const std::vector<FindingReads>& finding_reads) {
    parameters_.assign(groups_.size(), {});
    for (const FindingReads& reads : finding_reads) {
        const std::vector<std::size_t>& owner = reads.own.empty() ? reads.parameters : reads.own;
        const std::size_t group = owner.empty() ? none : question_group_[owner[0]];
        finding_group_.push_back(group);
        if (reads.own.empty() || group == planner_group_) continue;
        for (const std::size_t q : reads.parameters) parameters_[group].push_back(q);
    }
    const detail::Dependencies dependencies = detail::analyse(rules_);
    std::vector<std::size_t> position(rules_.questions.size());
    for (std::size_t p = 0; p < dependencies.order.size(); ++p) position[dependencies.order[p]] = p;
    for (auto& parameters : parameters_) {
        std::sort(parameters.begin(), parameters.end(),
                  [&](std::size_t a, std::size_t b) { return position[a] < position[b]; });
        parameters.erase(std::unique(parameters.begin(), parameters.end()), parameters.end());
    }
}

// What each condition reads, crediting its literals to every question it reads.
AnswerSpace::Links AnswerSpace::read_links() {
    const std::size_t n = rules_.questions.size();
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < n; ++i) index.emplace(rules_.questions[i].id, i);

    auto reads = [&](const logic::Program& program) {
        std::vector<std::size_t> out;
        if (reads_anything(program)) {
            out.resize(n);
            std::iota(out.begin(), out.end(), std::size_t{0});
        } else {
            for (const std::string& root : program.roots())
                if (const auto it = index.find(root); it != index.end()) out.push_back(it->second);
        }
        for (const std::size_t q : out) {
            literals_[q].numbers.insert(program.number_literals().begin(),
                                        program.number_literals().end());
            literals_[q].strings.insert(program.string_literals().begin(),
                                        program.string_literals().end());
        }
        return out;
    };

    Links links;
    for (std::size_t i = 0; i < n; ++i)
        if (const auto& when = rules_.questions[i].enable_when)
            for (const std::size_t q : reads(*when)) links.together.emplace_back(i, q);

    for (const Finding& finding : rules_.findings) {
        std::vector<std::size_t> all = reads(finding.when);
        if (finding.earliest) {
            const std::vector<std::size_t> more = reads(*finding.earliest);
            all.insert(all.end(), more.begin(), more.end());
        }
        FindingReads split;
        for (const std::size_t q : all)
            (read_by_planner(q) ? split.parameters : split.own).push_back(q);
        // Read only together with the finding's own questions, the plan's are parameters.
        const std::vector<std::size_t>& linked = split.own.empty() ? split.parameters : split.own;
        for (std::size_t k = 1; k < linked.size(); ++k)
            links.together.emplace_back(linked[0], linked[k]);
        links.finding_reads.push_back(std::move(split));
    }

    // The plan reads the concerns, the areas they offer and the wished start together.
    for (std::size_t i = 0; i < n; ++i) {
        if (!read_by_planner(i)) continue;
        if (links.planner) links.together.emplace_back(*links.planner, i);
        else links.planner = i;
    }
    return links;
}

// Questions linked directly or through others share a group; each group in evaluation order.
void AnswerSpace::form_groups(const std::vector<std::pair<std::size_t, std::size_t>>& together) {
    const std::size_t n = rules_.questions.size();
    UnionFind sets(n);
    for (const auto& [a, b] : together) sets.unite(a, b);

    const detail::Dependencies dependencies = detail::analyse(rules_);
    std::map<std::size_t, std::size_t> group_of_root;
    question_group_.assign(n, none);
    std::vector<std::size_t> position(n);
    for (std::size_t p = 0; p < dependencies.order.size(); ++p) position[dependencies.order[p]] = p;
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t root = sets.find(i);
        auto [it, added] = group_of_root.emplace(root, groups_.size());
        if (added) groups_.emplace_back();
        groups_[it->second].push_back(i);
        question_group_[i] = it->second;
    }
    for (auto& group : groups_)
        std::sort(group.begin(), group.end(),
                  [&](std::size_t a, std::size_t b) { return position[a] < position[b]; });
}

std::size_t AnswerSpace::group_of_key(const std::string& key) const {
    for (std::size_t i = 0; i < rules_.questions.size(); ++i)
        if (rules_.questions[i].id == key) return question_group_[i];
    return none;
}

std::vector<AnswerValue> AnswerSpace::values(std::size_t question,
                                             const Json& answers_so_far) const {
    const Question& q = rules_.questions[question];
    std::vector<AnswerValue> out{std::nullopt};
    std::vector<AnswerValue> typed;
    switch (q.type) {
        case QuestionType::boolean:
            out.emplace_back(Json("yes"));
            typed = boolean_values();
            break;
        case QuestionType::integer:
            out.emplace_back(Json("ten"));
            typed = integer_values(question);
            break;
        case QuestionType::date:
            out.emplace_back(Json(20260101));
            typed = date_values(question);
            break;
        case QuestionType::single:
            out.emplace_back(Json(1));
            typed = option_values(question, answers_so_far);
            break;
        case QuestionType::multiple:
            out.emplace_back(Json("all"));
            typed = option_values(question, answers_so_far);
            break;
    }
    out.insert(out.end(), typed.begin(), typed.end());
    return out;
}

std::vector<AnswerValue> AnswerSpace::boolean_values() const { return {Json(true), Json(false)}; }

// Both bounds and one past each, and around every number a condition compares it with.
std::vector<AnswerValue> AnswerSpace::integer_values(std::size_t question) const {
    const Question& q = rules_.questions[question];
    std::set<std::int64_t> numbers;
    if (q.min) numbers.insert({*q.min - 1, *q.min});
    if (q.max) numbers.insert({*q.max, *q.max + 1});
    for (const double c : literals_[question].numbers) {
        if (!std::isfinite(c) || std::fabs(c) > max_boundary) continue;
        const auto low = static_cast<std::int64_t>(std::floor(c));
        const auto high = static_cast<std::int64_t>(std::ceil(c));
        for (std::int64_t v : {low - 1, low, high, high + 1}) {
            if (q.min) v = std::max(v, *q.min);
            if (q.max) v = std::min(v, *q.max);
            numbers.insert(v);
        }
    }
    if (numbers.empty()) numbers.insert(0);
    std::vector<AnswerValue> out;
    for (const std::int64_t v : numbers) out.emplace_back(Json(v));
    return out;
}

// An impossible day, today and its neighbours, far past and far future, and the days around
// every waiting period (a number in a condition that reads it: date_add, days_between …) on
// either side of today, and around every date written in such a condition.
std::vector<AnswerValue> AnswerSpace::date_values(std::size_t question) const {
    std::set<std::int64_t> offsets{-far_days, -1, 0, 1, far_days};
    for (const double c : literals_[question].numbers) {
        if (!std::isfinite(c) || std::fabs(c) > far_days) continue;
        const auto days = static_cast<std::int64_t>(std::llround(c));
        for (const std::int64_t d : {days - 1, days, days + 1}) offsets.insert({d, -d});
    }
    for (const std::string& text : literals_[question].strings)
        if (const auto date = Date::parse(text))
            for (const std::int64_t d : {-1, 0, 1})
                offsets.insert(date->days() + d - today_.days());
    // The edges of the question's bounds and of the exposure window it dates (the engine's
    // guarantees, verify_guarantees.hpp, are checked there).
    for (const std::int64_t offset :
         verify_detail::guarantee_date_offsets(rules_, rules_.questions[question], today_))
        offsets.insert(offset);
    std::vector<AnswerValue> out{Json("2026-02-30")};
    for (const std::int64_t offset : offsets) {
        const std::string iso = today_.plus_days(offset).iso();
        if (Date::parse(iso)) push_unique(out, Json(iso));
    }
    return out;
}

std::vector<AnswerValue> AnswerSpace::option_values(std::size_t question,
                                                    const Json& answers_so_far) const {
    const Question& q = rules_.questions[question];
    if (q.options_from == "concerns") return concern_values(question);
    if (q.options_from == "areas") return area_values(question, answers_so_far);
    std::vector<std::string> ids;
    for (const Option& option : q.options) ids.push_back(option.id);
    std::vector<AnswerValue> out;
    if (q.type == QuestionType::single) {
        for (const std::string& id : ids) out.emplace_back(Json(id));
        return out;
    }
    for (Json& set : subsets(ids, literals_[question].strings)) push_unique(out, std::move(set));
    return out;
}

// Concerns that no condition names and that lead to the same plan (same course, same flags,
// same areas) cannot be told apart: one stands for its class. Tried: none, each class alone,
// each pair of classes that differ in what the plan does with them, and every concern.
std::vector<AnswerValue> AnswerSpace::concern_values(std::size_t question) const {
    const auto& named = literals_[question].strings;
    auto coarse_key = [&](const Concern& c) {
        return c.course + '|' + (c.needs_doctor ? "d" : "") + '|' + (c.general_figures ? "g" : "") +
               '|' + (named.count(c.id) ? c.id : "");
    };
    auto fine_key = [&](const Concern& c) {
        std::vector<std::string> areas = c.areas;
        std::sort(areas.begin(), areas.end());
        std::string key = coarse_key(c);
        for (const std::string& area : areas) key += '|' + area;
        return key;
    };
    std::vector<std::string> fine, coarse;
    std::set<std::string> fine_seen, coarse_seen;
    for (const Concern& concern : rules_.concerns) {
        if (fine_seen.insert(fine_key(concern)).second) fine.push_back(concern.id);
        if (coarse_seen.insert(coarse_key(concern)).second) coarse.push_back(concern.id);
    }
    std::vector<AnswerValue> out;
    if (rules_.questions[question].type == QuestionType::single) {
        for (const std::string& id : fine) out.emplace_back(Json(id));
        return out;
    }
    out.emplace_back(Json::array());
    for (const std::string& id : fine) push_unique(out, Json::array({id}));
    for (std::size_t i = 0; i < coarse.size(); ++i)
        for (std::size_t j = i + 1; j < coarse.size(); ++j)
            push_unique(out, Json::array({coarse[i], coarse[j]}));
    std::vector<std::string> all;
    for (const Concern& concern : rules_.concerns) all.push_back(concern.id);
    push_unique(out, Json(all));
    return out;
}

// The areas offered for the concerns chosen so far: none, the first, each one a condition
// names, all of them; and one the concerns do not offer (dropped with an error).
std::vector<AnswerValue> AnswerSpace::area_values(std::size_t question,
                                                  const Json& answers_so_far) const {
    const Question& q = rules_.questions[question];
    const std::vector<std::string> offered = offered_options(rules_, q, answers_so_far);
    std::optional<std::string> stranger;
    for (const Area& area : rules_.areas)
        if (std::find(offered.begin(), offered.end(), area.id) == offered.end()) {
            stranger = area.id;
            break;
        }
    std::vector<AnswerValue> out;
    if (q.type == QuestionType::single) {
        for (const std::string& id : offered) out.emplace_back(Json(id));
        if (stranger) out.emplace_back(Json(*stranger));
        return out;
    }
    out.emplace_back(Json::array());
    if (!offered.empty()) push_unique(out, Json::array({offered.front()}));
    for (const std::string& id : offered)
        if (literals_[question].strings.count(id)) push_unique(out, Json::array({id}));
    push_unique(out, Json(offered));
    if (stranger) push_unique(out, Json::array({*stranger}));
    return out;
}

}  // namespace meso
