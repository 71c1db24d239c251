// Golden patient cases (tests/cases/*.json) through both builds. The native CLI and the wasm
// module must print byte-identical JSON, and that JSON must match the case's expectations.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { loadCore, readJson, root } from './core.mjs';

const casesDir = join(root, 'tests', 'cases');
const mesoscreen = process.env.MESOSCREEN || join(root, 'build', 'release', 'mesoscreen');
// MESO_RULES runs the cases against another copy of the default rules (a work file).
const defaultRules = readJson(process.env.MESO_RULES || join(root, 'rules', 'mesotherapy.json'));
const scratch = mkdtempSync(join(tmpdir(), 'meso-golden-'));

// A case may change clinic settings (a price, a waiting period): it gets its own rule set copy.
function rulesFor(testCase) {
    if (!testCase.settings) return defaultRules;
    const rules = structuredClone(defaultRules);
    for (const [id, value] of Object.entries(testCase.settings)) {
        assert.ok(rules.settings[id], `case sets unknown setting ${id}`);
        rules.settings[id].value = value;
    }
    return rules;
}

function native(rules, testCase) {
    const rulesPath = join(scratch, 'rules.json');
    writeFileSync(rulesPath, JSON.stringify(rules));
    try {
        return execFileSync(mesoscreen, ['screen', '--rules', rulesPath, '--answers', '-',
            '--today', testCase.today, '--lang', testCase.lang || 'en'],
        { input: JSON.stringify(testCase.answers), encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
    } catch (error) {
        // Exit 1 still prints the result (answer errors); anything else is a failure.
        if (error.status === 1 && error.stdout) return error.stdout;
        throw error;
    }
}

// Every key the case expects must match; keys it does not mention are not checked.
function assertSubset(actual, expected, where) {
    if (expected === null || typeof expected !== 'object') {
        assert.deepEqual(actual, expected, where);
        return;
    }
    if (Array.isArray(expected)) {
        assert.ok(Array.isArray(actual), `${where}: expected an array`);
        assert.equal(actual.length, expected.length, `${where}: length`);
        expected.forEach((item, i) => assertSubset(actual[i], item, `${where}/${i}`));
        return;
    }
    assert.ok(actual && typeof actual === 'object', `${where}: expected an object`);
    for (const [key, value] of Object.entries(expected)) assertSubset(actual[key], value, `${where}/${key}`);
}

// The texts a case names, by where they are: "status_text", "finding:<id>:text",
// "finding:<id>:until", "question:<id>:text", "question:<id>:help", "error:<path>",
// "option:<question>:<id>", "plan:<list>" (notes, preparation, aftercare …, joined) or "plan:<key>" (a text of the plan).
function textAt(result, where) {
    const [kind, id, field] = where.split(':');
    if (kind === 'status_text') return result.status_text;
    if (kind === 'finding') return result.findings.find(f => f.id === id)?.[field];
    if (kind === 'question') return result.question_texts?.[id]?.[field];
    if (kind === 'error') return result.errors.find(e => e.path === id)?.message;
    if (kind === 'option') return result.options?.[id]?.find(o => o.id === field)?.text;
    if (kind === 'plan') {
        const value = result.plan?.[id];
        return Array.isArray(value) ? value.map(t => t.text).join('\n') : value;
    }
    return undefined;
}

// What the rule set gives the patient to read never holds an ISO date (rules/DOMAIN.md, "Texts the
// patient reads"); error messages are checked where a case names them.
function patientTexts(result) {
    const texts = [result.status_text, ...result.findings.flatMap(f => [f.text, f.until])];
    for (const q of Object.values(result.question_texts || {})) texts.push(q.text, q.help);
    return texts.filter(Boolean);
}

function checkTexts(result, expect) {
    for (const text of patientTexts(result)) assert.doesNotMatch(text, /\d{4}-\d{2}-\d{2}/, 'an ISO date in a text');
    for (const [where, wanted] of Object.entries(expect.texts || {})) {
        const text = textAt(result, where);
        assert.equal(typeof text, 'string', `${where}: no text`);
        for (const part of [].concat(wanted)) assert.ok(text.includes(part), `${where}: "${text}" lacks "${part}"`);
    }
    for (const [where, unwanted] of Object.entries(expect.texts_absent || {})) {
        const text = textAt(result, where) ?? '';
        for (const part of [].concat(unwanted)) assert.ok(!text.includes(part), `${where}: "${text}" has "${part}"`);
    }
}

function checkExpectations(result, expect) {
    checkTexts(result, expect);
    assert.equal(result.status, expect.status, 'status');
    if (expect.findings) assert.deepEqual(result.findings.map(f => f.id), expect.findings, 'findings');
    if ('earliest_start' in expect) assert.equal(result.earliest_start ?? null, expect.earliest_start, 'earliest_start');
    if (expect.missing) assert.deepEqual(result.missing, expect.missing, 'missing');
    if (expect.errors) {
        assert.deepEqual(result.errors.map(e => ({ code: e.code, path: e.path })), expect.errors, 'errors');
    }
    if (expect.ignored) assert.deepEqual(result.ignored, expect.ignored, 'ignored');
    if (expect.plan === null) assert.equal(result.plan, undefined, 'plan must be absent');
    else if (expect.plan) assertSubset(result.plan, expect.plan, 'plan');
    // Fail closed, whatever the case says.
    if (result.errors.length || result.missing.length) assert.equal(result.status, 'incomplete');
}

const files = readdirSync(casesDir).filter(name => name.endsWith('.json')).sort();

test('there are at least 40 golden cases', () => {
    assert.ok(files.length >= 40, `only ${files.length} cases`);
});

const core = await loadCore();
const rulesHandles = new Map();
function wasmRules(rules) {
    if (!rulesHandles.has(rules)) rulesHandles.set(rules, core.engine.load(rules));
    return rulesHandles.get(rules);
}

for (const file of files) {
    const testCase = readJson(join(casesDir, file));
    test(`${file}: ${testCase.description}`, () => {
        const rules = rulesFor(testCase);
        const nativeText = native(rules, testCase);
        const wasmText = wasmRules(rules).screenText(testCase.answers, testCase.today, testCase.lang || 'en');
        assert.equal(wasmText + '\n', nativeText, 'native and wasm JSON differ');
        checkExpectations(JSON.parse(nativeText), testCase.expect);
    });
}
