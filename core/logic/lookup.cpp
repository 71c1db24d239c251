#include "core/logic/lookup.hpp"

#include <vector>

#include "core/logic/text.hpp"

namespace meso::logic {
namespace {

// A key compared with object keys without calling memcmp: maps in answers are small and their
// keys short, and member lookup was the largest cost of evaluating typical rules. The order is
// std::string's (bytes as unsigned char), so std::map can search with it.
struct KeyView {
    std::string_view text;
};

int compare_bytes(std::string_view a, std::string_view b) {
    const std::size_t n = a.size() < b.size() ? a.size() : b.size();
    for (std::size_t i = 0; i < n; ++i) {
        const auto x = static_cast<unsigned char>(a[i]), y = static_cast<unsigned char>(b[i]);
        if (x != y) return x < y ? -1 : 1;
    }
    return a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0;
}

[[maybe_unused]] bool operator<(const std::string& a, const KeyView& b) {
    return compare_bytes(a, b.text) < 0;
}
[[maybe_unused]] bool operator<(const KeyView& a, const std::string& b) {
    return compare_bytes(a.text, b) < 0;
}

template <class Object>
const Json* find_member(const Object& object, std::string_view key) {
    if constexpr (requires { typename Object::key_compare::is_transparent; }) {
        const auto it = object.find(KeyView{key});
        return it == object.end() ? nullptr : &it->second;
    } else {
        const auto it = object.find(std::string(key));
        return it == object.end() ? nullptr : &it->second;
    }
}

// "0", "7", "12" but not "07", "-1" or "1.0": the keys JS treats as array indexes.
bool array_index(std::string_view key, std::size_t& index) {
    if (key.empty() || key.size() > 15 || (key.size() > 1 && key[0] == '0')) return false;
    index = 0;
    for (char c : key) {
        if (c < '0' || c > '9') return false;
        index = index * 10 + static_cast<std::size_t>(c - '0');
    }
    return true;
}

// JS `data[key]` for any JSON value, including what has to be made (lengths, characters of
// strings, counted in code points). False when the result would be undefined.
bool step_into(Value& current, std::string_view key) {
    const Json& json = current.get();
    std::size_t index = 0;
    const Json* next = nullptr;
    if (const auto* object = json.get_ptr<const Json::object_t*>()) {
        next = find_member(*object, key);
        if (!next) return false;
    } else if (const auto* array = json.get_ptr<const Json::array_t*>()) {
        if (key == "length") {
            current = Value::number(static_cast<double>(array->size()));
            return true;
        }
        if (!array_index(key, index) || index >= array->size()) return false;
        next = &(*array)[index];
    } else if (const auto* s = json.get_ptr<const std::string*>()) {
        if (key == "length") {
            current = Value::number(static_cast<double>(text::code_point_count(*s)));
            return true;
        }
        if (!array_index(key, index)) return false;
        const std::size_t from = text::code_point_offset(*s, index);
        if (from == s->size()) return false;
        const std::size_t to = text::code_point_offset(*s, index + 1);
        current = Value::own(s->substr(from, to - from));
        return true;
    } else {
        return false;
    }
    current = current.borrowed() ? Value::borrow(*next) : Value::own(Json(*next));
    return true;
}

// Keys of a compiled path.
class ListedKeys {
public:
    explicit ListedKeys(const std::vector<std::string>& keys) : keys_(keys) {}
    bool next(std::string_view& key) {
        if (index_ == keys_.size()) return false;
        key = keys_[index_++];
        return true;
    }

private:
    const std::vector<std::string>& keys_;
    std::size_t index_ = 0;
};

// Keys of "a.b.c", split as they are read.
class DottedKeys {
public:
    explicit DottedKeys(std::string_view text) : rest_(text) {}
    bool next(std::string_view& key) {
        if (done_) return false;
        const std::size_t dot = rest_.find('.');
        key = rest_.substr(0, dot);
        if (dot == std::string_view::npos) done_ = true;
        else rest_.remove_prefix(dot + 1);
        return true;
    }

private:
    std::string_view rest_;
    bool done_ = false;
};

template <class Keys>
bool resolve_keys(const Scope& scope, Keys keys, Value& out) {
    std::string_view key;
    bool pending = keys.next(key);
    const Json* current = scope.data;
    if (scope.reduce_step) {
        if (key == "current") current = scope.current;
        else if (key == "accumulator") current = scope.accumulator;
        else return false;
        pending = keys.next(key);
    }
    // Object members and array items are found in place: follow pointers.
    while (pending) {
        if (const auto* object = current->get_ptr<const Json::object_t*>()) {
            current = find_member(*object, key);
            if (!current) return false;
        } else if (const auto* array = current->get_ptr<const Json::array_t*>();
                   array && key != "length") {
            std::size_t index = 0;
            if (!array_index(key, index) || index >= array->size()) return false;
            current = &(*array)[index];
        } else {
            break;
        }
        pending = keys.next(key);
    }
    Value value = Value::borrow(*current);
    for (; pending; pending = keys.next(key)) {
        if (value->is_null() || !step_into(value, key)) return false;
    }
    out = std::move(value);
    return true;
}

bool selects_whole(const Json& name) {
    return name.is_null() || (name.is_string() && name.get_ref<const std::string&>().empty());
}

}  // namespace

VarPath var_path_of(const Json& name, StringBudget& budget) {
    VarPath path;
    if (selects_whole(name)) {
        path.whole = true;
        return path;
    }
    std::string text;
    append_string(name, text, budget);
    DottedKeys keys(text);
    for (std::string_view key; keys.next(key);) path.keys.emplace_back(key);
    return path;
}

Value whole_scope(const Scope& scope) {
    if (!scope.reduce_step) return Value::borrow(*scope.data);
    return Value::own(Json{{"current", *scope.current}, {"accumulator", *scope.accumulator}});
}

bool resolve(const Scope& scope, const VarPath& path, Value& out) {
    if (path.whole) {
        out = whole_scope(scope);
        return true;
    }
    return resolve_keys(scope, ListedKeys(path.keys), out);
}

bool resolve_name(const Scope& scope, const Json& name, StringBudget& budget, Value& out) {
    if (selects_whole(name)) {
        out = whole_scope(scope);
        return true;
    }
    if (const auto* text = name.get_ptr<const std::string*>())
        return resolve_keys(scope, DottedKeys(*text), out);
    std::string text;
    append_string(name, text, budget);
    return resolve_keys(scope, DottedKeys(text), out);
}

}  // namespace meso::logic
