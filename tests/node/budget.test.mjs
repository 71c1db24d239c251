// The one-line embed (the loader with the widget, styles, English UI strings and the default rules
// without their texts, the .wasm, and the page language's locale file with its rule texts) stays
// within its download budget; dist/ holds what a host needs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dist, repo, requireDist } from './fixtures.mjs';

test('dist/ holds the loader, the wasm, the locale files, the stylesheet, the rules and the demo pages', () => {
    requireDist();
    for (const file of ['meso-screener.js', 'meso-core.wasm', 'locales/en.json', 'locales/pl.json', 'locales/uk.json', 'meso-screener.css',
        'rules/mesotherapy.json', 'index.html', 'strict-csp.html', 'cross-origin.html', 'booking.html', 'manifest.json']) {
        assert.ok(existsSync(join(dist, file)), `${file} is missing from dist/`);
    }
});

test('the one-line embed does not grow past its size ceiling, in any language', t => {
    const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
    const budget = JSON.parse(readFileSync(join(repo, 'web', 'size-budget.json'), 'utf8'));
    for (const [lang, embed] of Object.entries(manifest.embed)) {
        t.diagnostic(`${lang}: ${embed.gzip} B gzip (${embed.files.join(' + ')})`);
        assert.equal(embed.gzip, embed.files.reduce((sum, file) => sum + manifest.files[file].gzip, 0), lang);
        assert.ok(embed.gzip <= manifest.embed_gzip, lang);
    }
    assert.deepEqual(manifest.embed.en.files, ['meso-screener.js', 'meso-core.wasm', 'locales/en.json']);
    assert.deepEqual(manifest.embed.uk.files, ['meso-screener.js', 'meso-core.wasm', 'locales/uk.json']);
    t.diagnostic(`one-line embed: ${manifest.embed_gzip} B gzip at most; target ${budget.target_gzip}, ceiling ${budget.ceiling_gzip}`);
    assert.ok(manifest.embed_gzip <= budget.ceiling_gzip,
        `${manifest.embed_gzip} B gzip is past the ceiling of ${budget.ceiling_gzip} B in web/size-budget.json`);
    assert.equal(manifest.budget_gzip, budget.target_gzip, 'build.mjs and size-budget.json disagree on the target');
});

// A page in Ukrainian downloads no English rule text, nor a Polish one: each is in its own file.
test('the loader carries no language\'s rule texts and nothing only the verifier reads', () => {
    const loader = readFileSync(join(dist, 'meso-screener.js'), 'utf8');
    const polish = JSON.parse(readFileSync(join(dist, 'locales/pl.json'), 'utf8'));
    const english = JSON.parse(readFileSync(join(dist, 'locales/en.json'), 'utf8'));
    const { en: englishRules, pl: polishRules } = JSON.parse(readFileSync(join(dist, 'rules/mesotherapy.json'), 'utf8')).locales;
    assert.ok(english.rules.includes(englishRules['q.age']), 'locales/en.json lacks the English rule texts');
    assert.equal(english.ui, undefined, 'English UI strings are built into the loader');
    for (const text of [englishRules['q.age'], englishRules.disclaimer, polishRules['q.age'], polish.ui.next, polish.ui.title]) {
        assert.ok(text && !loader.includes(text), text);
    }
    assert.doesNotMatch(loader, /invariant/);
});

test('the loader has no inline-style, HTML-parsing or eval escape hatches', () => {
    const loader = readFileSync(join(dist, 'meso-screener.js'), 'utf8');
    assert.doesNotMatch(loader, /\binnerHTML\s*=|insertAdjacentHTML|document\.write\(/);
    assert.doesNotMatch(loader, /setAttribute\(\s*['"]style['"]/);
    assert.doesNotMatch(loader, /\beval\s*\(|\bnew\s+Function\b/);
});
