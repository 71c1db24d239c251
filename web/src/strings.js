// UI chrome in the widget's languages. English is built into the loader; another language's table
// arrives with its locale file (core-loader.js) and is added here. A language whose table is not
// here falls back to English; the rule set's own texts never fall back (the core refuses an
// incomplete locale).
import { UI_EN } from './i18n/en.js';

export const UI_LANGUAGES = { en: UI_EN };
export const LANGUAGE_NAMES = { en: 'English', pl: 'Polski', uk: 'Українська' };

// Only strings are kept: a table from a file is data, and a number where a text belongs would
// otherwise break every render.
export function addUiLanguage(lang, table) {
    const texts = {};
    for (const [key, text] of Object.entries(table || {})) if (typeof text === 'string') texts[key] = text;
    UI_LANGUAGES[lang] = texts;
}

export const hasUiLanguage = (lang) => Object.hasOwn(UI_LANGUAGES, lang);

export function fillPlaceholders(text, vars) {
    return vars ? text.replace(/\{(\w+)\}/g, (all, name) => (name in vars ? String(vars[name]) : all)) : text;
}

export function uiText(lang, key, vars) {
    const table = (hasUiLanguage(lang) && UI_LANGUAGES[lang]) || UI_EN;
    return fillPlaceholders(table[key] ?? UI_EN[key] ?? key, vars);
}

// "{n} sessions" with the plural form that the language needs for n (or for the range's end).
export function uiCount(lang, key, formatted, min, max = min) {
    const rules = new Intl.PluralRules(lang);
    const category = min !== max && rules.selectRange ? rules.selectRange(min, max) : rules.select(max);
    const table = (hasUiLanguage(lang) && UI_LANGUAGES[lang]) || UI_EN;
    const text = table[`${key}.${category}`] ?? table[`${key}.other`] ?? UI_EN[`${key}.other`];
    return fillPlaceholders(text, { n: formatted });
}

// The languages a clinic's settings file offers and the one a patient starts in when the browser
// asks for none of them: the clinic's list in its order, or the rule set's own. The engine's rule
// (core/ruleset/settings_file.cpp, check_offer and narrow_languages); this copy only chooses, before
// the engine has started, the first view's language (core-loader.js, firstViewOf), and
// tests/node/language.test.mjs holds the two to the same answers. null for a list the engine
// refuses: it says why once it has started.
export function offeredLanguages(settings, available, fallback) {
    const list = settings?.settings?.languages;
    if (list === undefined) return { languages: available, fallback };
    const valid = Array.isArray(list) && list.length > 0 && new Set(list).size === list.length &&
        list.every((lang) => available.includes(lang));
    return valid ? { languages: list, fallback: list[0] } : null;
}

// "pl-PL" -> "pl" when the rule set speaks "pl"; otherwise the rule set's default. The engine's
// resolve_lang decides for every rule set it has loaded; this copy of its rule only chooses, before
// the engine has started, which built-in language to fetch, and tests/node/language.test.mjs holds
// the two to the same answers.
export function pickLanguage(wanted, available, fallback) {
    const candidates = [wanted, (wanted || '').split(/[-_]/)[0]].map((x) => (x || '').toLowerCase());
    return candidates.find((x) => available.includes(x)) || fallback;
}
