// Screening every value of a group against every outcome of the other groups, and against every
// value of each other group, on up to `threads` threads. The rule set and its compiled programs are
// only read, never written, so the threads share them; each thread keeps its own best
// counterexamples.
#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <exception>
#include <functional>
#include <set>
#include <thread>
#include <tuple>
#include <utility>

#include "core/tools/verify_detail.hpp"
#include "core/tools/verify_guarantees.hpp"

namespace meso::verify_detail {
namespace {

// Screenings a thread takes at a time: large enough to keep the shared counter cold.
constexpr std::size_t chunk = 64;
// Numbers beyond a century are no waiting period.
constexpr double max_offset = 36500;

struct Candidate {
    bool found = false;
    std::size_t answered = 0;
    std::array<std::size_t, 4> order{};  // where in the search: makes the pick deterministic
    Json answers;
};

bool better(const Candidate& a, const Candidate& b) {
    if (!a.found) return false;
    if (!b.found) return true;
    return std::tie(a.answered, a.order) < std::tie(b.answered, b.order);
}

struct Worker {
    std::vector<Candidate> best;
    std::string failure;  // an exception that stopped this thread
};

#if defined(__EMSCRIPTEN__) && !defined(__EMSCRIPTEN_PTHREADS__)
constexpr bool can_spawn = false;
#else
constexpr bool can_spawn = true;
#endif

// Calls fn(k, worker) for every k below `total`, spread over the workers' threads.
template <class Fn>
void parallel_for(std::size_t total, std::vector<Worker>& workers, const Fn& fn) {
    std::atomic<std::size_t> next{0};
    auto body = [&](Worker& worker) {
        try {
            for (;;) {
                const std::size_t start = next.fetch_add(chunk);
                if (start >= total) break;
                for (std::size_t k = start; k < std::min(total, start + chunk); ++k) fn(k, worker);
            }
        } catch (const std::exception& e) {
            worker.failure = e.what();
        }
    };
    std::vector<std::thread> pool;
    for (std::size_t t = 1; can_spawn && t < workers.size(); ++t) {
        try {
            pool.emplace_back(body, std::ref(workers[t]));
        } catch (const std::exception&) {
            break;  // no more threads: the calling thread does the rest
        }
    }
    body(workers[0]);
    for (std::thread& thread : pool) thread.join();
}

// The dates a value of a group can be compared with: today, the value's own dates, and today ±
// every number an invariant names (a wait of so many days …).
std::vector<std::int64_t> points_of(const Outcome& value, const RuleSet& rules, Date today) {
    std::set<std::int64_t> points{today.days()};
    for (const auto& day : {value.earliest, value.start, value.first})
        if (day) points.insert(*day);
    for (const Invariant& invariant : rules.invariants)
        for (const double c : invariant.check.number_literals())
            if (std::isfinite(c) && std::fabs(c) <= max_offset)
                for (const std::int64_t sign : {-1, 1})
                    points.insert(today.days() + sign * static_cast<std::int64_t>(std::llround(c)));
    return {points.begin(), points.end()};
}

}  // namespace

std::size_t answered_keys(const Json& answers) {
    std::size_t n = 0;
    for (const auto& item : answers.items())
        if (!item.value().is_null()) ++n;
    return n;
}

bool holds(const Invariant& invariant, const Json& result, const logic::EvalContext& context) {
    const Result<Json> verdict = invariant.check.evaluate(result, context);
    return verdict.ok() && logic::truthy(*verdict);
}

Json shrink(const Invariant& invariant, Json answers, const Json& neutral, Screener& screener) {
    const logic::EvalContext context{screener.today().iso()};
    return shrink_by(
        [&](const Json& trial) {
            return !holds(invariant, screener.to_json(screener.run_always(trial), trial), context);
        },
        std::move(answers), neutral, screener);
}

Json shrink(const Guarantee& guarantee, Json answers, const Json& neutral, Screener& screener) {
    return shrink_by(
        [&](const Json& trial) {
            const ScreenInput input = screener.input(trial);
            return !guarantee.holds(screener.rules(), input, screener.run_always(trial));
        },
        std::move(answers), neutral, screener);
}

Json shrink_by(const std::function<bool(const Json&)>& fails, Json answers, const Json& neutral,
               Screener& screener) {
    const RuleSet& rules = screener.rules();
    auto drop_answers = [&] {
        for (bool changed = true; changed;) {
            changed = false;
            for (auto q = rules.questions.rbegin(); q != rules.questions.rend(); ++q) {
                if (!answers.contains(q->id)) continue;
                Json trial = answers;
                trial.erase(q->id);
                if (!fails(trial)) continue;
                answers = std::move(trial);
                changed = true;
            }
        }
    };
    drop_answers();
    // The answers left, made as plain as they can be while the invariant still fails.
    for (const Question& question : rules.questions) {
        const auto plain = neutral.find(question.id);
        if (!answers.contains(question.id) || plain == neutral.end() ||
            answers[question.id] == *plain)
            continue;
        Json trial = answers;
        trial[question.id] = *plain;
        if (fails(trial)) answers = std::move(trial);
    }
    drop_answers();
    return answers;
}

namespace {

// Runs batches of screenings on the workers, each checked against every invariant, until the
// limit on screenings cuts a batch short.
class Checker {
public:
    Checker(Screener& screener, const Json& neutral, unsigned threads)
        : screener_(screener),
          rules_(screener.rules()),
          neutral_(neutral),
          context_{screener.today().iso()},
          workers_(std::max(1u, threads)) {
        // The rule set's invariants, then the engine's guarantees (verify_guarantees.hpp).
        for (Worker& worker : workers_)
            worker.best.resize(rules_.invariants.size() + guarantees().size());
    }

