// The text syntax of locale strings: a subset of ICU MessageFormat (rules/README.md, "Texts").
//
//   {name}                                  the parameter's value as it is
//   {name, date}                            an ISO date as people write it in the language:
//                                           en "28 November 2026", pl "28 listopada 2026",
//                                           uk "28 листопада 2026 р." (other languages: ISO)
//   {name, plural, one {# day} other {# days}}
//                                           the branch of the number's CLDR plural category in
//                                           the language (en: one/other; pl, uk:
//                                           one/few/many/other); `#` is the number; `other` is
//                                           required and stands in for a missing category
//
// Branches are messages themselves and may hold arguments. There is no quoting: a text cannot
// hold a literal brace. The formatting lives here, in the engine, so that the CLI and the
// widget write the same sentences.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/date.hpp"

namespace meso {

// What is wrong with a pattern, with the character offset, or "" when it is well formed.
std::string message_problem(std::string_view pattern);

// Looks a parameter up by name; nullopt when there is no such parameter.
using MessageParams = std::function<std::optional<std::string>(std::string_view name)>;

// The pattern with its arguments filled in for `lang`. An argument naming no parameter (or a
// malformed pattern, which the loader rejects) is left as written, for a reader to notice.
std::string format_message(std::string_view lang, std::string_view pattern,
                           const MessageParams& params);

// CLDR plural category of a number written as `number` ("1", "5", "1.5") in `lang`: "one",
// "few", "many" or "other". Languages without rules here get "other" for everything but 1.
std::string plural_category(std::string_view lang, std::string_view number);

// The categories a language distinguishes for numbers (en: one, other; pl, uk: one, few, many,
// other).
std::vector<std::string> plural_categories(std::string_view lang);

// Every plural argument of a pattern: its parameter name and the categories it gives.
struct PluralUse {
    std::string name;
    std::set<std::string> categories;
};
std::vector<PluralUse> plural_uses(std::string_view pattern);

// The names of every argument of a pattern, nested ones included.
std::vector<std::string> message_arguments(std::string_view pattern);

// "28 November 2026", "28 listopada 2026", "28 листопада 2026 р."; ISO for other languages.
std::string format_date(std::string_view lang, Date date);

}  // namespace meso
