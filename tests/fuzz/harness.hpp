// The bodies of the fuzz targets, shared with the unit test that replays tests/fuzz/regressions/,
// so a crash the fuzzer found is reproduced natively under ASan by the ordinary test command.
//
// Each harness drives the engine the way a face does (JSON text through parse_json, then the
// public API) and checks the promises that hold for every input. It returns "" when they hold and
// a description of the broken one otherwise; a crash, a sanitizer report or an escaping exception
// is a failure by itself.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/date.hpp"
#include "core/base/error.hpp"
#include "core/json/parse.hpp"
#include "core/logic/program.hpp"
#include "core/ruleset/describe.hpp"
#include "core/ruleset/ruleset.hpp"
#include "core/ruleset/settings_file.hpp"
#include "core/screen/answers.hpp"
#include "core/screen/screen.hpp"
#include "core/tools/decision_table.hpp"
#include "core/tools/lint.hpp"

namespace meso::fuzz {

inline constexpr const char* fuzz_today = "2026-03-01";

// Every error must say what, where (a JSON Pointer) and why.
inline std::string check_errors(const Errors& errors, std::string_view what) {
    if (errors.empty()) return std::string(what) + " failed without an error";
    for (const Error& e : errors) {
        if (e.code.empty() || e.message.empty())
            return std::string(what) + " gave an error without code or message: " + e.to_string();
        if (!e.path.empty() && e.path.front() != '/')
            return std::string(what) + " gave a path that is not a JSON Pointer: " + e.to_string();
    }
    return "";
}

// Status "eligible" with errors or missing answers would be a verdict on unread input.
inline std::string check_fail_closed(const ScreenResult& result) {
    if (result.status != Status::eligible) return "";
    if (!result.errors.empty()) return "eligible with errors: " + result.errors.front().to_string();
    if (!result.missing.empty()) return "eligible with missing answer " + result.missing.front();
    return "";
}

// --- fuzz_logic: "RULE\0DATA" (no NUL: DATA is {}) ---------------------------------------------

inline std::string fuzz_logic(std::string_view input) {
    const std::size_t split = input.find('\0');
    const std::string_view rule_text = input.substr(0, split);
    const std::string_view data_text =
        split == std::string_view::npos ? std::string_view("{}") : input.substr(split + 1);

    auto rule = parse_json(rule_text);
    if (!rule) return check_errors(rule.errors(), "parse_json(rule)");
    auto data = parse_json(data_text);
    if (!data) return check_errors(data.errors(), "parse_json(data)");

    static const std::map<std::string, Json> settings = {
        {"wait_days", 3}, {"price", 250.5}, {"currency", "PLN"}, {"off", nullptr}};
    logic::CompileOptions options;
    options.settings = &settings;
    auto program = logic::Program::compile(*rule, options, "/rule");
    if (!program) return check_errors(program.errors(), "compile");
    (void)program->variables();
    (void)program->roots();
    (void)program->number_literals();
    (void)program->string_literals();

    const logic::EvalContext context{fuzz_today};
    auto first = program->evaluate(*data, context);
    auto second = program->evaluate(*data, context);
    if (first.ok() != second.ok()) return "evaluate is not deterministic (ok differs)";
    if (!first) {
        if (first.errors() != second.errors()) return "evaluate is not deterministic (errors)";
        return check_errors(first.errors(), "evaluate");
    }
    // The faces serialise the value; a string that is not UTF-8 would throw here.
    const std::string text = first->dump();
    if (text != second->dump()) return "evaluate is not deterministic: " + text;
    (void)logic::truthy(*first);
    return "";
}

// --- fuzz_ruleset: a rule set document --------------------------------------------------------

inline std::string fuzz_ruleset(std::string_view text) {
    auto document = parse_json(text);
    if (!document) return check_errors(document.errors(), "parse_json(rules)");
    auto loaded = load_ruleset(*document);
    if (!loaded) return check_errors(loaded.errors(), "load_ruleset");
    const auto rules = std::make_shared<const RuleSet>(std::move(*loaded));

    for (const Error& e : lint_ruleset(*rules)) {
        if (e.code.empty()) return "lint gave a warning without a code: " + e.to_string();
    }
    const Date today = *Date::parse(fuzz_today);
    for (const std::string& lang : rules->languages) {
        (void)decision_table(*rules, lang);
        (void)describe_ruleset(*rules, lang).dump();
    }
    const ScreenInput input{Json::object(), today, ""};
    const ScreenResult result = screen(*rules, input);
    if (auto problem = check_fail_closed(result); !problem.empty()) return problem;
    const std::string screened = result.to_json(*rules, input).dump();
    (void)plan_ics(*rules, result, input);

    Session session(rules, today, "");
    if (session.result().to_json(*rules, session.input()).dump() != screened)
        return "a new session differs from screen() with no answers";

    // Answer everything, so that the fuzzed conditions and plans are evaluated too.
    Json answers = Json::object();
    for (const Question& q : rules->questions) {
        Json value = true;
        if (q.type == QuestionType::integer) value = q.max.value_or(q.min.value_or(0));
        if (q.type == QuestionType::date) value = fuzz_today;
        if (q.type == QuestionType::single || q.type == QuestionType::multiple) {
            const auto offered = offered_options(*rules, q, answers);
            if (offered.empty()) continue;
            value = q.type == QuestionType::single ? Json(offered.front()) : Json(offered);
        }
        answers[q.id] = value;
        session.set(q.id, value);
    }
    const ScreenInput answered{answers, today, ""};
    const ScreenResult full = screen(*rules, answered);
    if (auto problem = check_fail_closed(full); !problem.empty()) return problem;
    const std::string full_text = full.to_json(*rules, answered).dump();
    if (session.result().to_json(*rules, session.input()).dump() != full_text)
        return "a session differs from screen() with every question answered";
    (void)plan_ics(*rules, full, answered);
    return "";
}

// A clinic's settings file (JSON text) applied to `ruleset`: refused with errors that say what
// and where, or a rule set that holds every promise fuzz_ruleset checks.
inline std::string fuzz_settings(const Json& ruleset, std::string_view text) {
    auto settings = parse_json(text);
    if (!settings) return check_errors(settings.errors(), "parse_json(settings)");
    auto applied = apply_settings(ruleset, *settings);
    if (!applied) return check_errors(applied.errors(), "apply_settings");
    return fuzz_ruleset(applied->dump());
}

// --- fuzz_session: a stream of operations on a Session ------------------------------------------
//
// One operation per line:  'r'            reset
//                          'l' B          set_lang(languages[B % (n + 1)], or "xx" for B == n)
//                          'c' K          clear(keys[K % keys.size()])
//                          any other, K   set(keys[K % keys.size()], <rest of the line as JSON>)
// keys = the question ids, then a few that are not: "", "__proto__", "constructor", "bogus".

inline std::vector<std::string> session_keys(const RuleSet& rules) {
    std::vector<std::string> keys;
    for (const Question& q : rules.questions) keys.push_back(q.id);
    for (const char* extra : {"", "__proto__", "constructor", "bogus"}) keys.emplace_back(extra);
    return keys;
}

// The session keeps every answer as it was set, except the choices of a multiple question that
// the question no longer offers (an area whose concern was unticked): those it drops, keeping the
// order of the others, and an answer left with no choice goes. "" when `answers` is `model` so.
inline std::string check_kept_answers(const RuleSet& rules, const ScreenResult& result,
                                      const Json& answers, const Json& model) {
    for (const auto& [key, value] : answers.items())
        if (!model.contains(key)) return "an answer to \"" + key + "\" appeared";
    for (const auto& [key, expected] : model.items()) {
        const auto kept = answers.find(key);
        if (kept != answers.end() && *kept == expected) continue;
        const Question* question = rules.question(key);
        const auto offered = result.options.find(key);
        if (!question || question->type != QuestionType::multiple || !expected.is_array() ||
            offered == result.options.end())
            return "the answer to \"" + key + "\" changed";
        std::size_t matched = 0;
        for (const Json& choice : expected) {
            if (kept != answers.end() && matched < kept->size() && (*kept)[matched] == choice) {
                ++matched;
                continue;
            }
            const bool still_offered =
                choice.is_string() && std::find(offered->second.begin(), offered->second.end(),
                                                choice.get<std::string>()) != offered->second.end();
            if (!choice.is_string() || still_offered)
                return "the choice " + choice.dump() + " of \"" + key + "\" was dropped";
        }
        if (kept != answers.end() && (matched != kept->size() || kept->empty()))
            return "the choices of \"" + key + "\" changed";
    }
    return "";
}

inline std::string fuzz_session(const std::shared_ptr<const RuleSet>& rules,
                                std::string_view input) {
    constexpr std::size_t max_operations = 24;  // keeps one input fast: streams, not volume
    const std::vector<std::string> keys = session_keys(*rules);
    const Date today = *Date::parse(fuzz_today);
    Session session(rules, today, "");
    Json model = Json::object();  // the answers after the last operation, as set
    std::string lang;

    std::size_t operations = 0;
    while (!input.empty() && operations++ < max_operations) {
        const std::size_t end = input.find('\n');
        const std::string_view line = input.substr(0, end);
        input = end == std::string_view::npos ? std::string_view() : input.substr(end + 1);
        if (line.empty()) continue;
        const char op = line[0];
        const auto arg = line.size() > 1 ? static_cast<unsigned char>(line[1]) : 0u;
        const std::string& key = keys[arg % keys.size()];
        std::string step;
        if (op == 'r') {
            session.reset();
            model = Json::object();
            step = "reset";
        } else if (op == 'l') {
            const std::size_t n = rules->languages.size();
            lang = arg % (n + 1) < n ? rules->languages[arg % (n + 1)] : "xx";
            session.set_lang(lang);
            step = "set_lang(" + lang + ")";
        } else if (op == 'c') {
            session.clear(key);
            model.erase(key);
            step = "clear(" + key + ")";
        } else {
            const std::string_view value_text = line.size() > 2 ? line.substr(2) : "null";
            auto value = parse_json(value_text, answer_limits);
            if (!value) {
                if (auto problem = check_errors(value.errors(), "parse_json(answer)");
                    !problem.empty())
                    return problem;
                continue;
            }
            session.set(key, *value);
            if (value->is_null()) model.erase(key);
            else model[key] = *value;
            step = "set(" + key + ", " + value->dump() + ")";
        }

        const ScreenResult& incremental = session.result();
        if (auto problem = check_kept_answers(*rules, incremental, session.answers(), model);
            !problem.empty())
            return "after " + step + ": " + problem;
        model = session.answers();
        if (auto problem = check_fail_closed(incremental); !problem.empty())
            return "after " + step + ": " + problem;
        const ScreenInput fresh{model, today, lang};
        const std::string expected = screen(*rules, fresh).to_json(*rules, fresh).dump();
        const std::string actual = incremental.to_json(*rules, session.input()).dump();
        if (actual != expected)
            return "after " + step + ": session differs from screen()\n  session " + actual +
                   "\n  screen  " + expected;
    }
    return "";
}

// --- fuzz_json: any text, compared with nlohmann::json::parse ----------------------------------
//
// parse_json must reject what nlohmann rejects and accept what it accepts with the same value,
// type for type (nlohmann's == holds 1 and 1.0 equal; -0.0 and 0.0 too). Where we are stricter on
// purpose only our error is checked: a duplicate key (nlohmann keeps the last) and nesting beyond
// max_depth. A NUL byte ends the text for nlohmann, while we reject it: we must reject the text,
// and agree with nlohmann when we read only the part before the NUL.

// type_name() says "number" for all three kinds of number.
inline std::string json_type(const Json& value) {
    switch (value.type()) {
        case Json::value_t::number_integer: return "integer";
        case Json::value_t::number_unsigned: return "unsigned";
        case Json::value_t::number_float: return "float";
        default: return value.type_name();
    }
}

// "" when `ours` and `theirs` are the same value of the same types throughout.
inline std::string json_difference(const Json& ours, const Json& theirs,
                                   const std::string& path = "") {
    const std::string where = " at " + (path.empty() ? std::string("/") : path);
    if (ours.type() != theirs.type())
        return json_type(ours) + " instead of " + json_type(theirs) + where;
    if (ours.is_number_float()) {
        const double a = ours.get<double>(), b = theirs.get<double>();
        if (std::memcmp(&a, &b, sizeof a) != 0)
            return ours.dump() + " instead of " + theirs.dump() + where;
        return "";
    }
    if (ours.is_array()) {
        if (ours.size() != theirs.size()) return "an array of another size" + where;
        for (std::size_t i = 0; i < ours.size(); ++i) {
            if (auto problem = json_difference(ours[i], theirs[i], pointer_append(path, i));
                !problem.empty())
                return problem;
        }
        return "";
    }
    if (ours.is_object()) {
        if (ours.size() != theirs.size()) return "an object of another size" + where;
        for (auto a = ours.begin(), b = theirs.begin(); a != ours.end(); ++a, ++b) {
            if (a.key() != b.key())
                return "key \"" + a.key() + "\" instead of \"" + b.key() + "\"" + where;
            if (auto problem = json_difference(*a, *b, pointer_append(path, a.key()));
                !problem.empty())
                return problem;
        }
        return "";
    }
    return ours == theirs ? "" : "another value" + where;
}

inline std::string check_json_error(const Errors& errors) {
    if (auto problem = check_errors(errors, "parse_json"); !problem.empty()) return problem;
    if (errors.size() != 1) return "parse_json gave more than one error";
    const Error& e = errors.front();
    if (e.code == "json.syntax") {
        if (!e.path.empty() || e.message.rfind("line ", 0) != 0)
            return "a syntax error without line and column: " + e.to_string();
    } else if (e.code != "json.number" && e.code != "json.too_deep" &&
               e.code != "json.duplicate_key") {
        return "an unexpected error: " + e.to_string();
    }
    return "";
}

inline std::string json_agrees_with_nlohmann(const Result<Json>& ours, std::string_view text) {
    const Json theirs = Json::parse(text.begin(), text.end(), nullptr, false);
    if (!ours) {
        const Error& e = ours.errors().front();
        if (e.code == "json.duplicate_key" || e.code == "json.too_deep") return "";
        if (!theirs.is_discarded()) return "rejected what nlohmann accepts: " + e.to_string();
        return "";
    }
    if (theirs.is_discarded())
        return "accepted what nlohmann rejects: " +
               ours->dump(-1, ' ', false, Json::error_handler_t::replace).substr(0, 200);
    return json_difference(*ours, theirs);
}

inline std::string fuzz_json(std::string_view text) {
    const auto whole = parse_json(text);
    if (!whole) {
        if (auto problem = check_json_error(whole.errors()); !problem.empty()) return problem;
    }
    const std::size_t nul = text.find('\0');
    if (nul == std::string_view::npos) return json_agrees_with_nlohmann(whole, text);
    if (whole) return "accepted a NUL byte";
    return json_agrees_with_nlohmann(parse_json(text.substr(0, nul)), text);
}

// The rule set fuzz_session drives, loaded from text; null when it does not load.
inline std::shared_ptr<const RuleSet> load_session_rules(std::string_view text) {
    auto document = parse_json(text);
    if (!document) return nullptr;
    auto rules = load_ruleset(*document);
    if (!rules) return nullptr;
    return std::make_shared<const RuleSet>(std::move(*rules));
}

}  // namespace meso::fuzz
