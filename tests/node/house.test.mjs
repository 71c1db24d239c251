// The house rules the layout promises (README "Layout"): every engine source is in a layer
// folder, includes only point down the layers, and no file of the project reads a path outside
// the repository.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tracked = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
    .split('\n').filter(Boolean);

// Lowest first: a layer may include its own headers and those of the layers before it.
const layers = ['base', 'json', 'logic', 'ruleset', 'screen', 'tools', 'cli'];

test('every engine source is in a layer folder', () => {
    const loose = tracked.filter(f => /^core\/[^/]+\.(cpp|hpp)$/.test(f));
    assert.deepEqual(loose, []);
    const unknown = tracked.filter(f => /^core\/[^/]+\//.test(f) && !layers.includes(f.split('/')[1]));
    assert.deepEqual(unknown, [], 'folders of core/ are the layers');
});

test('includes only point down the layers', () => {
    const upward = [];
    for (const file of tracked.filter(f => /^core\/.*\.(cpp|hpp)$/.test(f))) {
        const own = layers.indexOf(file.split('/')[1]);
        for (const [, layer] of readFileSync(join(root, file), 'utf8').matchAll(/#include "core\/([a-z]+)\//g)) {
            if (layers.indexOf(layer) > own) upward.push(`${file} includes core/${layer}/`);
        }
    }
    assert.deepEqual(upward, []);
});

test('the engine does no I/O, reads no clock and knows nothing of Emscripten', () => {
    const banned = /#include <(fstream|iostream|cstdio|chrono|ctime|emscripten[^>]*)>|std::(cout|cerr|ifstream|ofstream)\b|\b(fopen|time|clock_gettime)\(/;
    const offenders = tracked
        .filter(f => /^core\/(?!cli\/).*\.(cpp|hpp)$/.test(f))
        .filter(f => banned.test(readFileSync(join(root, f), 'utf8')));
    assert.deepEqual(offenders, []);
});

test('no file of the project reads a path outside the repository', () => {
    // A relative path that climbs out of the repository (into a sibling folder, or
    // join(root, '..', …)), or an absolute path into the machine the project was written on.
    const outside = [
        /\.\.\/shared\b/,
        /['"]\.\.['"],\s*['"]shared['"]/,
        /(PROJECT_SOURCE_DIR|CMAKE_SOURCE_DIR|CMAKE_CURRENT_SOURCE_DIR)\}\/\.\.\/\.\./,
        /(PROJECT_SOURCE_DIR|CMAKE_SOURCE_DIR)\}\/\.\.(?!\/)/,
        /\/work\/(main|shared)\b/,
    ];
    const code = tracked.filter(f => /\.(cpp|hpp|mjs|js|sh|txt|cmake|json)$/.test(f) || f.endsWith('CMakeLists.txt'))
        .filter(f => !f.startsWith('tests/conformance/') && f !== 'package-lock.json' && f !== 'tests/node/house.test.mjs');
    const offenders = [];
    for (const file of code) {
        const text = readFileSync(join(root, file), 'utf8');
        for (const pattern of outside) if (pattern.test(text)) offenders.push(`${file}: ${pattern}`);
    }
    assert.deepEqual(offenders, []);
});
