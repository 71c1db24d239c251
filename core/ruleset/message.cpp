#include "core/ruleset/message.hpp"

#include <algorithm>
#include <array>

namespace meso {
namespace {

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.';
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

constexpr std::array<std::string_view, 6> plural_keywords = {"zero", "one",  "two",
                                                             "few",  "many", "other"};

// One pass over a pattern. With `params` it writes the formatted text to `out`; without, it only
// checks the pattern and collects what it uses.
class Parser {
public:
    Parser(std::string_view pattern, std::string_view lang, const MessageParams* params)
        : s_(pattern), lang_(lang), params_(params) {}

    // The whole pattern; false (with problem()) when it is malformed.
    bool run(const std::string* hash = nullptr) {
        message(0, hash);
        return problem_.empty();
    }

    std::string out;
    std::vector<PluralUse> plurals;
    std::vector<std::string> names;
    const std::string& problem() const { return problem_; }

private:
    void fail(const std::string& what) {
        if (problem_.empty()) problem_ = "at character " + std::to_string(at_ + 1) + ": " + what;
    }

    void skip_space() {
        while (at_ < s_.size() && is_space(s_[at_])) ++at_;
    }

    std::string_view word() {
        const std::size_t from = at_;
        while (at_ < s_.size() && is_name_char(s_[at_])) ++at_;
        return s_.substr(from, at_ - from);
    }

    bool expect(char c, const char* what) {
        if (at_ < s_.size() && s_[at_] == c) {
            ++at_;
            return true;
        }
        fail(at_ < s_.size() ? std::string("expected ") + what
                             : std::string("the text ends where ") + what + " was expected");
        return false;
    }

    // Text and arguments up to the end, or (depth > 0) up to the '}' that closes a branch,
    // which is left for the caller.
    void message(int depth, const std::string* hash) {
        while (at_ < s_.size() && problem_.empty()) {
            plain_text(hash != nullptr);
            if (at_ == s_.size()) break;
            const char c = s_[at_];
            if (c == '}') {
                if (depth == 0) fail("a '}' that closes nothing");
                return;
            }
            if (c == '{') {
                argument();
                continue;
            }
            out += *hash;  // '#', stopped at only inside a plural's branch
            ++at_;
        }
        if (depth > 0) fail("a plural branch is never closed with '}'");
    }

    // The text up to the next brace (or '#'), in one piece, and written only when formatting:
    // a rule set's load checks every text of every language, and almost all of each is this.
    void plain_text(bool hash_counts) {
        const char* const begin = s_.data() + at_;
        const char* const end = s_.data() + s_.size();
        const char* p = begin;
        while (p != end && *p != '{' && *p != '}' && !(hash_counts && *p == '#')) ++p;
        if (params_) out.append(begin, p);
        at_ += static_cast<std::size_t>(p - begin);
    }

    std::optional<std::string> value_of(std::string_view name) const {
        return params_ ? (*params_)(name) : std::nullopt;
    }

    void argument() {
        const std::size_t open = at_++;
        skip_space();
        const std::string name(word());
        if (name.empty()) return fail("expected a parameter name after '{'");
        names.push_back(name);
        skip_space();
        if (at_ < s_.size() && s_[at_] == '}') {
            ++at_;
            const auto value = value_of(name);
            out += value ? *value : std::string(s_.substr(open, at_ - open));
            return;
        }
        if (!expect(',', "'}' or ',' after the parameter name")) return;
        skip_space();
        const std::size_t type_at = at_;
        const std::string_view type = word();
        skip_space();
        if (type == "date") {
            if (!expect('}', "'}' after \"date\"")) return;
            const auto value = value_of(name);
            const auto date = value ? Date::parse(*value) : std::nullopt;
            out += date    ? format_date(lang_, *date)
                   : value ? *value
                           : std::string(s_.substr(open, at_ - open));
            return;
        }
        if (type != "plural") {
            at_ = type_at;  // the message points at the word, not past it
            return fail(type.empty() ? "expected \"date\" or \"plural\" after ','"
                                     : "unknown format \"" + std::string(type) +
                                           "\"; expected \"date\" or \"plural\"");
        }
        plural(open, name);
    }

