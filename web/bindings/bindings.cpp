// The raw wasm face of the engine. JSON text crosses the boundary in both directions and every
// failure comes back as {"ok": false, "errors": [...]}: no C++ exception ever reaches JS.
// engine.js (linked with --pre-js) wraps this in the idiomatic API that the widget uses.
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <emscripten/bind.h>

#include "core/json/parse.hpp"
#include "core/json/write.hpp"
#include "core/logic/program.hpp"
#include "core/ruleset/describe.hpp"
#include "core/ruleset/prepared.hpp"
#include "core/ruleset/ruleset.hpp"
#include "core/ruleset/settings_file.hpp"
#include "core/screen/screen.hpp"
#include "web/bindings/reply.hpp"

namespace {

using meso::Json;

using meso::reply::failure;
using meso::reply::success;

#ifdef MESO_TEST_FACES
std::string logic_apply(const std::string& rule_text, const std::string& data_text,
                        const std::string& today) {
    auto rule = meso::parse_json(rule_text);
    if (!rule) return failure(rule.errors());
    auto data = meso::parse_json(data_text);
    if (!data) return failure(data.errors());
    auto program = meso::logic::Program::compile(*rule);
    if (!program) return failure(program.errors());
    auto value = program->evaluate(*data, meso::logic::EvalContext{today});
    if (!value) return failure(value.errors());
    return success(std::move(*value));
}
#endif

std::optional<meso::Date> parse_today(const std::string& today, std::string& error) {
    auto date = meso::Date::parse(today);
    if (!date)
        error = failure({{"input.bad_today", "", "today must be a real date as YYYY-MM-DD"}});
    return date;
}

Json result_json(const meso::RuleSet& rules, const meso::ScreenResult& result,
                 const meso::ScreenInput& input) {
    return result.to_json(rules, input);
}

class RuleSetHandle {
public:
    // `settings_text`: a clinic's settings file (meso-settings/1), or "" for none. Its errors
    // come back with paths into it and the code prefix "settings.".
    std::string load(const std::string& text, const std::string& settings_text) {
        rules_.reset();
        auto document = meso::parse_json(text);
        if (!document) return failure(document.errors());
        if (!settings_text.empty()) {
            auto settings = meso::parse_json(settings_text);
            if (!settings) return failure(settings.errors());
            auto applied = meso::apply_settings(*document, *settings);
            if (!applied) return failure(applied.errors());
            document = std::move(*applied);
        }
        auto rules = meso::load_ruleset(*document);
        if (!rules) return failure(rules.errors());
        rules_ = std::make_shared<const meso::RuleSet>(std::move(*rules));
        // No lint here: its warnings are for the clinic's staff (mesoscreen lint), and a patient
        // should not download the code that finds them.
        return success({{"id", rules_->id}, {"version", rules_->version}});
    }

    std::string info(const std::string& lang) const {
        if (!rules_) return not_loaded();
        return success(meso::describe_ruleset(*rules_, pick(lang)));
    }

    std::string screen(const std::string& answers_text, const std::string& today,
                       const std::string& lang) const {
        auto result = screen_json(answers_text, today, lang);
        if (auto* json = std::get_if<Json>(&result)) return success(std::move(*json));
        return std::get<std::string>(result);
    }

    // The result as the CLI prints it (indented by 2), for byte-for-byte comparison in tests.
    std::string screen_text(const std::string& answers_text, const std::string& today,
                            const std::string& lang) const {
        auto result = screen_json(answers_text, today, lang);
        if (auto* json = std::get_if<Json>(&result)) return success(meso::write_json(*json, 2));
        return std::get<std::string>(result);
    }

    // The verdict alone (meso::screen_status): no texts, no plan. For screening many
    // respondents, such as a clinic checking its rules against a spreadsheet of cases.
    std::string status(const std::string& answers_text, const std::string& today) const {
        if (!rules_) return not_loaded();
        std::string error;
        const auto date = parse_today(today, error);
        if (!date) return error;
        auto answers = meso::parse_json(answers_text, meso::answer_limits);
        if (!answers) return failure(answers.errors());
        const meso::ScreenInput input{std::move(*answers), *date, rules_->default_language};
        return success(meso::to_string(meso::screen_status(*rules_, input)));
    }

    std::shared_ptr<const meso::RuleSet> rules() const { return rules_; }

    std::string pick(const std::string& lang) const {
        return meso::detail::resolve_lang(*rules_, lang);
    }

    static std::string not_loaded() {
        return failure({{"input.no_rules", "", "no rule set is loaded"}});
    }

private:
    // The result, or the failure reply to send back as it is.
    std::variant<Json, std::string> screen_json(const std::string& answers_text,
                                                const std::string& today,
                                                const std::string& lang) const {
        if (!rules_) return not_loaded();
        std::string error;
        const auto date = parse_today(today, error);
        if (!date) return error;
        auto answers = meso::parse_json(answers_text, meso::answer_limits);
        if (!answers) return failure(answers.errors());
        const meso::ScreenInput input{std::move(*answers), *date, pick(lang)};
        return result_json(*rules_, meso::screen(*rules_, input), input);
    }

