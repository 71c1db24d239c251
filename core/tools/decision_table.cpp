// decision_table(): the findings as Markdown for a doctor to review, each with the rule as
// written, the questions it reads, the waiting period and the sources, in the table's language.
// The rules themselves (JsonLogic) and the ids stay as written: they are what the engine reads.
#include <array>
#include <map>
#include <set>
#include <sstream>

#include "core/tools/decision_table.hpp"

#include "core/json/write.hpp"
#include "core/ruleset/message.hpp"
#include "core/ruleset/ruleset.hpp"
#include "core/ruleset/scan.hpp"

namespace meso {
namespace {

// The table's own words. A language without them gets English.
struct TableWords {
    std::string_view title, language, intro;
    std::string_view finding, condition, severity, waiting, sources;
    std::string_view asked_when, earliest;
    std::string_view ineligible, postpone, consult;
    std::string_view settings, setting, value, meaning;
    std::string_view not_set, left_open, in_english, date_placeholder;
    std::string_view days, minutes;            // plural patterns over {n}
    std::array<std::string_view, 7> weekdays;  // mon … sun
};

const std::map<std::string_view, TableWords>& all_words() {
    static const std::map<std::string_view, TableWords> words{
        {"en",
         {"Decision table",
          "Language",
          "The most severe finding decides the status (ineligible, then postpone, then consult); "
          "every finding is shown to the patient.",
          "Finding",
          "Asked when / condition",
          "Severity",
          "Waiting period",
          "Sources",
          "asked when",
          "earliest day",
          "ineligible",
          "postpone",
          "consult",
          "Settings",
          "Setting",
          "Value",
          "Meaning",
          "not set",
          "the sources leave it open",
          "in English",
          "‹date›",
          "{n, plural, one {# day} other {# days}}",
          "{n, plural, one {# minute} other {# minutes}}",
          {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}}},
        {"pl",
         {"Tabela decyzyjna",
          "Język",
          "O statusie decyduje najpoważniejsze ustalenie (najpierw przeciwwskazanie, potem "
          "odroczenie, potem konsultacja); pacjent widzi każde ustalenie.",
          "Ustalenie",
          "Kiedy pytamy / warunek",
          "Waga",
          "Okres oczekiwania",
          "Źródła",
          "pytamy, gdy",
          "najwcześniejszy dzień",
          "przeciwwskazanie",
          "odroczenie",
          "konsultacja lekarska",
          "Ustawienia",
          "Ustawienie",
          "Wartość",
          "Znaczenie",
          "nie ustawiono",
          "źródła tego nie rozstrzygają",
          "po angielsku",
          "‹data›",
          "{n, plural, one {# dzień} few {# dni} many {# dni} other {# dnia}}",
          "{n, plural, one {# minuta} few {# minuty} many {# minut} other {# minuty}}",
          {"pon.", "wt.", "śr.", "czw.", "pt.", "sob.", "niedz."}}},
        {"uk",
         {"Таблиця рішень",
          "Мова",
          "Статус визначає найсерйозніший висновок (спершу протипоказання, потім відкладення, "
          "потім консультація); пацієнт бачить кожен висновок.",
          "Висновок",
          "Коли питаємо / умова",
          "Вага",
          "Період очікування",
          "Джерела",
          "питаємо, коли",
          "найраніший день",
          "протипоказання",
          "відкладення",
          "консультація лікаря",
          "Налаштування",
          "Налаштування",
          "Значення",
          "Пояснення",
          "не задано",
          "джерела цього не визначають",
          "англійською",
          "‹дата›",
          "{n, plural, one {# день} few {# дні} many {# днів} other {# дня}}",
          "{n, plural, one {# хвилина} few {# хвилини} many {# хвилин} other {# хвилини}}",
          {"пн", "вт", "ср", "чт", "пт", "сб", "нд"}}},
    };
    return words;
}

const TableWords& words_for(std::string_view lang) {
    const auto& all = all_words();
    const auto it = all.find(lang);
    return it == all.end() ? all.at("en") : it->second;
}

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

class Table {
public:
    Table(const RuleSet& rules, std::string_view lang)
        : rules_(rules), lang_(lang), words_(words_for(lang)) {
        std::size_t number = 0;
        for (const auto& [id, source] : rules.sources) numbers_[id] = ++number;
    }

    std::string write() const {
        std::ostringstream out;
        out << "# " << words_.title << ": " << rules_.id << " " << rules_.version << "\n\n"
            << words_.language << ": " << lang_ << ". " << words_.intro << "\n\n"
            << "| " << words_.finding << " | " << words_.condition << " | " << words_.severity
            << " | " << words_.waiting << " | " << words_.sources << " |\n"
            << "| --- | --- | --- | --- | --- |\n";
        for (const auto& finding : rules_.findings)
            out << "| " << cell("**" + finding.id + "**<br>" + text(finding.text)) << " | "
                << cell(condition_cell(finding)) << " | " << severity(finding.severity) << " | "
                << cell(waiting_cell(finding)) << " | " << cell(references(finding.sources))
                << " |\n";

        out << "\n## " << words_.settings << "\n\n"
            << "| " << words_.setting << " | " << words_.value << " | " << words_.meaning << " | "
            << words_.sources << " |\n"
            << "| --- | --- | --- | --- |\n";
        for (const auto& [id, setting] : rules_.settings) {
            std::string sources = references(setting.sources);
            if (setting.seed_leaves_open)
                sources += (sources.empty() ? "" : "<br>") + std::string(words_.left_open);
            out << "| " << cell(id) << " | " << cell(value(setting)) << " | "
                << cell(text(setting.text)) << " | " << cell(sources.empty() ? "—" : sources)
                << " |\n";
        }

        out << "\n## " << words_.sources << "\n\n";
        for (const auto& [id, source] : rules_.sources) {
            out << numbers_.at(id) << ". " << source.title;
            if (!source.lang.empty() && source.lang != lang_)
                out << " (" << (source.lang == "en" ? words_.in_english : source.lang) << ")";
            out << "\n";
        }
        return out.str();
    }

private:
    // A patient's text with its per-answer arguments (dates, the chosen concerns) shown as
    // placeholders, and the settings filled in.
    std::string text(const std::string& key) const {
        std::map<std::string, std::string> params;
        for (const auto& [lang, table] : rules_.locales) {
            const auto entry = table.find(key);
            if (entry == table.end()) continue;
            for (const std::string& name : message_arguments(entry->second))
                if (!name.starts_with("setting."))
                    params.emplace(name, is_date(name) ? std::string(words_.date_placeholder)
                                                       : "‹" + name + "›");
        }
        return rules_.text(lang_, key, params);
    }

