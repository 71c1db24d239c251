// The verifier's screen() wrapper and the outcome a group contributes to a screening.
#include <algorithm>
#include <string>

#include "core/tools/verify_detail.hpp"

namespace meso::verify_detail {

std::string key_of_path(const std::string& path) {
    if (path.size() < 2 || path[0] != '/') return "";
    const std::size_t end = path.find('/', 1);
    std::string token = path.substr(1, end == std::string::npos ? std::string::npos : end - 1);
    std::string out;
    for (std::size_t i = 0; i < token.size(); ++i) {
        if (token[i] == '~' && i + 1 < token.size()) {
            out += token[i + 1] == '1' ? '/' : '~';
            ++i;
        } else {
            out += token[i];
        }
    }
    return out;
}

namespace {

std::size_t finding_index(const RuleSet& rules, const std::string& id) {
    for (std::size_t i = 0; i < rules.findings.size(); ++i)
        if (rules.findings[i].id == id) return i;
    return rules.findings.size();
}

}  // namespace

bool Screener::run(const Json& answers, ScreenResult& result) {
    if (!reserve(1)) return false;
    result = run_reserved(answers);
    return true;
}

ScreenResult Screener::run_always(const Json& answers) {
    calls_.fetch_add(1);
    return run_reserved(answers);
}

bool Screener::reserve(std::size_t n) {
    if (stopped()) return false;
    std::size_t used = calls_.load();
    do {
        if (n > limit_ || used > limit_ - n) return false;
    } while (!calls_.compare_exchange_weak(used, used + n));
    return true;
}

std::size_t Screener::reserve_up_to(std::size_t n) {
    if (stopped()) return 0;
    std::size_t used = calls_.load();
    std::size_t granted = 0;
    do {
        granted = used >= limit_ ? 0 : std::min(n, limit_ - used);
    } while (!calls_.compare_exchange_weak(used, used + granted));
    return granted;
}

ScreenResult Screener::run_reserved(const Json& answers) const {
    return run_reserved(input(answers));
}

ScreenResult Screener::run_reserved(const ScreenInput& input) const {
    logic::Budget budget;
    ScreenResult result = screen(rules_, input, &budget, &worded_);
    spend(budget.used, result.errors);
    return result;
}

void Screener::spend(std::size_t steps, const Errors& errors) const {
    const std::size_t total = steps_.fetch_add(steps) + steps;
    std::optional<Error> stop;
    for (const Error& error : errors)
        if (error.code == "logic.limit") {
            stop = Error{"verify.too_large", error.path,
                         "this condition needs more work than one screening may do (" +
                             error.message + "): shrink it"};
            break;
        }
    if (!stop && total > max_steps_)
        stop = Error{"verify.too_large", "",
                     "the verification needs more than " + std::to_string(max_steps_) +
                         " logic steps: shrink the conditions, or the questions they read"};
    if (!stop) return;
    const std::lock_guard<std::mutex> lock(mutex_);
    if (!too_large_) too_large_ = std::move(stop);
    stopped_ = true;
}

std::optional<Error> Screener::too_large() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return too_large_;
}

ScreenInput Screener::input(Json answers) const {
    ScreenInput out;
    out.answers = std::move(answers);
    out.today = today_;
    return out;
}

Json Screener::to_json(const ScreenResult& result, const Json& answers) const {
    return result.to_json(rules_, input(answers));
}

Outcome combine(const Outcome& a, const Outcome& b) {
    Outcome out;
    out.severities = static_cast<std::uint8_t>(a.severities | b.severities);
    out.missing = a.missing || b.missing;
    out.error = a.error || b.error;
    out.undated = a.undated || b.undated;
    out.earliest = a.earliest;
    if (b.earliest && (!out.earliest || *b.earliest > *out.earliest)) out.earliest = b.earliest;
    const Outcome& planner = a.planner ? a : b;
    out.planner = planner.planner;
    out.start = planner.start;
    out.plan = planner.plan;
    out.first = planner.first;
    return out;
}

Outcome outcome_of(const RuleSet& rules, const AnswerSpace& space, std::size_t group,
                   const ScreenResult& result) {
    Outcome out;
    for (const FindingResult& finding : result.findings) {
        const std::size_t index = finding_index(rules, finding.id);
        if (index == rules.findings.size() || space.group_of_finding(index) != group) continue;
        out.severities |= static_cast<std::uint8_t>(1u << static_cast<unsigned>(finding.severity));
        if (finding.severity != Severity::postpone) continue;
        if (!finding.earliest) out.undated = true;
        else if (!out.earliest || finding.earliest->days() > *out.earliest)
            out.earliest = finding.earliest->days();
    }
    out.missing =
        std::any_of(result.missing.begin(), result.missing.end(),
                    [&](const std::string& id) { return space.group_of_key(id) == group; });
    // An error that names no answer (a rule that ran out of steps …) is charged to every group.
    out.error = std::any_of(result.errors.begin(), result.errors.end(), [&](const Error& error) {
        const std::size_t owner = space.group_of_key(key_of_path(error.path));
        return owner == group || owner == AnswerSpace::none;
    });
    if (group == space.planner_group()) {
        out.planner = true;
        if (result.earliest_start) out.start = result.earliest_start->days();
        out.plan = result.plan.has_value();
        if (result.plan && !result.plan->dates.empty()) out.first = result.plan->dates[0].days();
    }
    return out;
}

}  // namespace meso::verify_detail
