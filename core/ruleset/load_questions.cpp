// Steps, questions, findings and invariants: everything that holds a condition.
#include "core/ruleset/loader.hpp"

namespace meso::rules_detail {
namespace {

std::optional<QuestionType> parse_question_type(std::string_view text) {
    for (auto type : {QuestionType::boolean, QuestionType::single, QuestionType::multiple,
                      QuestionType::integer, QuestionType::date}) {
        if (text == to_string(type)) return type;
    }
    return std::nullopt;
}

bool is_choice(QuestionType type) {
    return type == QuestionType::single || type == QuestionType::multiple;
}

}  // namespace

void Loader::read_steps(const Json& value, const std::string& path) {
    steps.emplace();
    const bool read = each_entry(value, path, [&](FieldReader& reader) {
        Step step;
        auto id = reader.id();
        if (id && unique(*steps, *id, reader.field_path("id"), "step")) step.id = *id;
        if (auto text = text_key(reader, "text", Need::required)) step.title = *text;
        if (reader.ok() && id) rules.steps.push_back(std::move(step));
    });
    if (!read) steps.reset();
}

void Loader::read_questions(const Json& value, const std::string& path) {
    questions.emplace();
    const bool read = each_entry(
        value, path,
        [&](FieldReader& reader) {
            if (!reader.ok()) return;
            Question question;
            question.path = reader.path();
            auto id = reader.id();
            if (id && unique(*questions, *id, reader.field_path("id"), "question"))
                question.id = *id;

            auto type_name = reader.string("type", Need::required);
            std::optional<QuestionType> type =
                type_name ? parse_question_type(*type_name) : std::nullopt;
            if (type_name && !type) {
                error("rules.bad_value", reader.field_path("type"),
                      quote(*type_name) +
                          " is not a question type (boolean, single, multiple, integer, date)");
            }
            if (type) question.type = *type;

            if (auto step = reader.string("step", Need::required)) {
                check_reference(steps, *step, reader.field_path("step"), "rules.unknown_step",
                                "step");
                question.step = *step;
            }
            question.required = reader.boolean("required").value_or(true);
            if (auto text = text_key(reader, "text", Need::required)) question.text = *text;
            if (auto help = text_key(reader, "help", Need::optional)) question.help = *help;
            read_question_choices(reader, question, type);
            read_question_bounds(reader, question, type);
            if (const Json* rule = reader.any("enableWhen", Need::optional)) {
                question.enable_when = compile(*rule, reader.field_path("enableWhen"));
            }
            rules.questions.push_back(std::move(question));
        },
        options.max_questions, "questions");
    if (!read) questions.reset();
}

// "options" or "options_from", for single and multiple questions only.
void Loader::read_question_choices(FieldReader& reader, Question& question,
                                   std::optional<QuestionType> type) {
    const Json* options = reader.array("options", Need::optional);
    auto options_from = reader.string("options_from", Need::optional);
    const bool has_options = reader.has("options");
    const bool has_from = reader.has("options_from");
    if (type && !is_choice(*type)) {
        for (const char* field : {"options", "options_from"}) {
            if (reader.has(field)) {
                error("rules.unexpected_field", reader.field_path(field),
                      quote(field) + " is only for single and multiple questions");
            }
        }
    } else if (type) {
        if (has_options && has_from) {
            error("rules.conflicting_fields", question.path,
                  "\"options\" and \"options_from\" cannot be used together");
        } else if (!has_options && !has_from) {
            error("rules.no_options", question.path,
                  "a " + std::string(to_string(*type)) +
                      " question needs \"options\" or \"options_from\"");
        } else if (options && options->empty()) {
            error("rules.no_options", reader.field_path("options"), "the list of options is empty");
        }
    }
    if (options_from) {
        if (*options_from != "concerns" && *options_from != "areas") {
            error("rules.bad_value", reader.field_path("options_from"),
                  quote(*options_from) + " is not \"concerns\" or \"areas\"");
        }
        question.options_from = *options_from;
    }
    if (options) {
        std::set<std::string, std::less<>> option_ids;
        for (std::size_t k = 0; k < options->size(); ++k) {
            FieldReader option_reader((*options)[k],
                                      pointer_append(reader.field_path("options"), k), errors);
            Option option;
            auto option_id = option_reader.id();
            if (option_id && !option_ids.insert(*option_id).second) {
                error("rules.duplicate_id", option_reader.field_path("id"),
                      quote(*option_id) + " is already an option of this question");
                option_id.reset();
            }
            auto option_text = text_key(option_reader, "text", Need::required);
            if (option_id && option_text) question.options.push_back({*option_id, *option_text});
        }
    }
}

// "min" and "max", for integer questions only.
void Loader::read_question_bounds(FieldReader& reader, Question& question,
                                  std::optional<QuestionType> type) {
    question.min = reader.integer("min", Need::optional);
    question.max = reader.integer("max", Need::optional);
    if (type == QuestionType::integer) {
        for (const char* field : {"min", "max"}) {
            if (!reader.has(field)) {
                error("rules.integer_bounds", question.path,
                      "an integer question needs " + quote(field));
            }
        }
        if (question.min && question.max && *question.min > *question.max) {
            error("rules.integer_bounds", reader.field_path("max"),
                  "min " + std::to_string(*question.min) + " is above max " +
                      std::to_string(*question.max));
        }
    } else if (type) {
        for (const char* field : {"min", "max"}) {
            if (reader.has(field)) {
                error("rules.unexpected_field", reader.field_path(field),
                      quote(field) + " is only for integer questions");
            }
        }
    }
}

void Loader::read_findings(const Json& value, const std::string& path) {
    std::set<std::string, std::less<>> ids;
    each_entry(
        value, path,
        [&](FieldReader& reader) {
            if (!reader.ok()) return;
            auto id = reader.id();
            if (id && !unique(ids, *id, reader.field_path("id"), "finding")) id.reset();

            std::optional<Severity> severity;
            if (auto name = reader.string("severity", Need::required)) {
                severity = parse_severity(*name);
                if (!severity) {
                    error("rules.unknown_severity", reader.field_path("severity"),
                          quote(*name) + " is not a severity (consult, postpone, ineligible)");
                }
            }
            std::optional<logic::Program> when;
            if (const Json* rule = reader.any("when", Need::required)) {
                when = compile(*rule, reader.field_path("when"));
            }
            std::optional<logic::Program> earliest;
            if (const Json* rule = reader.any("earliest", Need::optional)) {
                earliest = compile(*rule, reader.field_path("earliest"));
                if (severity && *severity != Severity::postpone) {
                    error("rules.earliest_not_postpone", reader.field_path("earliest"),
                          "only postpone findings have an earliest date");
                }
            }
            auto text = text_key(reader, "text", Need::required);
            auto until = text_key(reader, "until", Need::optional);
            auto cited = cited_sources(reader, "rules.finding_without_source",
                                       "a finding must cite at least one source");
            if (id && severity && when && text) {
                rules.findings.push_back(Finding{*id, *severity, std::move(*when),
                                                 std::move(earliest), *text, until.value_or(""),
                                                 std::move(cited), reader.path()});
            }
        },
        options.max_findings, "findings");
}

void Loader::read_invariants(const Json& value, const std::string& path) {
    std::set<std::string, std::less<>> ids;
    each_entry(value, path, [&](FieldReader& reader) {
        if (!reader.ok()) return;
        auto id = reader.id();
        if (id && !unique(ids, *id, reader.field_path("id"), "invariant")) id.reset();
        auto text = text_key(reader, "text", Need::required);
        std::optional<logic::Program> check;
        if (const Json* rule = reader.any("check", Need::required)) {
            check = compile(*rule, reader.field_path("check"));
        }
        if (id && text && check) {
            rules.invariants.push_back(Invariant{*id, *text, std::move(*check), reader.path()});
        }
    });
}

}  // namespace meso::rules_detail
