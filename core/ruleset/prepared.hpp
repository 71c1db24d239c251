// What a rule set's conditions read and in which order its questions are evaluated, worked out
// once when it loads (load_ruleset keeps it in RuleSet::prepared), with the other facts about a
// rule set that do not depend on any answer.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/ruleset/ruleset.hpp"

namespace meso::detail {

// What the conditions read, worked out once per rule set.
struct Dependencies {
    std::vector<std::size_t> order;                     // question indices, dependencies first
    std::vector<std::set<std::string>> question_reads;  // enableWhen roots (+ concerns for areas)
    // reads keys not known before evaluation (char, not bool: vector<bool>'s bit code costs the
    // wasm 1.4 KB gzip)
    std::vector<char> question_dynamic;
    std::vector<std::set<std::string>> finding_reads;
    std::vector<char> finding_dynamic;
};

Dependencies analyse(const RuleSet& rules);

// Everything about a rule set that does not depend on the answers.
struct Prepared {
    Dependencies dependencies;
    std::map<std::string, std::string> text_params;  // see text_params()
    // Question ids in byte order with their index, for RuleSet::question(): every answer key of
    // every screening is looked up.
    std::vector<std::pair<std::string, std::size_t>> question_index;
};

std::shared_ptr<const Prepared> prepare(const RuleSet& rules);

// The rule set's own Prepared, or one made now for a rule set built by hand.
std::shared_ptr<const Prepared> prepared(const RuleSet& rules);

// The language texts are resolved in: the requested one when the rule set has it (or its
// primary subtag: "pl-PL" gives "pl"), else the rule set's default. The one resolver of every face.
std::string resolve_lang(const RuleSet& rules, const std::string& lang);

// Placeholders every text may use: {setting.<id>} for each setting.
std::map<std::string, std::string> text_params(const RuleSet& rules);

// The id of the question whose options are the rule set's concerns ("" when none is).
std::string concerns_question_id(const RuleSet& rules);

// The id of the first question whose options come from `options_from` ("concerns", "areas").
std::string_view options_question_id(const RuleSet& rules, std::string_view options_from);

}  // namespace meso::detail
