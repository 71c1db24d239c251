// The widget's warm-up (web/src/warm-up.js): a throwaway session that gives every answer a choice
// of the first form can take, one per idle slice, leaves nothing behind and stops quietly on a
// failure.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';

import { loadCore, readJson, root } from './core.mjs';
import { warmUp } from '../../web/src/warm-up.js';

const core = await loadCore();
const rules = readJson(join(root, 'rules', 'mesotherapy.json'));
const today = '2026-11-27';

// Runs the slices one after another, as an idle page would, and counts them.
function idleQueue() {
    const queue = [];
    const idle = (run) => queue.push(run);
    idle.slices = 0;
    idle.drain = () => {
        while (queue.length) {
            idle.slices++;
            queue.shift()();
        }
    };
    return idle;
}

// The rule set, with every session it makes and every answer set in it kept for the test.
function watched(loaded) {
    const sessions = [];
    const answers = [];
    return {
        sessions,
        answers,
        session(...args) {
            const session = loaded.session(...args);
            const set = session.set.bind(session);
            session.set = (key, value) => {
                const change = set(key, value);
                answers.push({ key, value, errors: session.form.errors });
                return change;
            };
            sessions.push(session);
            return session;
        },
    };
}

test('the warm-up gives every answer a choice can take, a slice each, and disposes of its session', async () => {
    const loaded = core.engine.load(rules);
    const fresh = loaded.session(today, 'pl');
    const choices = loaded.info('pl').questions.filter((q) => fresh.form.visible.includes(q.id) && ['boolean', 'single', 'multiple'].includes(q.type));
    const expected = choices.flatMap((q) => (q.type === 'boolean' ? [true, false]
        : fresh.form.options[q.id].map((o) => (q.type === 'multiple' ? [o.id] : o.id))).map((value) => ({ key: q.id, value })));
    assert.ok(choices.some((q) => q.type === 'multiple') && choices.some((q) => q.type === 'boolean'));
    const rulesWatched = watched(loaded);
    const idle = idleQueue();
    warmUp(rulesWatched, loaded.info('pl').questions, today, 'pl', idle);
    assert.equal(idle.slices, 0, 'nothing runs before the page is idle');
    idle.drain();
    assert.deepEqual(rulesWatched.answers.map(({ key, value }) => ({ key, value })), expected);
    // Answers of the right type: the walk goes where a patient's answers go, not into errors.
    assert.deepEqual(rulesWatched.answers.filter((a) => a.errors.length), []);
    // One slice per answer, one for the result, one that finds the walk over.
    assert.equal(idle.slices, expected.length + 2);
    assert.equal(rulesWatched.sessions.length, 1);
    assert.throws(() => rulesWatched.sessions[0].answers(), { code: 'input.no_session' });
    // The patient's own session starts as if nothing had happened.
    const after = loaded.session(today, 'pl');
    assert.deepEqual(after.form, fresh.form);
    assert.deepEqual(after.answers(), {});
    for (const session of [fresh, after]) session.dispose();
    loaded.dispose();
});

test('a warm-up that fails stops quietly and still disposes of its session', async () => {
    const loaded = core.engine.load(rules);
    const rulesWatched = watched(loaded);
    const failing = {
        session(...args) {
            const session = rulesWatched.session(...args);
            const set = session.set;
            session.set = (key, value) => {
                if (rulesWatched.answers.length === 1) throw new Error('the engine failed');
                return set(key, value);
            };
            return session;
        },
    };
    const idle = idleQueue();
    warmUp(failing, loaded.info('en').questions, today, 'en', idle);
    idle.drain();
    assert.equal(rulesWatched.answers.length, 1);
    assert.equal(idle.slices, 2);
    assert.throws(() => rulesWatched.sessions[0].answers(), { code: 'input.no_session' });
    loaded.dispose();
});
