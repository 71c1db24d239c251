// The one-line embed (loader with the widget, styles, strings and default rules, plus the .wasm)
// stays within its download budget; dist/ holds what a host needs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dist, requireDist } from './harness.mjs';

test('dist/ holds the loader, the wasm, the stylesheet, the rules and the demo pages', () => {
    requireDist();
    for (const file of ['meso-screener.js', 'meso-core.wasm', 'meso-screener.css', 'rules/mesotherapy.json',
        'index.html', 'strict-csp.html', 'cross-origin.html', 'booking.html', 'manifest.json']) {
        assert.ok(existsSync(join(dist, file)), `${file} is missing from dist/`);
    }
});

test('the one-line embed is within 100 KB gzip', () => {
    const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
    assert.ok(manifest.embed_gzip <= 100 * 1024, `${manifest.embed_gzip} B gzip`);
    assert.equal(manifest.within_budget, true);
});

test('the loader has no inline-style or eval escape hatches', () => {
    const loader = readFileSync(join(dist, 'meso-screener.js'), 'utf8');
    assert.doesNotMatch(loader, /\binnerHTML\s*=|insertAdjacentHTML|document\.write\(/);
    assert.doesNotMatch(loader, /setAttribute\(\s*['"]style['"]/);
});
