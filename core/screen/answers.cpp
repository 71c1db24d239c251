#include "core/screen/answers.hpp"

#include "core/ruleset/prepared.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <set>

#include "core/base/date.hpp"
#include "core/base/quote.hpp"
#include "core/json/write.hpp"

namespace meso {

using detail::options_question_id;
namespace {

// Integers a browser can hold exactly bound questions that set no limit of their own.
constexpr std::int64_t max_safe_integer = 9007199254740991;

Error answer_error(std::string code, std::string path, std::string message) {
    return Error{std::move(code), std::move(path), std::move(message)};
}

std::string quoted(const std::string& text) { return quote_for_message(text); }

bool contains(const std::vector<std::string>& list, std::string_view item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

bool is_area(const RuleSet& rules, std::string_view id) {
    return std::any_of(rules.areas.begin(), rules.areas.end(),
                       [&](const Area& area) { return area.id == id; });
}

// The integer an answer denotes, or nullopt when it is not one; `text` is how to name it.
struct IntegerAnswer {
    bool integral = false;
    bool fits = false;  // representable as int64
    std::int64_t value = 0;
    std::string text;
};

IntegerAnswer read_integer(const Json& value) {
    IntegerAnswer out;
    if (value.is_number_unsigned()) {
        const auto u = value.get<std::uint64_t>();
        out.integral = true;
        out.fits = u <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
        out.value = out.fits ? static_cast<std::int64_t>(u) : 0;
        out.text = write_json(value);
    } else if (value.is_number_integer()) {
        out.integral = true;
        out.fits = true;
        out.value = value.get<std::int64_t>();
        out.text = write_json(value);
    } else if (value.is_number_float()) {
        const double d = value.get<double>();
        out.integral = std::isfinite(d) && std::floor(d) == d;
        // 2^63 is exactly representable; anything at or beyond it does not fit.
        out.fits = out.integral && d > -9223372036854775808.0 && d < 9223372036854775808.0;
        out.value = out.fits ? static_cast<std::int64_t>(d) : 0;
        out.text = out.fits ? std::to_string(out.value) : write_json(value);
    }
    return out;
}

AnswerCheck check_boolean(const Json& value, const std::string& path) {
    if (!value.is_boolean())
        return {std::nullopt,
                {answer_error("answers.wrong_type", path, "expected a boolean (true or false)")}};
    return {value, {}};
}

AnswerCheck check_integer(const Question& question, const Json& value, const std::string& path) {
    const IntegerAnswer number = read_integer(value);
    if (!number.integral)
        return {std::nullopt, {answer_error("answers.wrong_type", path, "expected an integer")}};
    const std::int64_t low = question.min.value_or(-max_safe_integer);
    const std::int64_t high = question.max.value_or(max_safe_integer);
    if (!number.fits || number.value < low || number.value > high)
        return {std::nullopt,
                {answer_error("answers.out_of_range", path,
                              number.text + " is outside the allowed range " + std::to_string(low) +
                                  " to " + std::to_string(high))}};
    return {Json(number.value), {}};
}

AnswerCheck check_date(const Json& value, const std::string& path) {
    if (!value.is_string())
        return {std::nullopt,
                {answer_error("answers.wrong_type", path,
                              "expected a date as a \"YYYY-MM-DD\" string")}};
    if (!Date::parse(value.get<std::string>()))
        return {std::nullopt,
                {answer_error("answers.bad_date", path,
                              quoted(value.get<std::string>()) +
                                  " is not a valid YYYY-MM-DD date between " +
                                  "1900-01-01 and 2199-12-31")}};
    return {value, {}};
}

// Whether the answer to `key` in `effective` chose `id` (a single choice gives a string, a
// multiple one an array).
bool chose(const Json& effective, std::string_view key, std::string_view id) {
    if (key.empty() || !effective.is_object()) return false;
    const auto it = effective.find(key);
    if (it == effective.end()) return false;
    if (it->is_string()) return it->get_ref<const std::string&>() == id;
    if (!it->is_array()) return false;
    return std::any_of(it->begin(), it->end(), [&](const Json& item) {
        return item.is_string() && item.get_ref<const std::string&>() == id;
    });
}

// offered_options(rules, question, effective) contains `id`, without building the list: this
// runs for every chosen option of every screening.
bool offers(const RuleSet& rules, const Question& question, const Json& effective,
            std::string_view id) {
    if (question.options_from == "concerns") return rules.concern(id) != nullptr;
    if (question.options_from == "areas") {
        if (!is_area(rules, id)) return false;
        const std::string_view concerns_key = options_question_id(rules, "concerns");
        return std::any_of(rules.concerns.begin(), rules.concerns.end(), [&](const Concern& c) {
            return contains(c.areas, id) && chose(effective, concerns_key, c.id);
        });
    }
    return std::any_of(question.options.begin(), question.options.end(),
                       [&](const Option& option) { return option.id == id; });
}

// Why a chosen option that is not offered is wrong: unknown ids are errors; ids the rule set
// knows but this question does not offer now (an area of a concern no longer chosen) are
// not_offered.
Error option_error(const RuleSet& rules, const Question& question, const std::string& id,
                   const std::string& path) {
    if (question.options_from == "areas" && is_area(rules, id))
        return answer_error("answers.not_offered", path,
                            quoted(id) + " is not offered for the chosen concerns");
    return answer_error("answers.unknown_option", path,
                        quoted(id) + " is not an option of " + quoted(question.id));
}

AnswerCheck check_single(const RuleSet& rules, const Question& question, const Json& value,
                         const std::string& path, const Json& effective) {
    if (!value.is_string())
        return {std::nullopt,
                {answer_error("answers.wrong_type", path, "expected one option id (a string)")}};
    const std::string& id = value.get_ref<const std::string&>();
    if (!offers(rules, question, effective, id))
        return {std::nullopt, {option_error(rules, question, id, path)}};
    return {value, {}};
}

AnswerCheck check_multiple(const RuleSet& rules, const Question& question, const Json& value,
                           const std::string& path, const Json& effective) {
    if (!value.is_array())
        return {std::nullopt,
                {answer_error("answers.wrong_type", path, "expected an array of option ids")}};
    AnswerCheck out;
    bool usable = true;
    Json kept = Json::array();
    std::set<std::string_view> seen;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const Json& item = value[i];
        if (!item.is_string()) {
            out.errors.push_back(answer_error("answers.wrong_type", pointer_append(path, i),
                                              "expected an option id (a string)"));
            usable = false;
            continue;
        }
        const std::string& id = item.get_ref<const std::string&>();
        if (!seen.insert(id).second) {
            out.errors.push_back(answer_error("answers.duplicate_option", pointer_append(path, i),
                                              quoted(id) + " is chosen more than once"));
            usable = false;
            continue;
        }
        if (offers(rules, question, effective, id)) {
            kept.push_back(item);
            continue;
        }
        Error error = option_error(rules, question, id, pointer_append(path, i));
        usable = usable && error.code == "answers.not_offered";
        out.errors.push_back(std::move(error));
    }
    if (usable) out.value = std::move(kept);
    return out;
}

// The ids of `all` (in that order) that the answer to `key` chose; a single-choice question
// gives one string, a multiple one an array.
std::vector<std::string> chosen_of(const Json& effective, std::string_view key,
                                   const std::vector<std::string>& all) {
    std::vector<std::string> out;
    for (const std::string& id : all)
        if (chose(effective, key, id)) out.push_back(id);
    return out;
}

}  // namespace

Errors check_answer_keys(const RuleSet& rules, const Json& answers) {
    if (!answers.is_object())
        return {answer_error("answers.wrong_type", "", "the answers must be a JSON object")};
    Errors errors;
    for (auto it = answers.begin(); it != answers.end(); ++it) {
        if (it.value().is_null() || rules.question(it.key())) continue;
        errors.push_back(answer_error("answers.unknown_key", pointer_append("", it.key()),
                                      quoted(it.key()) + " is not a question id"));
    }
    return errors;
}

std::vector<std::string> chosen_concerns(const RuleSet& rules, const Json& effective) {
    std::vector<std::string> all;
    for (const Concern& concern : rules.concerns) all.push_back(concern.id);
    return chosen_of(effective, options_question_id(rules, "concerns"), all);
}

std::vector<std::string> chosen_areas(const RuleSet& rules, const Json& effective) {
    std::vector<std::string> all;
    for (const Area& area : rules.areas) all.push_back(area.id);
    return chosen_of(effective, options_question_id(rules, "areas"), all);
}

std::vector<std::string> offered_options(const RuleSet& rules, const Question& question,
                                         const Json& effective) {
    // The candidates in the rule set's order, each kept when offers() says so: one rule for
    // what a question offers, whether a list is wanted or one answer is checked.
    std::vector<std::string> out;
    const auto keep = [&](const std::string& id) {
        if (offers(rules, question, effective, id)) out.push_back(id);
    };
    if (question.options_from == "concerns") {
        for (const Concern& concern : rules.concerns) keep(concern.id);
    } else if (question.options_from == "areas") {
        for (const Area& area : rules.areas) keep(area.id);
    } else {
        for (const Option& option : question.options) keep(option.id);
    }
    return out;
}

AnswerCheck check_answer(const RuleSet& rules, const Question& question, const Json& value,
                         const Json& effective) {
    const std::string path = pointer_append("", question.id);
    switch (question.type) {
        case QuestionType::boolean: return check_boolean(value, path);
        case QuestionType::integer: return check_integer(question, value, path);
        case QuestionType::date: return check_date(value, path);
        case QuestionType::single: return check_single(rules, question, value, path, effective);
        case QuestionType::multiple: return check_multiple(rules, question, value, path, effective);
    }
    return {std::nullopt, {answer_error("answers.wrong_type", path, "unsupported question type")}};
}

}  // namespace meso