    static bool is_date(std::string_view name) {
        return name == "since" || name == "earliest" || name == "min" || name == "max" ||
               name == "until";
    }

    std::string severity(Severity severity) const {
        switch (severity) {
            case Severity::ineligible: return std::string(words_.ineligible);
            case Severity::postpone: return std::string(words_.postpone);
            case Severity::consult: return std::string(words_.consult);
        }
        return to_string(severity);
    }

    std::string count(std::string_view pattern, const std::string& n) const {
        return format_message(lang_, pattern, [&](std::string_view name) {
            return name == "n" ? std::optional<std::string>(n) : std::nullopt;
        });
    }

    std::string value(const Setting& setting) const {
        if (setting.value.is_null()) return std::string(words_.not_set);
        const std::string plain = rules_detail::plain_text(setting.value);
        if (setting.unit == "days") return count(words_.days, plain);
        if (setting.unit == "minutes") return count(words_.minutes, plain);
        if (setting.unit == "weekdays" && setting.value.is_array()) {
            static constexpr std::array<std::string_view, 7> ids{"mon", "tue", "wed", "thu",
                                                                 "fri", "sat", "sun"};
            std::vector<std::string> days;
            for (const Json& day : setting.value) {
                const std::string id = day.is_string() ? day.get<std::string>() : "";
                std::string shown = id;
                for (std::size_t i = 0; i < ids.size(); ++i)
                    if (ids[i] == id) shown = words_.weekdays[i];
                days.push_back(shown);
            }
            return join(days, ", ");
        }
        if (setting.unit == "dates" && setting.value.is_array()) {
            std::vector<std::string> dates;
            for (const Json& day : setting.value) {
                const auto date =
                    day.is_string() ? Date::parse(day.get<std::string>()) : std::nullopt;
                dates.push_back(date ? format_date(lang_, *date) : rules_detail::plain_text(day));
            }
            return dates.empty() ? "—" : join(dates, ", ");
        }
        if (setting.unit == "money" && setting.value.is_object()) {  // a price per area
            std::vector<std::string> prices;
            for (const Area& area : rules_.areas)
                if (const auto price = setting.value.find(area.id); price != setting.value.end())
                    prices.push_back(rules_.text(lang_, area.text) + ": " +
                                     rules_detail::plain_text(*price));
            return join(prices, ", ");
        }
        return plain;
    }

    // "[1], [3]": the numbers of the sources listed under the table.
    std::string references(const std::vector<std::string>& ids) const {
        std::vector<std::string> parts;
        for (const auto& id : ids) {
            const auto number = numbers_.find(id);
            parts.push_back(number == numbers_.end() ? id
                                                     : "[" + std::to_string(number->second) + "]");
        }
        return join(parts, ", ");
    }

    std::string condition_cell(const Finding& finding) const {
        std::string out = code(rule_text(rules_, finding.path + "/when"));
        std::set<std::string, std::less<>> shown;
        for (const auto& variable : finding.when.variables()) {
            const std::string root = variable.name.substr(0, variable.name.find('.'));
            const Question* question = rules_.question(root);
            if (!question || !shown.insert(root).second) continue;
            out += "<br>" + root + ": " + text(question->text);
            if (question->enable_when)
                out += " (" + std::string(words_.asked_when) + " " +
                       code(rule_text(rules_, question->path + "/enableWhen")) + ")";
        }
        return out;
    }

    std::string waiting_cell(const Finding& finding) const {
        std::vector<std::string> parts;
        if (!finding.until.empty()) parts.push_back(text(finding.until));
        if (finding.earliest) {
            const Json& rule = rule_at(rules_, finding.path + "/earliest");
            parts.push_back(std::string(words_.earliest) + ": " + code(write_json(rule)));
            std::set<std::string, std::less<>> names;
            rules_detail::settings_read(rule, names);
            for (const auto& name : names) {
                const auto setting = rules_.settings.find(name);
                if (setting == rules_.settings.end()) continue;
                parts.push_back(name + " = " + value(setting->second));
            }
        }
        return parts.empty() ? "—" : join(parts, "<br>");
    }

    const RuleSet& rules_;
    std::string lang_;
    const TableWords& words_;
    std::map<std::string, std::size_t> numbers_;
};

}  // namespace

std::string decision_table(const RuleSet& rules, std::string_view lang) {
    return Table(rules, lang).write();
}

}  // namespace meso
