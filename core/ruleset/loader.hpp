// The state of one load_ruleset() call, shared by the files that read each part of a rule set.
// Sections are read in an order where what they cite is already known (sources and settings
// first, questions before findings); references between questions are checked at the end.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/ruleset/reader.hpp"
#include "core/ruleset/ruleset.hpp"

namespace meso::rules_detail {

// The ids a section defines; nullopt while the section is absent or unreadable, so that a
// broken section does not also make every reference to it an error.
using IdSet = std::optional<std::set<std::string, std::less<>>>;

// Empty when `value` suits a setting's `unit` ("days", "money" …), else what was expected.
std::string setting_value_problem(const std::string& unit, const Json& value);

struct Loader {
    explicit Loader(const LoadOptions& options) : options(options) {}

    const LoadOptions& options;
    Errors errors;
    RuleSet rules;
    std::map<std::string, Json> setting_values;  // for {"setting": …} in conditions
    IdSet sources, settings, steps, areas, courses, questions;
    std::map<std::string, std::string> text_keys;  // locale key -> first place that uses it
    // The "concerns" filters of sourced texts, with their paths, checked once concerns are known.
    std::vector<std::pair<std::string, std::vector<std::string>>> text_filters;

    void error(std::string code, std::string path, std::string message) {
        add_error(errors, std::move(code), std::move(path), std::move(message));
    }

    // Reads a locale key field and remembers where it is used.
    std::optional<std::string> text_key(FieldReader& reader, std::string_view field, Need need);
    // Reads a list of cited source ids; `code` is reported when the list is absent or empty.
    std::vector<std::string> cited_sources(FieldReader& reader, const std::string& code,
                                           const std::string& message);
    // Checks that the ids at `path` are defined sources, each cited once.
    void check_sources(const std::vector<std::string>& ids, const std::string& path);
    // Reports `code` when `id` is not in `known`.
    bool check_reference(const IdSet& known, const std::string& id, const std::string& path,
                         const std::string& code, const std::string& what);
    std::optional<logic::Program> compile(const Json& rule, const std::string& path);
    // Reports rules.duplicate_id when `id` is already in `seen`.
    bool unique(std::set<std::string, std::less<>>& seen, const std::string& id,
                const std::string& path, const std::string& what);

    // Calls read(reader) for each entry of the array section at `path`, reading at most `limit`
    // entries (rules.too_many names `what` beyond that); false, with rules.wrong_type, when the
    // section is not an array. Every section that is a list is read through here.
    template <class Read>
    bool each_entry(const Json& value, const std::string& path, Read read,
                    std::size_t limit = static_cast<std::size_t>(-1), const char* what = "") {
        if (!value.is_array()) {
            error("rules.wrong_type", path, "expected an array");
            return false;
        }
        std::size_t count = value.size();
        if (count > limit) {
            error("rules.too_many", path,
                  std::to_string(count) + " " + what + "; the limit is " + std::to_string(limit));
            count = limit;
        }
        for (std::size_t i = 0; i < count; ++i) {
            FieldReader reader(value[i], pointer_append(path, i), errors);
            read(reader);
        }
        return true;
    }

    // One function per section (load_*.cpp).
    void read_top(const Json& document);
    void read_sources(const Json& value, const std::string& path);
    void read_settings(const Json& value, const std::string& path);
    void read_setting_bounds(FieldReader& reader, Setting& setting);
    // A price per area names areas the rule set has (checked once areas are read).
    void check_setting_areas();
    void read_steps(const Json& value, const std::string& path);
    void read_areas(const Json& value, const std::string& path);
    void read_courses(const Json& value, const std::string& path);
    void read_concerns(const Json& value, const std::string& path);
    void read_questions(const Json& value, const std::string& path);
    void read_question_choices(FieldReader& reader, Question& question,
                               std::optional<QuestionType> type);
    void read_question_bounds(FieldReader& reader, Question& question,
                              std::optional<QuestionType> type);
    // load_question_extras.cpp
    void read_date_bounds(FieldReader& reader, std::optional<QuestionType> type,
                          Question& question);
    void read_question_params(FieldReader& reader, Question& question);
    void read_findings(const Json& value, const std::string& path);
    void read_invariants(const Json& value, const std::string& path);
    std::vector<SourcedText> read_sourced_texts(const Json& value, const std::string& path);
    void read_languages(FieldReader& top);
    void read_locales(const Json& value, const std::string& path);

    // Checks that need every section (check.cpp).
    void check_question_references();
    void check_enable_cycles();
    void check_text_filters();
    void check_translations();
};

}  // namespace meso::rules_detail