    // Screens make(k) for every k below `total`; make gives the answers and their place in
    // the search. False when the limit left some out.
    template <class Make>
    bool batch(std::size_t total, const Make& make) {
        const std::size_t granted = screener_.reserve_up_to(total);
        parallel_for(granted, workers_, [&](std::size_t k, Worker& worker) {
            std::array<std::size_t, 4> order{};
            Json answers = make(k, order);
            check(screener_.input(std::move(answers)), order, worker);
        });
        screener_.tell_progress();
        return granted == total;
    }

    // The failures and the shrunk counterexamples, into the report.
    void report(VerifyReport& report) {
        for (const Worker& worker : workers_)
            if (!worker.failure.empty()) {
                report.errors.push_back({"verify.failed", "", worker.failure});
                report.complete = false;
            }
        const std::size_t invariants = rules_.invariants.size();
        for (std::size_t i = 0; i < invariants + guarantees().size(); ++i) {
            Candidate best;
            for (const Worker& worker : workers_)
                if (better(worker.best[i], best)) best = worker.best[i];
            if (!best.found) continue;
            const bool own = i < invariants;
            Json answers =
                own ? shrink(rules_.invariants[i], std::move(best.answers), neutral_, screener_)
                    : shrink(guarantees()[i - invariants], std::move(best.answers), neutral_,
                             screener_);
            const Json result = screener_.to_json(screener_.run_always(answers), answers);
            report.violations.push_back(
                {own ? rules_.invariants[i].id : std::string(guarantees()[i - invariants].id),
                 std::move(answers), result});
        }
    }

private:
    void check(const ScreenInput& input, const std::array<std::size_t, 4>& order, Worker& worker) {
        if (screener_.stopped()) return;  // a batch already granted ends early
        const ScreenResult result = screener_.run_reserved(input);
        // Invariants decide on verdicts, findings, dates and plans, never on wording.
        const Json json = result.to_json(rules_, input, false);
        logic::Budget budget;
        logic::EvalContext context = context_;
        context.budget = &budget;
        for (std::size_t i = 0; i < rules_.invariants.size(); ++i) {
            const bool held = holds(rules_.invariants[i], json, context);
            screener_.spend(std::exchange(budget.used, 0), {});
            if (held) continue;
            Candidate candidate{true, answered_keys(input.answers), order, Json()};
            if (!better(candidate, worker.best[i])) continue;
            candidate.answers = input.answers;
            worker.best[i] = std::move(candidate);
        }
        const std::size_t invariants = rules_.invariants.size();
        for (std::size_t g = 0; g < guarantees().size(); ++g) {
            if (guarantees()[g].holds(rules_, input, result)) continue;
            Candidate candidate{true, answered_keys(input.answers), order, Json()};
            if (!better(candidate, worker.best[invariants + g])) continue;
            candidate.answers = input.answers;
            worker.best[invariants + g] = std::move(candidate);
        }
    }

