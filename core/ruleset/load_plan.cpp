// What the course plan is built from: areas, courses with their sourced figures, concerns, and
// the lists of sourced texts (preparation, during, aftercare, facts).
#include "core/ruleset/loader.hpp"

#include <algorithm>
#include <cmath>

namespace meso::rules_detail {
namespace {

constexpr const char* fact_without_source = "rules.fact_without_source";
constexpr const char* cite_message = "cite at least one source";

std::string interval_text(double min, double max) {
    return number_text(min) + " to " + number_text(max);
}

// A figure as each source states it. The schedule's figures (sessions, interval) need at least one
// range and a `planned` value, a whole number of at least 1; for the others an empty list says
// that the seeds give no figure for this course.
RangeFact read_range_fact(Loader& loader, FieldReader& course, const char* field, bool schedule) {
    RangeFact fact;
    const Json* value = course.object(field, Need::required);
    if (!value) return fact;
    FieldReader reader(*value, course.field_path(field), loader.errors);
    const Json* ranges = reader.array("ranges", Need::required);
    if (schedule && ranges && ranges->empty()) {
        loader.error("rules.empty_value", reader.field_path("ranges"),
                     "at least one range is needed");
    }
    bool first = true;
    for (std::size_t i = 0; ranges && i < ranges->size(); ++i) {
        FieldReader range_reader((*ranges)[i], pointer_append(reader.field_path("ranges"), i),
                                 loader.errors);
        SourcedRange range;
        auto min = range_reader.number("min", Need::required);
        auto max = range_reader.number("max", Need::required);
        range.sources = loader.cited_sources(range_reader, fact_without_source, cite_message);
        if (auto note = loader.text_key(range_reader, "note", Need::optional)) range.note = *note;
        if (!min || !max) continue;
        if (*min < 0) {
            loader.error("rules.bad_range", range_reader.field_path("min"), "must not be negative");
            continue;
        }
        if (*min > *max) {
            loader.error("rules.bad_range", range_reader.path(),
                         "min " + number_text(*min) + " is above max " + number_text(*max));
            continue;
        }
        range.min = *min;
        range.max = *max;
        fact.min = first ? *min : std::min(fact.min, *min);
        fact.max = first ? *max : std::max(fact.max, *max);
        first = false;
        fact.ranges.push_back(std::move(range));
    }
    fact.planned = reader.number("planned", schedule ? Need::required : Need::optional);
    if (fact.planned) {
        const double planned = *fact.planned;
        if (schedule && (planned < 1 || planned != std::floor(planned))) {
            loader.error("rules.bad_range", reader.field_path("planned"),
                         "expected a whole number of at least 1");
        } else if (!first && (planned < fact.min || planned > fact.max)) {
            loader.error("rules.bad_range", reader.field_path("planned"),
                         "planned " + number_text(planned) + " is outside " +
                             interval_text(fact.min, fact.max));
        }
    }
    return fact;
}

}  // namespace

void Loader::read_areas(const Json& value, const std::string& path) {
    areas.emplace();
    const bool read = each_entry(value, path, [&](FieldReader& reader) {
        auto id = reader.id();
        if (id && !unique(*areas, *id, reader.field_path("id"), "area")) id.reset();
        auto text = text_key(reader, "text", Need::required);
        if (id && text) rules.areas.push_back({*id, *text});
    });
    if (!read) areas.reset();
}

void Loader::read_courses(const Json& value, const std::string& path) {
    courses.emplace();
    const bool read = each_entry(value, path, [&](FieldReader& reader) {
        if (!reader.ok()) return;
        Course course;
        course.path = reader.path();
        auto id = reader.id();
        if (id && unique(*courses, *id, reader.field_path("id"), "course")) course.id = *id;
        if (auto text = text_key(reader, "text", Need::required)) course.text = *text;
        course.sessions = read_range_fact(*this, reader, "sessions", true);
        course.interval_days = read_range_fact(*this, reader, "interval_days", true);
        course.first_results_sessions =
            read_range_fact(*this, reader, "first_results_sessions", false);
        course.effect_months = read_range_fact(*this, reader, "effect_months", false);
        course.maintenance_per_year = read_range_fact(*this, reader, "maintenance_per_year", false);
        course.session_minutes = read_range_fact(*this, reader, "session_minutes", false);
        if (const Json* notes = reader.any("notes", Need::optional)) {
            course.notes = read_sourced_texts(*notes, reader.field_path("notes"));
        }
        rules.courses.push_back(std::move(course));
    });
    if (!read) courses.reset();
}

void Loader::read_concerns(const Json& value, const std::string& path) {
    std::set<std::string, std::less<>> ids;
    each_entry(value, path, [&](FieldReader& reader) {
        if (!reader.ok()) return;
        Concern concern;
        concern.path = reader.path();
        auto id = reader.id();
        if (id && unique(ids, *id, reader.field_path("id"), "concern")) concern.id = *id;
        if (auto text = text_key(reader, "text", Need::required)) concern.text = *text;
        if (auto area_ids = reader.strings("areas", Need::required)) {
            if (area_ids->empty()) {
                error("rules.empty_value", reader.field_path("areas"),
                      "at least one area is needed");
            }
            for (std::size_t k = 0; k < area_ids->size(); ++k) {
                check_reference(areas, (*area_ids)[k],
                                pointer_append(reader.field_path("areas"), k), "rules.unknown_area",
                                "area");
            }
            concern.areas = *area_ids;
        }
        if (auto course = reader.string("course", Need::optional)) {
            check_reference(courses, *course, reader.field_path("course"), "rules.unknown_course",
                            "course");
            concern.course = *course;
        }
        concern.general_figures = reader.boolean("general_figures").value_or(false);
        concern.needs_doctor = reader.boolean("needs_doctor").value_or(false);
        concern.sources = cited_sources(reader, fact_without_source, cite_message);
        rules.concerns.push_back(std::move(concern));
    });
}

std::vector<SourcedText> Loader::read_sourced_texts(const Json& value, const std::string& path) {
    std::vector<SourcedText> out;
    each_entry(value, path, [&](FieldReader& reader) {
        auto text = text_key(reader, "text", Need::required);
        auto cited = cited_sources(reader, fact_without_source, cite_message);
        if (text) out.push_back({*text, std::move(cited)});
    });
    return out;
}

}  // namespace meso::rules_detail
