#include "core/screen/plan.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>

#include "core/json/write.hpp"
#include "core/ruleset/reader.hpp"
#include "core/ruleset/weekdays.hpp"
#include "core/screen/state.hpp"

namespace meso {
namespace {

using rules_detail::number_text;

// A course's schedule is capped so that a rule set typo cannot build a runaway calendar.
constexpr std::int64_t max_planned_sessions = 1000;

bool same_range(const SourcedRange& a, const SourcedRange& b) {
    return a.min == b.min && a.max == b.max && a.sources == b.sources && a.note == b.note;
}

// The lower of two optional bounds, where none means "no source states one".
std::optional<double> lower(std::optional<double> a, std::optional<double> b) {
    if (!a) return b;
    if (!b) return a;
    return std::min(*a, *b);
}

enum class Pick { largest, smallest };

// One figure over every course used. A course whose sources give no figure adds nothing (its
// empty list is not a range from 0). With `schedule`, a course that plans no value plans its
// minimum, because the dates need a value.
PlanRange combine(const std::vector<const Course*>& courses, RangeFact Course::*figure, Pick pick,
                  bool schedule) {
    PlanRange out;
    for (const Course* course : courses) {
        const RangeFact& fact = course->*figure;
        for (const SourcedRange& range : fact.ranges) {
            if (std::none_of(out.ranges.begin(), out.ranges.end(),
                             [&](const SourcedRange& seen) { return same_range(seen, range); }))
                out.ranges.push_back(range);
            out.min = lower(out.min, range.min);
            out.max = out.max ? std::max(*out.max, range.max) : range.max;
        }
        std::optional<double> planned = fact.planned;
        if (!planned && schedule && !fact.ranges.empty()) planned = fact.min;
        if (!planned) continue;
        if (!out.planned) out.planned = planned;
        else if (pick == Pick::largest) out.planned = std::max(*out.planned, *planned);
        else out.planned = std::min(*out.planned, *planned);
    }
    return out;
}

bool chosen_any(const std::vector<std::string>& wanted, const std::vector<std::string>& chosen) {
    return std::any_of(wanted.begin(), wanted.end(), [&](const std::string& id) {
        return std::find(chosen.begin(), chosen.end(), id) != chosen.end();
    });
}

// The texts that fit the plan: those without a filter, and those for a chosen concern or area.
std::vector<SourcedText> fitting(const std::vector<SourcedText>& texts,
                                 const std::vector<std::string>& concerns,
                                 const std::vector<std::string>& areas) {
    std::vector<SourcedText> out;
    for (const SourcedText& text : texts) {
        if (!text.concerns.empty() && !chosen_any(text.concerns, concerns)) continue;
        if (!text.areas.empty() && !chosen_any(text.areas, areas)) continue;
        out.push_back(text);
    }
    return out;
}

std::vector<SourcedText> resolve(const RuleSet& rules, const std::string& lang,
                                 const std::vector<SourcedText>& texts,
                                 const std::map<std::string, std::string>& params) {
    std::vector<SourcedText> out;
    for (const SourcedText& text : texts)
        out.push_back(SourcedText{rules.text(lang, text.text, params), text.sources, {}, {}});
    return out;
}

void resolve_notes(const RuleSet& rules, const std::string& lang, PlanRange& range,
                   const std::map<std::string, std::string>& params) {
    for (SourcedRange& item : range.ranges)
        if (!item.note.empty()) item.note = rules.text(lang, item.note, params);
}

const Json* setting_value(const RuleSet& rules, const std::string& id) {
    const auto it = rules.settings.find(id);
    return it == rules.settings.end() ? nullptr : &it->second.value;
}

// When the clinic can see a patient (rules/DOMAIN.md, "Dates are bookable"): its open weekdays
// (default Monday to Saturday), never its closed dates, and never before the lead time.
struct Calendar {
    std::int64_t lead_days = 1;
    std::array<bool, 7> open{true, true, true, true, true, true, false};
    std::set<Date> closed;