    void plural(std::size_t open, const std::string& name) {
        if (!expect(',', "',' and the branches after \"plural\"")) return;
        PluralUse use{name, {}};
        std::vector<std::pair<std::string, std::string_view>> branches;
        while (problem_.empty()) {
            skip_space();
            if (at_ >= s_.size()) return fail("a plural is never closed with '}'");
            if (s_[at_] == '}') break;
            const std::size_t keyword_at = at_;
            const std::string keyword(word());
            if (keyword.empty())
                return fail("expected a plural category (one, few, many, other …)");
            if (std::find(plural_keywords.begin(), plural_keywords.end(), keyword) ==
                plural_keywords.end()) {
                at_ = keyword_at;
                return fail("\"" + keyword +
                            "\" is not a plural category (zero, one, two, few, "
                            "many, other)");
            }
            if (!use.categories.insert(keyword).second) {
                at_ = keyword_at;
                return fail("the category \"" + keyword + "\" is given twice");
            }
            skip_space();
            if (!expect('{', "'{' opening the branch")) return;
            // The branch is checked now and formatted once the number's category is known.
            const std::size_t body = at_;
            const std::string saved = std::move(out);
            out.clear();
            message(1, nullptr);
            out = saved;
            if (!problem_.empty()) return;
            branches.emplace_back(keyword, s_.substr(body, at_ - body));
            ++at_;  // the branch's '}'
        }
        if (!problem_.empty()) return;
        if (!use.categories.count("other")) return fail("a plural needs an \"other\" branch");
        ++at_;  // the argument's '}'
        plurals.push_back(use);
        if (!params_) return;
        const auto value = value_of(name);
        if (!value) {
            out += s_.substr(open, at_ - open);
            return;
        }
        std::string category = plural_category(lang_, *value);
        if (!use.categories.count(category)) category = "other";
        for (const auto& [keyword, text] : branches) {
            if (keyword != category) continue;
            Parser branch(text, lang_, params_);
            branch.run(&*value);
            out += branch.out;
        }
    }

    std::string_view s_;
    std::string_view lang_;
    const MessageParams* params_;
    std::size_t at_ = 0;
    std::string problem_;
};

// The integer part's last two digits, whether it is exactly 1, and whether a fraction is written.
struct NumberParts {
    bool valid = false;
    unsigned last_two = 0;
    bool is_one = false;
    bool fraction = false;
};

NumberParts parts_of(std::string_view number) {
    NumberParts out;
    std::size_t at = number.starts_with('-') ? 1 : 0;
    std::string_view digits = number.substr(at);
    const std::size_t point = digits.find('.');
    const std::string_view whole = digits.substr(0, point);
    if (whole.empty()) return out;
    for (char c : whole) {
        if (c < '0' || c > '9') return out;
        out.last_two = (out.last_two * 10 + static_cast<unsigned>(c - '0')) % 100;
    }
    const std::size_t first = whole.find_first_not_of('0');
    out.is_one = first != std::string_view::npos && whole.substr(first) == "1";
    if (point != std::string_view::npos) {
        const std::string_view fraction = digits.substr(point + 1);
        if (fraction.empty() || fraction.find_first_not_of("0123456789") != std::string_view::npos)
            return out;
        out.fraction = true;  // CLDR's v > 0: "1.0" is not "one"
    }
    out.valid = true;
    return out;
}

}  // namespace

std::string message_problem(std::string_view pattern) {
    Parser parser(pattern, "", nullptr);
    parser.run();
    return parser.problem();
}

std::string format_message(std::string_view lang, std::string_view pattern,
                           const MessageParams& params) {
    Parser parser(pattern, lang, &params);
    if (!parser.run()) return std::string(pattern);
    return parser.out;
}

std::vector<PluralUse> plural_uses(std::string_view pattern) {
    Parser parser(pattern, "", nullptr);
    parser.run();
    return parser.plurals;
}

std::vector<std::string> message_arguments(std::string_view pattern) {
    Parser parser(pattern, "", nullptr);
    parser.run();
    return parser.names;
}

std::string plural_category(std::string_view lang, std::string_view number) {
    const NumberParts n = parts_of(number);
    if (!n.valid || n.fraction) return "other";
    const unsigned mod10 = n.last_two % 10, mod100 = n.last_two;
    if (lang == "pl") {
        if (n.is_one) return "one";
        if (mod10 >= 2 && mod10 <= 4 && !(mod100 >= 12 && mod100 <= 14)) return "few";
        return "many";
    }
    if (lang == "uk") {
        if (mod10 == 1 && mod100 != 11) return "one";
        if (mod10 >= 2 && mod10 <= 4 && !(mod100 >= 12 && mod100 <= 14)) return "few";
        return "many";
    }
    return n.is_one ? "one" : "other";  // en, and the fallback for other languages
}

std::vector<std::string> plural_categories(std::string_view lang) {
    if (lang == "pl" || lang == "uk") return {"one", "few", "many", "other"};
    return {"one", "other"};
}

std::string format_date(std::string_view lang, Date date) {
    static constexpr std::array<std::string_view, 12> en = {
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
    // Polish and Ukrainian write the month in the genitive after the day.
    static constexpr std::array<std::string_view, 12> pl = {
        "stycznia", "lutego",   "marca",    "kwietnia",     "maja",      "czerwca",
        "lipca",    "sierpnia", "września", "października", "listopada", "grudnia"};
    static constexpr std::array<std::string_view, 12> uk = {
        "січня", "лютого", "березня", "квітня", "травня",    "червня",
        "липня", "серпня", "вересня", "жовтня", "листопада", "грудня"};
    const auto month = static_cast<std::size_t>(date.month() - 1);
    const std::string day = std::to_string(date.day()), year = std::to_string(date.year());
    if (lang == "en") return day + " " + std::string(en[month]) + " " + year;
    if (lang == "pl") return day + " " + std::string(pl[month]) + " " + year;
    if (lang == "uk") return day + " " + std::string(uk[month]) + " " + year + " р.";
    return date.iso();
}

}  // namespace meso
