// Navigation between the widget's views (web/src/navigation.js): plain functions over step ids,
// tested without a browser. The steps of a rule set are a..e; which apply depends on the answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { start, next, back, edit, toResult, settle } from '../../web/src/navigation.js';

const ALL = ['a', 'b', 'c', 'd', 'e'];
const step = (id, fromReview = false) => ({ view: 'step', step: id, fromReview });
const REVIEW = { view: 'review', step: null, fromReview: false };
const RESULT = { view: 'result', step: null, fromReview: false };

test('a questionnaire starts on the first step that applies', () => {
    assert.deepEqual(start(['b', 'c']), step('b'));
    assert.deepEqual(start([]), step(null));
});

test('Continue goes to the next step that applies, and to the review after the last', () => {
    const steps = ['a', 'c', 'e'];
    assert.deepEqual(next(steps, step('a')), step('c'));
    assert.deepEqual(next(steps, step('c')), step('e'));
    assert.deepEqual(next(steps, step('e')), REVIEW);
});

test('Continue goes straight back to the review when the patient came from there to change an answer', () => {
    assert.deepEqual(next(['a', 'c', 'e'], step('a', true)), REVIEW);
});

test('Continue from a step that no longer applies starts from the first step', () => {
    assert.deepEqual(next(['a', 'c'], step('b')), step('a'));
});

test('Back goes from the result to the review, from the review to the last step, and a step back', () => {
    const steps = ['a', 'c', 'e'];
    assert.deepEqual(back(steps, RESULT), REVIEW);
    assert.deepEqual(back(steps, REVIEW), step('e'));
    assert.deepEqual(back(steps, step('e')), step('c'));
    assert.deepEqual(back(steps, step('c', true)), step('a', true), 'still on the way back to the review');
});

test('Back on the first step, or on a step that no longer applies, goes nowhere', () => {
    assert.equal(back(['a', 'c'], step('a')), null);
    assert.equal(back(['a', 'c'], step('b')), null);
});

test('"Change" on the review opens the question\'s step on the way back to the review', () => {
    assert.deepEqual(edit('c'), step('c', true));
    assert.deepEqual(edit(undefined), step(null, true));
    assert.deepEqual(next(['a', 'c', 'e'], edit('c')), REVIEW);
});

test('"See my result" shows the result once the answers are complete', () => {
    let asked = 0;
    const isBlocked = () => { asked++; return true; };
    assert.deepEqual(toResult(['a', 'c'], REVIEW, false, isBlocked), RESULT);
    assert.equal(asked, 0, 'no step is checked when nothing is missing');
});

test('"See my result" with incomplete answers goes to the first step that needs the patient', () => {
    const blocked = new Set(['c', 'e']);
    const asked = [];
    const isBlocked = (id) => { asked.push(id); return blocked.has(id); };
    assert.deepEqual(toResult(['a', 'c', 'e'], REVIEW, true, isBlocked), step('c'));
    assert.deepEqual(asked, ['a', 'c']);
    assert.equal(toResult(['a', 'c', 'e'], REVIEW, true, () => false), null, 'nowhere to send the patient: stay');
});

test('the current step stays while it applies', () => {
    assert.equal(settle(ALL, ['a', 'c', 'd'], 'c'), 'c');
});

test('a step that lost all its questions gives way to the next step that applies, in the rule set\'s order', () => {
    assert.equal(settle(ALL, ['a', 'd', 'e'], 'b'), 'd');
    assert.equal(settle(ALL, ['a', 'e'], 'c'), 'e', 'not a step before it');
});

test('when no later step applies, the last step that applies', () => {
    assert.equal(settle(ALL, ['a', 'b'], 'd'), 'b');
});

test('an unknown or missing step gives way to the first step that applies', () => {
    assert.equal(settle(ALL, ['b', 'c'], null), 'b');
    assert.equal(settle(ALL, ['b', 'c'], 'zz'), 'b');
});