    explicit Calendar(const RuleSet& rules) {
        if (const Json* lead = setting_value(rules, "first_session_lead_days");
            lead && lead->is_number())
            lead_days = std::max<std::int64_t>(1, std::llround(lead->get<double>()));
        if (const Json* days = setting_value(rules, "open_weekdays"); days && days->is_array()) {
            open.fill(false);
            for (const Json& day : *days)
                if (const auto index =
                        day.is_string() ? weekday_index(day.get<std::string>()) : std::nullopt)
                    open[static_cast<std::size_t>(*index)] = true;
        }
        if (const Json* dates = setting_value(rules, "closed_dates"); dates && dates->is_array())
            for (const Json& day : *dates)
                if (const auto date =
                        day.is_string() ? Date::parse(day.get<std::string>()) : std::nullopt)
                    closed.insert(*date);
    }

    bool bookable(Date date) const {
        return open[static_cast<std::size_t>(date.weekday())] && !closed.count(date);
    }

    // `date` or the first bookable day after it; none when none is left in the engine's range.
    std::optional<Date> next_open(Date date) const {
        // Every weekday comes back within 7 days, so past the closed dates one week suffices.
        const std::size_t tries = closed.size() + 8;
        for (std::size_t i = 0; i < tries; ++i, date = date.plus_days(1)) {
            if (date > last_date()) return std::nullopt;
            if (bookable(date)) return date;
        }
        return std::nullopt;
    }

