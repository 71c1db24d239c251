// The worst case per answer we can construct (issue 11): every rule set of tests/hostile/faults.mjs
// (all within the loader's limits, each built to use up one call's budget in its own way),
// answered eligible and then with cancer = Yes. Prints one line of JSON: the slowest answer
// natively (mesoscreen screen, load included, so an upper bound), in wasm under Node
// (session.set) and in Chromium (the click to the widget's error view).
// Usage: MESO_WASM_DIR=<wasm dir> node tests/bench/worst_case.mjs [mesoscreen]   (dist/ for Chromium)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { answers, hostileSets, today } from '../hostile/faults.mjs';
import { loadCore } from '../node/core.mjs';
import { startServer, launchBrowser, newPage, widget, completeByMouse } from '../browser/harness.mjs';

const [mesoscreen = 'build/release/mesoscreen'] = process.argv.slice(2);
const scratch = mkdtempSync(join(tmpdir(), 'meso-worst-'));
const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;
const worst = (rows, key) => rows.reduce((a, b) => (b[key] > a[key] ? b : a));

const rows = [];
for (const [i, set] of hostileSets.entries()) {
    const row = { name: set.name };
    const rules = join(scratch, `rules-${i}.json`);
    writeFileSync(rules, set.rules);
    let start = process.hrtime.bigint();
    spawnSync(mesoscreen, ['screen', '--rules', rules, '--answers', JSON.stringify({ ...answers, cancer: true }), '--today', today]);
    row.native_ms = seconds(start) * 1000;

    const core = await loadCore();
    const session = core.engine.load(set.rules).session(today, 'en');
    for (const [key, value] of Object.entries(answers)) session.set(key, value);
    start = process.hrtime.bigint();
    try {
        session.set('cancer', true);
    } catch {
        // a fault is an answer too: its time counts the same
    }
    row.wasm_ms = seconds(start) * 1000;
    rows.push(row);
}

const server = await startServer();
const browser = await launchBrowser();
try {
    for (const [i, set] of hostileSets.entries()) {
        const page = await newPage(browser.context);
        await page.route('**/fault-rules.json', (route) => route.fulfill({ contentType: 'application/json', body: set.rules }));
        await page.goto(`${server.main}/index.html?today=${today}&rules=fault-rules.json`);
        const w = widget(page);
        await completeByMouse(w, answers);
        await w.locator('[data-action="back"]').click();
        await w.locator('[data-action="edit"][data-target="cancer"]').click();
        // Measured inside the page: the click's handler (the engine's work) and the render.
        rows[i].chromium_ms = await w.locator('[data-q="cancer"] input[value="true"]').evaluate((input) => new Promise((done) => {
            const start = performance.now();
            input.click();
            requestAnimationFrame(() => done(performance.now() - start));
        }));
        await page.close();
    }
} finally {
    await browser.close();
    await server.stop();
    rmSync(scratch, { recursive: true, force: true });
}

const out = {
    rows: rows.map((r) => ({ ...r, native_ms: +r.native_ms.toFixed(1), wasm_ms: +r.wasm_ms.toFixed(1), chromium_ms: +r.chromium_ms.toFixed(1) })),
    native_ms: worst(rows, 'native_ms').native_ms, native_case: worst(rows, 'native_ms').name,
    wasm_ms: worst(rows, 'wasm_ms').wasm_ms, wasm_case: worst(rows, 'wasm_ms').name,
    chromium_ms: worst(rows, 'chromium_ms').chromium_ms, chromium_case: worst(rows, 'chromium_ms').name,
};
console.log(JSON.stringify(out));
