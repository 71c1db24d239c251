// The staff's tools in WebAssembly, for the clinic configurator (web/configure/) only: a patient's
// page never loads this module. Each call takes the rule set and a clinic's settings file as JSON
// text ("" = no settings) and answers {"ok": true, "value": …} or {"ok": false, "errors": [...]},
// the settings file's problems with their paths in it, as `mesoscreen --settings` reports them.
#include <algorithm>
#include <cstddef>
#include <string>

#include <emscripten/bind.h>
#include <emscripten/emscripten.h>

#include "core/json/parse.hpp"
#include "core/json/write.hpp"
#include "core/ruleset/ruleset.hpp"
#include "core/tools/clinic_rules.hpp"
#include "core/tools/decision_table.hpp"
#include "core/tools/lint.hpp"
#include "core/tools/verify.hpp"
#include "web/bindings/reply.hpp"

// The proof's progress, to whoever set Module.onVerifyProgress (the configurator's worker). A
// number, since a size_t does not cross as one; far below 2^53.
EM_JS(void, tell_verify_progress, (double screenings), {
    if (Module.onVerifyProgress) Module.onVerifyProgress(screenings);
});

namespace {

using meso::Json;

using meso::reply::failure;
using meso::reply::success;

// The rule set document with the settings applied, or the reply that says why not.
meso::Result<Json> clinic_json(const std::string& rules_text, const std::string& settings_text) {
    auto document = meso::parse_json(rules_text);
    if (!document || settings_text.empty()) return document;
    auto settings = meso::parse_json(settings_text);
    if (!settings) return settings.errors();
    return meso::clinic_document(*document, *settings);
}

meso::Result<meso::RuleSet> clinic_rules(const std::string& rules_text,
                                         const std::string& settings_text) {
    auto document = clinic_json(rules_text, settings_text);
    if (!document) return document.errors();
    return meso::load_ruleset(*document);
}

std::string apply_settings(const std::string& rules_text, const std::string& settings_text) {
    auto document = clinic_json(rules_text, settings_text);
    if (!document) return failure(document.errors());
    return success(std::move(*document));
}

// The warnings as {code, path, message}; a rule set that does not load is a failure.
std::string lint(const std::string& rules_text, const std::string& settings_text) {
    auto rules = clinic_rules(rules_text, settings_text);
    if (!rules) return failure(rules.errors());
    return success(meso::errors_json(meso::lint_ruleset(*rules)));
}

// The clinic's own values proved (not the edges of every bound: that is the rule set's proof,
// made once by `mesoscreen verify`). One thread: a page has no others to give.
std::string verify(const std::string& rules_text, const std::string& settings_text,
                   const std::string& today) {
    auto rules = clinic_rules(rules_text, settings_text);
    if (!rules) return failure(rules.errors());
    const auto date = meso::Date::parse(today);
    if (!date) return failure({{"input.bad_today", "", "today must be a real date as YYYY-MM-DD"}});
    meso::VerifyOptions options{*date};
    options.threads = 1;
    options.progress = [](std::size_t screenings) {
        tell_verify_progress(static_cast<double>(screenings));
    };
    return success(meso::verify_ruleset(*rules, options).to_json());
}

std::string table(const std::string& rules_text, const std::string& settings_text,
                  const std::string& lang) {
    auto rules = clinic_rules(rules_text, settings_text);
    if (!rules) return failure(rules.errors());
    const bool known =
        std::find(rules->languages.begin(), rules->languages.end(), lang) != rules->languages.end();
    const std::string chosen = known ? lang : rules->default_language;
    return success(meso::decision_table(*rules, chosen));
}

std::string version() { return MESO_VERSION; }

}  // namespace

EMSCRIPTEN_BINDINGS(meso_tools) {
    emscripten::function("version", &version);
    emscripten::function("applySettings", &apply_settings);
    emscripten::function("lint", &lint);
    emscripten::function("verify", &verify);
    emscripten::function("table", &table);
}
