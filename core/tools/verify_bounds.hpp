// Proof for every clinic, not only for the defaults: the rule set's invariants verified with each
// setting a clinic may change at the edges of its declared bounds (rules/README.md, "Clinic
// settings", says why the edges stand for the values between them).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/ruleset/ruleset.hpp"
#include "core/tools/verify.hpp"

namespace meso {

// One settings file (meso-settings/1) that moves settings to an edge of their bounds.
struct SettingsEdge {
    std::string label;  // "alcohol_wait_days = 30", "every bounded setting at its minimum"
    Json settings_file;
};

// Each bounded number setting (days, minutes) alone at its min and at its max, then all of
// them at their mins and all at their maxes; edges equal to the default are left out.
std::vector<SettingsEdge> settings_edges(const RuleSet& rules);

struct EdgeReport {
    SettingsEdge edge;
    VerifyReport report;
};

// verify_ruleset for every edge of `rules` (loaded from rules.document with the edge applied).
// An edge that does not load is a failed report whose errors say why.
std::vector<EdgeReport> verify_edges(const RuleSet& rules, const VerifyOptions& options);

}  // namespace meso
