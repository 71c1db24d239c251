#include "core/tools/verify_guarantees.hpp"

#include <algorithm>
#include <set>

#include "core/ruleset/weekdays.hpp"

namespace meso::verify_detail {
namespace {

bool has_verdict(const ScreenResult& result) { return result.status != Status::incomplete; }

const Json* answer_of(const ScreenInput& input, const std::string& id) {
    if (!input.answers.is_object()) return nullptr;
    const auto it = input.answers.find(id);
    return it == input.answers.end() || it->is_null() ? nullptr : &*it;
}

std::optional<Date> date_answer(const ScreenInput& input, const std::string& id) {
    const Json* value = answer_of(input, id);
    if (!value || !value->is_string()) return std::nullopt;
    return Date::parse(value->get<std::string>());
}

bool visible(const ScreenResult& result, const std::string& id) {
    return std::find(result.visible.begin(), result.visible.end(), id) != result.visible.end();
}

// The first day of an exposure question's window: its `since` parameter on `today`.
std::optional<Date> window_start(const Question& question, Date today) {
    if (question.type != QuestionType::boolean && question.type != QuestionType::single)
        return std::nullopt;
    for (const auto& [name, program] : question.params) {
        if (name != "since") continue;
        const Result<Json> value =
            program.evaluate(Json::object(), logic::EvalContext{today.iso()});
        if (!value || !value->is_string()) return std::nullopt;
        return Date::parse(value->get<std::string>());
    }
    return std::nullopt;
}

// The date questions an exposure question leads to: those whose enableWhen reads it.
std::vector<const Question*> follow_ups(const RuleSet& rules, const Question& exposure) {
    std::vector<const Question*> out;
    for (const Question& question : rules.questions)
        if (question.type == QuestionType::date && question.enable_when &&
            question.enable_when->roots().count(exposure.id))
            out.push_back(&question);
    return out;
}

// "Yes" to an exposure question: true, or any choice but "no" (rules/DOMAIN.md: nsaids is
// no | occasional | regular).
bool exposed(const Json& answer) {
    return answer == true || (answer.is_string() && answer.get<std::string>() != "no");
}

bool exposure_wait(const RuleSet& rules, const ScreenInput& input, const ScreenResult& result) {
    if (!has_verdict(result)) return true;
    for (const Question& question : rules.questions) {
        const auto since = window_start(question, input.today);
        const Json* answer = answer_of(input, question.id);
        if (!since || !answer || !exposed(*answer) || !visible(result, question.id)) continue;
        // The wait in days: a window that starts W days before today.
        const std::int64_t wait = input.today.days() - since->days();
        std::optional<Date> last;  // the latest exposure date given, within the window
        bool dated = false;
        for (const Question* follow : follow_ups(rules, question)) {
            const auto date =
                visible(result, follow->id) ? date_answer(input, follow->id) : std::nullopt;
            if (!date) continue;
            dated = true;
            if (*date >= *since && (!last || *date > *last)) last = date;
        }
        if (dated && !last) continue;  // every date given is before the window: the wait is over
        if (result.status == Status::eligible) return false;
        if (last && result.earliest_start &&
            result.earliest_start->days() < last->days() + wait + 1)
            return false;
    }
    return true;
}

bool exposure_date(const RuleSet& rules, const ScreenInput& input, const ScreenResult& result) {
    if (!has_verdict(result)) return true;
    for (const Question& question : rules.questions) {
        if (!window_start(question, input.today)) continue;
        for (const Question* follow : follow_ups(rules, question)) {
            // A date that may lie ahead (the expected end of a course) says so with max_days.
            if (follow->max_days && *follow->max_days > 0) continue;
            const auto date = date_answer(input, follow->id);
            if (date && *date > input.today && visible(result, follow->id)) return false;
        }
    }
    return true;
}

bool date_bounds(const RuleSet& rules, const ScreenInput& input, const ScreenResult& result) {
    if (!has_verdict(result)) return true;
    for (const Question& question : rules.questions) {
        if (question.type != QuestionType::date || !visible(result, question.id)) continue;
        const auto date = date_answer(input, question.id);
        if (!date) continue;
        if (question.min_days && date->days() < input.today.days() + *question.min_days)
            return false;
        if (question.max_days && date->days() > input.today.days() + *question.max_days)
            return false;
    }
    return true;
}

const Json* setting(const RuleSet& rules, const char* id) {
    const auto it = rules.settings.find(id);
    return it == rules.settings.end() ? nullptr : &it->second.value;
}

// Written from rules/DOMAIN.md independently of the planner, so that the two check each other.
bool plan_dates(const RuleSet& rules, const ScreenInput& input, const ScreenResult& result) {
    if (!result.plan || result.plan->dates.empty()) return true;
    const std::vector<Date>& dates = result.plan->dates;
    std::int64_t lead = 1;
    if (const Json* value = setting(rules, "first_session_lead_days"); value && value->is_number())
        lead = std::max<std::int64_t>(1, static_cast<std::int64_t>(value->get<double>()));
    std::set<std::string> open{"mon", "tue", "wed", "thu", "fri", "sat"};
    if (const Json* value = setting(rules, "open_weekdays"); value && value->is_array()) {
        open.clear();
        for (const Json& day : *value)
            if (day.is_string()) open.insert(day.get<std::string>());
    }
    std::set<std::string> closed;
    if (const Json* value = setting(rules, "closed_dates"); value && value->is_array())
        for (const Json& day : *value)
            if (day.is_string()) closed.insert(day.get<std::string>());
    if (!result.earliest_start || dates.front() < *result.earliest_start) return false;
    if (dates.front().days() < input.today.days() + lead) return false;
    const double gap = result.plan->interval_days.min.value_or(1);
    for (std::size_t i = 0; i < dates.size(); ++i) {
        const Date& date = dates[i];
        if (date > *Date::parse("2199-12-31")) return false;
        if (!open.count(std::string(weekday_names[static_cast<std::size_t>(date.weekday())])))
            return false;
        if (closed.count(date.iso())) return false;
        if (i > 0 && static_cast<double>(date.days() - dates[i - 1].days()) < gap) return false;
    }
    return true;
}

}  // namespace

const std::vector<Guarantee>& guarantees() {
    static const std::vector<Guarantee> all = {
        {"engine.exposure_wait", exposure_wait},
        {"engine.exposure_date", exposure_date},
        {"engine.date_bounds", date_bounds},
        {"engine.plan_dates", plan_dates},
    };
    return all;
}

std::vector<std::int64_t> guarantee_date_offsets(const RuleSet& rules, const Question& question,
                                                 Date today) {
    // Each bound and the day beyond it; where a side is unbounded, the engine's first or last
    // day (a year-2199 typo that pushes a wait out of the engine's range). Few values: each one
    // multiplies its group's combinations.
    std::vector<std::int64_t> out;
    if (question.min_days) out.insert(out.end(), {*question.min_days - 1, *question.min_days});
    else out.push_back(Date::parse("1900-01-01")->days() - today.days());
    if (question.max_days) out.insert(out.end(), {*question.max_days, *question.max_days + 1});
    else out.push_back(Date::parse("2199-12-31")->days() - today.days());
    for (const Question& exposure : rules.questions) {
        const auto since = window_start(exposure, today);
        if (!since) continue;
        const auto follow = follow_ups(rules, exposure);
        if (std::find(follow.begin(), follow.end(), &question) == follow.end()) continue;
        const std::int64_t offset = since->days() - today.days();
        out.insert(out.end(), {offset - 1, offset});
    }
    return out;
}

}  // namespace meso::verify_detail
