// The fault rule sets (faults.mjs) through the wasm module, as the widget drives it: a session
// answered eligible, then cancer changed to Yes. The result must then hold no verdict (or the
// call must fail, and then every later call too), in bounded time and memory.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadCore } from '../node/core.mjs';
import { answers, hostileSets, maxSeconds, today } from './faults.mjs';

const verdicts = ['eligible', 'consult', 'postpone', 'ineligible'];
const maxHeapBytes = 512 << 20;  // web/CMakeLists.txt, -sMAXIMUM_MEMORY

for (const set of hostileSets) {
    test(`wasm, fault rule set "${set.name}": no verdict after the change, bounded time and heap`, async () => {
        const core = await loadCore();  // a module of its own: a fault must not leak into others
        const rules = core.engine.load(set.rules);
        const session = rules.session(today, 'en');
        for (const [key, value] of Object.entries(answers)) session.set(key, value);
        assert.equal(session.form.status, 'eligible');
        assert.equal(session.result().status, 'eligible');

        const started = process.hrtime.bigint();
        let failure = null;
        let result;
        try {
            // The change, and then the whole result that the result view would ask for.
            session.set('cancer', true);
            result = session.result();
        } catch (error) {
            failure = error;
        }
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        assert.ok(seconds < maxSeconds, `${seconds.toFixed(2)} s`);
        assert.ok(core.engine.heapBytes <= maxHeapBytes, `${core.engine.heapBytes} bytes`);
        if (failure) {
            assert.equal(failure.name, 'MesoError', failure.stack);
            assert.equal(failure.code, 'engine.fault');
            // The session (and the module) that failed gives nothing any more: no stale verdict.
            assert.throws(() => session.result(), { code: 'engine.fault' });
            return;
        }
        assert.equal(result.status, 'incomplete');
        assert.ok(!verdicts.includes(session.form.status));
        assert.ok(session.form.errors.some((e) => e.code === 'logic.limit'));
        assert.ok(result.errors.some((e) => e.code === 'logic.limit' && e.path.startsWith('/findings/')),
            JSON.stringify(result.errors));
        assert.equal(session.answers().cancer, true);
    });
}

test('wasm: a fault inside the module fails that call and every later one with engine.fault', async () => {
    const core = await loadCore();
    const rules = core.engine.load(hostileSets[0].rules);
    const session = rules.session(today, 'en');
    session.set('age', 30);
    // An abort from inside, as out-of-memory or a failed assertion would end: the raw call throws.
    core._sessionSet = () => { throw new WebAssembly.RuntimeError('Aborted()'); };
    assert.throws(() => session.set('cancer', true), { name: 'MesoError', code: 'engine.fault' });
    assert.throws(() => session.result(), { code: 'engine.fault' });
    assert.throws(() => rules.session(today, 'en'), { code: 'engine.fault' });
});
