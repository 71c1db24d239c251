// A clinic's settings file in the widget: settings="url" and MesoScreener.mount(el, { settings }).
// The clinic's prices per area show in its currency, its dates fall on its opening days, only its
// treatments and languages are offered; settings the engine refuses show the error with the path
// into the file, and never a verdict.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
    useServerAndBrowser, loadCases, widget, waitReady, completeByMouse, chooseLanguage, ensureScreenshotDir, repo,
} from './harness.mjs';

const shared = useServerAndBrowser();
const { withPage } = shared;

const example = JSON.parse(readFileSync(join(repo, 'rules/settings.example.json'), 'utf8'));
const withSetting = (changes) => ({ ...example, settings: { ...example.settings, ...changes } });
const today = '2026-11-27';
const base = loadCases().find((c) => c.file.startsWith('01-eligible')).answers;
// Both of the clinic's treatments, on two areas it prices differently.
const answers = { ...base, concerns: ['wrinkles', 'hair_loss'], areas: ['face', 'scalp'] };

// Serves `settings` (an object, or text as it is) at /clinic-settings.json and opens the demo page with it.
async function openWith(page, settings, query = '') {
    await page.route('**/clinic-settings.json', (route) => route.fulfill({
        contentType: 'application/json', body: typeof settings === 'string' ? settings : JSON.stringify(settings),
    }));
    await page.addInitScript(() => {
        window.__events = [];
        for (const type of ['meso-ready', 'meso-outcome', 'meso-error']) {
            document.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }));
        }
    });
    await page.goto(`${shared.server.main}/index.html?today=${today}&settings=clinic-settings.json${query}`);
    return widget(page);
}

// The result's plan at a phone's and a desktop's width, for a person to read.
async function screenshots(page, w, lang) {
    const shots = await ensureScreenshotDir();
    for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await w.locator('.cost').scrollIntoViewIfNeeded();
        await w.locator('.plan').screenshot({ path: join(shots, `${width}-settings-plan-${lang}.png`) });
    }
}

const money = (lang, amount) => new Intl.NumberFormat(lang, { style: 'currency', currency: 'PLN', maximumFractionDigits: 0 }).format(amount);

test('settings="…": the clinic\'s treatments, languages, opening days and prices per area', () => withPage(async (page, errors) => {
    const w = await openWith(page, example);
    let offered = null;
    await completeByMouse(w, answers, async (view) => {
        if (view !== 'treatment') return;
        offered = await w.locator('[data-q="concerns"] input').evaluateAll((inputs) => inputs.map((i) => i.value));
    });
    assert.deepEqual(offered, ['wrinkles', 'hair_loss']);
    assert.deepEqual(await w.locator('select.lang-select option').evaluateAll((o) => o.map((x) => x.value)), ['pl', 'en']);

    const result = await page.evaluate(() => document.querySelector('meso-screener').result);
    assert.equal(result.status, 'eligible');
    assert.deepEqual(result.plan.cost.per_area, { face: 300, scalp: 250 });
    const dates = await w.locator('.timeline time').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('datetime')));
    assert.ok(dates.length > 1);
    assert.deepEqual(dates, result.plan.dates);
    for (const date of dates) {
        assert.ok(![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay()), `${date} is a weekend day`);
        assert.ok(!example.settings.closed_dates.includes(date), `${date} is closed`);
    }
    assert.equal(await w.locator('.cost-areas').innerText(), `Per session: Face ${money('en', 300)} + Scalp ${money('en', 250)} = ${money('en', 550)}.`);
    // A session's price is said once, in the sum; the sentence after it is about the course.
    const costText = await w.locator('.cost').innerText();
    assert.equal(costText.split(money('en', 550)).length - 1, 1, costText);
    assert.match(costText, /for the whole course\. For the \d+ sessions planned here: /);

    await screenshots(page, w, 'en');

    const outcome = (await page.evaluate(() => window.__events)).find((e) => e.type === 'meso-outcome');
    assert.deepEqual(Object.keys(outcome.detail).sort(), ['lang', 'ruleset', 'status']);

    await chooseLanguage(w, 'pl');
    const polish = await w.locator('.cost-areas').innerText();
    assert.equal(polish.replace(/\s/g, ' '), `Za zabieg: Twarz ${money('pl', 300)} + Skóra głowy ${money('pl', 250)} = ${money('pl', 550)}.`.replace(/\s/g, ' '));
    assert.match(polish, /zł/);

    // The figures shown are for the page only when it asks for prices.
    await page.evaluate(() => { document.querySelector('meso-screener').showPrices = false; });
    await w.locator('.cost').waitFor({ state: 'detached' });

    await page.evaluate(() => { document.querySelector('meso-screener').showPrices = true; });
    await screenshots(page, w, 'pl');
    assert.deepEqual(errors, []);
}));

