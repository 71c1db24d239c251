// The hostile cases (cases.mjs) through the wasm module, as the widget calls it: a MesoError with
// the error's code and JSON Pointer, or a result that holds the error and is not a verdict.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { loadCore } from '../node/core.mjs';
import { baseAnswers, cases, defaultRulesText, today } from './cases.mjs';
import { assertNoVerdict, assertReported, stopsBeforeScreening } from './check.mjs';

let core;
let rules;
before(async () => {
    core = await loadCore();
    rules = core.engine.load(defaultRulesText);
});

// Calls fn, which must throw a MesoError; returns its errors.
function mesoErrors(fn) {
    try {
        fn();
    } catch (error) {
        assert.equal(error.name, 'MesoError', `not a MesoError: ${error.stack}`);
        assert.equal(error.code, error.errors[0].code);
        assert.equal(error.path, error.errors[0].path);
        return error.errors;
    }
    assert.fail('no MesoError was thrown');
}

const faces = {
    logic: c => ({ errors: mesoErrors(() => core.engine.logicText(c.rule, c.data, today)) }),
    rules: c => ({ errors: mesoErrors(() => core.engine.load(c.rules).dispose()) }),
    settings: c => ({ errors: mesoErrors(() => core.engine.load(defaultRulesText, c.settings).dispose()) }),
    answers: c => (stopsBeforeScreening(c.expect)
        ? { errors: mesoErrors(() => rules.screen(c.answers, today, 'en')) }
        : { result: rules.screen(c.answers, today, 'en') }),
    session(c) {
        const session = rules.session(today, 'en');
        try {
            const steps = c.steps.slice(0, -1);
            for (const [key, value] of steps) session.set(key, value);
            const [key, value] = c.steps.at(-1);
            return stopsBeforeScreening(c.expect)
                ? { errors: mesoErrors(() => session.set(key, value)), after: session.result() }
                : { result: (session.set(key, value), session.result()) };
        } finally {
            session.dispose();
        }
    },
};

test('wasm: the base answers are clean', () => {
    const result = rules.screen(baseAnswers, today, 'en');
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.visible.sort(), Object.keys(baseAnswers).sort());
});

for (const c of cases.filter(c => !c.faces || c.faces.includes('wasm'))) {
    test(`wasm: ${c.name}`, () => {
        const { errors, result, after } = faces[c.kind](c);
        if (after) assert.equal(after.status, 'incomplete', 'a refused answer leaves no verdict');
        if (errors) assertReported(errors, c.expect, 'MesoError');
        else assertNoVerdict(result, c.expect, 'result');
    });
}
