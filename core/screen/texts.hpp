// The texts a screening shows that depend on the screening itself: the parameters every text
// sees, a question's own parameters, and answer errors in the patient's language.
#pragma once

#include <map>
#include <string>

#include "core/base/date.hpp"
#include "core/base/error.hpp"
#include "core/ruleset/ruleset.hpp"
#include "core/screen/screen.hpp"

namespace meso::detail {

using TextParams = std::map<std::string, std::string>;

// What every text may use: {setting.<id>} and {today} (ISO; {today, date} writes it out).
TextParams base_text_params(const RuleSet& rules, Date today);

// A question's text and help in `lang`, with its declared parameters evaluated over {} on
// `today`. A parameter that cannot be evaluated adds its error to `errors`.
QuestionTexts question_texts(const RuleSet& rules, const std::string& lang,
                             const Question& question, const TextParams& base, Errors& errors);

// `error` (an answer error on `question`) with its message in `lang` when the rule set has the
// engine text "answer.<code after 'answers.'>"; unchanged otherwise (rules/README.md).
Error localized_answer_error(const RuleSet& rules, const std::string& lang,
                             const Question& question, Date today, Error error);

}  // namespace meso::detail
