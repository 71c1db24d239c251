// What a compiled Program holds. Private to core/logic.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "core/logic/node.hpp"
#include "core/logic/program.hpp"

namespace meso::logic {

struct Program::Impl {
    Limits limits;
    Node root;
    std::vector<VarRef> variables;
    std::set<std::string> roots;
    bool dynamic_variables = false;
    std::vector<double> numbers;
    std::vector<std::string> strings;
};

}  // namespace meso::logic