    Screener& screener_;
    const RuleSet& rules_;
    const Json& neutral_;
    logic::EvalContext context_;
    std::vector<Worker> workers_;
};

}  // namespace

namespace {

// The plan's group and the groups whose findings read its questions (AnswerSpace::parameters)
// are checked class by class: a class is the plan's values that give the parameters the same
// answers, with the values of those groups reached with these answers.
struct Class {
    std::vector<GroupSpace> members;                // in the order of Classes::members
    std::vector<std::vector<std::size_t>> origins;  // per member: value index in the group
};

struct Classes {
    std::vector<std::size_t> members;  // group indexes; empty: no group has parameters
    std::vector<Class> classes;
};

// `group` with only the values at `kept`; its neutral stays when kept, else the plainest.
GroupSpace restrict_to(const GroupSpace& group, const std::vector<std::size_t>& kept) {
    GroupSpace out;
    out.parameters = group.parameters;
    out.planner = group.planner;
    for (const std::size_t i : kept) {
        if (i == group.neutral) out.neutral = out.values.size();
        out.values.push_back(group.values[i]);
    }
    const auto it = std::find(kept.begin(), kept.end(), group.neutral);
    if (it == kept.end())
        for (std::size_t v = 1; v < out.values.size(); ++v)
            if (out.values[v].outcome < out.values[out.neutral].outcome) out.neutral = v;
    return out;
}

Classes classes_of(const std::vector<GroupSpace>& groups) {
    Classes out;
    std::size_t planner = groups.size();
    for (std::size_t g = 0; g < groups.size(); ++g) {
        if (groups[g].planner) planner = g;
        if (!groups[g].parameters.empty()) out.members.push_back(g);
    }
    if (out.members.empty() || planner == groups.size()) return {};
    out.members.insert(out.members.begin(), planner);
    std::map<std::string, std::vector<std::size_t>> by_class;
    const GroupSpace& plan = groups[planner];
    for (std::size_t v = 0; v < plan.values.size(); ++v)
        by_class[class_of(groups, plan.values[v].answers)].push_back(v);
    for (const auto& [key, values] : by_class) {
        Class c;
        for (const std::size_t g : out.members) {
            std::vector<std::size_t> kept;
            if (g == planner) {
                kept = values;
            } else {
                const std::string own =
                    context_of(plan.values[values[0]].answers, groups[g].parameters);
                for (std::size_t v = 0; v < groups[g].values.size(); ++v)
                    if (fits(groups[g].values[v], own)) kept.push_back(v);
            }
            if (kept.empty()) continue;  // cannot be: every context was explored
            c.members.push_back(restrict_to(groups[g], kept));
            c.origins.push_back(std::move(kept));
        }
        if (c.members.size() == out.members.size()) out.classes.push_back(std::move(c));
    }
    return out;
}

// The members of every class as one group: every outcome they reach together, first the one
// of their neutral answers.
GroupSpace joined(const Classes& classes, const std::vector<GroupSpace>& groups) {
    GroupSpace out;
    std::map<Outcome, Json> seen;
    Outcome neutral;
    Json neutral_answers = Json::object();
    for (const std::size_t g : classes.members) {
        neutral = combine(neutral, groups[g].values[groups[g].neutral].outcome);
        neutral_answers.update(groups[g].values[groups[g].neutral].answers);
    }
    out.values.push_back({neutral_answers, neutral, true, {}});
    seen.emplace(neutral, Json());
    for (const Class& c : classes.classes) {
        OthersFold fold;
        for (const GroupSpace& member : c.members) fold.add(member);
        for (OthersState& state : fold.reached())
            if (seen.emplace(state.outcome, Json()).second)
                out.values.push_back({std::move(state.answers), state.outcome, true, {}});
    }
    return out;
}

std::size_t index_in(const std::vector<std::size_t>& list, std::size_t g) {
    return static_cast<std::size_t>(std::find(list.begin(), list.end(), g) - list.begin());
}

// One check_all run: what its passes share (the groups, their classes, the checker) and what
// they remember between classes so that nothing is screened twice.
class Search {
public:
    Search(const std::vector<GroupSpace>& groups, Screener& screener, unsigned threads)
        : groups_(groups),
          screener_(screener),
          classes_(classes_of(groups)),
          all_members_(joined(classes_, groups)),
          checker_(screener, neutral_of(groups), threads) {}

