// web/README.md documents every attribute, event, custom property and part the code has, and its
// queue stub is the one that works (the embedding test runs it), so docs and code cannot drift.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repo, readmeStub } from './fixtures.mjs';

const readme = readFileSync(join(repo, 'web/README.md'), 'utf8');
const src = readdirSync(join(repo, 'web/src')).filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(repo, 'web/src', f), 'utf8')).join('\n');
const css = readFileSync(join(repo, 'web/styles/meso-screener.css'), 'utf8');

test('every attribute is documented', () => {
    const element = readFileSync(join(repo, 'web/src/element.js'), 'utf8');
    // The two tables, on one line or several.
    const tables = [...element.matchAll(/^const (?:BOOLEAN|STRING)_ATTRIBUTES = \{[^}]*\};/gm)].map(([table]) => table).join('\n');
    const attributes = [...tables.matchAll(/: '([a-z-]+)'/g)].map(([, a]) => a);
    assert.ok(attributes.length >= 7, tables);
    for (const attribute of [...attributes, 'lang']) {
        assert.ok(readme.includes(`| \`${attribute}\` |`), `attribute ${attribute} is not in the README's table`);
    }
});

test('every event is documented', () => {
    for (const [, name] of src.matchAll(/super\('(meso-[a-z]+)'/g)) assert.ok(readme.includes(`'${name}':`), name);
});

test('every custom property is documented', () => {
    for (const [, name] of css.matchAll(/(--meso-[a-z-]+):/g)) assert.ok(readme.includes(`\`${name}\``), name);
});

test('every part is documented', () => {
    const parts = new Set();
    for (const [, value] of src.matchAll(/part: '([a-z -]+)'/g)) value.split(' ').forEach((p) => parts.add(p));
    ['status', 'status-eligible', 'status-consult', 'status-postpone', 'status-ineligible'].forEach((p) => parts.add(p));
    for (const part of parts) assert.ok(readme.includes(`\`${part}\``), `part ${part}`);
});

test('the README has the queue stub', () => {
    // One line of its own, queueing { a, ok, no } and returning the Promise api.js settles.
    assert.match(readmeStub(), /^window\.MesoScreener = window\.MesoScreener \|\| \{ q: \[\], mount\(\.\.\.a\) \{ return new Promise\(\(ok, no\) => this\.q\.push\(\{ a, ok, no \}\)\); \} \};$/);
});
