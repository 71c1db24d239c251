#include "core/screen/plan.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/json/write.hpp"
#include "core/screen/state.hpp"

namespace meso {
namespace {

// A course's schedule is capped so that a rule set typo cannot build a runaway calendar.
constexpr std::int64_t max_planned_sessions = 1000;

bool same_range(const SourcedRange& a, const SourcedRange& b) {
    return a.min == b.min && a.max == b.max && a.sources == b.sources && a.note == b.note;
}

// The envelope of a course's own ranges (the loader's, when it states no range).
std::pair<double, double> course_envelope(const RangeFact& fact) {
    if (fact.ranges.empty()) return {fact.min, fact.max};
    double low = fact.ranges.front().min, high = fact.ranges.front().max;
    for (const SourcedRange& range : fact.ranges) {
        low = std::min(low, range.min);
        high = std::max(high, range.max);
    }
    return {low, high};
}

enum class Pick { largest, smallest };

// One figure over every course used. With `schedule`, a course that plans no value plans its
// minimum, because the dates need a value.
PlanRange combine(const std::vector<const Course*>& courses, RangeFact Course::*figure, Pick pick,
                  bool schedule) {
    PlanRange out;
    bool first = true;
    for (const Course* course : courses) {
        const RangeFact& fact = course->*figure;
        for (const SourcedRange& range : fact.ranges)
            if (std::none_of(out.ranges.begin(), out.ranges.end(),
                             [&](const SourcedRange& seen) { return same_range(seen, range); }))
                out.ranges.push_back(range);
        const auto [low, high] = course_envelope(fact);
        out.min = first ? low : std::min(out.min, low);
        out.max = first ? high : std::max(out.max, high);
        first = false;
        std::optional<double> planned = fact.planned;
        if (!planned && schedule) planned = low;
        if (!planned) continue;
        if (!out.planned) out.planned = planned;
        else if (pick == Pick::largest) out.planned = std::max(*out.planned, *planned);
        else out.planned = std::min(*out.planned, *planned);
    }
    return out;
}

std::vector<SourcedText> resolve(const RuleSet& rules, const std::string& lang,
                                 const std::vector<SourcedText>& texts,
                                 const std::map<std::string, std::string>& params) {
    std::vector<SourcedText> out;
    for (const SourcedText& text : texts)
        out.push_back(SourcedText{rules.text(lang, text.text, params), text.sources});
    return out;
}

void resolve_notes(const RuleSet& rules, const std::string& lang, PlanRange& range,
                   const std::map<std::string, std::string>& params) {
    for (SourcedRange& item : range.ranges)
        if (!item.note.empty()) item.note = rules.text(lang, item.note, params);
}

std::vector<Date> schedule(std::optional<Date> start, const PlanRange& sessions,
                           const PlanRange& interval) {
    std::vector<Date> dates;
    if (!start || !sessions.planned || !interval.planned) return dates;
    if (!std::isfinite(*sessions.planned) || !std::isfinite(*interval.planned)) return dates;
    const std::int64_t count = std::clamp<std::int64_t>(
        std::llround(std::clamp(*sessions.planned, 0.0, 1e6)), 0, max_planned_sessions);
    const std::int64_t step =
        std::max<std::int64_t>(1, std::llround(std::clamp(*interval.planned, 0.0, 1e6)));
    for (std::int64_t n = 0; n < count; ++n) dates.push_back(start->plus_days(n * step));
    return dates;
}

const Json* setting_value(const RuleSet& rules, const std::string& id) {
    const auto it = rules.settings.find(id);
    return it == rules.settings.end() ? nullptr : &it->second.value;
}

std::optional<Json> cost(const RuleSet& rules, const PlanRange& sessions) {
    const Json* price = setting_value(rules, "price_per_session");
    if (!price || !price->is_number() || !(price->get<double>() > 0)) return std::nullopt;
    const double each = price->get<double>();
    const Json* currency = setting_value(rules, "currency");
    Json out;
    out["currency"] = currency && currency->is_string() ? *currency : Json(nullptr);
    out["per_session"] = number_json(each);
    out["min"] = number_json(each * sessions.min);
    out["max"] = number_json(each * sessions.max);
    if (sessions.planned) out["planned"] = number_json(each * *sessions.planned);
    return out;
}

Json range_json(const PlanRange& range) {
    Json out;
    out["min"] = number_json(range.min);
    out["max"] = number_json(range.max);
    if (range.planned) out["planned"] = number_json(*range.planned);
    Json ranges = Json::array();
    for (const SourcedRange& item : range.ranges) {
        Json& entry = ranges.emplace_back();
        entry["min"] = number_json(item.min);
        entry["max"] = number_json(item.max);
        entry["sources"] = item.sources;
        if (!item.note.empty()) entry["note"] = item.note;
    }
    out["ranges"] = std::move(ranges);
    return out;
}

Json texts_json(const std::vector<SourcedText>& texts) {
    Json out = Json::array();
    for (const SourcedText& text : texts) {
        Json& entry = out.emplace_back();
        entry["text"] = text.text;
        entry["sources"] = text.sources;
    }
    return out;
}

}  // namespace

std::optional<PlanResult> build_plan(const RuleSet& rules, const std::string& lang,
                                     const std::vector<std::string>& concerns,
                                     const std::vector<std::string>& areas,
                                     std::optional<Date> start) {
    PlanResult plan;
    std::vector<const Course*> courses;
    for (const std::string& id : concerns) {
        const Concern* concern = rules.concern(id);
        const Course* course = concern ? rules.course(concern->course) : nullptr;
        if (!course) continue;
        plan.concerns.push_back(id);
        if (concern->general_figures) plan.general_figures.push_back(id);
        if (std::find(courses.begin(), courses.end(), course) == courses.end())
            courses.push_back(course);
    }
    if (courses.empty()) return std::nullopt;
    plan.areas = areas;

    plan.sessions = combine(courses, &Course::sessions, Pick::largest, true);
    plan.interval_days = combine(courses, &Course::interval_days, Pick::smallest, true);
    plan.first_results_sessions =
        combine(courses, &Course::first_results_sessions, Pick::largest, false);
    plan.effect_months = combine(courses, &Course::effect_months, Pick::largest, false);
    plan.maintenance_per_year =
        combine(courses, &Course::maintenance_per_year, Pick::largest, false);
    plan.session_minutes = combine(courses, &Course::session_minutes, Pick::largest, false);
    if (const Json* minutes = setting_value(rules, "session_minutes");
        minutes && minutes->is_number())
        plan.session_minutes.planned = minutes->get<double>();
    plan.dates = schedule(start, plan.sessions, plan.interval_days);

    const std::shared_ptr<const detail::Prepared> prepared = detail::prepared(rules);
    const std::map<std::string, std::string>& params = prepared->text_params;
    for (PlanRange* range :
         {&plan.sessions, &plan.interval_days, &plan.first_results_sessions, &plan.effect_months,
          &plan.maintenance_per_year, &plan.session_minutes})
        resolve_notes(rules, lang, *range, params);
    plan.preparation = resolve(rules, lang, rules.preparation, params);
    plan.during = resolve(rules, lang, rules.during, params);
    plan.aftercare = resolve(rules, lang, rules.aftercare, params);
    plan.facts = resolve(rules, lang, rules.facts, params);
    std::vector<SourcedText> notes;
    for (const Course* course : courses)
        for (const SourcedText& note : course->notes)
            if (std::none_of(notes.begin(), notes.end(), [&](const SourcedText& seen) {
                    return seen.text == note.text && seen.sources == note.sources;
                }))
                notes.push_back(note);
    plan.notes = resolve(rules, lang, notes, params);
    plan.cost = cost(rules, plan.sessions);
    return plan;
}

Json plan_json(const RuleSet& rules, const std::string& lang, const PlanResult& plan) {
    Json out;
    out["concerns"] = plan.concerns;
    out["areas"] = plan.areas;
    out["general_figures"] = plan.general_figures;
    if (!plan.general_figures.empty()) {
        std::string names;
        for (const std::string& id : plan.general_figures) {
            const Concern* concern = rules.concern(id);
            if (!names.empty()) names += ", ";
            names += concern ? rules.text(lang, concern->text) : id;
        }
        out["general_figures_text"] =
            rules.text(lang, "plan.general_figures", {{"concerns", names}});
    }
    out["sessions"] = range_json(plan.sessions);
    out["interval_days"] = range_json(plan.interval_days);
    out["first_results_sessions"] = range_json(plan.first_results_sessions);
    out["effect_months"] = range_json(plan.effect_months);
    out["maintenance_per_year"] = range_json(plan.maintenance_per_year);
    out["session_minutes"] = range_json(plan.session_minutes);
    Json dates = Json::array();
    for (const Date& date : plan.dates) dates.push_back(date.iso());
    out["dates"] = std::move(dates);
    out["preparation"] = texts_json(plan.preparation);
    out["during"] = texts_json(plan.during);
    out["aftercare"] = texts_json(plan.aftercare);
    out["facts"] = texts_json(plan.facts);
    out["notes"] = texts_json(plan.notes);
    if (plan.cost) out["cost"] = *plan.cost;
    return out;
}

}  // namespace meso
