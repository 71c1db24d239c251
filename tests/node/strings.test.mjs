// The UI strings: every language has every key with the same placeholders, plurals pick the
// right form, and language tags resolve as hosts write them. (Plain Node: these modules need no DOM.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UI_LANGUAGES, addUiLanguage, hasUiLanguage, uiText, uiCount, pickLanguage } from '../../web/src/strings.js';
import { formatUnitRange, formatMoney, formatDate, localToday, isIsoDate } from '../../web/src/format.js';
import { UI_EN } from '../../web/src/i18n/en.js';
import { UI_PL } from '../../web/src/i18n/pl.js';
import { UI_UK } from '../../web/src/i18n/uk.js';

const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const base = (key) => key.replace(/\.(one|few|many|other)$/, '');
const TABLES = { en: UI_EN, pl: UI_PL, uk: UI_UK };
// What the widget does when the locale files of pl and uk have arrived.
const addFileTables = () => Object.entries(TABLES).filter(([lang]) => lang !== 'en').forEach(([lang, table]) => addUiLanguage(lang, table));

test('only English is built in; another language\'s table is added when its locale file arrives', () => {
    assert.deepEqual(Object.keys(UI_LANGUAGES), ['en']);
    assert.equal(hasUiLanguage('pl'), false);
    assert.equal(uiText('pl', 'next'), 'Continue');
    addFileTables();
    assert.equal(uiText('pl', 'next'), 'Dalej');
    assert.equal(hasUiLanguage('constructor'), false);
});

test('a table from a file keeps only its strings', () => {
    addUiLanguage('xx', { next: 'Weiter', back: 42, title: null });
    assert.equal(uiText('xx', 'next'), 'Weiter');
    assert.equal(uiText('xx', 'back'), 'Back');
    assert.equal(uiText('xx', 'title'), UI_EN.title);
});

test('every language has every English key, with the same placeholders', () => {
    const english = TABLES.en;
    for (const [lang, table] of Object.entries(TABLES)) {
        for (const [key, text] of Object.entries(english)) {
            if (/\.(one|few|many)$/.test(key)) continue;  // plural forms differ by language
            assert.ok(key in table, `${lang} lacks ${key}`);
            assert.deepEqual(placeholders(table[key]), placeholders(text), `${lang} ${key}`);
        }
        for (const key of Object.keys(table)) assert.ok(base(key) in english || `${base(key)}.other` in english, `${lang} has an unknown key ${key}`);
    }
});

test('plural forms follow each language', () => {
    addFileTables();
    assert.equal(uiCount('en', 'n.sessions', '1', 1), '1 session');
    assert.equal(uiCount('en', 'n.sessions', '3–6', 3, 6), '3–6 sessions');
    assert.equal(uiCount('pl', 'n.sessions', '2', 2), '2 zabiegi');
    assert.equal(uiCount('pl', 'n.sessions', '5', 5), '5 zabiegów');
    assert.equal(uiCount('pl', 'n.after_sessions', '1–3', 1, 3), 'po 1–3 zabiegach');
    assert.equal(uiCount('uk', 'n.sessions', '6', 6), '6 сеансів');
    assert.equal(uiCount('uk', 'n.sessions', '3', 3), '3 сеанси');
});

test('placeholders are filled and a missing key falls back to English', () => {
    addFileTables();
    assert.equal(uiText('pl', 'step_of', { n: 2, total: 5 }), 'Krok 2 z 5');
    assert.equal(uiText('de', 'next'), 'Continue');
});

test('language tags resolve to what the rule set speaks', () => {
    assert.equal(pickLanguage('pl-PL', ['en', 'pl', 'uk'], 'en'), 'pl');
    assert.equal(pickLanguage('UK', ['en', 'pl', 'uk'], 'en'), 'uk');
    assert.equal(pickLanguage('de', ['en', 'pl', 'uk'], 'en'), 'en');
    assert.equal(pickLanguage('', ['en'], 'en'), 'en');
});

test('dates, ranges and money go through Intl in the chosen language', () => {
    assert.equal(formatDate('en', '2026-11-21'), '21 November 2026');  // as the engine writes it
    assert.equal(formatDate('en', '2026-11-23', true), 'Monday, 23 November 2026');
    assert.equal(formatDate('pl', '2026-11-21'), '21 listopada 2026');
    assert.equal(formatUnitRange('en', 'day', 7, 10), '7–10 days');
    assert.equal(formatUnitRange('pl', 'month', 3, 4), '3–4 miesiące');
    assert.match(formatMoney('pl', 'PLN', 1800, 3000), /^1800–3000\szł$/);
    assert.equal(formatMoney('en', 'XXX-not-a-code', 5), '5 XXX-not-a-code');
    assert.equal(localToday(new Date(2026, 0, 5, 23, 30)), '2026-01-05');
    assert.equal(isIsoDate('2026-02-30'), false);
    assert.equal(isIsoDate('2026-02-28'), true);
});
