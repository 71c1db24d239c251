// Errors are values: a stable code, a JSON Pointer to where the problem is, and a message.
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace meso {

struct Error {
    std::string code;     // stable and searchable, e.g. "rules.unknown_question"
    std::string path;     // RFC 6901 JSON Pointer into the offending document ("" = the whole)
    std::string message;  // one sentence for a human

    // "rules.unknown_question at /findings/3/when: "pregant" is not a question id"
    std::string to_string() const {
        return code + " at " + (path.empty() ? std::string("/") : path) + ": " + message;
    }
    bool operator==(const Error&) const = default;
};

using Errors = std::vector<Error>;

// Either a value or the errors that prevented it. Never both, never neither.
template <class T>
class Result {
public:
    Result(T value) : state_(std::move(value)) {}
    Result(Error error) : state_(Errors{std::move(error)}) {}
    Result(Errors errors) : state_(std::move(errors)) {}

    bool ok() const { return std::holds_alternative<T>(state_); }
    explicit operator bool() const { return ok(); }

    T& value() { return std::get<T>(state_); }
    const T& value() const { return std::get<T>(state_); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }

    const Errors& errors() const { return std::get<Errors>(state_); }

private:
    std::variant<T, Errors> state_;
};

// Appends a reference token to a JSON Pointer, escaping '~' and '/' as RFC 6901 requires.
inline std::string pointer_append(const std::string& base, const std::string& token) {
    std::string out = base;
    out += '/';
    for (char c : token) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

inline std::string pointer_append(const std::string& base, std::size_t index) {
    return base + '/' + std::to_string(index);
}

}  // namespace meso
