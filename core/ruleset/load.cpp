// load_ruleset(): the top level, and the helpers every section uses.
#include "core/ruleset/loader.hpp"

#include "core/ruleset/prepared.hpp"

#include <algorithm>

namespace meso {
namespace rules_detail {

std::optional<std::string> Loader::text_key(FieldReader& reader, std::string_view field,
                                            Need need) {
    auto key = reader.string(field, need);
    if (key) text_keys.emplace(*key, reader.field_path(field));
    return key;
}

std::vector<std::string> Loader::cited_sources(FieldReader& reader, const std::string& code,
                                               const std::string& message) {
    if (!reader.has("sources")) {
        reader.any("sources", Need::optional);  // marks the field as known
        if (reader.ok()) error(code, reader.path(), message);
        return {};
    }
    auto ids = reader.strings("sources", Need::required);
    if (!ids) return {};
    const std::string path = reader.field_path("sources");
    if (ids->empty()) error(code, path, message);
    check_sources(*ids, path);
    return *ids;
}

void Loader::check_sources(const std::vector<std::string>& ids, const std::string& path) {
    std::set<std::string, std::less<>> seen;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const std::string item_path = pointer_append(path, i);
        if (!seen.insert(ids[i]).second) {
            error("rules.duplicate_id", item_path, quote(ids[i]) + " is cited twice");
            continue;
        }
        check_reference(sources, ids[i], item_path, "rules.unknown_source", "source");
    }
}

bool Loader::check_reference(const IdSet& known, const std::string& id, const std::string& path,
                             const std::string& code, const std::string& what) {
    if (!known || known->contains(id)) return true;
    error(code, path, quote(id) + " is not a defined " + what);
    return false;
}

std::optional<logic::Program> Loader::compile(const Json& rule, const std::string& path) {
    logic::CompileOptions compile_options;
    compile_options.limits = options.logic_limits;
    compile_options.settings = &setting_values;
    auto program = logic::Program::compile(rule, compile_options, path);
    if (!program) {
        errors.insert(errors.end(), program.errors().begin(), program.errors().end());
        return std::nullopt;
    }
    return std::move(program.value());
}

bool Loader::unique(std::set<std::string, std::less<>>& seen, const std::string& id,
                    const std::string& path, const std::string& what) {
    if (seen.insert(id).second) return true;
    error("rules.duplicate_id", path, quote(id) + " is already the id of another " + what);
    return false;
}

void Loader::read_top(const Json& document) {
    FieldReader top(document, "", errors);
    if (!top.ok()) return;

    if (auto format = top.integer("format", Need::required); format && *format != 1) {
        error(
            "rules.unsupported_format", "/format",
            "format " + std::to_string(*format) + " is not supported; this engine reads format 1");
    }
    if (auto id = top.string("id", Need::required)) rules.id = *id;
    if (auto version = top.string("version", Need::required)) rules.version = *version;
    read_languages(top);

    // Sections in the order in which they cite each other.
    const struct {
        const char* name;
        Need need;
        void (Loader::*read)(const Json&, const std::string&);
    } sections[] = {
        {"sources", Need::required, &Loader::read_sources},
        {"settings", Need::optional, &Loader::read_settings},
        {"steps", Need::required, &Loader::read_steps},
        {"areas", Need::optional, &Loader::read_areas},
        {"courses", Need::optional, &Loader::read_courses},
        {"concerns", Need::optional, &Loader::read_concerns},
        {"questions", Need::required, &Loader::read_questions},
        {"findings", Need::required, &Loader::read_findings},
        {"invariants", Need::optional, &Loader::read_invariants},
    };
    for (const auto& section : sections) {
        if (const Json* value = top.any(section.name, section.need)) {
            (this->*section.read)(*value, top.field_path(section.name));
        } else if (section.need == Need::optional) {
            // An absent optional section defines nothing, which is known for certain.
            if (std::string_view(section.name) == "settings") settings.emplace();
            if (std::string_view(section.name) == "areas") areas.emplace();
            if (std::string_view(section.name) == "courses") courses.emplace();
        }
    }

    const struct {
        const char* name;
        std::vector<SourcedText> RuleSet::*list;
    } texts[] = {{"preparation", &RuleSet::preparation},
                 {"during", &RuleSet::during},
                 {"aftercare", &RuleSet::aftercare},
                 {"facts", &RuleSet::facts}};
    for (const auto& list : texts) {
        if (const Json* value = top.any(list.name, Need::optional)) {
            rules.*list.list = read_sourced_texts(*value, top.field_path(list.name));
        }
    }

    if (const Json* locales = top.any("locales", Need::required)) {
        read_locales(*locales, "/locales");
        check_translations();
    }
    check_question_references();
    check_enable_cycles();
    check_text_filters();
    check_setting_areas();
}

namespace {

// A BCP 47 language with an optional region ("en", "pt-BR"): what Intl accepts. An id such as
// "e_n" passed the loader once and then threw RangeError while the widget rendered.
bool language_tag(std::string_view tag) {
    const auto letters = [](std::string_view s, std::size_t from, std::size_t to, bool upper) {
        return std::all_of(s.begin() + from, s.begin() + to, [&](char c) {
            return upper ? (c >= 'A' && c <= 'Z') : (c >= 'a' && c <= 'z');
        });
    };
    if (tag.size() == 2 || tag.size() == 3) return letters(tag, 0, tag.size(), false);
    return tag.size() == 5 && tag[2] == '-' && letters(tag, 0, 2, false) &&
           letters(tag, 3, 5, true);
}

}  // namespace

void Loader::read_languages(FieldReader& top) {
    auto languages = top.strings("languages", Need::required);
    if (languages) {
        if (languages->empty())
            error("rules.empty_value", "/languages", "at least one language is needed");
        std::set<std::string, std::less<>> seen;
        for (std::size_t i = 0; i < languages->size(); ++i) {
            const std::string& lang = (*languages)[i];
            const std::string path = pointer_append("/languages", i);
            if (!language_tag(lang)) {
                error("rules.bad_id", path, quote(lang) + " is not a language tag such as \"en\"");
            } else if (!seen.insert(lang).second) {
                error("rules.duplicate_id", path, quote(lang) + " is listed twice");
            } else {
                rules.languages.push_back(lang);
            }
        }
    }
    if (auto lang = top.string("default_language", Need::required)) {
        rules.default_language = *lang;
        if (languages && !languages->empty() &&
            std::find(languages->begin(), languages->end(), *lang) == languages->end()) {
            error("rules.unknown_language", "/default_language",
                  quote(*lang) + " is not in languages");
        }
    }
}

void Loader::read_sources(const Json& value, const std::string& path) {
    if (!value.is_object()) {
        error("rules.wrong_type", path, "expected an object of sources by id");
        return;
    }
    sources.emplace();
    for (const auto& [id, entry] : value.items()) {
        const std::string entry_path = pointer_append(path, id);
        if (!valid_id(id)) {
            error("rules.bad_id", entry_path, bad_id_message(id));
            continue;
        }
        sources->insert(id);
        FieldReader reader(entry, entry_path, errors);
        Source source;
        source.id = id;
        // Optional for the loader: the patient's bundle leaves the seed's file name out
        // (web/build.mjs); lint asks for it in the rule set as written.
        if (auto file = reader.string("file", Need::optional)) source.file = *file;
        if (auto title = reader.string("title", Need::optional)) source.title = *title;
        if (auto lang = reader.string("lang", Need::optional)) {
            if (language_tag(*lang)) source.lang = *lang;
            else
                error("rules.bad_id", pointer_append(entry_path, "lang"),
                      quote(*lang) + " is not a language tag such as \"en\"");
        }
        if (reader.ok()) rules.sources.emplace(id, std::move(source));
    }
}

void Loader::read_locales(const Json& value, const std::string& path) {
    if (!value.is_object()) {
        error("rules.wrong_type", path, "expected an object of texts by language");
        return;
    }
    for (const auto& [lang, texts] : value.items()) {
        const std::string lang_path = pointer_append(path, lang);
        const bool listed = std::find(rules.languages.begin(), rules.languages.end(), lang) !=
                            rules.languages.end();
        if (!listed && !rules.languages.empty()) {
            error("rules.unknown_language", lang_path, quote(lang) + " is not in languages");
            continue;
        }
        if (!texts.is_object()) {
            error("rules.wrong_type", lang_path, "expected an object of texts by key");
            continue;
        }
        auto& table = rules.locales[lang];
        for (const auto& [key, text] : texts.items()) {
            const std::string key_path = pointer_append(lang_path, key);
            // A broken text is still present: keep the key so that it is not also "missing".
            if (!text.is_string()) {
                error("rules.wrong_type", key_path, "expected a string");
                table.emplace(key, "");
            } else if (text.get_ref<const std::string&>().empty()) {
                error("rules.empty_value", key_path, "must not be empty");
                table.emplace(key, "");
            } else {
                table.emplace(key, text.get<std::string>());
            }
        }
    }
}

}  // namespace rules_detail

Result<RuleSet> load_ruleset(const Json& document, const LoadOptions& options) {
    rules_detail::Loader loader(options);
    loader.read_top(document);
    if (!loader.errors.empty()) return std::move(loader.errors);
    loader.rules.document = document;
    loader.rules.prepared = detail::prepare(loader.rules);
    return std::move(loader.rules);
}

}  // namespace meso
