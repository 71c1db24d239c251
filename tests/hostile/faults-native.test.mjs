// The fault rule sets (faults.mjs) through the native CLI: no verdict after the bomb goes off, in
// bounded time, never a crash (no signal, no exit 134) even with little memory, and `verify`
// ends within a minute with verify.too_large naming what to shrink.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

import { root } from './cases.mjs';
import { answers, hostileSets, maxSeconds, today } from './faults.mjs';

const mesoscreen = process.env.MESOSCREEN || join(root, 'build', 'release', 'mesoscreen');
// AddressSanitizer reserves terabytes of address space: a memory ceiling only fits other builds.
const sanitized = /asan|sanit/i.test(mesoscreen) || process.env.MESO_SANITIZED === '1';
const scratch = mkdtempSync(join(tmpdir(), 'meso-faults-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function run(args, { memoryKiB } = {}) {
    const started = process.hrtime.bigint();
    const r = memoryKiB
        ? spawnSync('bash', ['-c', `ulimit -v ${memoryKiB}; exec "$0" "$@"`, mesoscreen, ...args],
            { encoding: 'utf8', maxBuffer: 64 << 20, timeout: 120000 })
        : spawnSync(mesoscreen, args, { encoding: 'utf8', maxBuffer: 64 << 20, timeout: 120000 });
    if (r.error) throw r.error;
    return { ...r, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

function assertNoCrash(r) {
    assert.equal(r.signal, null, `killed by ${r.signal}: ${r.stderr.slice(0, 400)}`);
    assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr.slice(0, 400)}`);
}

for (const [index, set] of hostileSets.entries()) {
    const rules = join(scratch, `rules-${index}.json`);
    writeFileSync(rules, set.rules);
    const screen = (cancer, options) => run(['screen', '--rules', rules, '--answers',
        JSON.stringify({ ...answers, cancer }), '--today', today], options);

    test(`fault rule set "${set.name}": eligible before, no verdict after, in bounded time`, () => {
        const before = screen(false);
        assert.equal(before.status, 0, before.stderr);
        assert.equal(JSON.parse(before.stdout).status, 'eligible');
        const r = screen(true);
        assertNoCrash(r);
        // The result is printed with its errors (exit 1), or nothing is: never a verdict.
        if (r.stdout.trim()) {
            const result = JSON.parse(r.stdout);
            assert.equal(result.status, 'incomplete');
            assert.ok(result.errors.some((e) => e.code === 'logic.limit' && e.path.startsWith('/findings/')),
                JSON.stringify(result.errors.slice(0, 3)));
        }
        // A sanitized Debug build is ten times slower and still far below the minutes it was.
        assert.ok(r.seconds < maxSeconds * (sanitized ? 10 : 1), `${r.seconds.toFixed(2)} s`);
    });

    test(`fault rule set "${set.name}": with little memory an error, never exit 134`, { skip: sanitized }, () => {
        const r = screen(true, { memoryKiB: 400000 });
        assertNoCrash(r);
        assert.doesNotMatch(r.stdout, /"status": "(eligible|consult|postpone|ineligible)"/);
    });

    test(`fault rule set "${set.name}": verify ends within a minute with verify.too_large`, () => {
        const r = run(['verify', rules, '--today', today]);
        assertNoCrash(r);
        assert.equal(r.status, 1);
        assert.match(r.stderr, /verify\.too_large at \/findings\/\d+\/when\S*: .*shrink/);
        assert.ok(r.seconds < 60, `${r.seconds.toFixed(1)} s`);
    });
}