    std::shared_ptr<const meso::RuleSet> rules_;
};

class SessionHandle {
public:
    // Fails closed: without rules or with a bad date every call reports the error.
    SessionHandle(const RuleSetHandle* owner, const std::string& today, const std::string& lang) {
        if (!owner || !owner->rules()) {
            error_ = RuleSetHandle::not_loaded();
            return;
        }
        const auto date = parse_today(today, error_);
        if (!date) return;
        session_ = std::make_unique<meso::Session>(owner->rules(), *date, owner->pick(lang));
        pick_ = [owner = *owner](const std::string& l) { return owner.pick(l); };
    }

    // set and clear answer with what the change did to the form (meso::form_changes); reset and
    // setLang with the whole form (meso::form_json), as every text or answer may be new.
    std::string set(const std::string& key, const std::string& value_text) {
        if (!session_) return error_;
        auto value = meso::parse_json(value_text, meso::answer_limits);
        if (!value) {
            meso::Errors errors = value.errors();
            for (meso::Error& e : errors) e.path = meso::pointer_append("", key) + e.path;
            return failure(errors);
        }
        const meso::ScreenResult before = session_->form();
        session_->set(key, *value);
        return success(
            meso::form_changes(session_->rules(), session_->input(), before, session_->form()));
    }

    std::string clear(const std::string& key) { return set(key, "null"); }

    std::string reset() {
        if (!session_) return error_;
        session_->reset();
        return form();
    }

    std::string set_lang(const std::string& lang) {
        if (!session_) return error_;
        session_->set_lang(pick_(lang));
        return form();
    }

    std::string form() const {
        if (!session_) return error_;
        return success(meso::form_json(session_->rules(), session_->input(), session_->form()));
    }

    // The whole result: built here, on the first call after a change.
    std::string result() const {
        if (!session_) return error_;
        return success(result_json(session_->rules(), session_->result(), session_->input()));
    }

    std::string answers() const {
        if (!session_) return error_;
        return success(session_->answers());
    }

    // `now`: the page's clock as UTC ISO 8601 (JS Date.toISOString()), for DTSTAMP; the core
    // reads no clock.
    std::string ics(const std::string& now) const {
        if (!session_) return error_;
        meso::ScreenInput input = session_->input();
        input.now = now;
        return success(meso::plan_ics(session_->rules(), session_->result(), input));
    }

    double evaluations() const {
        return session_ ? static_cast<double>(session_->last_evaluations()) : 0;
    }

private:
    std::unique_ptr<meso::Session> session_;
    std::function<std::string(const std::string&)> pick_;
    std::string error_;
};

std::string version() { return MESO_VERSION; }

// The rule sets and sessions JS holds, by number. Embind's class_ would hand JS objects instead,
// and bring its whole object machinery into the glue: 2.6 KB gzip of every patient's download
// (measured in dist/), for two kinds of object that JS only creates, calls and deletes. Numbers are
// never reused, so a deleted one stays unknown; 0 is never one.
template <class Handle>
class Handles {
public:
    int add(std::unique_ptr<Handle> handle) {
        items_.push_back(std::move(handle));
        return static_cast<int>(items_.size());
    }
    Handle* find(int id) const {
        return id > 0 && static_cast<std::size_t>(id) <= items_.size() ? items_[id - 1].get()
                                                                       : nullptr;
    }
    void remove(int id) {
        if (find(id)) items_[id - 1].reset();
    }

private:
    std::vector<std::unique_ptr<Handle>> items_;
};

Handles<RuleSetHandle> rule_sets;
Handles<SessionHandle> sessions;

std::string no_session() {
    return failure({{"input.no_session", "", "no such session: it was disposed of"}});
}

// One face per method: `id` names the rule set or session, and an unknown one is an error value.
template <auto method, class... Args>
std::string on_rule_set(int id, Args... args) {
    RuleSetHandle* rules = rule_sets.find(id);
    return rules ? (rules->*method)(args...) : RuleSetHandle::not_loaded();
}

template <auto method, class... Args>
std::string on_session(int id, Args... args) {
    SessionHandle* session = sessions.find(id);
    return session ? (session->*method)(args...) : no_session();
}

int rule_set_new() { return rule_sets.add(std::make_unique<RuleSetHandle>()); }

void rule_set_delete(int id) { rule_sets.remove(id); }

int session_new(int rule_set, const std::string& today, const std::string& lang) {
    return sessions.add(std::make_unique<SessionHandle>(rule_sets.find(rule_set), today, lang));
}

void session_delete(int id) { sessions.remove(id); }

#ifdef MESO_TEST_FACES
double session_evaluations(int id) {
    const SessionHandle* session = sessions.find(id);
    return session ? session->evaluations() : 0;
}

// The module's linear memory in bytes, for the benchmark's heap figure.
double heap_bytes() { return static_cast<double>(__builtin_wasm_memory_size(0)) * 65536.0; }
#endif

}  // namespace

