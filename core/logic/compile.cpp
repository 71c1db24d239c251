// Turns rule JSON into a tree of nodes once, checking every operation, and collects what the
// verifier needs (variables, literals). Recursion stops at Limits::max_depth.
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/base/quote.hpp"
#include "core/logic/impl.hpp"
#include "core/logic/lookup.hpp"
#include "core/logic/operations.hpp"
#include "core/logic/ops.hpp"

namespace meso::logic {
namespace {

struct Argument {
    const Json* rule;
    std::string path;
};

// Where a piece of the rule sits: in the top-level data or a per-item scope, and whether a
// plain string there names a variable (the keys of missing and missing_some).
struct Place {
    bool top_level;
    bool names;
};

std::string in_quotes(std::string_view text) { return quote_for_message(text); }

// "substr" takes 2 to 3 arguments, got 0
std::string arity_message(const Operation& op, std::size_t got) {
    const std::string least = std::to_string(op.min_args);
    const char* noun = op.min_args == 1 ? " argument" : " arguments";
    std::string expected;
    if (op.max_args == 0) expected = "no arguments";
    else if (op.min_args == op.max_args) expected = least + noun;
    else if (op.max_args == any_number) expected = "at least " + least + noun;
    else expected = least + " to " + std::to_string(op.max_args) + " arguments";
    return in_quotes(op.name) + " takes " + expected + ", got " + std::to_string(got);
}

class Compiler {
public:
    Compiler(const CompileOptions& options, Program::Impl& impl)
        : options_(options), limits_(options.limits), impl_(impl) {}

    Node compile(const Json& rule, const std::string& path, std::size_t depth, Place place) {
        if (stopped_) return placeholder(path);
        if (rule.is_object() || rule.is_array()) {
            if (depth > limits_.max_depth) {
                stop("logic.too_deep", path,
                     "rule is nested deeper than " + std::to_string(limits_.max_depth) + " levels");
                return placeholder(path);
            }
            if (rule.is_array()) return array(rule, path, depth, place);
            // Keys computed at run time: roots() cannot know them.
            if (place.names && place.top_level) impl_.dynamic_variables = true;
            return operation(rule, path, depth, place);
        }
        if (place.names && (rule.is_string() || rule.is_number())) {
            StringBudget budget{limits_.max_string_bytes};
            std::string name;
            append_string(rule, name, budget);
            add_variable(name, path, place);
            return literal(rule, path, false);
        }
        return literal(rule, path, !place.names);
    }

    Errors errors;

private:
    Node placeholder(const std::string& path) { return literal(Json(), path, false); }

    void fail(std::string code, const std::string& path, std::string message) {
        errors.push_back(Error{std::move(code), path, std::move(message)});
    }
    // Limits of size end the compilation: one error says it all.
    void stop(std::string code, const std::string& path, std::string message) {
        fail(std::move(code), path, std::move(message));
        stopped_ = true;
    }

    Node literal(const Json& value, const std::string& path, bool record) {
        Node node;
        node.eval = eval_literal;
        node.literal_only = true;
        node.literal = value;
        node.path = path;
        if (record) record_literals(value);
        return node;
    }

    // Numbers and strings anywhere in `value` (a setting may be an array or an object).
    void record_literals(const Json& value) {
        std::vector<const Json*> pending{&value};
        while (!pending.empty()) {
            const Json* current = pending.back();
            pending.pop_back();
            if (current->is_number()) {
                if (seen_numbers_.insert(number_of(*current)).second)
                    impl_.numbers.push_back(number_of(*current));
            } else if (current->is_string()) {
                const auto& s = current->get_ref<const std::string&>();
                if (seen_strings_.insert(s).second) impl_.strings.push_back(s);
            } else if (current->is_structured()) {
                // Pushed in reverse so that they are recorded in document order.
                for (auto it = current->rbegin(); it != current->rend(); ++it)
                    pending.push_back(&*it);
            }
        }
    }

    void add_variable(const std::string& name, const std::string& path, Place place) {
        if (!place.top_level) return;
        impl_.variables.push_back(VarRef{name, path});
        impl_.roots.insert(name.substr(0, name.find('.')));
    }

    // An array in the rule: constant when no element is an operation, else built per evaluation.
    Node array(const Json& rule, const std::string& path, std::size_t depth, Place place) {
        Node node;
        node.path = path;
        bool constant = true;
        for (std::size_t i = 0; i < rule.size(); ++i) {
            node.args.push_back(compile(rule[i], pointer_append(path, i), depth + 1, place));
            constant = constant && node.args.back().eval == eval_literal;
        }
        if (!constant) {
            node.eval = eval_array;
            return node;
        }
        Json value = Json::array();
        for (Node& element : node.args) value.push_back(std::move(element.literal));
        node.args.clear();
        node.eval = eval_literal;
        node.literal_only = true;
        node.literal = std::move(value);
        return node;
    }

