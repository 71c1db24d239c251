// The staff's tools module (meso-tools, the configurator's worker loads it): its verify tells the
// proof's progress to Module.onVerifyProgress while it runs, and its replies are the CLI's.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';

import { readJson, root, wasmDir } from './core.mjs';

const require = createRequire(import.meta.url);
const createMesoTools = require(join(wasmDir, 'meso-tools.js'));
const tools = await createMesoTools({ wasmBinary: readFileSync(join(wasmDir, 'meso-tools.wasm')) });
const minimal = readFileSync(join(root, 'tests', 'rulesets', 'minimal.json'), 'utf8');

test('verify tells its progress: counts that rise, up to the screenings the proof reports', () => {
    const told = [];
    tools.onVerifyProgress = (screenings) => told.push(screenings);
    try {
        const reply = JSON.parse(tools.verify(minimal, '', '2026-11-27'));
        assert.equal(reply.ok, true, JSON.stringify(reply.errors));
        assert.equal(reply.value.proved, true);
        assert.ok(told.length > 1, `told ${told.length} times`);
        assert.ok(told.every((n, i) => Number.isInteger(n) && n > 0 && (i === 0 || n >= told[i - 1])), told.join(' '));
        assert.ok(told.at(-1) <= reply.value.combinations);
    } finally {
        delete tools.onVerifyProgress;
    }
});

test('verify with nobody listening runs as before, and a broken settings file is a failure with its path', () => {
    const reply = JSON.parse(tools.verify(minimal, '', '2026-11-27'));
    assert.equal(reply.value.proved, true);
    const refused = JSON.parse(tools.verify(minimal, '{"format": "meso-settings/1", "rules": "nope", "settings": {}}', '2026-11-27'));
    assert.equal(refused.ok, false);
    assert.ok(refused.errors.every((e) => typeof e.path === 'string' && e.message), JSON.stringify(refused.errors));
});

test('version is the package version', () => {
    assert.equal(tools.version(), readJson(join(root, 'package.json')).version);
});
