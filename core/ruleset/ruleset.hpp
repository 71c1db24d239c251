// A rule set: questions, findings, concerns, areas, courses, clinic settings, sources, locales and
// safety invariants, loaded from one JSON document (format: rules/README.md, schema:
// rules/schema/ruleset.schema.json). Loading checks everything and compiles every condition once.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/error.hpp"
#include "core/logic/program.hpp"

namespace meso {

using Json = nlohmann::json;

namespace detail {
struct Prepared;  // core/ruleset/prepared.hpp
}

enum class Severity { consult, postpone, ineligible };  // ordered by precedence, lowest first
enum class Status { incomplete, eligible, consult, postpone, ineligible };

const char* to_string(Severity);
const char* to_string(Status);
std::optional<Severity> parse_severity(std::string_view);

enum class QuestionType { boolean, single, multiple, integer, date };
const char* to_string(QuestionType);

struct Option {
    std::string id;
    std::string text;  // locale key
};

struct Question {
    std::string id;  // the answer key
    QuestionType type = QuestionType::boolean;
    std::string step;  // id of the step (page) that shows it
    bool required = true;
    std::string text;  // locale key of the question
    std::string help;  // locale key of a hint, or ""
    // single/multiple: the choices. With options_from = "concerns" or "areas" they are the rule
    // set's concerns, or the areas of the chosen concerns, in the rule set's order.
    std::vector<Option> options;
    std::string options_from;
    std::optional<std::int64_t> min, max;  // integer bounds, inclusive
    // Date bounds, inclusive, in days from the screening's today: max_days 0 = not after today,
    // min_days 0 = not before today, min_days -36500 = not more than 100 years ago.
    std::optional<std::int64_t> min_days, max_days;
    // Values the question's texts may show ({since, date}): JsonLogic evaluated over {} with
    // today and the settings, in declaration order (rules/README.md, "Texts").
    std::vector<std::pair<std::string, logic::Program>> params;
    std::optional<logic::Program> enable_when;  // shown only when truthy; absent = always
    std::string path;                           // JSON Pointer of the question in the document
};

struct Step {
    std::string id;
    std::string title;  // locale key
};

struct Finding {
    std::string id;
    Severity severity = Severity::consult;
    logic::Program when;
    std::optional<logic::Program> earliest;  // ISO date or null; postpone findings only
    std::string text;                        // locale key: what it means for the patient
    std::string until;                 // locale key: until when / what must end first ("" = none)
    std::vector<std::string> sources;  // source ids
    std::string path;
};

// A figure that the seeds give as a range, one entry per source that states it.
struct SourcedRange {
    std::optional<double> min;  // none: the source gives only an upper bound ("up to a year")
    double max = 0;
    std::vector<std::string> sources;
    std::string note;  // locale key, or ""
};

struct RangeFact {
    std::vector<SourcedRange> ranges;  // what each source says
    double min = 0, max = 0;           // the envelope of the ranges (an open min counts as 0)
    std::optional<double> planned;     // the value the schedule uses, where one is needed
};

struct SourcedText {
    std::string text;  // locale key
    std::vector<std::string> sources;
    // Shown only when one of these concerns / areas is chosen; empty = always (rules/DOMAIN.md:
    // no scalp aftercare for a face-only plan).
    std::vector<std::string> concerns = {}, areas = {};
};

struct Course {
    std::string id;
    std::string text;  // locale key naming the course
    RangeFact sessions;
    RangeFact interval_days;
    RangeFact first_results_sessions;
    RangeFact effect_months;
    RangeFact maintenance_per_year;
    RangeFact session_minutes;
    std::vector<SourcedText> notes;  // e.g. "later the course can be repeated"
    std::string path;
};

struct Concern {
    std::string id;
    std::string text;                // locale key
    std::vector<std::string> areas;  // area ids where it can be treated
    std::string course;              // course id
    bool general_figures = false;    // the seeds give no figures of its own: the plan says so
    bool needs_doctor = false;       // e.g. filler_overcorrection
    std::vector<std::string> sources;
    std::string path;
};

struct Area {
    std::string id;
    std::string text;  // locale key
};

struct Setting {
    std::string id;
    Json value;        // a number of days, a price, a currency code …
    std::string unit;  // "days", "minutes", "money", "currency", "text", "url", "weekdays", "dates"
    std::optional<double> min, max;    // the range a clinic may set a number in, inclusive
    std::string text;                  // locale key explaining it to the clinic
    std::vector<std::string> sources;  // what the seeds say, when they say anything
    bool seed_leaves_open = false;     // the default is the clinic's choice, not the seeds'
};

struct Source {
    std::string id;    // "000"
    std::string file;  // "000_cea723deee09d8da.txt"
    std::string title;
    std::string lang;  // the title's language ("en"), so a page in another can mark it; "" = unsaid
};

struct Invariant {
    std::string id;
    std::string text;      // locale key
    logic::Program check;  // evaluated on the screening result JSON; must be truthy
    std::string path;
};

struct RuleSet {
    std::string id;
    std::string version;
    std::vector<std::string> languages;  // every locale must be complete
    std::string default_language;
    std::vector<Step> steps;
    std::vector<Question> questions;  // in asking order
    std::vector<Finding> findings;
    std::vector<Concern> concerns;
    std::vector<Area> areas;
    std::vector<Course> courses;
    std::map<std::string, Setting> settings;
    std::vector<SourcedText> preparation;  // what to do before
    std::vector<SourcedText> during;       // what happens during a session
    std::vector<SourcedText> aftercare;    // what to expect after, with recovery times
    std::vector<SourcedText> facts;        // seasonality, needle depth …
    std::map<std::string, Source> sources;
    std::vector<Invariant> invariants;
    std::map<std::string, std::map<std::string, std::string>> locales;  // lang -> key -> text
    Json document;  // the document as loaded, for faces that want to show it
    // What screen() and Session would otherwise work out on every call (what each condition
    // reads, the evaluation order, the text parameters), made once by load_ruleset. A rule set
    // built by hand has none, and gets it worked out per call.
    std::shared_ptr<const detail::Prepared> prepared;

    const Question* question(std::string_view id) const;
    const Concern* concern(std::string_view id) const;
    const Course* course(std::string_view id) const;
    // The text for `key` in `lang` with {name} placeholders replaced; the key itself if absent
    // (lint makes that impossible for a rule set that passed).
    std::string text(std::string_view lang, std::string_view key,
                     const std::map<std::string, std::string>& params = {}) const;
};

struct LoadOptions {
    logic::Limits logic_limits;
    std::size_t max_questions = 500;
    std::size_t max_findings = 1000;
};

// Checks the whole document and compiles it. Every problem is reported, each with its path.
Result<RuleSet> load_ruleset(const Json& document, const LoadOptions& options = {});

}  // namespace meso
