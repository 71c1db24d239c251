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

// "pl-PL" -> "pl" when the rule set speaks "pl"; otherwise the rule set's default. The engine's
// resolve_lang decides for every rule set it has loaded; this copy of its rule only chooses, before
// the engine has started, which built-in language to fetch, and tests/node/language.test.mjs holds
// the two to the same answers.
export function pickLanguage(wanted, available, fallback) {
    const candidates = [wanted, (wanted || '').split(/[-_]/)[0]].map((x) => (x || '').toLowerCase());
    return candidates.find((x) => available.includes(x)) || fallback;
}
