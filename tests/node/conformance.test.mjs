// The JsonLogic conformance suite (tests/conformance/jsonlogic/) through the wasm build: every
// case, as natively.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';

import { loadCore, readJson, root } from './core.mjs';

test('wasm passes every JsonLogic conformance case', async () => {
    const core = await loadCore();
    const suite = readJson(join(root, 'tests', 'conformance', 'jsonlogic', 'tests.json'));
    const cases = suite.filter(entry => Array.isArray(entry));
    const failures = [];
    for (const [rule, data, expected] of cases) {
        let actual;
        try {
            actual = core.engine.logic(rule, data);
        } catch (error) {
            actual = `${error.name}: ${error.message}`;
        }
        if (!isDeepStrictEqual(actual, expected)) failures.push({ rule, data, expected, actual });
    }
    assert.ok(cases.length > 0, 'the suite has cases');
    assert.deepEqual(failures, []);
});

test('wasm reports a bad rule as a MesoError with code and path', async () => {
    const core = await loadCore();
    assert.throws(() => core.engine.logic({ and: [true, { nope: [] }] }, {}), error => {
        assert.equal(error.name, 'MesoError');
        assert.equal(error.code, 'logic.unknown_operation');
        assert.equal(error.path, '/and/1');
        return true;
    });
    assert.throws(() => core.engine.logicText('{"a":', '{}'), { name: 'MesoError', code: 'json.syntax', path: '' });
    assert.equal(core.engine.logic('{"a":'), '{"a":', 'a string rule is the string itself');
    assert.equal(core.engine.logicText('{"var": "x"}', '{"x": 7}'), 7);
});
