// The clinic configurator (dist/configure.html), walked the way web/README.md's "Set up your
// clinic" tells a clinic's web person to: change a price and waits, see the preview follow, wait
// for the proof, export the settings file and the embed code, put both on another page and get
// there the same plan as in the preview. Also: axe at 360 and 1280 px, a bad settings file
// refused with its path, and the form by keyboard alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useServerAndBrowser, widget, completeByMouse, axeSource, ensureScreenshotDir, loadCases } from './harness.mjs';

const shared = useServerAndBrowser();
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PROOF_MS = 150_000;
// An eligible patient: the plan's dates follow the clinic's lead days, the cost its price.
const patient = loadCases().find((c) => c.file === '01-eligible-woman-wrinkles-face.json').answers;

async function openConfigurator(page, width = 1280) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${shared.server.main}/configure.html?lang=en`);
    await page.locator('#settings-form .field').first().waitFor();
    await page.locator('#check-summary p').first().waitFor();
}

async function checkAxe(page, where) {
    // Evaluated by the test, not added as a script: the page's CSP forbids inline scripts.
    if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(await axeSource());
    const violations = await page.evaluate(async (tags) => {
        const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
        return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }, TAGS);
    assert.deepEqual(violations, [], `axe on ${where}`);
}

// The plan the widget shows: its dates and its cost (el.result, the core's own).
async function shownPlan(page, selector) {
    const w = widget(page, selector);
    await completeByMouse(w, patient);
    const plan = await page.evaluate((s) => document.querySelector(s).result.plan, selector);
    assert.ok(plan && plan.dates.length, 'the result has a plan with dates');
    return { dates: plan.dates, cost: plan.cost };
}

// The preview is mounted again after each accepted change: wait until it holds these settings.
async function previewReady(page) {
    await page.locator('#preview meso-screener').waitFor();
    await page.waitForFunction(() => {
        const root = document.querySelector('#preview meso-screener')?.shadowRoot;
        return root && root.querySelector('section.view');
    });
}

test('the guide: prices and waits, preview, proof, export, and the same plan on the clinic\'s page', { timeout: 240_000 }, async () => {
    await shared.withPage(async (page, errors) => {
        const shots = await ensureScreenshotDir();
        await openConfigurator(page);
        await previewReady(page);
        const before = await shownPlan(page, '#preview meso-screener');
        assert.ok(!before.cost, 'the default rule set has no price');

        // Step 2 of the guide: a price and a wait.
        await page.locator('label:has-text("One price for every area") input').check();
        await page.locator('#setting-price_per_session').fill('300');
        await page.locator('#setting-currency').fill('PLN');
        await page.locator('#setting-first_session_lead_days').fill('9');
        await page.locator('#setting-alcohol_wait_days').fill('5');
        await page.waitForFunction(() => JSON.parse(document.querySelector('#preview').dataset.settings || '{}').alcohol_wait_days === 5);
        await previewReady(page);
        const preview = await shownPlan(page, '#preview meso-screener');
        assert.equal(preview.cost?.per_session, 300, `the preview prices a session at 300: ${JSON.stringify(preview)}`);
        assert.equal(preview.cost?.currency, 'PLN');
        assert.notDeepEqual(preview.dates, before.dates, 'the lead time moved the dates');
        const firstDay = new Date(`${preview.dates[0]}T12:00:00`);
        const lead = Math.round((firstDay - new Date(new Date().toDateString())) / 86_400_000);
        assert.ok(lead >= 9, `the first session is ${lead} days away, at least the 9 set`);
        await page.screenshot({ path: join(shots, 'configure-1280.png') });

        // Step 3: the proof.
        await page.locator('#verify-status[data-state="checking"]').waitFor({ timeout: 20_000 });
        // While it runs, how far it has come, outside the live region: the counts rise.
        const progress = page.locator('#verify-progress:not([hidden])');
        await progress.waitFor({ timeout: PROOF_MS });
        assert.equal(await progress.evaluate((node) => !!node.closest('[aria-live]')), false);
        const count = async () => Number((await progress.innerText()).match(/so far: ([\d,]+)/)[1].replaceAll(',', ''));
        const first = await count();
        await page.waitForFunction((n) => {
            const line = document.querySelector('#verify-progress');
            return line.hidden || Number(line.textContent.match(/so far: ([\d,]+)/)[1].replaceAll(',', '')) > n;
        }, first, { timeout: PROOF_MS });
        await page.locator('#verify-status[data-state="proved"]').waitFor({ timeout: PROOF_MS });
        assert.match(await page.locator('#verify-status').innerText(), /^Proved: every safety rule holds for these settings \([\d,]+ answer combinations\)/);
        assert.ok(first > 0);
        const proved = Number((await page.locator('#verify-status').innerText()).match(/\(([\d,]+) answer/)[1].replaceAll(',', ''));
        assert.ok(first < proved, `the first count ${first} is below the proof's ${proved}`);
        assert.equal(await page.locator('#verify-progress').isHidden(), true, 'the count goes when the proof ends');

        // Step 4: the file and the code.
        const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
        assert.equal(download.suggestedFilename(), 'meso-settings.json');
        const settingsText = await readFile(await download.path(), 'utf8');
        const settings = JSON.parse(settingsText);
        assert.equal(settings.format, 'meso-settings/1');
        assert.deepEqual(settings.settings, {
            alcohol_wait_days: 5, first_session_lead_days: 9, price_per_session: 300, currency: 'PLN',
        });
        const snippet = await page.locator('#snippet').textContent();
        assert.equal(snippet, `<script src="${shared.server.main}/meso-screener.js" defer></script>\n` +
            '<meso-screener settings="meso-settings.json" show-prices></meso-screener>');

        // Step 5: both on the clinic's site (here, a page and the file served at another path).
        const site = `${shared.server.main}/clinic-site/`;
        await page.route(`${site}**`, (route) => {
            const url = new URL(route.request().url());
            if (url.pathname.endsWith('/meso-settings.json')) return route.fulfill({ contentType: 'application/json', body: settingsText });
            return route.fulfill({ contentType: 'text/html; charset=utf-8',
                body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Clinic</title></head><body>${snippet}</body></html>` });
        });
        await page.goto(`${site}mesotherapy.html`);
        const onSite = await shownPlan(page, 'meso-screener');
        assert.deepEqual(onSite, preview, 'the clinic\'s page plans the same dates and cost as the preview');
        assert.deepEqual(errors, []);
    });
});

for (const width of [360, 1280]) {
    test(`axe finds nothing on the configurator at ${width}px, and nothing scrolls sideways`, { timeout: 60_000 }, async () => {
        await shared.withPage(async (page, errors) => {
            const shots = await ensureScreenshotDir();
            await openConfigurator(page, width);
            await previewReady(page);
            await page.locator('#table table').first().waitFor();
            await checkAxe(page, `configure.html at ${width}px`);
            // The same with a field in error (its message, the summary).
            await page.locator('#setting-alcohol_wait_days').fill('1');
            await page.locator('[data-setting="alcohol_wait_days"] .field-error:not([hidden])').waitFor();
            await checkAxe(page, `configure.html at ${width}px, with an error`);
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
            assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
            await page.screenshot({ path: join(shots, `configure-${width}-error.png`) });
            await page.locator('#table-section').screenshot({ path: join(shots, `configure-${width}-table.png`) });
            assert.deepEqual(errors, []);
        });
    });
}

test('a bad settings file is refused, with the path of what is wrong', { timeout: 60_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'meso-configure-'));
    try {
        await shared.withPage(async (page) => {
            await openConfigurator(page);
            const bad = join(dir, 'bad-settings.json');
            await writeFile(bad, JSON.stringify({ format: 'meso-settings/1', ruleset: 'mesotherapy-default', settings: { alcohol_wait_days: 1 } }));
            await page.locator('#import-file').setInputFiles(bad);
            await page.locator('#import-result[data-state="bad"]').waitFor();
            assert.match(await page.locator('#import-result').innerText(), /\/settings\/alcohol_wait_days/);
            assert.equal(await page.locator('#setting-alcohol_wait_days').inputValue(), '3', 'the form keeps its values');

            const good = join(dir, 'good-settings.json');
            await writeFile(good, JSON.stringify({ format: 'meso-settings/1', ruleset: 'mesotherapy-default', settings: { alcohol_wait_days: 6 } }));
            await page.locator('#import-file').setInputFiles(good);
            await page.locator('#import-result[data-state="ok"]').waitFor();
            assert.equal(await page.locator('#setting-alcohol_wait_days').inputValue(), '6');
        });
    } finally {
        await rm(dir, { recursive: true, force: true });
    }
});

test('by keyboard alone: reach a setting, change it, and download the file', { timeout: 60_000 }, async () => {
    await shared.withPage(async (page) => {
        await openConfigurator(page);
        const focusedId = () => page.evaluate(() => document.activeElement?.id || '');
        const tabTo = async (id, limit) => {
            for (let n = 0; n < limit; n++) {
                await page.keyboard.press('Tab');
                if (await focusedId() === id) return;
            }
            assert.fail(`Tab did not reach #${id} within ${limit} presses`);
        };
        await tabTo('setting-alcohol_wait_days', 40);
        await page.keyboard.press('Control+A');
        await page.keyboard.type('6');
        await page.waitForFunction(() => document.querySelector('#snippet').textContent.length > 0);
        // Through the rest of the form (the preview's own controls included) to the download.
        await tabTo('download', 400);
        await page.waitForFunction(() => document.querySelector('#download').getAttribute('aria-disabled') === 'false');
        const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
        const settings = JSON.parse(await readFile(await download.path(), 'utf8'));
        assert.equal(settings.settings.alcohol_wait_days, 6);
    });
});

// The form checks a change 400 ms after the last key: a file taken sooner still has what was typed.
test('a value typed just before Download is in the file', { timeout: 60_000 }, async () => {
    await shared.withPage(async (page) => {
        await openConfigurator(page);
        await page.locator('#setting-alcohol_wait_days').fill('7');
        const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
        const settings = JSON.parse(await readFile(await download.path(), 'utf8'));
        assert.equal(settings.settings.alcohol_wait_days, 7);
    });
});
