// A clinic's settings file through engine.load(rules, settings) gives what the CLI gives with
// --settings: status, earliest start, dates and cost. Also as the widget loads the built-in rule
// set (one language at a time, the settings' languages narrowed to it: core-loader.js), and
// refused settings come back with the engine's code and the path into the file.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { splitRuleSet, withLanguage, positionalTexts } from '../../web/build.mjs';
import { loadCore, readJson, root } from './core.mjs';

const mesoscreen = process.env.MESOSCREEN || join(root, 'build', 'release', 'mesoscreen');
const rulesPath = join(root, 'rules', 'mesotherapy.json');
const settingsPath = join(root, 'rules', 'settings.example.json');
const rules = readJson(rulesPath);
const settings = readJson(settingsPath);
const scratch = mkdtempSync(join(tmpdir(), 'meso-settings-'));
const core = await loadCore();

const base = readJson(join(root, 'tests', 'cases', '01-eligible-woman-wrinkles-face.json')).answers;
const today = '2026-11-27';
const answerSets = {
    'two areas the clinic prices differently': { ...base, concerns: ['wrinkles', 'hair_loss'], areas: ['face', 'scalp'] },
    'one area': { ...base, concerns: ['hair_loss'], areas: ['scalp'] },
    // Four days after a drink: past the rule set's 3, not the clinic's 5.
    'a drink four days ago': { ...base, alcohol_recent: true, alcohol_last: '2026-11-23' },
    'an area the clinic does not price': { ...base, areas: ['face', 'neck'] },
};

function cli(answers, lang) {
    const path = join(scratch, 'answers.json');
    writeFileSync(path, JSON.stringify(answers));
    const args = ['screen', '--rules', rulesPath, '--settings', settingsPath, '--answers', `@${path}`, '--today', today, '--lang', lang];
    try {
        return JSON.parse(execFileSync(mesoscreen, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
    } catch (error) {
        if (error.status === 1 && error.stdout) return JSON.parse(error.stdout);
        throw error;
    }
}

const essentials = (r) => ({
    status: r.status,
    earliest_start: r.earliest_start ?? null,
    dates: r.plan?.dates ?? null,
    cost: r.plan?.cost ?? null,
    errors: (r.errors || []).map((e) => [e.code, e.path]),
});

const whole = core.engine.load(rules, settings);
const split = splitRuleSet(rules);
const oneLanguage = (lang) => (lang === split.builtIn.default_language ? split.builtIn
    : withLanguage(split.builtIn, lang, positionalTexts(split.builtIn, split.texts[lang])));
const narrowed = (lang) => ({ ...settings, settings: { ...settings.settings, languages: [lang] } });

for (const [name, answers] of Object.entries(answerSets)) {
    test(`settings.example.json, ${name}: engine.load gives what the CLI gives with --settings`, () => {
        for (const lang of settings.settings.languages) {
            const expected = essentials(cli(answers, lang));
            assert.deepEqual(essentials(whole.screen(answers, today, lang)), expected, lang);
            const widget = core.engine.load(oneLanguage(lang), narrowed(lang));
            try {
                assert.deepEqual(essentials(widget.screen(answers, today, lang)), expected, `${lang}, one language`);
            } finally {
                widget.dispose();
            }
        }
    });
}

test('the settings change the result: the clinic\'s wait, days, prices', () => {
    const plain = core.engine.load(rules);
    try {
        const drink = answerSets['a drink four days ago'];
        assert.equal(plain.screen(drink, today, 'en').status, 'eligible');
        assert.equal(whole.screen(drink, today, 'en').status, 'postpone');
        const priced = whole.screen(answerSets['two areas the clinic prices differently'], today, 'en').plan;
        assert.deepEqual(priced.cost, { currency: 'PLN', per_area: { face: 300, scalp: 250 }, per_session: 550,
            min: priced.sessions.min * 550, max: priced.sessions.max * 550, planned: priced.sessions.planned * 550 });
        for (const date of priced.dates) assert.ok(![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay()), date);
        assert.equal(whole.screen(answerSets['an area the clinic does not price'], today, 'en').plan.cost, undefined);
        const refused = whole.screen({ ...base, concerns: ['cellulite'] }, today, 'en');
        assert.ok(refused.errors.some((e) => e.code === 'answers.unknown_option' && e.path.startsWith('/concerns')), JSON.stringify(refused.errors));
        assert.deepEqual(whole.info('').languages, ['pl', 'en']);
        assert.equal(whole.info('uk').lang, 'pl');
    } finally {
        plain.dispose();
    }
});

const withSetting = (changes) => ({ ...settings, settings: { ...settings.settings, ...changes } });
for (const [name, refused, code, path] of [
    ['a wait below the bound', withSetting({ alcohol_wait_days: 1 }), 'settings.out_of_bounds', '/settings/alcohol_wait_days'],
    ['an unknown key', withSetting({ colour: 'teal' }), 'settings.unknown_key', '/settings/colour'],
    ['another rule set', { ...settings, ruleset: 'another' }, 'settings.wrong_ruleset', '/ruleset'],
    ['a language the rule set lacks', withSetting({ languages: ['pl', 'de'] }), 'settings.not_offered', '/settings/languages/1'],
    ['a language a one-language document lacks', settings, 'settings.not_offered', '/settings/languages/1'],
]) {
    test(`refused settings, ${name}: ${code} at ${path}`, () => {
        const target = name.includes('one-language') ? oneLanguage('pl') : rules;
        assert.throws(() => core.engine.load(target, refused), (error) => {
            assert.equal(error.name, 'MesoError');
            assert.deepEqual([error.code, error.path], [code, path]);
            assert.match(error.message, new RegExp(`^${code.replace('.', '\\.')} at ${path}: `));
            return true;
        });
    });
}
