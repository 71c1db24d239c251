#include "core/ruleset/prepared.hpp"

#include <algorithm>

#include "core/json/write.hpp"

namespace meso::detail {
namespace {

// A rule that names its variables at run time (or reads the whole data) may read any answer.
bool reads_anything(const logic::Program& program) {
    return program.has_dynamic_variables() || program.roots().count("") > 0;
}

void add_reads(const logic::Program& program, std::set<std::string>& reads, bool& dynamic) {
    reads.insert(program.roots().begin(), program.roots().end());
    dynamic = dynamic || reads_anything(program);
}

// Questions in asking order, except that a question comes after every question it reads; the
// loader rejects cycles, and should one slip through the asking order decides.
std::vector<std::size_t> evaluation_order(const RuleSet& rules,
                                          const std::vector<std::set<std::string>>& reads) {
    const std::size_t n = rules.questions.size();
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < n; ++i) index.emplace(rules.questions[i].id, i);
    std::vector<char> placed(n, false);
    std::vector<std::size_t> order;
    while (order.size() < n) {
        std::size_t next = n;
        for (std::size_t i = 0; i < n && next == n; ++i) {
            if (placed[i]) continue;
            const bool ready = std::all_of(reads[i].begin(), reads[i].end(), [&](const auto& key) {
                const auto it = index.find(key);
                return it == index.end() || it->second == i || placed[it->second];
            });
            if (ready) next = i;
        }
        if (next == n)
            next = static_cast<std::size_t>(std::find(placed.begin(), placed.end(), false) -
                                            placed.begin());
        placed[next] = true;
        order.push_back(next);
    }
    return order;
}

std::string format_setting(const Json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_null()) return "";
    if (value.is_number()) return write_json(number_json(value.get<double>()));
    return write_json(value);
}

}  // namespace

std::string_view options_question_id(const RuleSet& rules, std::string_view options_from) {
    for (const Question& question : rules.questions)
        if (question.options_from == options_from) return question.id;
    return {};
}

std::string concerns_question_id(const RuleSet& rules) {
    return std::string(options_question_id(rules, "concerns"));
}

Dependencies analyse(const RuleSet& rules) {
    Dependencies out;
    const std::string concerns_key = concerns_question_id(rules);
    for (const Question& question : rules.questions) {
        std::set<std::string> reads;
        bool dynamic = false;
        if (question.enable_when) add_reads(*question.enable_when, reads, dynamic);
        if (question.options_from == "areas" && !concerns_key.empty()) reads.insert(concerns_key);
        out.question_reads.push_back(std::move(reads));
        out.question_dynamic.push_back(dynamic);
    }
    for (const Finding& finding : rules.findings) {
        std::set<std::string> reads;
        bool dynamic = false;
        add_reads(finding.when, reads, dynamic);
        if (finding.earliest) add_reads(*finding.earliest, reads, dynamic);
        out.finding_reads.push_back(std::move(reads));
        out.finding_dynamic.push_back(dynamic);
    }
    out.order = evaluation_order(rules, out.question_reads);
    return out;
}

std::shared_ptr<const Prepared> prepare(const RuleSet& rules) {
    Prepared out{analyse(rules), text_params(rules), {}};
    for (std::size_t i = 0; i < rules.questions.size(); ++i)
        out.question_index.emplace_back(rules.questions[i].id, i);
    std::sort(out.question_index.begin(), out.question_index.end());
    return std::make_shared<const Prepared>(std::move(out));
}

std::shared_ptr<const Prepared> prepared(const RuleSet& rules) {
    return rules.prepared ? rules.prepared : prepare(rules);
}

std::string resolve_lang(const RuleSet& rules, const std::string& lang) {
    // "pl", then "pl" of "pl-PL" or "PL_pl"; case does not matter (BCP 47 tags are not
    // case-sensitive, and browsers report "pl-PL").
    std::string wanted;
    for (const char c : lang)
        wanted += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    const std::string primary = wanted.substr(0, wanted.find_first_of("-_"));
    const auto& languages = rules.languages;
    for (const std::string& candidate : {wanted, primary})
        if (std::find(languages.begin(), languages.end(), candidate) != languages.end())
            return candidate;
    return rules.default_language;
}

std::map<std::string, std::string> text_params(const RuleSet& rules) {
    std::map<std::string, std::string> params;
    for (const auto& [id, setting] : rules.settings)
        params["setting." + id] = format_setting(setting.value);
    return params;
}

}  // namespace meso::detail
