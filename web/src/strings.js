// UI chrome in the widget's languages. A language the UI lacks falls back to English; the rule
// set's own texts never fall back (the core refuses an incomplete locale).
import { UI_EN } from './i18n/en.js';
import { UI_PL } from './i18n/pl.js';
import { UI_UK } from './i18n/uk.js';

export const UI_LANGUAGES = { en: UI_EN, pl: UI_PL, uk: UI_UK };
export const LANGUAGE_NAMES = { en: 'English', pl: 'Polski', uk: 'Українська' };

export function fillPlaceholders(text, vars) {
    return vars ? text.replace(/\{(\w+)\}/g, (all, name) => (name in vars ? String(vars[name]) : all)) : text;
}

export function uiText(lang, key, vars) {
    const table = UI_LANGUAGES[lang] || UI_EN;
    return fillPlaceholders(table[key] ?? UI_EN[key] ?? key, vars);
}

// "{n} sessions" with the plural form that the language needs for n (or for the range's end).
export function uiCount(lang, key, formatted, min, max = min) {
    const rules = new Intl.PluralRules(lang);
    const category = min !== max && rules.selectRange ? rules.selectRange(min, max) : rules.select(max);
    const table = UI_LANGUAGES[lang] || UI_EN;
    const text = table[`${key}.${category}`] ?? table[`${key}.other`] ?? UI_EN[`${key}.other`];
    return fillPlaceholders(text, { n: formatted });
}

// "pl-PL" -> "pl" when the rule set speaks "pl"; otherwise the rule set's default.
export function pickLanguage(wanted, available, fallback) {
    const candidates = [wanted, (wanted || '').split('-')[0]].map((x) => (x || '').toLowerCase());
    return candidates.find((x) => available.includes(x)) || fallback;
}
