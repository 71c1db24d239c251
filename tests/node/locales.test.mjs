// One language per download: the rule set inside the loader has no texts, each language's are in
// its locale file, and the rule set the widget makes from the two screens every golden case
// exactly as the whole rule set does, in every language. (Plain Node with the wasm engine: MESO_WASM_DIR.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { dist, repo, requireDist, loadCases } from './fixtures.mjs';
import { splitRuleSet, withLanguage, keyedTexts, firstView } from '../../web/build.mjs';
import { loadCore } from './core.mjs';

requireDist();
const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
const whole = JSON.parse(readFileSync(join(repo, manifest.built_from.rules), 'utf8'));
// The rule texts keyed again, as the loader makes them.
const localeFile = (lang) => {
    const file = JSON.parse(readFileSync(join(dist, 'locales', `${lang}.json`), 'utf8'));
    return { ...file, rules: file.rules && keyedTexts(splitRuleSet(whole).builtIn, file.rules) };
};
const others = whole.languages.filter((lang) => lang !== 'en');

test('there is a locale file for every language, each of this build; English UI texts are in the loader', () => {
    assert.deepEqual(readdirSync(join(dist, 'locales')).sort(), whole.languages.map((lang) => `${lang}.json`).sort());
    for (const lang of whole.languages) {
        const file = localeFile(lang);
        assert.equal(file.lang, lang);
        assert.equal(file.build, manifest.build);
        if (others.includes(lang)) assert.ok(file.ui && file.ui.next, `${lang} has no UI texts`);
        else assert.equal(file.ui, undefined);
        assert.ok(file.rules && file.rules['q.age'], `${lang} has no rule texts`);
    }
});

test('the verifier\'s invariants and their texts are left out of what the browser gets', () => {
    const { builtIn, texts } = splitRuleSet(whole);
    assert.ok(whole.invariants.length > 0);
    assert.equal('invariants' in builtIn, false);
    assert.deepEqual(builtIn.languages, [whole.default_language]);
    assert.deepEqual(Object.keys(builtIn.locales), [whole.default_language]);
    for (const table of [...Object.values(texts), ...whole.languages.map((lang) => localeFile(lang).rules)]) {
        assert.equal(Object.keys(table).filter((key) => key.startsWith('invariant.')).length, 0);
    }
});

function withSettings(rules, settings) {
    const copy = structuredClone(rules);
    for (const [id, value] of Object.entries(settings || {})) copy.settings[id].value = value;
    return copy;
}

test('every golden case screens the same with one language as with the whole rule set, in every language', async () => {
    const core = await loadCore();
    const { builtIn } = splitRuleSet(whole);
    const cases = loadCases().filter((c) => c.answers && typeof c.answers === 'object');
    assert.ok(cases.length >= 20, `only ${cases.length} cases`);
    for (const lang of whole.languages) {
        const part = withLanguage(builtIn, lang, localeFile(lang).rules);
        let compared = 0;
        for (const c of cases) {
            const a = core.engine.load(withSettings(whole, c.settings));
            const b = core.engine.load(withSettings(part, c.settings));
            try {
                assert.equal(b.screenText(c.answers, c.today, lang), a.screenText(c.answers, c.today, lang), `${c.file} in ${lang}`);
                compared++;
            } finally {
                a.dispose();
                b.dispose();
            }
        }
        assert.equal(compared, cases.length);
    }
});

// The first view (web/src/first-view.js) is shown before the engine has started, so it must be
// what the engine shows on any day: checked here on a day the build did not look at.
test('each locale file\'s first view is what the engine shows of a new session, on another day too', async () => {
    const core = await loadCore();
    const day = '2031-03-17';
    for (const lang of whole.languages) {
        const file = localeFile(lang);
        const view = file.first_view;
        assert.ok(view, `${lang} has no first view`);
        // Its questions have no parameters: a clinic's settings leave it as it is.
        assert.equal(view.with_settings, true, lang);
        const rules = core.engine.load(withLanguage(splitRuleSet(whole).builtIn, lang, file.rules));
        const info = rules.info(lang);
        const session = rules.session(day, lang);
        const form = session.form;
        const first = info.steps[0];
        assert.deepEqual(view.info.steps[0], first, lang);
        assert.deepEqual(view.info.steps.map((s) => s.id), info.steps.map((s) => s.id), lang);
        assert.deepEqual([view.form.visible, view.form.missing, view.form.status], [form.visible, form.missing, form.status], lang);
        const shown = view.info.questions.filter((q) => q.text);
        assert.deepEqual(shown.map((q) => q.id), ['age', 'sex'], lang);
        for (const q of shown) {
            assert.deepEqual(q, info.questions.find((other) => other.id === q.id), `${lang} ${q.id}`);
            assert.deepEqual(view.form.options[q.id], form.options[q.id], `${lang} ${q.id}`);
            assert.deepEqual(view.form.question_texts[q.id], form.question_texts[q.id], `${lang} ${q.id}`);
        }
        // Every other question is there for the progress, with its step and whether it is required.
        assert.deepEqual(view.info.questions.map((q) => [q.id, q.step, q.required]), info.questions.map((q) => [q.id, q.step, q.required]));
        assert.equal(view.disclaimer, session.result().disclaimer);
        session.dispose();
        rules.dispose();
    }
});

test('a first step with a text that counts from today has no first view: it waits for the engine', async () => {
    const core = await loadCore();
    const { builtIn } = splitRuleSet(whole);
    // "Have you had surgery since <date>?" asked on the first step.
    const dated = { ...builtIn, questions: builtIn.questions.map((q) => (q.id === 'recent_surgery' ? { ...q, step: builtIn.steps[0].id } : q)) };
    const rules = core.engine.load(dated);
    assert.equal(firstView(rules, whole.default_language), null);
    rules.dispose();
    const plain = core.engine.load(builtIn);
    assert.ok(firstView(plain, whole.default_language));
    plain.dispose();
});