    // No questions: one screening says it all.
    void empty() {
        going_ = checker_.batch(1, [](std::size_t, auto&) { return Json::object(); });
    }

    // Every value of a group against every outcome of the others it can tell apart: the groups
    // outside the classes at once, then each class's members against that class.
    void values_against_outcomes() {
        const std::size_t n = groups_.size();
        const std::vector<std::size_t>& members = classes_.members;
        for (std::size_t g = 0; g < n && going_; ++g) {
            if (member(g)) continue;
            OthersFold fold;
            for (std::size_t h = 0; h < n; ++h)
                if (h != g && !member(h)) fold.add(groups_[h]);
            if (!members.empty()) fold.add(all_members_);
            going_ = against_states(g, 0, groups_[g], nullptr, fold);
        }
        if (members.empty() || !going_) return;
        OthersFold outside;  // the groups outside the classes, once
        for (std::size_t h = 0; h < n; ++h)
            if (!member(h)) outside.add(groups_[h]);
        for (std::size_t c = 0; c < classes_.classes.size() && going_; ++c)
            for (std::size_t m = 0; m < members.size() && going_; ++m) {
                OthersFold fold = outside;
                for (std::size_t o = 0; o < members.size(); ++o)
                    if (o != m) fold.add(classes_.classes[c].members[o]);
                going_ = against_states(members[m], c, classes_.classes[c].members[m],
                                        &classes_.classes[c].origins[m], fold);
            }
    }

    // Every value of a group against every value of another, the rest neutral: this sees two
    // groups' specific findings and plan together, beyond what their outcomes say. A pair with
    // a neutral value is a value against the others all neutral: screened above.
    void pairs_of_values() {
        const std::size_t n = groups_.size();
        std::vector<const GroupSpace*> views;
        for (const GroupSpace& group : groups_) views.push_back(&group);
        pairs(views, std::vector<const std::vector<std::size_t>*>(n, nullptr), false);
        for (const Class& c : classes_.classes) {
            std::vector<const std::vector<std::size_t>*> origins(n, nullptr);
            for (std::size_t m = 0; m < classes_.members.size(); ++m) {
                views[classes_.members[m]] = &c.members[m];
                origins[classes_.members[m]] = &c.origins[m];
            }
            pairs(views, origins, true);
        }
    }

    void report(VerifyReport& report) {
        report.complete = report.complete && going_;
        checker_.report(report);
    }

private:
    static Json neutral_of(const std::vector<GroupSpace>& groups) {
        Json neutral = Json::object();
        for (const GroupSpace& group : groups) neutral.update(group.values[group.neutral].answers);
        return neutral;
    }

    bool member(std::size_t g) const {
        return index_in(classes_.members, g) < classes_.members.size();
    }

