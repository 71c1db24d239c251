// What the tests read from the repository without a browser: its root, the built dist/, the
// golden cases and the queue stub that web/README.md gives hosts. The browser tests' harness
// (tests/browser/harness.mjs) hands the same on.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const dist = process.env.MESO_DIST ? resolve(process.env.MESO_DIST) : join(repo, 'dist');

export function requireDist() {
    if (!existsSync(join(dist, 'meso-screener.js'))) {
        throw new Error(`${dist}/meso-screener.js is missing: build it first with "node web/build.mjs"`);
    }
}

export function loadCases() {
    const dir = join(repo, 'tests/cases');
    if (!existsSync(dir)) return [];
    return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((file) => ({
        file, ...JSON.parse(readFileSync(join(dir, file), 'utf8')),
    }));
}

// The queue stub exactly as web/README.md gives it to hosts.
export function readmeStub() {
    const readme = readFileSync(join(repo, 'web/README.md'), 'utf8');
    const line = readme.split('\n').find((l) => l.includes('window.MesoScreener = window.MesoScreener ||'));
    return line.replace(/^<script>/, '').replace(/<\/script>$/, '');
}