// What the widget calls, in every build. The test build (meso-core-test, MESO_TEST_FACES) adds the
// faces only tests and the benchmark use: they cost the patient's download and serve no patient.
EMSCRIPTEN_BINDINGS(meso_core) {
    using S = const std::string&;
    emscripten::function("_version", &version);
    emscripten::function("_ruleSetNew", &rule_set_new);
    emscripten::function("_ruleSetLoad", &on_rule_set<&RuleSetHandle::load, S, S>);
    emscripten::function("_ruleSetInfo", &on_rule_set<&RuleSetHandle::info, S>);
    emscripten::function("_ruleSetDelete", &rule_set_delete);
    emscripten::function("_sessionNew", &session_new);
    emscripten::function("_sessionSet", &on_session<&SessionHandle::set, S, S>);
    emscripten::function("_sessionClear", &on_session<&SessionHandle::clear, S>);
    emscripten::function("_sessionReset", &on_session<&SessionHandle::reset>);
    emscripten::function("_sessionSetLang", &on_session<&SessionHandle::set_lang, S>);
    emscripten::function("_sessionForm", &on_session<&SessionHandle::form>);
    emscripten::function("_sessionResult", &on_session<&SessionHandle::result>);
    emscripten::function("_sessionAnswers", &on_session<&SessionHandle::answers>);
    emscripten::function("_sessionIcs", &on_session<&SessionHandle::ics, S>);
    emscripten::function("_sessionDelete", &session_delete);
#ifdef MESO_TEST_FACES
    emscripten::function("_ruleSetScreen", &on_rule_set<&RuleSetHandle::screen, S, S, S>);
    emscripten::function("_ruleSetScreenText", &on_rule_set<&RuleSetHandle::screen_text, S, S, S>);
    emscripten::function("_ruleSetStatus", &on_rule_set<&RuleSetHandle::status, S, S>);
    emscripten::function("_sessionEvaluations", &session_evaluations);
    emscripten::function("_heapBytes", &heap_bytes);
    emscripten::function("_logicApply", &logic_apply);
#endif
}

#ifdef MESO_TEST_FACES
// The benchmark's like-for-like figure (tests/bench/bench_js.mjs): the conditions json-logic-js
// evaluates, compiled once, on respondents parsed once, so that run() is evaluation alone, as
// json-logic-js is timed on parsed objects. JS holds the clock: the core reads none.
namespace {

class LogicBench {
public:
    LogicBench(const std::string& conditions_text, const std::string& respondents_text,
               const std::string& today)
        : context_{today} {
        if (auto errors = load(conditions_text, respondents_text); !errors.empty()) fail(errors);
    }

    // {"conditions": n, "respondents": n}, or why construction or the last run() failed.
    std::string check() const {
        if (!error_.empty()) return error_;
        return success({{"conditions", programs_.size()}, {"respondents", respondents_.size()}});
    }

    // Every condition on every respondent: how many came out truthy, or -1 (see check()) when an
    // evaluation failed, since the count of a partial run compares with nothing.
    double run() {
        if (!error_.empty()) return -1;
        std::size_t truthy = 0;
        for (const Json& answers : respondents_) {
            for (const auto& program : programs_) {
                auto value = program.evaluate(answers, context_);
                if (!value) {
                    fail(value.errors());
                    return -1;
                }
                truthy += meso::logic::truthy(*value);
            }
        }
        return static_cast<double>(truthy);
    }

private:
    meso::Errors load(const std::string& conditions_text, const std::string& respondents_text) {
        auto conditions = meso::parse_json(conditions_text);
        if (!conditions) return conditions.errors();
        if (!conditions->is_array())
            return {{"bench.conditions", "", "the conditions must be a JSON array"}};
        // Big enough for tests/bench/run.sh's 100,000 respondents; answers nest two levels.
        auto respondents = meso::parse_json(respondents_text, {256u << 20, 16});
        if (!respondents) return respondents.errors();
        if (!respondents->is_array())
            return {{"bench.respondents", "", "the respondents must be a JSON array"}};
        for (std::size_t i = 0; i < conditions->size(); ++i) {
            auto program =
                meso::logic::Program::compile((*conditions)[i], {}, "/" + std::to_string(i));
            if (!program) return program.errors();
            programs_.push_back(std::move(*program));
        }
        respondents_ = std::move(*respondents);
        return {};
    }

    void fail(const meso::Errors& errors) {
        programs_.clear();
        error_ = failure(errors);
    }

    std::vector<meso::logic::Program> programs_;
    Json respondents_ = Json::array();
    meso::logic::EvalContext context_;
    std::string error_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(meso_logic_bench) {
    emscripten::class_<LogicBench>("_LogicBench")
        .constructor<const std::string&, const std::string&, const std::string&>()
        .function("check", &LogicBench::check)
        .function("run", &LogicBench::run);
}
#endif
