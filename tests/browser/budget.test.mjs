// The one-line embed (loader with the widget, styles, strings and default rules, plus the .wasm)
// stays within its download budget; dist/ holds what a host needs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dist, repo, requireDist } from './harness.mjs';

test('dist/ holds the loader, the wasm, the stylesheet, the rules and the demo pages', () => {
    requireDist();
    for (const file of ['meso-screener.js', 'meso-core.wasm', 'meso-screener.css', 'rules/mesotherapy.json',
        'index.html', 'strict-csp.html', 'cross-origin.html', 'booking.html', 'manifest.json']) {
        assert.ok(existsSync(join(dist, file)), `${file} is missing from dist/`);
    }
});

test('the one-line embed does not grow past its size ceiling', t => {
    const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
    const budget = JSON.parse(readFileSync(join(repo, 'web', 'size-budget.json'), 'utf8'));
    t.diagnostic(`one-line embed: ${manifest.embed_gzip} B gzip; target ${budget.target_gzip}, ceiling ${budget.ceiling_gzip}`);
    assert.ok(manifest.embed_gzip <= budget.ceiling_gzip,
        `${manifest.embed_gzip} B gzip is past the ceiling of ${budget.ceiling_gzip} B in web/size-budget.json`);
    assert.equal(manifest.budget_gzip, budget.target_gzip, 'build.mjs and size-budget.json disagree on the target');
});

test('the loader has no inline-style or eval escape hatches', () => {
    const loader = readFileSync(join(dist, 'meso-screener.js'), 'utf8');
    assert.doesNotMatch(loader, /\binnerHTML\s*=|insertAdjacentHTML|document\.write\(/);
    assert.doesNotMatch(loader, /setAttribute\(\s*['"]style['"]/);
});
