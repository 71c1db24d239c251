// The session as the widget drives it (web/bindings/engine.js): after every answer the engine
// sends only what changed, and session.form, kept from those changes, must be the form the engine
// holds and the form part of the whole result; the whole result (findings, plan) comes only from
// result(). Random answers to the default rule set, from a fixed seed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

import { loadCore, readJson, root } from './core.mjs';
import { loadCases } from './fixtures.mjs';

const rules = readJson(join(root, 'rules', 'mesotherapy.json'));
const core = await loadCore();
const loaded = core.engine.load(rules);
const today = '2026-11-27';
const FORM_PARTS = ['status', 'visible', 'missing', 'errors', 'question_texts', 'options'];

// A small linear congruential generator: the same answers on every run.
function random(seed) {
    let state = seed;
    return (n) => {
        state = (state * 1103515245 + 12345) % 2147483648;
        return state % n;
    };
}

// Valid and invalid values for each question, and null (which clears it).
function valuesFor(question) {
    const ids = question.options ? question.options.map((o) => o.id)
        : question.options_from === 'concerns' ? rules.concerns.map((c) => c.id)
            : question.options_from === 'areas' ? rules.areas.map((a) => a.id) : [];
    const byType = {
        boolean: [true, false, null, 'yes'],
        integer: [30, 17, 70, 0, 500, '30', null],
        date: ['2026-11-20', '2026-10-01', '2027-01-10', '2026-02-30', null],
        single: [...ids, 'nonsense', null],
        multiple: [[ids[0]], ids.slice(0, 2), ids.slice(1, 3), [], ['nonsense'], null],
    };
    return byType[question.type];
}

const engineForm = (session) => JSON.parse(core._sessionForm(session._handle)).value;

test('session.form, kept from the changes alone, is the engine\'s form and the result\'s, after every answer', () => {
    const pick = random(20261127);
    for (const lang of ['en', 'pl']) {
        const session = loaded.session(today, lang);
        try {
            for (let step = 0; step < 400; step++) {
                const question = rules.questions[pick(rules.questions.length)];
                const values = valuesFor(question);
                const before = session.form.visible;
                const change = session.set(question.id, values[pick(values.length)]);
                const form = engineForm(session);
                assert.deepEqual(session.form, form, `step ${step}: ${question.id}`);
                const result = session.result();
                for (const part of FORM_PARTS) assert.deepEqual(form[part], result[part], `step ${step}: ${part}`);
                assert.deepEqual(change.shown, form.visible.filter((id) => !before.includes(id)));
                assert.deepEqual(change.hidden, before.filter((id) => !form.visible.includes(id)));
                assert.equal(change.status, result.status);
            }
        } finally {
            session.dispose();
        }
    }
});

test('an answer that shows follow-ups sends them with their texts, and little else', () => {
    const session = loaded.session(today, 'en');
    try {
        session.set('age', 30);
        const change = session.set('sex', 'female');
        assert.deepEqual(change.shown, ['pregnant', 'breastfeeding', 'menstruating']);
        assert.deepEqual(change.hidden, []);
        assert.deepEqual(Object.keys(change.question_texts).sort(), ['breastfeeding', 'menstruating', 'pregnant']);
        assert.equal(change.options, undefined, 'no choices changed');
        assert.equal(change.errors, undefined, 'no errors changed');
        assert.deepEqual(change.progress, { answered: 2, required: session.form.visible.filter((id) =>
            rules.questions.find((q) => q.id === id).required !== false).length });
        assert.ok(JSON.stringify(change).length < JSON.stringify(session.result()).length / 3,
            'a change is a fraction of the whole result');
        const back = session.set('sex', 'male');
        assert.deepEqual(back.shown, []);
        assert.deepEqual(back.hidden, ['pregnant', 'breastfeeding', 'menstruating']);
        assert.equal(session.form.question_texts.pregnant, undefined);
    } finally {
        session.dispose();
    }
});

test('reset and a language switch give the whole form again', () => {
    const session = loaded.session(today, 'en');
    try {
        session.set('sex', 'female');
        const polish = session.setLang('pl');
        assert.deepEqual(polish, engineForm(session));
        assert.equal(session.form.question_texts.pregnant.text, session.result().question_texts.pregnant.text);
        assert.notEqual(session.form.question_texts.pregnant.text, rules.locales.en[rules.questions.find((q) => q.id === 'pregnant').text]);
        const fresh = session.reset();
        assert.deepEqual(fresh, engineForm(session));
        assert.ok(!fresh.visible.includes('pregnant'));
    } finally {
        session.dispose();
    }
});

// The widget asks for the whole result only on the result view: it must be the screening's.
test('every golden case answered one question at a time: the form\'s status and the result are the screening\'s', () => {
    const cases = loadCases().filter((c) => !c.rules && c.answers && typeof c.answers === 'object' && !Array.isArray(c.answers));
    assert.ok(cases.length >= 40, `${cases.length} cases`);
    let kept = 0;
    for (const c of cases) {
        const session = loaded.session(c.today, c.lang || 'en');
        try {
            for (const question of rules.questions) if (question.id in c.answers) session.set(question.id, c.answers[question.id]);
            for (const [key, value] of Object.entries(c.answers)) if (!rules.questions.some((q) => q.id === key)) session.set(key, value);
            // A session drops a choice its question does not offer now (an area of a concern not
            // chosen): the same screening is then the one of the answers it kept.
            const screened = loaded.screen(session.answers(), c.today, c.lang || 'en');
            assert.equal(session.form.status, screened.status, c.file);
            assert.deepEqual(session.result(), screened, c.file);
            if (isDeepStrictEqual(session.answers(), c.answers)) kept++;
        } finally {
            session.dispose();
        }
    }
    assert.ok(kept >= cases.length - 5, `${kept} of ${cases.length} cases kept every answer`);
});

test('a disposed-of session or rule set answers with an error value, never a verdict', () => {
    const ruleSet = core.engine.load(rules);
    const session = ruleSet.session(today, 'en');
    session.set('age', 30);
    const number = session._handle;
    session.dispose();
    assert.throws(() => session.set('cancer', false), { name: 'MesoError', code: 'input.no_session' });
    assert.throws(() => session.result(), { code: 'input.no_session' });
    // The module keeps no number for it either, and does not reuse it for a new session.
    assert.equal(JSON.parse(core._sessionForm(number)).errors[0].code, 'input.no_session');
    session.dispose();  // twice is harmless
    ruleSet.dispose();
    assert.throws(() => ruleSet.info('en'), { code: 'input.no_rules' });
    assert.throws(() => ruleSet.session(today, 'en'), { code: 'input.no_rules' });
    const again = core.engine.load(rules).session(today, 'en');
    assert.ok(again._handle > number);
    assert.equal(again.form.status, 'incomplete');
});
