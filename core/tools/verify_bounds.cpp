#include "core/tools/verify_bounds.hpp"

#include "core/ruleset/settings_file.hpp"

namespace meso {
namespace {

bool bounded_number(const Setting& setting) {
    return (setting.unit == "days" || setting.unit == "minutes") && (setting.min || setting.max);
}

Json settings_file(const RuleSet& rules, Json values) {
    return {{"format", std::string(settings_format)},
            {"ruleset", rules.id},
            {"settings", std::move(values)}};
}

std::string number_label(double value) {
    Json number = value;
    if (value == static_cast<double>(static_cast<long long>(value)))
        number = static_cast<long long>(value);
    return number.dump();
}

}  // namespace

std::vector<SettingsEdge> settings_edges(const RuleSet& rules) {
    std::vector<SettingsEdge> edges;
    Json all_min = Json::object(), all_max = Json::object();
    for (const auto& [id, setting] : rules.settings) {
        if (!bounded_number(setting)) continue;
        for (const auto& [bound, all] :
             {std::pair{setting.min, &all_min}, std::pair{setting.max, &all_max}}) {
            if (!bound) continue;
            (*all)[id] = *bound;
            if (setting.value.is_number() && setting.value.get<double>() == *bound) continue;
            edges.push_back(
                {id + " = " + number_label(*bound), settings_file(rules, Json{{id, *bound}})});
        }
    }
    if (all_min.size() > 1)
        edges.push_back({"every bounded setting at its minimum", settings_file(rules, all_min)});
    if (all_max.size() > 1)
        edges.push_back({"every bounded setting at its maximum", settings_file(rules, all_max)});
    return edges;
}

std::vector<EdgeReport> verify_edges(const RuleSet& rules, const VerifyOptions& options) {
    std::vector<EdgeReport> reports;
    for (SettingsEdge& edge : settings_edges(rules)) {
        EdgeReport& out = reports.emplace_back(EdgeReport{std::move(edge), {}});
        auto document = apply_settings(rules.document, out.edge.settings_file);
        if (!document) {
            out.report.complete = false;
            out.report.errors = document.errors();
            continue;
        }
        auto edge_rules = load_ruleset(*document);
        if (!edge_rules) {
            out.report.complete = false;
            out.report.errors = edge_rules.errors();
            continue;
        }
        out.report = verify_ruleset(*edge_rules, options);
    }
    return reports;
}

}  // namespace meso
