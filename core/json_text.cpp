#include "core/json_text.hpp"

#include <cmath>
#include <string>
#include <optional>
#include <vector>

namespace meso {
namespace {

using Json = nlohmann::json;

// Builds the document through nlohmann's SAX interface so that depth is checked before it is
// reached and a duplicate key is an error instead of a silent overwrite.
class Builder final : public nlohmann::json_sax<Json> {
public:
    Builder(std::string_view text, const ParseLimits& limits) : text_(text), limits_(limits) {}

    bool null() override { return add(Json(nullptr)); }
    bool boolean(bool v) override { return add(Json(v)); }
    bool number_integer(number_integer_t v) override { return add(Json(v)); }
    bool number_unsigned(number_unsigned_t v) override { return add(Json(v)); }
    bool number_float(number_float_t v, const string_t& literal) override {
        if (!std::isfinite(v)) {
            return fail({"json.number", child_path(), "the number " + literal + " is too large"});
        }
        return add(Json(v));
    }
    bool string(string_t& v) override { return add(Json(std::move(v))); }
    bool binary(binary_t&) override { return fail({"json.syntax", child_path(), "binary values are not JSON"}); }

    bool start_object(std::size_t) override { return open(Json::object()); }
    bool start_array(std::size_t) override { return open(Json::array()); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }

    bool key(string_t& k) override {
        Frame& top = stack_.back();
        if (top.value->contains(k)) {
            return fail({"json.duplicate_key", pointer_append(top.path, k),
                         "the key \"" + k + "\" appears twice in one object"});
        }
        top.key = std::move(k);
        return true;
    }

    bool parse_error(std::size_t position, const std::string&,
                     const nlohmann::detail::exception& e) override {
        if (e.id == 406) {  // out_of_range.406: a number literal beyond double
            return fail({"json.number", child_path(), "the number " + quoted(e.what()) + " is too large"});
        }
        if (!error_) error_ = Error{"json.syntax", "", where(position) + describe(e)};
        return false;
    }

    Result<Json> finish(bool ok) {
        if (error_) return *error_;
        if (!ok || !stack_.empty()) return Error{"json.syntax", "", "the document is incomplete"};
        return std::move(root_);
    }

private:
    struct Frame {
        Json* value;
        std::string path;
        std::string key;  // pending key when value is an object
    };

    std::string child_path() const {
        if (stack_.empty()) return "";
        const Frame& top = stack_.back();
        return top.value->is_object() ? pointer_append(top.path, top.key)
                                      : pointer_append(top.path, top.value->size());
    }

    Json* place(Json value) {
        if (stack_.empty()) {
            root_ = std::move(value);
            return &root_;
        }
        Frame& top = stack_.back();
        if (top.value->is_object()) return &((*top.value)[top.key] = std::move(value));
        top.value->push_back(std::move(value));
        return &top.value->back();
    }

    bool add(Json value) {
        place(std::move(value));
        return true;
    }

    bool open(Json container) {
        std::string path = child_path();
        if (stack_.size() >= limits_.max_depth) {
            return fail({"json.too_deep", path,
                         "nesting deeper than " + std::to_string(limits_.max_depth) + " levels"});
        }
        Json* slot = place(std::move(container));
        stack_.push_back({slot, std::move(path), {}});
        return true;
    }

    bool close() {
        stack_.pop_back();
        return true;
    }

    bool fail(Error e) {
        if (!error_) error_ = std::move(e);
        return false;
    }

    std::string where(std::size_t position) const {
        std::size_t line = 1, column = 1;
        for (std::size_t i = 0; i + 1 < position && i < text_.size(); ++i) {
            if (text_[i] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        return "line " + std::to_string(line) + ", column " + std::to_string(column) + ": ";
    }

    static std::string describe(const nlohmann::detail::exception& e) {
        // nlohmann's text is "[json.exception.parse_error.101] parse error at line 1, column 2:
        // syntax error while parsing value - invalid literal; last read: 'x'": keep the reason.
        std::string what = e.what();
        const auto dash = what.find(" - ");
        return dash == std::string::npos ? what : what.substr(dash + 3);
    }

    // "number overflow parsing '1e309'" -> "1e309"
    static std::string quoted(const std::string& what) {
        const auto open = what.find('\'');
        const auto close = what.rfind('\'');
        return open == std::string::npos || close <= open ? what : what.substr(open + 1, close - open - 1);
    }

    std::string_view text_;
    ParseLimits limits_;
    Json root_;
    std::vector<Frame> stack_;
    std::optional<Error> error_;
};

}  // namespace

Result<Json> parse_json(std::string_view text, const ParseLimits& limits) {
    if (text.size() > limits.max_bytes) {
        return Error{"json.too_large", "",
                     "the document has " + std::to_string(text.size()) + " bytes; the limit is " +
                         std::to_string(limits.max_bytes)};
    }
    Builder builder(text, limits);
    const bool ok = Json::sax_parse(text, &builder, Json::input_format_t::json, true, false);
    return builder.finish(ok);
}

}  // namespace meso
