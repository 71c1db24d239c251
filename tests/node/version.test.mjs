// One version, package.json's: the engine (CMake reads it from there), the loader and the
// manifest that web/build.mjs writes all carry it (MesoScreener.version: tests/browser/embedding).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dist, repo, requireDist } from './fixtures.mjs';
import { loadCore } from './core.mjs';

const { version } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));

test('package.json has a version', () => {
    assert.match(version, /^\d+\.\d+\.\d+/);
});

test('the wasm engine is of package.json\'s version', async () => {
    const core = await loadCore();
    assert.equal(core.engine.version, version);
});

test('the loader and dist/manifest.json are of package.json\'s version', () => {
    requireDist();
    const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
    assert.equal(manifest.version, version);
    const loader = readFileSync(join(dist, 'meso-screener.js'), 'utf8');
    assert.ok(loader.startsWith(`/*! meso-screener ${version} */\n`), loader.slice(0, 60));
});
