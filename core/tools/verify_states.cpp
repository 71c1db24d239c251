// What all the groups but one can add to a screening together: the groups' outcomes folded one
// group at a time, one answer set kept per distinct outcome, then merged where the remaining
// group cannot tell them apart.
#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include "core/tools/verify_detail.hpp"

namespace meso::verify_detail {
namespace {

constexpr std::uint8_t ineligible_bit = 1u << static_cast<unsigned>(Severity::ineligible);

// Each distinct outcome of a group once, with the first value reaching it; the neutral value
// goes first, so that the outcome it reaches is shown with the plainest answers.
std::vector<std::pair<Outcome, std::uint32_t>> distinct_outcomes(const GroupSpace& group) {
    std::map<Outcome, std::uint32_t> seen;
    seen.emplace(group.values[group.neutral].outcome, static_cast<std::uint32_t>(group.neutral));
    for (std::size_t i = 0; i < group.values.size(); ++i)
        seen.emplace(group.values[i].outcome, static_cast<std::uint32_t>(i));
    return {seen.begin(), seen.end()};
}

// The place of `day` among the sorted `points`: 2i+1 on points[i], 2i just before it.
std::int64_t slot(const std::vector<std::int64_t>& points, std::int64_t day) {
    const auto it = std::lower_bound(points.begin(), points.end(), day);
    const auto i = static_cast<std::int64_t>(it - points.begin());
    return it != points.end() && *it == day ? 2 * i + 1 : 2 * i;
}

// `outcome` as the remaining group sees it (see verify_detail.hpp).
Outcome canonical(Outcome outcome, const std::vector<std::int64_t>& points, Hidden hidden) {
    hidden = std::max(hidden, hidden_by(outcome));
    if (hidden != Hidden::nothing) {
        outcome.start.reset();
        outcome.first.reset();
    }
    if (hidden == Hidden::plan) outcome.plan = false;
    std::array<std::optional<std::int64_t>*, 3> dates{&outcome.earliest, &outcome.start,
                                                      &outcome.first};
    std::array<std::optional<std::int64_t>, 3> encoded;
    for (std::size_t i = 0; i < dates.size(); ++i) {
        if (!*dates[i]) continue;
        const std::int64_t own = slot(points, **dates[i]);
        // Between two points, only the order among these dates is kept.
        std::int64_t rank = 0;
        std::vector<std::int64_t> below;
        for (const auto* other : dates)
            if (*other && **other < **dates[i] && slot(points, **other) == own &&
                std::find(below.begin(), below.end(), **other) == below.end())
                below.push_back(**other);
        rank = static_cast<std::int64_t>(below.size());
        encoded[i] = own * 4 + rank;
    }
    for (std::size_t i = 0; i < dates.size(); ++i) *dates[i] = encoded[i];
    return outcome;
}

}  // namespace

Hidden hidden_by(const Outcome& value) {
    if (value.missing || value.error || (value.severities & ineligible_bit)) return Hidden::plan;
    return value.undated ? Hidden::start : Hidden::nothing;
}

void OthersFold::add(const GroupSpace& group) {
    groups_.push_back(&group);
    const auto outcomes = distinct_outcomes(group);
    std::map<Outcome, std::int64_t> next;
    for (const auto& [outcome, parent] : states_)
        for (const auto& [added, value] : outcomes) {
            auto [it, fresh] = next.emplace(combine(outcome, added), 0);
            if (!fresh) continue;
            it->second = static_cast<std::int64_t>(choices_.size());
            choices_.push_back({parent, &group, value});
        }
    states_ = std::move(next);
}

std::vector<OthersState> OthersFold::reached() const {
    std::vector<OthersState> out;
    for (const auto& [outcome, last] : states_) {
        OthersState state{outcome, Json::object()};
        for (std::int64_t c = last; c >= 0; c = choices_[static_cast<std::size_t>(c)].parent) {
            const Choice& choice = choices_[static_cast<std::size_t>(c)];
            state.answers.update(choice.group->values[choice.value].answers);
        }
        out.push_back(std::move(state));
    }
    return out;
}

std::vector<OthersState> OthersFold::states(const std::vector<std::int64_t>& points,
                                            Hidden hidden) const {
    // The groups all at their neutral answers stand for their class, so that every value of
    // the group checked meets them (the pairs of check_all rely on it).
    constexpr std::int64_t all_neutral = -2;
    Outcome neutral;
    for (const GroupSpace* group : groups_)
        neutral = combine(neutral, group->values[group->neutral].outcome);
    std::map<Outcome, std::int64_t> merged{{canonical(neutral, points, hidden), all_neutral}};
    for (const auto& [outcome, last] : states_)
        merged.emplace(canonical(outcome, points, hidden), last);
    std::vector<OthersState> out;
    out.reserve(merged.size());
    for (const auto& [outcome, last] : merged) {
        OthersState state{outcome, Json::object()};
        if (last == all_neutral)
            for (const GroupSpace* group : groups_)
                state.answers.update(group->values[group->neutral].answers);
        for (std::int64_t c = last; c >= 0; c = choices_[static_cast<std::size_t>(c)].parent) {
            const Choice& choice = choices_[static_cast<std::size_t>(c)];
            state.answers.update(choice.group->values[choice.value].answers);
        }
        out.push_back(std::move(state));
    }
    return out;
}

}  // namespace meso::verify_detail
