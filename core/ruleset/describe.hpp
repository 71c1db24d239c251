// What a form needs to draw a rule set in one language: steps, questions and their texts, the
// engine's own texts, settings and sources. Faces render this; they never read the document.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "core/ruleset/ruleset.hpp"

namespace meso {

// {"id","version","languages","default_language","steps":[{id,title}],
//  "questions":[{id,type,step,required,text,help?,min?,max?}],
//  "settings":{id: value}, "sources":{id:{file,title}}, "texts":{engine key: text}}
nlohmann::json describe_ruleset(const RuleSet& rules, std::string_view lang);

}  // namespace meso