    static Date last_date() {
        static const Date last = *Date::parse("2199-12-31");
        return last;
    }
};

// The proposed dates: the first on or after `start` and today + the lead time, each later one
// the planned interval after the one before; a date that falls on a closed day moves to the next
// open one, and the next date counts from where it moved, so no two sessions come closer than
// the planned interval (itself within the sources' range). No dates rather than a schedule cut
// short at the end of the engine's range.
std::vector<Date> schedule(std::optional<Date> start, Date today, const Calendar& calendar,
                           const PlanRange& sessions, const PlanRange& interval) {
    std::vector<Date> dates;
    if (!start || !sessions.planned || !interval.planned) return dates;
    if (!std::isfinite(*sessions.planned) || !std::isfinite(*interval.planned)) return dates;
    const std::int64_t count = std::clamp<std::int64_t>(
        std::llround(std::clamp(*sessions.planned, 0.0, 1e6)), 0, max_planned_sessions);
    const std::int64_t step =
        std::max<std::int64_t>(1, std::llround(std::clamp(*interval.planned, 0.0, 1e6)));
    std::optional<Date> next =
        std::max(*start, today.plus_days(std::min<std::int64_t>(calendar.lead_days, 1000000)));
    for (std::int64_t n = 0; n < count; ++n) {
        if (*next > Calendar::last_date() || !(next = calendar.next_open(*next))) return {};
        dates.push_back(*next);
        next = next->plus_days(step);
    }
    return dates;
}

// What one session costs: the one price, or the sum of the chosen areas' prices. None when the
// clinic has set no price, or has not priced an area the patient chose (no invented figure).
std::optional<double> price_per_session(const Json& price, const std::vector<std::string>& areas,
                                        Json& per_area) {
    if (price.is_number()) return price.get<double>();
    if (!price.is_object() || areas.empty()) return std::nullopt;
    double sum = 0;
    for (const std::string& area : areas) {
        const auto found = price.find(area);
        if (found == price.end() || !found->is_number()) return std::nullopt;
        sum += found->get<double>();
        per_area[area] = *found;
    }
    return sum;
}

std::optional<Json> cost(const RuleSet& rules, const PlanRange& sessions,
                         const std::vector<std::string>& areas) {
    const Json* price = setting_value(rules, "price_per_session");
    if (!price) return std::nullopt;
    Json per_area = Json::object();
    const std::optional<double> each = price_per_session(*price, areas, per_area);
    if (!each || !(*each > 0)) return std::nullopt;
    const Json* currency = setting_value(rules, "currency");
    Json out;
    out["currency"] = currency && currency->is_string() ? *currency : Json(nullptr);
    out["per_session"] = number_json(*each);
    if (!per_area.empty()) out["per_area"] = std::move(per_area);
    out["min"] = sessions.min ? number_json(*each * *sessions.min) : Json(nullptr);
    out["max"] = sessions.max ? number_json(*each * *sessions.max) : Json(nullptr);
    if (sessions.planned) out["planned"] = number_json(*each * *sessions.planned);
    return out;
}

Json range_json(const PlanRange& range) {
    Json out;
    out["min"] = range.min ? number_json(*range.min) : Json(nullptr);
    out["max"] = range.max ? number_json(*range.max) : Json(nullptr);
    if (range.planned) out["planned"] = number_json(*range.planned);
    Json ranges = Json::array();
    for (const SourcedRange& item : range.ranges) {
        Json& entry = ranges.emplace_back();
        entry["min"] = item.min ? number_json(*item.min) : Json(nullptr);
        entry["max"] = number_json(item.max);
        entry["sources"] = item.sources;
        if (!item.note.empty()) entry["note"] = item.note;
    }
    out["ranges"] = std::move(ranges);
    return out;
}

// "Hair loss, Wrinkles": concerns named in the plan's language.
std::string concern_names(const RuleSet& rules, const std::string& lang,
                          const std::vector<std::string>& ids) {
    std::string names;
    for (const std::string& id : ids) {
        const Concern* concern = rules.concern(id);
        if (!names.empty()) names += ", ";
        names += concern ? rules.text(lang, concern->text) : id;
    }
    return names;
}

// An optional engine text (core/ruleset/keys.hpp) the rule set has.
bool has_text(const RuleSet& rules, const std::string& lang, const std::string& key) {
    const auto table = rules.locales.find(lang);
    return table != rules.locales.end() && table->second.contains(key);
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
                                     const PlanRequest& request) {
    PlanResult plan;
    std::vector<const Course*> courses;
    for (const std::string& id : request.concerns) {
        const Concern* concern = rules.concern(id);
        const Course* course = concern ? rules.course(concern->course) : nullptr;
        if (!course) continue;
        // A concern that needs a doctor's assessment gets no general course (rules/DOMAIN.md).
        if (concern->needs_doctor) {
            plan.doctor_only.push_back(id);
            continue;
        }
        plan.concerns.push_back(id);
        if (concern->general_figures) plan.general_figures.push_back(id);
        if (std::find(courses.begin(), courses.end(), course) == courses.end())
            courses.push_back(course);
    }
    if (courses.empty()) return std::nullopt;
    plan.areas = request.areas;
    plan.provisional = request.provisional;

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
    plan.dates =
        schedule(request.start, request.today, Calendar(rules), plan.sessions, plan.interval_days);

    // Every plan text may name the figures the schedule uses, so that a note never states a
    // count the dates do not follow ("the dates assume {sessions_planned} sessions").
    std::map<std::string, std::string> params = detail::prepared(rules)->text_params;
    params["today"] = request.today.iso();
    if (plan.sessions.planned) params["sessions_planned"] = number_text(*plan.sessions.planned);
    if (plan.interval_days.planned)
        params["interval_planned"] = number_text(*plan.interval_days.planned);
    for (PlanRange* range :
         {&plan.sessions, &plan.interval_days, &plan.first_results_sessions, &plan.effect_months,
          &plan.maintenance_per_year, &plan.session_minutes})
        resolve_notes(rules, lang, *range, params);
    const auto fit = [&](const std::vector<SourcedText>& texts) {
        return resolve(rules, lang, fitting(texts, request.concerns, request.areas), params);
    };
    plan.preparation = fit(rules.preparation);
    plan.during = fit(rules.during);
    plan.aftercare = fit(rules.aftercare);
    plan.facts = fit(rules.facts);
    std::vector<SourcedText> notes;
    for (const Course* course : courses)
        for (const SourcedText& note : course->notes)
            if (std::none_of(notes.begin(), notes.end(), [&](const SourcedText& seen) {
                    return seen.text == note.text && seen.sources == note.sources;
                }))
                notes.push_back(note);
    plan.notes = fit(notes);
    plan.cost = cost(rules, plan.sessions, plan.areas);
    return plan;
}

Json plan_json(const RuleSet& rules, const std::string& lang, const PlanResult& plan) {
    Json out;
    out["concerns"] = plan.concerns;
    out["areas"] = plan.areas;
    out["general_figures"] = plan.general_figures;
    if (!plan.general_figures.empty())
        out["general_figures_text"] =
            rules.text(lang, "plan.general_figures",
                       {{"concerns", concern_names(rules, lang, plan.general_figures)}});
    out["doctor_only"] = plan.doctor_only;
    if (!plan.doctor_only.empty() && has_text(rules, lang, "plan.doctor_only"))
        out["doctor_only_text"] = rules.text(
            lang, "plan.doctor_only", {{"concerns", concern_names(rules, lang, plan.doctor_only)}});
    out["provisional"] = plan.provisional;
    if (plan.provisional && has_text(rules, lang, "plan.provisional"))
        out["provisional_text"] = rules.text(lang, "plan.provisional");
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
