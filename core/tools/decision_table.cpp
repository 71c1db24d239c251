// decision_table(): the findings as Markdown for a doctor to review, each with the rule as
// written, the questions it reads, the waiting period and the sources.
#include <set>
#include <sstream>

#include "core/tools/decision_table.hpp"

#include "core/json/write.hpp"
#include "core/ruleset/ruleset.hpp"
#include "core/ruleset/scan.hpp"

namespace meso {
namespace {

// A table cell: one line, pipes escaped so they do not split the cell.
std::string cell(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '|') out += "\\|";
        else if (c == '\n' || c == '\r') out += ' ';
        else out += c;
    }
    return out;
}

std::string code(const std::string& text) {
    const std::string fence = text.find('`') == std::string::npos ? "`" : "`` ";
    const std::string close = fence == "`" ? "`" : " ``";
    return fence + text + close;
}

// The rule as the document holds it.
const Json& rule_at(const RuleSet& rules, const std::string& path) {
    static const Json none;
    const Json::json_pointer pointer(path);
    return rules.document.contains(pointer) ? rules.document.at(pointer) : none;
}

std::string rule_text(const RuleSet& rules, const std::string& path) {
    return write_json(rule_at(rules, path));
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += separator;
        out += item;
    }
    return out;
}

std::string setting_value(const Setting& setting) {
    return setting.value.is_null() ? "not set" : rules_detail::plain_text(setting.value);
}

std::string sources_cell(const RuleSet& rules, const std::vector<std::string>& ids) {
    std::vector<std::string> parts;
    for (const auto& id : ids) {
        const auto source = rules.sources.find(id);
        parts.push_back(source == rules.sources.end() ? id : id + " (" + source->second.file + ")");
    }
    return join(parts, "<br>");
}

std::string condition_cell(const RuleSet& rules, std::string_view lang, const Finding& finding) {
    std::string out = code(rule_text(rules, finding.path + "/when"));
    std::set<std::string, std::less<>> shown;
    for (const auto& variable : finding.when.variables()) {
        const std::string root = variable.name.substr(0, variable.name.find('.'));
        const Question* question = rules.question(root);
        if (!question || !shown.insert(root).second) continue;
        out += "<br>" + root + ": " + rules.text(lang, question->text);
        if (question->enable_when) {
            out += " (asked when " + code(rule_text(rules, question->path + "/enableWhen")) + ")";
        }
    }
    return out;
}

std::string waiting_cell(const RuleSet& rules, std::string_view lang, const Finding& finding) {
    std::vector<std::string> parts;
    if (!finding.until.empty()) parts.push_back(rules.text(lang, finding.until));
    if (finding.earliest) {
        const Json& rule = rule_at(rules, finding.path + "/earliest");
        parts.push_back("earliest: " + code(write_json(rule)));
        std::set<std::string, std::less<>> names;
        rules_detail::settings_read(rule, names);
        for (const auto& name : names) {
            const auto setting = rules.settings.find(name);
            if (setting == rules.settings.end()) continue;
            parts.push_back(name + " = " + setting_value(setting->second) + " " +
                            setting->second.unit);
        }
    }
    return parts.empty() ? "—" : join(parts, "<br>");
}

}  // namespace

std::string decision_table(const RuleSet& rules, std::string_view lang) {
    std::ostringstream out;
    out << "# Decision table: " << rules.id << " " << rules.version << "\n\n"
        << "Language: " << lang << ". The most severe finding decides the status "
        << "(ineligible, then postpone, then consult); every finding is shown to the patient.\n\n"
        << "| Finding | Asked when / condition | Severity | Waiting period | Sources |\n"
        << "| --- | --- | --- | --- | --- |\n";
    for (const auto& finding : rules.findings) {
        out << "| " << cell("**" + finding.id + "**<br>" + rules.text(lang, finding.text)) << " | "
            << cell(condition_cell(rules, lang, finding)) << " | " << to_string(finding.severity)
            << " | " << cell(waiting_cell(rules, lang, finding)) << " | "
            << cell(sources_cell(rules, finding.sources)) << " |\n";
    }

    out << "\n## Settings\n\n"
        << "| Setting | Value | Unit | Meaning | Sources |\n"
        << "| --- | --- | --- | --- | --- |\n";
    for (const auto& [id, setting] : rules.settings) {
        std::string sources = sources_cell(rules, setting.sources);
        if (setting.seed_leaves_open)
            sources += std::string(sources.empty() ? "" : "<br>") + "the seeds leave it open";
        out << "| " << cell(id) << " | " << cell(setting_value(setting)) << " | "
            << cell(setting.unit) << " | " << cell(rules.text(lang, setting.text)) << " | "
            << cell(sources.empty() ? "—" : sources) << " |\n";
    }
    return out.str();
}

}  // namespace meso