    Node operation(const Json& rule, const std::string& path, std::size_t depth, Place place) {
        if (rule.size() != 1) {
            fail("logic.bad_operation", path,
                 "an operation object must have exactly one key, found " +
                     std::to_string(rule.size()));
            return placeholder(path);
        }
        const std::string& name = rule.begin().key();
        const Json& value = rule.begin().value();
        const Operation* op = find_operation(name);
        if (!op) {
            fail("logic.unknown_operation", path, "unknown operation " + in_quotes(name));
            return placeholder(path);
        }
        if (++operations_ > limits_.max_nodes) {
            stop("logic.too_large", path,
                 "rule has more than " + std::to_string(limits_.max_nodes) + " operations");
            return placeholder(path);
        }
        // {"op": x} is shorthand for {"op": [x]}.
        const std::string values_path = pointer_append(path, name);
        std::vector<Argument> args;
        if (value.is_array()) {
            for (std::size_t i = 0; i < value.size(); ++i)
                args.push_back({&value[i], pointer_append(values_path, i)});
        } else {
            args.push_back({&value, values_path});
        }
        if (args.size() < op->min_args || args.size() > op->max_args) {
            fail("logic.bad_arity", path, arity_message(*op, args.size()));
            return placeholder(path);
        }

        if (op->name == "setting") return setting(*args[0].rule, path);
        Node node;
        node.path = path;
        node.eval = op->eval;
        if (op->name == "var") {
            var(node, args, depth, place);
            return node;
        }
        for (std::size_t i = 0; i < args.size(); ++i) {
            Place arg_place{place.top_level && !(op->per_item && i == 1), false};
            if (op->name == "missing" || (op->name == "missing_some" && i == 1))
                arg_place.names = true;
            node.args.push_back(compile(*args[i].rule, args[i].path, depth + 1, arg_place));
        }
        return node;
    }

    // A literal name is split once here; a computed one is split at every evaluation.
    void var(Node& node, const std::vector<Argument>& args, std::size_t depth, Place place) {
        if (args.empty()) {
            node.var_path.whole = true;
            node.eval = eval_var_path;
            add_variable("", node.path, place);
            return;
        }
        const Json& name = *args[0].rule;
        const bool literal_name = !name.is_structured();
        node.args.push_back(literal_name ? literal(name, args[0].path, false)
                                         : compile(name, args[0].path, depth + 1, place));
        const Node& name_node = node.args.back();
        if (name_node.eval == eval_literal) {
            StringBudget budget{limits_.max_string_bytes};
            node.var_path = var_path_of(name_node.literal, budget);
            node.eval = eval_var_path;
            std::string text;
            if (!node.var_path.whole) append_string(name_node.literal, text, budget);
            add_variable(text, node.path, place);
        } else if (place.top_level) {
            impl_.dynamic_variables = true;
        }
        if (args.size() > 1)
            node.args.push_back(compile(*args[1].rule, args[1].path, depth + 1, place));
    }

    // {"setting": "name"} becomes the setting's value.
    Node setting(const Json& name, const std::string& path) {
        if (!name.is_string()) {
            fail("logic.bad_argument", path,
                 "\"setting\" takes a setting name as a literal string");
            return placeholder(path);
        }
        const auto& key = name.get_ref<const std::string&>();
        if (!options_.settings) {
            fail("logic.settings_unavailable", path,
                 "setting " + in_quotes(key) + " cannot be read here: no settings are available");
            return placeholder(path);
        }
        const auto found = options_.settings->find(key);
        if (found == options_.settings->end()) {
            fail("logic.unknown_setting", path, "unknown setting " + in_quotes(key));
            return placeholder(path);
        }
        return literal(found->second, path, true);
    }

    const CompileOptions& options_;
    const Limits& limits_;
    Program::Impl& impl_;
    std::size_t operations_ = 0;
    bool stopped_ = false;
    std::set<double> seen_numbers_;
    std::set<std::string> seen_strings_;
};

}  // namespace

Result<Program> Program::compile(const Json& rule, const CompileOptions& options,
                                 const std::string& path) {
    auto impl = std::make_shared<Impl>();
    impl->limits = options.limits;
    Compiler compiler(options, *impl);
    impl->root = compiler.compile(rule, path, 1, Place{true, false});
    if (!compiler.errors.empty()) return std::move(compiler.errors);
    return Program(std::move(impl));
}

}  // namespace meso::logic
