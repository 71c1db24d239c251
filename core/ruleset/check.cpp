// Checks that need the whole rule set: the answers conditions read, cycles between the
// conditions that show questions, and complete translations.
#include "core/ruleset/loader.hpp"

#include <algorithm>

#include "core/ruleset/keys.hpp"
#include "core/ruleset/message.hpp"
#include "core/ruleset/scan.hpp"

namespace meso::rules_detail {
namespace {

std::string root_of(const std::string& name) { return name.substr(0, name.find('.')); }

}  // namespace

void Loader::check_question_references() {
    if (!questions) return;
    const auto check = [&](const logic::Program& program) {
        for (const auto& variable : program.variables()) {
            const std::string root = root_of(variable.name);
            if (root.empty() || questions->contains(root)) continue;
            error("rules.unknown_question", variable.path, quote(root) + " is not a question id");
        }
    };
    for (const auto& question : rules.questions) {
        if (question.enable_when) check(*question.enable_when);
    }
    for (const auto& finding : rules.findings) {
        check(finding.when);
        if (finding.earliest) check(*finding.earliest);
    }
}

void Loader::check_enable_cycles() {
    const std::size_t n = rules.questions.size();
    std::map<std::string, std::size_t, std::less<>> index;
    for (std::size_t i = 0; i < n; ++i) index.emplace(rules.questions[i].id, i);
    std::vector<std::vector<std::size_t>> reads(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto& enable_when = rules.questions[i].enable_when;
        if (!enable_when) continue;
        for (const auto& root : enable_when->roots()) {
            if (const auto it = index.find(root); it != index.end()) reads[i].push_back(it->second);
        }
    }

    // Depth-first search; an edge back to a question on the stack closes a cycle.
    enum class Mark { unseen, on_stack, done };
    std::vector<Mark> marks(n, Mark::unseen);
    std::vector<std::size_t> stack;
    const auto visit = [&](auto& self, std::size_t q) -> void {
        marks[q] = Mark::on_stack;
        stack.push_back(q);
        for (std::size_t next : reads[q]) {
            if (marks[next] == Mark::on_stack) {
                // q shows only after `next` is answered: the chain "next -> … -> q -> next".
                auto from = std::find(stack.begin(), stack.end(), next);
                std::string chain;
                for (auto it = from; it != stack.end(); ++it)
                    chain += rules.questions[*it].id + " -> ";
                chain += rules.questions[next].id;
                error("rules.enable_cycle", rules.questions[next].path + "/enableWhen",
                      "questions wait for each other: " + chain);
            } else if (marks[next] == Mark::unseen) {
                self(self, next);
            }
        }
        stack.pop_back();
        marks[q] = Mark::done;
    };
    for (std::size_t q = 0; q < n; ++q) {
        if (marks[q] == Mark::unseen) visit(visit, q);
    }
}

void Loader::check_setting_areas() {
    for (const auto& [id, setting] : rules.settings) {
        if (setting.unit != "money" || !setting.value.is_object()) continue;
        const std::string path = pointer_append(pointer_append("/settings", id), "value");
        for (const auto& [area, amount] : setting.value.items())
            check_reference(areas, area, pointer_append(path, area), "rules.unknown_area", "area");
    }
}

void Loader::check_text_filters() {
    for (const auto& [path, ids] : text_filters)
        for (std::size_t k = 0; k < ids.size(); ++k)
            if (!rules.concern(ids[k]))
                error("rules.unknown_concern", pointer_append(path, k),
                      quote(ids[k]) + " is not a concern id");
}

void Loader::check_translations() {
    for (const auto& lang : rules.languages) {
        const auto table = rules.locales.find(lang);
        if (table == rules.locales.end()) {
            error("rules.missing_translation", "/locales", "no texts for " + quote(lang));
            continue;
        }
        const std::string lang_path = pointer_append("/locales", lang);
        for (const auto& key : engine_text_keys()) {
            if (!table->second.contains(key)) {
                error("rules.missing_translation", lang_path,
                      "missing " + quote(key) + " (the engine shows it)");
            }
        }
        // An optional engine text that one language has and this one lacks would show this
        // language's patients English.
        for (const auto& key : optional_engine_text_keys()) {
            if (table->second.contains(key)) continue;
            for (const auto& [other, texts] : rules.locales)
                if (other != lang && texts.contains(key)) {
                    error("rules.missing_translation", lang_path,
                          "missing " + quote(key) + " (" + quote(other) + " has it)");
                    break;
                }
        }
        for (const auto& [key, used_at] : text_keys) {
            if (!table->second.contains(key)) {
                error("rules.missing_translation", lang_path,
                      "missing " + quote(key) + " (used at " + used_at + ")");
            }
        }
        // A malformed placeholder would reach the patient as raw braces: refuse it here.
        for (const auto& [key, text] : table->second) {
            if (const std::string problem = message_problem(text); !problem.empty())
                error("rules.bad_text", pointer_append(lang_path, key), problem);
        }
        if (!settings) continue;
        for (const auto& [key, text] : table->second) {
            for (const auto& name : placeholders(text)) {
                if (name.starts_with("setting.") && !settings->contains(name.substr(8))) {
                    error("rules.unknown_setting", pointer_append(lang_path, key),
                          quote("{" + name + "}") + " names no setting");
                }
            }
        }
    }
}

}  // namespace meso::rules_detail
