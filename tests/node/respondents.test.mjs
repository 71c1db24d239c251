// The benchmark's crowd (tests/bench/respondents.mjs) speaks the default rule set's contract: a
// seeded sample screened in wasm gives no answer error and no ignored answer, every status and
// every finding of the rule set, and postpone findings both with and without a date. Otherwise
// the throughput figures would time a rule set that refuses its answers, or skip its branches.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';

import { makeRespondents, TODAY } from '../bench/respondents.mjs';
import { loadCore, root } from './core.mjs';

const rulesText = readFileSync(join(root, 'rules', 'mesotherapy.json'), 'utf8');
const rules = JSON.parse(rulesText);
// The first 4,000 of the seeded crowd hold every finding at least ten times.
const people = makeRespondents(rules, 4000);
const results = [];

before(async () => {
    const core = await loadCore();
    const rs = core.engine.load(rulesText);
    for (const answers of people) results.push(rs.screen(JSON.stringify(answers), TODAY, 'en'));
    rs.dispose();
});

test('the respondents are the same for the same seed', () => {
    assert.deepEqual(makeRespondents(rules, 50), people.slice(0, 50));
});

test('no respondent gives an answer the rule set refuses or does not ask', () => {
    const refused = results.flatMap((r, i) => r.errors.map(e => `${i}: ${e.code} at ${e.path}`));
    assert.deepEqual(refused, []);
    const ignored = results.flatMap((r, i) => r.ignored.map(key => `${i}: ${key}`));
    assert.deepEqual(ignored, []);
});

test('the first respondent answers every question asked (bench_js measures the heap with it)', () => {
    assert.deepEqual(results[0].missing, []);
    assert.notEqual(results[0].status, 'incomplete');
});

test('the respondents reach every status and every finding', () => {
    const statuses = new Set(results.map(r => r.status));
    assert.deepEqual([...statuses].sort(), ['consult', 'eligible', 'incomplete', 'ineligible', 'postpone']);
    const fired = new Set(results.flatMap(r => r.findings.map(f => f.id)));
    assert.deepEqual(rules.findings.map(f => f.id).filter(id => !fired.has(id)), [], 'findings never reached');
    const postpones = results.flatMap(r => r.findings.filter(f => f.severity === 'postpone'));
    assert.ok(postpones.some(f => f.earliest), 'a postpone with a date');
    assert.ok(postpones.some(f => !f.earliest), 'a postpone without a date');
});

test('every choice of every single-choice question is given', () => {
    for (const q of rules.questions.filter(q => q.type === 'single')) {
        const given = new Set(people.map(a => a[q.id]));
        assert.deepEqual(q.options.map(o => o.id).filter(id => !given.has(id)), [], q.id);
    }
});
