// The fault rule sets of tests/hostile/faults.mjs in Chromium (issue 11): answered eligible, then
// cancer changed to Yes on the review. The widget must then show an error and no verdict, fire
// meso-error, keep nothing in el.result, and answer within a bounded time.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { join } from 'node:path';

import { useServerAndBrowser, newPage, widget, completeByMouse, ensureScreenshotDir } from './harness.mjs';
import { answers, hostileSets, maxSeconds, today } from '../hostile/faults.mjs';

const shared = useServerAndBrowser();

const verdictSelector = '[data-status], .status-box';

for (const [index, set] of hostileSets.entries()) {
    test(`Chromium, fault rule set "${set.name}": an error and no verdict after the change`, async () => {
        const errors = [];
        const page = await newPage(shared.browser.context, errors);
        try {
            await page.route('**/fault-rules.json', (route) => route.fulfill({ contentType: 'application/json', body: set.rules }));
            await page.addInitScript(() => {
                window.__events = [];
                for (const type of ['meso-outcome', 'meso-error'])
                    document.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }));
            });
            await page.goto(`${shared.server.main}/index.html?today=${today}&rules=fault-rules.json`);
            const w = widget(page);
            await completeByMouse(w, answers);
            assert.equal(await w.locator(verdictSelector).count() > 0, true);
            await w.locator('[data-action="back"]').click();
            await w.locator('[data-action="edit"][data-target="cancer"]').click();

            const started = Date.now();
            // click, not check: the field is gone (the error view) before check could confirm it
            await w.locator('[data-q="cancer"] input[value="true"]').click();
            await w.locator('.load-error').waitFor({ timeout: maxSeconds * 1000 });
            const seconds = (Date.now() - started) / 1000;
            assert.ok(seconds < maxSeconds, `${seconds} s`);

            assert.equal(await w.locator(`${verdictSelector}, [data-q]`).count(), 0);
            // Not "could not be loaded": the patient saw it work until then.
            assert.equal(await w.locator('.load-error h2').textContent(), 'The questionnaire stopped working');
            if (index === 0) {
                await page.setViewportSize({ width: 360, height: 640 });
                await w.locator('.load-error').screenshot({ path: join(await ensureScreenshotDir(), '360-engine-fault.png') });
            }
            const state = await page.evaluate(() => ({
                result: document.querySelector('meso-screener').result,
                events: window.__events.map((e) => [e.type, e.detail.code || e.detail.status]),
            }));
            assert.equal(state.result, null);
            assert.deepEqual(state.events.slice(-1)[0][0], 'meso-error');
            assert.match(state.events.slice(-1)[0][1], /^(logic\.limit|engine\.fault)$/);
            assert.deepEqual(state.events.filter(([type]) => type === 'meso-outcome').length, 1);
            assert.deepEqual(errors, []);
        } finally {
            await page.close();
        }
    });
}
