// lint_ruleset(): what does not stop a rule set from loading but that a clinic should fix.
#include <algorithm>
#include <set>

#include "core/ruleset/keys.hpp"
#include "core/ruleset/message.hpp"
#include "core/ruleset/reader.hpp"
#include "core/ruleset/ruleset.hpp"
#include "core/ruleset/scan.hpp"
#include "core/tools/lint.hpp"

namespace meso {
namespace {

using rules_detail::quote;
using Names = std::set<std::string, std::less<>>;

// Shorter texts ("OK", "Face") are often the same word in two languages.
constexpr std::size_t untranslated_min_length = 16;

// Settings the planner reads by name rather than through a condition or a text.
bool read_by_planner(std::string_view id) {
    return id == "price_per_session" || id == "currency" || id == "session_minutes" ||
           id == "first_session_lead_days" || id == "open_weekdays" || id == "closed_dates" ||
           id == "clinic_name" || id == "clinic_address" || id == "clinic_phone";
}

// Questions the planner reads by name rather than through a condition.
bool read_by_planner(const Question& question) {
    return !question.options_from.empty() || question.id == start_date_key;
}

void add(Errors& out, std::string code, std::string path, std::string message) {
    out.push_back(Error{std::move(code), std::move(path), std::move(message)});
}

Names used_text_keys(const RuleSet& rules) {
    Names keys(engine_text_keys().begin(), engine_text_keys().end());
    keys.insert(optional_engine_text_keys().begin(), optional_engine_text_keys().end());
    const auto add_key = [&](const std::string& key) {
        if (!key.empty()) keys.insert(key);
    };
    const auto add_sourced = [&](const std::vector<SourcedText>& texts) {
        for (const auto& text : texts) add_key(text.text);
    };
    for (const auto& step : rules.steps) add_key(step.title);
    for (const auto& question : rules.questions) {
        add_key(question.text);
        add_key(question.help);
        for (const auto& option : question.options) add_key(option.text);
    }
    for (const auto& finding : rules.findings) {
        add_key(finding.text);
        add_key(finding.until);
    }
    for (const auto& concern : rules.concerns) add_key(concern.text);
    for (const auto& area : rules.areas) add_key(area.text);
    for (const auto& course : rules.courses) {
        add_key(course.text);
        for (const RangeFact* fact :
             {&course.sessions, &course.interval_days, &course.first_results_sessions,
              &course.effect_months, &course.maintenance_per_year, &course.session_minutes}) {
            for (const auto& range : fact->ranges) add_key(range.note);
        }
        add_sourced(course.notes);
    }
    for (const auto& [id, setting] : rules.settings) add_key(setting.text);
    for (const auto* list : {&rules.preparation, &rules.during, &rules.aftercare, &rules.facts})
        add_sourced(*list);
    for (const auto& invariant : rules.invariants) add_key(invariant.text);
    return keys;
}

Names cited_sources(const RuleSet& rules) {
    Names cited;
    const auto cite = [&](const std::vector<std::string>& ids) {
        cited.insert(ids.begin(), ids.end());
    };
    const auto cite_texts = [&](const std::vector<SourcedText>& texts) {
        for (const auto& text : texts) cite(text.sources);
    };
    for (const auto& finding : rules.findings) cite(finding.sources);
    for (const auto& concern : rules.concerns) cite(concern.sources);
    for (const auto& course : rules.courses) {
        for (const RangeFact* fact :
             {&course.sessions, &course.interval_days, &course.first_results_sessions,
              &course.effect_months, &course.maintenance_per_year, &course.session_minutes}) {
            for (const auto& range : fact->ranges) cite(range.sources);
        }
        cite_texts(course.notes);
    }
    for (const auto& [id, setting] : rules.settings) cite(setting.sources);
    for (const auto* list : {&rules.preparation, &rules.during, &rules.aftercare, &rules.facts})
        cite_texts(*list);
    return cited;
}

// Every condition with the JSON Pointer of its rule.
std::vector<std::pair<const logic::Program*, std::string>> conditions(const RuleSet& rules) {
    std::vector<std::pair<const logic::Program*, std::string>> out;
    for (const auto& question : rules.questions) {
        if (question.enable_when)
            out.emplace_back(&*question.enable_when, question.path + "/enableWhen");
    }
    for (const auto& finding : rules.findings) {
        out.emplace_back(&finding.when, finding.path + "/when");
        if (finding.earliest) out.emplace_back(&*finding.earliest, finding.path + "/earliest");
    }
    for (const auto& invariant : rules.invariants)
        out.emplace_back(&invariant.check, invariant.path + "/check");
    return out;
}

void lint_sources(const RuleSet& rules, Errors& out) {
    const Names cited = cited_sources(rules);
    for (const auto& [id, source] : rules.sources) {
        // The file is where a reviewer checks what the rule set says the source says.
        if (source.file.empty())
            add(out, "lint.source_without_file", pointer_append("/sources", id),
                "source " + quote(id) + " names no \"file\"");
        if (!cited.contains(id)) {
            add(out, "lint.unused_source", pointer_append("/sources", id),
                "source " + quote(id) + " is never cited");
        }
    }
}

void lint_questions(const RuleSet& rules, Errors& out) {
    Names read;
    for (const auto& question : rules.questions) {
        if (question.enable_when)
            read.insert(question.enable_when->roots().begin(), question.enable_when->roots().end());
    }
    for (const auto& finding : rules.findings) {
        read.insert(finding.when.roots().begin(), finding.when.roots().end());
        if (finding.earliest)
            read.insert(finding.earliest->roots().begin(), finding.earliest->roots().end());
    }
    for (const auto& question : rules.questions) {
        if (!read.contains(question.id) && !read_by_planner(question)) {
            add(out, "lint.unread_question", question.path,
                "no condition reads " + quote(question.id));
        }
    }

    // A question shown by an answer that is asked later makes the form jump back.
    std::map<std::string, std::size_t, std::less<>> order;
    for (std::size_t i = 0; i < rules.questions.size(); ++i)
        order.emplace(rules.questions[i].id, i);
    for (std::size_t i = 0; i < rules.questions.size(); ++i) {
        const auto& question = rules.questions[i];
        if (!question.enable_when) continue;
        for (const auto& variable : question.enable_when->variables()) {
            const std::string root = variable.name.substr(0, variable.name.find('.'));
            const auto it = order.find(root);
            if (it != order.end() && it->second > i) {
                add(out, "lint.forward_reference", variable.path,
                    quote(question.id) + " depends on " + quote(root) + ", which is asked later");
            }
        }
    }
}

void lint_conditions(const RuleSet& rules, Errors& out) {
    for (const auto& [program, path] : conditions(rules)) {
        if (program->has_dynamic_variables()) {
            add(out, "lint.dynamic_variable", path,
                "a variable name is computed when the rule runs, so which answers it reads is "
                "unknown");
        }
    }
}

// The verifier proves invariants on the result without its wording (ScreenResult::to_json):
// an invariant that reads it would be judged on nothing.
void lint_invariants(const RuleSet& rules, Errors& out) {
    for (const auto& invariant : rules.invariants)
        for (const char* wording : {"status_text", "disclaimer", "question_texts", "options"})
            if (invariant.check.roots().count(wording))
                add(out, "lint.invariant_reads_wording", invariant.path + "/check",
                    "an invariant decides on verdicts, findings, dates and plans; " +
                        quote(wording) + " is wording, which verify leaves out");
}

void lint_settings(const RuleSet& rules, Errors& out) {
    Names used;
    for (const char* section : {"questions", "findings", "invariants"}) {
        if (rules.document.contains(section))
            rules_detail::settings_read(rules.document[section], used);
    }
    for (const auto& [lang, table] : rules.locales) {
        for (const auto& [key, text] : table) {
            for (const auto& name : rules_detail::placeholders(text)) {
                if (name.starts_with("setting.")) used.insert(name.substr(8));
            }
        }
    }
    for (const auto& [id, setting] : rules.settings) {
        // The configurator and the decision table explain each setting to the clinic with it.
        if (setting.text.empty())
            add(out, "lint.setting_without_text", pointer_append("/settings", id),
                "setting " + quote(id) + " has no \"text\" to explain it to the clinic");
        if (!used.contains(id) && !read_by_planner(id)) {
            add(out, "lint.unused_setting", pointer_append("/settings", id),
                "setting " + quote(id) + " is never used");
        }
    }
}

void lint_references(const RuleSet& rules, Errors& out) {
    Names areas_used, courses_used, steps_used;
    for (const auto& concern : rules.concerns) {
        areas_used.insert(concern.areas.begin(), concern.areas.end());
        courses_used.insert(concern.course);
    }
    for (const auto& question : rules.questions) steps_used.insert(question.step);
    for (std::size_t i = 0; i < rules.areas.size(); ++i) {
        if (!areas_used.contains(rules.areas[i].id)) {
            add(out, "lint.unused_area", pointer_append("/areas", i),
                "no concern has the area " + quote(rules.areas[i].id));
        }
    }
    for (const auto& course : rules.courses) {
        if (!courses_used.contains(course.id)) {
            add(out, "lint.unused_course", course.path,
                "no concern uses the course " + quote(course.id));
        }
    }
    for (std::size_t i = 0; i < rules.steps.size(); ++i) {
        if (!steps_used.contains(rules.steps[i].id)) {
            add(out, "lint.empty_step", pointer_append("/steps", i),
                "no question is on the step " + quote(rules.steps[i].id));
        }
    }
}

void lint_translations(const RuleSet& rules, Errors& out) {
    const Names used = used_text_keys(rules);
    for (const auto& lang : rules.languages) {
        const auto table = rules.locales.find(lang);
        if (table == rules.locales.end()) continue;
        const std::string lang_path = pointer_append("/locales", lang);
        for (const auto& [key, text] : table->second) {
            if (!used.contains(key) && !key.starts_with(face_text_prefix)) {
                add(out, "lint.unused_translation", pointer_append(lang_path, key),
                    quote(key) + " is not used");
            }
        }
    }

    for (const auto& key : optional_engine_text_keys()) {
        const auto table = rules.locales.find(rules.default_language);
        if (table != rules.locales.end() && !table->second.contains(key))
            add(out, "lint.missing_engine_text", pointer_append("/locales", rules.default_language),
                "no " + quote(key) + ": the engine shows its own English wording or nothing");
    }

    // A plural without a category its language needs falls back to "other": "5 dni" may come
    // out as "5 dnia". Loading accepts it (other is enough to write something); lint does not.
    for (const auto& lang : rules.languages) {
        const auto table = rules.locales.find(lang);
        if (table == rules.locales.end()) continue;
        for (const auto& [key, text] : table->second) {
            for (const PluralUse& use : plural_uses(text)) {
                std::string lacking;
                for (const std::string& category : plural_categories(lang))
                    if (!use.categories.contains(category))
                        lacking += (lacking.empty() ? "" : ", ") + quote(category);
                if (!lacking.empty())
                    add(out, "lint.plural_category",
                        pointer_append(pointer_append("/locales", lang), key),
                        "the plural of " + quote(use.name) + " lacks " + lacking + ", which " +
                            quote(lang) + " needs");
            }
        }
    }

    const auto base = rules.locales.find(rules.default_language);
    if (base == rules.locales.end()) return;
    for (const auto& lang : rules.languages) {
        if (lang == rules.default_language) continue;
        const auto table = rules.locales.find(lang);
        if (table == rules.locales.end()) continue;
        for (const auto& [key, text] : table->second) {
            const auto original = base->second.find(key);
            if (original != base->second.end() && original->second == text &&
                text.size() >= untranslated_min_length) {
                add(out, "lint.untranslated", pointer_append(pointer_append("/locales", lang), key),
                    "the same text as in " + quote(rules.default_language));
            }
        }
    }
}

}  // namespace

Errors lint_ruleset(const RuleSet& rules) {
    Errors out;
    lint_sources(rules, out);
    lint_questions(rules, out);
    lint_conditions(rules, out);
    lint_invariants(rules, out);
    lint_settings(rules, out);
    lint_references(rules, out);
    lint_translations(rules, out);
    return out;
}

}  // namespace meso
