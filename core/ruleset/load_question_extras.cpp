// What a question declares beyond its type and choices: the bounds of a date answer, relative
// to the screening's today, and the parameters its texts show (rules/README.md, "Question").
#include "core/ruleset/loader.hpp"

namespace meso::rules_detail {
namespace {

// The dates the engine handles span 1900-01-01 … 2199-12-31 (about 110,000 days): a bound
// further from today than that whole span can never matter and is surely a typo.
constexpr std::int64_t max_bound_days = 110000;

}  // namespace

void Loader::read_date_bounds(FieldReader& reader, std::optional<QuestionType> type,
                              Question& question) {
    for (const char* field : {"min_days", "max_days"}) {
        if (!reader.has(field)) continue;
        if (type && *type != QuestionType::date) {
            error("rules.unexpected_field", reader.field_path(field),
                  quote(field) + " is only for date questions");
            continue;
        }
        const auto days = reader.integer(field, Need::optional);
        if (!days) continue;
        if (*days < -max_bound_days || *days > max_bound_days) {
            error("rules.date_bounds", reader.field_path(field),
                  std::to_string(*days) +
                      " days is further from today than any date the engine "
                      "handles (at most " +
                      std::to_string(max_bound_days) + ")");
            continue;
        }
        (std::string_view(field) == "min_days" ? question.min_days : question.max_days) = days;
    }
    if (question.min_days && question.max_days && *question.min_days > *question.max_days) {
        error("rules.date_bounds", reader.field_path("max_days"),
              "min_days " + std::to_string(*question.min_days) + " is above max_days " +
                  std::to_string(*question.max_days));
    }
}

void Loader::read_question_params(FieldReader& reader, Question& question) {
    const Json* params = reader.object("params", Need::optional);
    if (!params) return;
    for (const auto& [name, rule] : params->items()) {
        const std::string param_path = pointer_append(reader.field_path("params"), name);
        // Next to these names a question's texts see setting.<id> and today.
        if (!valid_id(name)) {
            error("rules.bad_id", param_path, bad_id_message(name));
            continue;
        }
        if (name == "today") {
            error("rules.bad_id", param_path, "\"today\" is already a text parameter");
            continue;
        }
        auto program = compile(rule, param_path);
        if (!program) continue;
        // Evaluated over {}: a parameter that read an answer would change the question while
        // the patient answers it.
        if (!program->variables().empty() || program->has_dynamic_variables()) {
            error("rules.param_reads_answer",
                  program->variables().empty() ? param_path : program->variables().front().path,
                  "a question's parameter is evaluated without answers; it may read only today "
                  "and settings");
            continue;
        }
        question.params.emplace_back(name, std::move(*program));
    }
}

}  // namespace meso::rules_detail