test('a language the clinic does not offer starts in the clinic\'s first language', () => withPage(async (page, errors) => {
    const w = await openWith(page, example, '&lang=uk');
    await waitReady(w);
    assert.equal(await w.locator('.frame').getAttribute('lang'), 'pl');
    const ready = (await page.evaluate(() => window.__events)).find((e) => e.type === 'meso-ready');
    assert.deepEqual([ready.detail.lang, ready.detail.languages], ['pl', ['pl', 'en']]);
    assert.deepEqual(errors, []);
}));

for (const [name, settings, code, path] of [
    ['an alcohol wait below the sources\' minimum', withSetting({ alcohol_wait_days: 1 }), 'settings.out_of_bounds', '/settings/alcohol_wait_days'],
    ['a key the rule set does not declare', withSetting({ colour: 'teal' }), 'settings.unknown_key', '/settings/colour'],
    ['settings for another rule set', { ...example, ruleset: 'another-clinic-rules' }, 'settings.wrong_ruleset', '/ruleset'],
    ['a language the widget cannot show', withSetting({ languages: ['pl', 'de'] }), 'settings.not_offered', '/settings/languages/1'],
    ['a file that is not JSON', '{ "format": ', 'settings.syntax', ''],
]) {
    test(`settings with ${name}: the error with its path, meso-error, never a verdict`, () => withPage(async (page, errors) => {
        const w = await openWith(page, settings);
        await w.locator('.load-error').waitFor();
        assert.match(await w.locator('.load-error h2').innerText(), /could not be loaded/);
        const detail = await w.locator('.load-error-detail').innerText();
        if (code === 'settings.out_of_bounds') {
            await page.setViewportSize({ width: 360, height: 640 });
            await w.locator('.load-error').screenshot({ path: join(await ensureScreenshotDir(), '360-settings-refused.png') });
        }
        assert.ok(detail.startsWith(code), detail);
        if (path) assert.ok(detail.includes(` at ${path}:`), detail);
        const events = await page.evaluate(() => window.__events);
        assert.deepEqual(events.map((e) => [e.type, e.detail.code, e.detail.path]), [['meso-error', code, path]]);
        assert.equal(await w.locator('[data-status], .status-box, [data-q]').count(), 0);
        assert.equal(await page.evaluate(() => document.querySelector('meso-screener').result), null);
        assert.deepEqual(errors, []);
    }));
}

test('a settings URL that cannot be fetched: the error names it, never a verdict', () => withPage(async (page, errors) => {
    await page.goto(`${shared.server.main}/index.html?today=${today}&settings=no-such-settings.json`);
    const w = widget(page);
    await w.locator('.load-error').waitFor();
    assert.match(await w.locator('.load-error-detail').innerText(), /^settings\.fetch: .*no-such-settings\.json: HTTP 404/);
    assert.equal(await w.locator('[data-status], .status-box, [data-q]').count(), 0);
    assert.deepEqual(errors, []);
}));

test('MesoScreener.mount(el, { settings: object }) and the settings property', () => withPage(async (page, errors) => {
    await page.goto(`${shared.server.main}/booking.html`);
    await page.addScriptTag({ url: 'meso-screener.js' });
    await page.evaluate(([settings, day]) => {
        const slot = document.createElement('div');
        slot.id = 'slot';
        document.body.append(slot);
        window.__mounted = window.MesoScreener.mount(slot, {
            settings, today: day, showPrices: true, lang: 'en', exposeOutcomeDetails: true, on: { outcome: (d) => { window.__outcome = d; } },
        });
    }, [example, today]);
    const w = widget(page, '#slot meso-screener');
    await completeByMouse(w, answers);
    assert.equal(await w.locator('.cost-areas').innerText(), `Per session: Face ${money('en', 300)} + Scalp ${money('en', 250)} = ${money('en', 550)}.`);
    assert.equal(await page.evaluate(() => window.__mounted.settings.settings.currency), 'PLN');
    // The event carries the engine's cost as it is, the clinic's prices per area included.
    const outcome = await page.evaluate(() => window.__outcome);
    assert.deepEqual(outcome.plan.cost, await page.evaluate(() => window.__mounted.result.plan.cost));
    assert.deepEqual(outcome.plan.cost.per_area, { face: 300, scalp: 250 });

    // Other settings are another rule set: a refused object shows the error in place of the result.
    await page.evaluate((bad) => { window.__mounted.settings = bad; }, withSetting({ alcohol_wait_days: 1 }));
    await w.locator('.load-error').waitFor();
    assert.match(await w.locator('.load-error-detail').innerText(), / at \/settings\/alcohol_wait_days:/);
    assert.equal(await w.locator('[data-status], .status-box').count(), 0);

    // And the same rules with no settings at all load again, with the rule set's own prices (none).
    await page.evaluate(() => { window.__mounted.settings = null; });
    await waitReady(w);
    assert.equal(await page.evaluate(() => window.__mounted.result.plan?.cost ?? null), null);
    assert.deepEqual(errors, []);
}));