    // Screens every value of `group` (values[i] is the group's origin[i]) against the states
    // `fold` gives, merged as that value can tell them apart (by its own dates: values with the
    // same dates share them); with `origin`, a value meets a state it met in another class once.
    bool against_states(std::size_t g, std::size_t place, const GroupSpace& group,
                        const std::vector<std::size_t>* origin, const OthersFold& fold) {
        const RuleSet& rules = screener_.rules();
        std::map<std::vector<std::int64_t>, std::vector<std::size_t>> by_points;
        for (std::size_t i = 0; i < group.values.size(); ++i)
            by_points[points_of(group.values[i].outcome, rules, screener_.today())].push_back(i);
        std::vector<std::vector<OthersState>> kept;  // the states the jobs point into
        kept.reserve(by_points.size() * 3);
        std::vector<std::pair<std::size_t, const OthersState*>> jobs;
        for (const auto& [points, values] : by_points) {
            std::array<const std::vector<OthersState>*, 3> states{};  // by Hidden, made once
            for (const std::size_t i : values) {
                const Hidden hidden = hidden_by(group.values[i].outcome);
                const auto h = static_cast<std::size_t>(hidden);
                if (!states[h]) states[h] = &kept.emplace_back(fold.states(points, hidden));
                for (const OthersState& state : *states[h])
                    if (!origin ||
                        seen_.emplace(g, (*origin)[i], h, points, state.outcome.key()).second)
                        jobs.emplace_back(i, &state);
            }
        }
        return checker_.batch(jobs.size(), [&](std::size_t k, auto& order) {
            order = {0, g, place, k};
            Json answers = jobs[k].second->answers;
            answers.update(group.values[jobs[k].first].answers);
            return answers;
        });
    }

    // `views[g]` is group g as a class sees it, `origins[g]` its values' indexes in the group.
    void pairs(const std::vector<const GroupSpace*>& views,
               const std::vector<const std::vector<std::size_t>*>& origins, bool only_members) {
        const std::size_t n = groups_.size();
        auto origin = [&](std::size_t g, std::size_t i) {
            return origins[g] ? (*origins[g])[i] : i;
        };
        std::vector<std::vector<std::size_t>> paired(n);
        for (std::size_t g = 0; g < n; ++g)
            for (std::size_t i = 0; i < views[g]->values.size(); ++i)
                if (views[g]->values[i].paired && i != views[g]->neutral) paired[g].push_back(i);
        for (std::size_t a = 0; a < n && going_; ++a)
            for (std::size_t b = a + 1; b < n && going_; ++b) {
                if (only_members ? !member(a) && !member(b) : member(a) || member(b)) continue;
                Json rest = Json::object();
                for (std::size_t h = 0; h < n; ++h)
                    if (h != a && h != b) rest.update(views[h]->values[views[h]->neutral].answers);
                std::vector<std::pair<std::size_t, std::size_t>> jobs;
                for (const std::size_t i : paired[a])
                    for (const std::size_t j : paired[b])
                        if (!only_members ||
                            paired_before_.insert({a, origin(a, i), b, origin(b, j)}).second)
                            jobs.emplace_back(i, j);
                going_ = checker_.batch(jobs.size(), [&](std::size_t k, auto& order) {
                    const auto [i, j] = jobs[k];
                    order = {1, a * n + b, origin(a, i), origin(b, j)};
                    Json answers = rest;
                    answers.update(views[a]->values[i].answers);
                    answers.update(views[b]->values[j].answers);
                    return answers;
                });
            }
    }

    using Seen = std::set<std::tuple<std::size_t, std::size_t, std::size_t,
                                     std::vector<std::int64_t>, std::array<std::int64_t, 12>>>;

    const std::vector<GroupSpace>& groups_;
    Screener& screener_;
    const Classes classes_;
    const GroupSpace all_members_;
    Checker checker_;
    Seen seen_;
    std::set<std::array<std::size_t, 4>> paired_before_;
    bool going_ = true;
};

}  // namespace

void check_all(const std::vector<GroupSpace>& groups, Screener& screener, unsigned threads,
               VerifyReport& report) {
    Search search(groups, screener, threads);
    if (groups.empty()) search.empty();
    search.values_against_outcomes();
    search.pairs_of_values();
    search.report(report);
}

}  // namespace meso::verify_detail
