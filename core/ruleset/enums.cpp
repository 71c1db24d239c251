#include "core/ruleset/ruleset.hpp"

namespace meso {

const char* to_string(Severity severity) {
    switch (severity) {
        case Severity::consult: return "consult";
        case Severity::postpone: return "postpone";
        case Severity::ineligible: return "ineligible";
    }
    return "ineligible";  // unreachable; the strictest answer if it ever is not
}

const char* to_string(Status status) {
    switch (status) {
        case Status::incomplete: return "incomplete";
        case Status::eligible: return "eligible";
        case Status::consult: return "consult";
        case Status::postpone: return "postpone";
        case Status::ineligible: return "ineligible";
    }
    return "incomplete";
}

std::optional<Severity> parse_severity(std::string_view text) {
    if (text == "consult") return Severity::consult;
    if (text == "postpone") return Severity::postpone;
    if (text == "ineligible") return Severity::ineligible;
    return std::nullopt;
}

const char* to_string(QuestionType type) {
    switch (type) {
        case QuestionType::boolean: return "boolean";
        case QuestionType::single: return "single";
        case QuestionType::multiple: return "multiple";
        case QuestionType::integer: return "integer";
        case QuestionType::date: return "date";
    }
    return "boolean";
}

}  // namespace meso
