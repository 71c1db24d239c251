// Embedding: strict CSP, another origin, loading twice, the JS API and its queue, events and
// their payloads, privacy (no request after load but a language's texts, remembering only on
// request), languages fetched when needed (and failing safely), hostile rule texts and rule sets
// that do not load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitRuleSet, keyedTexts } from '../../web/build.mjs';
import {
    useServerAndBrowser, pickVignettes, widget, waitReady, completeByMouse,
    shownOutcome, caseUrl, dist, repo, readmeStub, chooseLanguage, engineStarted,
} from './harness.mjs';

const shared = useServerAndBrowser();

const [eligible, consult, postpone] = pickVignettes(3);
const dated = pickVignettes(8).find((c) => c.expect.plan && c.expect.plan.dates && c.expect.plan.dates.length) || eligible;

const { withPage } = shared;

test('works under a strict Content-Security-Policy', () => withPage(async (page, errors) => {
    await page.addInitScript(() => {
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const response = await page.goto(caseUrl(shared.server.main, consult, 'strict-csp.html'));
    assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);
    const w = widget(page);
    await waitReady(w);
    await completeByMouse(w, consult.answers);
    assert.equal((await shownOutcome(w)).status, consult.expect.status);
    // Styled (constructable stylesheet adopted), not unstyled text.
    const radius = await w.locator('.frame').evaluate((el) => getComputedStyle(el).borderTopLeftRadius);
    assert.notEqual(radius, '0px');
    // A language's texts are fetched (connect-src 'self') and loaded without eval.
    await chooseLanguage(w, 'pl');
    assert.equal(await w.locator('.view-title').innerText(), 'Twój wynik');
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(errors, []);
}));

test('works embedded from another origin', () => withPage(async (page, errors) => {
    const wasm = [];
    const locales = [];
    page.on('request', (r) => { if (new URL(r.url()).pathname.endsWith('.wasm')) wasm.push(r.url()); });
    page.on('request', (r) => { if (r.url().includes('/locales/')) locales.push(r.url().replace(/\?.*/, '')); });
    await page.goto(caseUrl(shared.server.cross, eligible, 'cross-origin.html'));
    assert.notEqual(new URL(page.url()).origin, shared.server.main);
    const w = widget(page);
    await waitReady(w);
    await completeByMouse(w, eligible.answers);
    assert.equal((await shownOutcome(w)).status, eligible.expect.status);
    // From the script's folder, with this build in the query, as the locale files are.
    const { build } = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
    assert.deepEqual(wasm, [`${shared.server.main}/meso-core.wasm?v=${build}`]);
    await chooseLanguage(w, 'uk');
    assert.deepEqual(locales, [`${shared.server.main}/locales/en.json`, `${shared.server.main}/locales/uk.json`]);
    const book = await w.locator('[data-action="book"]').getAttribute('href');
    assert.ok(book.startsWith(`${shared.server.main}/booking.html?`), book);
    assert.deepEqual(errors, []);
}));

test('loading the script twice is harmless and instances share one module load', () => withPage(async (page, errors) => {
    await page.goto(caseUrl(shared.server.main, eligible));
    await waitReady(widget(page));
    await page.evaluate(async () => {
        const again = document.createElement('script');
        again.src = 'meso-screener.js';
        const loaded = new Promise((resolve) => { again.onload = resolve; });
        document.head.append(again);
        await loaded;
        for (let i = 0; i < 2; i++) document.body.append(document.createElement('meso-screener'));
    });
    await page.waitForFunction(() => [...document.querySelectorAll('meso-screener')].every((el) => el.shadowRoot.querySelector('section.view')));
    const counts = await page.evaluate(() => ({
        wasm: performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname.endsWith('.wasm')).length,
        widgets: document.querySelectorAll('meso-screener').length,
        defined: customElements.get('meso-screener') === window.MesoScreener.Element,
    }));
    assert.deepEqual(counts, { wasm: 1, widgets: 3, defined: true });
    assert.deepEqual(errors, []);
}));

test('MesoScreener.mount: calls queued before the script loads are replayed', () => withPage(async (page, errors) => {
    await page.goto(`${shared.server.main}/booking.html`);
    await page.addScriptTag({ content: readmeStub() });
    await page.evaluate(() => {
        const slot = document.createElement('div');
        slot.id = 'slot';
        document.body.append(slot);
        window.__ready = null;
        window.__mounted = window.MesoScreener.mount('#slot', { lang: 'pl', today: '2026-11-21', showPrices: true, on: { ready: (d) => { window.__ready = d; } } });
        window.__refused = window.MesoScreener.mount('#no-such-slot', {}).then(() => 'mounted', (e) => e.name);
        const script = document.createElement('script');
        script.src = 'meso-screener.js';
        document.head.append(script);
    });
    const w = widget(page, '#slot meso-screener');
    await waitReady(w);
    await page.waitForFunction(() => window.__ready);
    const state = await page.evaluate(() => ({
        lang: document.querySelector('#slot meso-screener').lang,
        prices: document.querySelector('#slot meso-screener').showPrices,
        ready: window.__ready.lang,
        version: window.MesoScreener.version,
    }));
    const { version } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
    assert.deepEqual(state, { lang: 'pl', prices: true, ready: 'pl', version });
    assert.equal(await w.locator('button[type="submit"]').innerText(), 'Dalej');
    // The stub's mount gave a Promise of the element, as the guide says: `await` then `remove()`.
    assert.equal(await page.evaluate(async () => (await window.__mounted) === document.querySelector('#slot meso-screener')), true);
    assert.equal(await page.evaluate(() => window.__refused), 'TypeError');
    await page.evaluate(async () => (await window.__mounted).remove());
    assert.equal(await page.locator('meso-screener').count(), 0);
    assert.deepEqual(errors, []);
}));

test('events bubble out of the shadow root and carry the status only unless the host opts in', () => withPage(async (page) => {
    await page.goto(caseUrl(shared.server.main, postpone));
    await page.evaluate(() => {
        window.__events = [];
        for (const type of ['meso-ready', 'meso-step', 'meso-outcome', 'meso-error']) {
            document.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail, composed: e.composed, bubbles: e.bubbles }));
        }
    });
    const w = widget(page);
    await waitReady(w);
    await completeByMouse(w, postpone.answers);
    const events = await page.evaluate(() => window.__events);
    const outcome = events.find((e) => e.type === 'meso-outcome');
    assert.ok(outcome && outcome.bubbles && outcome.composed);
    assert.equal(outcome.detail.status, postpone.expect.status);
    assert.deepEqual(Object.keys(outcome.detail).sort(), ['lang', 'ruleset', 'status']);
    assert.ok(!JSON.stringify(events).includes('"age"'));
    assert.ok(events.filter((e) => e.type === 'meso-step').map((e) => e.detail.step).includes('review'));

    await page.evaluate(() => { window.__events = []; document.querySelector('meso-screener').exposeAnswers = true; });
    await w.locator('[data-action="back"]').click();
    await w.locator('[data-action="result"]').click();
    const exposed = (await page.evaluate(() => window.__events)).find((e) => e.type === 'meso-outcome');
    assert.equal(exposed.detail.answers.age, postpone.answers.age);
    assert.ok(!('findings' in exposed.detail));

    await page.evaluate(() => { window.__events = []; document.querySelector('meso-screener').exposeOutcomeDetails = true; });
    await w.locator('[data-action="back"]').click();
    await w.locator('[data-action="result"]').click();
    const detailed = (await page.evaluate(() => window.__events)).find((e) => e.type === 'meso-outcome');
    assert.ok(Array.isArray(detailed.detail.findings) && detailed.detail.findings.length > 0);
    assert.ok('earliest_start' in detailed.detail && 'plan' in detailed.detail);
}));

test('after the page has loaded the widget fetches nothing but the texts of a language the patient picks', () => withPage(async (page) => {
    await page.goto(caseUrl(shared.server.main, dated));
    const w = widget(page);
    await waitReady(w);
    const requests = [];
    page.on('request', (r) => { if (!/^(blob|data):/.test(r.url())) requests.push(r.url()); });
    await completeByMouse(w, dated.answers);
    // Each language once; English is built in, and a language seen before is kept.
    for (const lang of ['uk', 'pl', 'en', 'uk', 'pl']) await chooseLanguage(w, lang);
    if (await w.locator('[data-action="calendar"]').count()) {
        const [download] = await Promise.all([page.waitForEvent('download'), w.locator('[data-action="calendar"]').click()]);
        assert.equal(download.suggestedFilename(), 'meso-plan.ics');
        const ics = readFileSync(await download.path(), 'utf8');
        assert.match(ics, /BEGIN:VCALENDAR/);
    }
    await page.emulateMedia({ media: 'print' });
    await page.emulateMedia({ media: 'screen' });
    await w.locator('[data-action="restart"]').click();
    await page.waitForTimeout(300);
    assert.deepEqual(requests.map((url) => new URL(url).pathname), ['/locales/uk.json', '/locales/pl.json']);
    assert.ok(requests.every((url) => url.startsWith(shared.server.main)), requests.join());
}));

test('switching language keeps the answers, the step and the progress', () => withPage(async (page, errors) => {
    const polish = JSON.parse(readFileSync(join(dist, 'locales/pl.json'), 'utf8'));
    const polishRules = keyedTexts(splitRuleSet(JSON.parse(readFileSync(join(dist, 'rules/mesotherapy.json'), 'utf8'))).builtIn, polish.rules);
    await page.goto(`${shared.server.main}/index.html?today=2026-11-21&lang=en`);
    const w = widget(page);
    await waitReady(w);
    await w.locator('[data-q="age"] input').fill('41');
    await w.locator('[data-q="sex"] input[value="female"]').check();
    const progress = await w.locator('.progress-text').innerText();
    await chooseLanguage(w, 'pl');
    assert.equal(await w.locator('[data-q="age"] input').inputValue(), '41');
    assert.equal(await w.locator('[data-q="sex"] input[value="female"]').isChecked(), true);
    assert.equal(await w.locator('[data-q="age"] label').first().innerText(), polishRules['q.age']);
    assert.equal(await w.locator('button[type="submit"]').innerText(), polish.ui.next);
    const numbers = (text) => text.match(/\d+/g);
    assert.deepEqual(numbers(await w.locator('.progress-text').innerText()), numbers(progress));
    const result = await page.evaluate(() => document.querySelector('meso-screener').result);
    assert.deepEqual([result.lang, result.status], ['pl', 'incomplete']);
    await chooseLanguage(w, 'en');
    assert.equal(await w.locator('[data-q="age"] input').inputValue(), '41');
    assert.deepEqual(errors, []);
}));

// An answer brings back only what it changed (engine.js keeps the form); el.result is still the
// whole result, built when asked, and stays readable once the element has left the page.
test('el.result is the whole result after answers that sent only their changes, and outlives the element', () => withPage(async (page, errors) => {
    await page.goto(caseUrl(shared.server.main, dated));
    const w = widget(page);
    await waitReady(w);
    await completeByMouse(w, dated.answers);
    assert.equal((await shownOutcome(w)).status, dated.expect.status);
    const [before, after] = await page.evaluate(() => {
        const element = document.querySelector('meso-screener');
        const whole = element.result;
        element.remove();
        return [whole, element.result];
    });
    assert.equal(before.status, dated.expect.status);
    assert.ok(Array.isArray(before.findings) && before.plan && before.plan.dates.length, JSON.stringify(before).slice(0, 300));
    assert.ok(before.visible.includes('age') && before.question_texts.age.text);
    assert.deepEqual(after, before);
    assert.deepEqual(errors, []);
}));

test('a language whose texts do not come: a clear notice, the current language goes on, picking it again retries', () => withPage(async (page) => {
    let blocked = true;
    await page.route('**/locales/pl.json*', (route) => (blocked ? route.fulfill({ status: 503, body: 'down' }) : route.fallback()));
    await page.addInitScript(() => {
        window.__errors = [];
        document.addEventListener('meso-error', (e) => window.__errors.push(e.detail));
    });
    await page.goto(`${shared.server.main}/index.html?today=2026-11-21&lang=en`);
    const w = widget(page);
    await waitReady(w);
    await w.locator('[data-q="age"] input').fill('41');
    await w.locator('select.lang-select').selectOption('pl');
    const notice = w.locator('.lang-notice');
    await notice.waitFor();
    assert.match(await notice.innerText(), /not available in Polski.*continues in English/);
    assert.equal(await w.locator('.frame').getAttribute('lang'), 'en');
    assert.equal(await w.locator('.frame').getAttribute('aria-busy'), 'false');
    assert.equal(await w.locator('select.lang-select').inputValue(), 'en');
    assert.equal(await w.locator('[data-q="age"] input').inputValue(), '41');
    assert.equal(await w.locator('button[type="submit"]').innerText(), 'Continue');
    const errors = await page.evaluate(() => window.__errors);
    assert.deepEqual(errors.map((e) => e.code), ['locale.fetch']);
    assert.match(errors[0].message, /HTTP 503/);

    blocked = false;
    await chooseLanguage(w, 'pl');
    assert.equal(await notice.isHidden(), true);
    assert.equal(await w.locator('button[type="submit"]').innerText(), 'Dalej');
    assert.equal(await w.locator('[data-q="age"] input').inputValue(), '41');
}));

test('texts of another build are refused like missing ones', () => withPage(async (page) => {
    const stale = JSON.parse(readFileSync(join(dist, 'locales/uk.json'), 'utf8'));
    stale.build = 'another-build';
    await page.route('**/locales/uk.json*', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(stale) }));
    await page.goto(`${shared.server.main}/index.html?today=2026-11-21&lang=en`);
    const w = widget(page);
    await waitReady(w);
    await w.locator('select.lang-select').selectOption('uk');
    await w.locator('.lang-notice').waitFor();
    assert.equal(await w.locator('.frame').getAttribute('lang'), 'en');
}));

test('a page in another language fetches its texts only, and before the engine', () => withPage(async (page, errors) => {
    await page.goto(`${shared.server.main}/index.html?today=2026-11-21&lang=uk`);
    const w = widget(page);
    await waitReady(w);
    assert.equal(await w.locator('.frame').getAttribute('lang'), 'uk');
    const timing = await page.evaluate(() => {
        const entry = (part) => performance.getEntriesByType('resource').filter((e) => e.name.includes(part));
        const [wasm] = entry('meso-core.wasm');
        const locales = entry('/locales/');
        // The locale file carries the first view (web/src/first-view.js): the .wasm is asked for once
        // it is here, and compiled once the first view is painted.
        return { locales: locales.map((e) => new URL(e.name).pathname), first: locales[0].responseEnd <= wasm.startTime };
    });
    assert.deepEqual(timing, { locales: ['/locales/uk.json'], first: true });
    assert.deepEqual(errors, []);
}));

// Many static hosts send an unknown extension as application/octet-stream, which WebAssembly
// cannot compile as it streams in: the widget starts from the bytes instead.
test('the engine starts from a server that does not call the .wasm application/wasm', () => withPage(async (page, errors) => {
    const bytes = readFileSync(join(dist, 'meso-core.wasm'));
    const asked = [];
    await page.route('**/meso-core.wasm*', (route) => {
        asked.push(route.request().url());
        return route.fulfill({ contentType: 'application/octet-stream', body: bytes });
    });
    await page.goto(`${shared.server.main}/index.html?today=2026-11-21&lang=en`);
    const w = widget(page);
    await waitReady(w);
    await w.locator('[data-q="sex"] input[value="female"]').check();
    await w.locator('[data-q="pregnant"]').waitFor();
    // Streaming refused the first answer; the second is compiled as bytes.
    assert.equal(asked.length, 2);
    assert.deepEqual(errors, []);
}));

// Whoever set the widget up reads which file is missing, and the patient gets no questionnaire
// that cannot be finished.
test('a .wasm missing from the server names itself and its HTTP status in core.load', () => withPage(async (page) => {
    await page.route('**/meso-core.wasm*', (route) => route.fulfill({ status: 404, contentType: 'text/html', body: '<!doctype html><p>Not found</p>' }));
    await page.addInitScript(() => {
        window.__errors = [];
        document.addEventListener('meso-error', (e) => window.__errors.push(e.detail));
    });
    await page.goto(`${shared.server.main}/index.html?today=2026-11-21&lang=en`);
    const w = widget(page);
    await w.locator('.load-error').waitFor();
    const errors = await page.evaluate(() => window.__errors);
    assert.deepEqual(errors.map((e) => e.code), ['core.load']);
    assert.match(errors[0].message, /\/meso-core\.wasm\?v=[^:]+: HTTP 404$/);
    assert.equal(await w.locator('[data-q]').count(), 0);
}));

// A page with one widget in `lang`, with `attributes` (on the first step by default); the .wasm is held back
// until the returned release() is called, or fails if `fail`.
async function holdEngine(page, { lang = 'uk', attributes = 'skip-welcome', fail = false } = {}) {
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route('**/meso-core.wasm*', async (route) => {
        await held;
        if (fail) await route.abort();
        else await route.continue();
    });
    await page.route('**/first-view.html', (route) => route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>first view</title>
<script src="meso-screener.js" defer></script></head><body><meso-screener today="2026-11-21" ${attributes}></meso-screener></body></html>`,
    }));
    await page.addInitScript(() => {
        window.__events = [];
        for (const type of ['meso-ready', 'meso-step', 'meso-error', 'meso-outcome']) {
            document.addEventListener(type, (e) => window.__events.push([type, e.detail.code || e.detail.step || e.detail.lang || '']));
        }
    });
    await page.goto(`${shared.server.main}/first-view.html`);
    return release;
}

const eventsSoFar = (page) => page.evaluate(() => window.__events);

test('the first step shows and takes answers before the engine has started; the engine then takes over where the patient is', () => withPage(async (page, errors) => {
    const release = await holdEngine(page);
    const w = widget(page);
    const age = w.locator('[data-q="age"] input');
    await age.waitFor();
    // The first step as the engine words it, with no engine yet: no event, no result.
    assert.equal(await w.locator('#view-heading').innerText(), 'Про вас');
    assert.equal(await w.locator('#progress-text').innerText(), 'Крок 1 з 6');
    assert.deepEqual(await eventsSoFar(page), []);
    assert.equal(await page.evaluate(() => document.querySelector('meso-screener').result), null);
    await w.locator('[data-q="sex"] input[value="female"]').check();
    await age.fill('34');
    const ageNode = await age.elementHandle();
    // Continue needs the engine's verdict: it waits, and nothing is shown as missing meanwhile.
    await w.locator('button[type="submit"]').click();
    assert.equal(await w.locator('[data-q="pregnant"]').count(), 0);
    assert.equal(await w.locator('.error-summary:not([hidden])').count(), 0);
    assert.equal(await w.locator('.frame').getAttribute('aria-busy'), 'true', 'the press shows it was taken');

    release();
    await page.waitForFunction(() => window.__events.some(([type]) => type === 'meso-ready'));
    // The engine shows the follow-ups that "Female" brings, and Continue, pressed before, now
    // lists them as missing; the answers, the field and the focus in it stayed.
    await w.locator('.error-summary:not([hidden])').waitFor();
    const missing = await w.locator('.error-summary li button').evaluateAll((nodes) => nodes.map((n) => n.dataset.target));
    assert.deepEqual(missing, ['pregnant', 'breastfeeding', 'menstruating']);
    assert.equal(await w.locator('section.view').getAttribute('data-step'), 'about');
    assert.equal(await age.inputValue(), '34');
    assert.ok(await w.locator('[data-q="sex"] input[value="female"]').isChecked());
    assert.ok(await ageNode.evaluate((node) => node.isConnected), 'the age field was kept, not rebuilt');
    const result = await page.evaluate(() => document.querySelector('meso-screener').result);
    // The engine has the answers given before it started: age and sex are no longer missing.
    assert.equal(result.status, 'incomplete');
    assert.deepEqual(result.missing.filter((id) => ['age', 'sex', 'pregnant'].includes(id)), ['pregnant']);
    assert.deepEqual(await eventsSoFar(page), [['meso-ready', 'uk'], ['meso-step', 'about']]);
    assert.equal(await w.locator('.frame').getAttribute('aria-busy'), 'false');
    assert.deepEqual(errors, []);
}));

test('the welcome shows before the engine has started, and Start goes on to the first step at once', () => withPage(async (page, errors) => {
    const release = await holdEngine(page, { lang: 'en', attributes: '' });
    const w = widget(page);
    await w.locator('section.view.welcome').waitFor();
    assert.match(await w.locator('section.view.welcome').innerText(), /not a diagnosis/i);
    await w.locator('[data-action="begin"]').click();
    await w.locator('[data-q="age"] input').fill('52');
    assert.equal(await w.locator('section.view').getAttribute('data-step'), 'about');
    assert.deepEqual(await eventsSoFar(page), []);
    release();
    await engineStarted(w);
    assert.equal(await w.locator('[data-q="age"] input').inputValue(), '52');
    assert.deepEqual(await eventsSoFar(page), [['meso-ready', 'en'], ['meso-step', 'about']]);
    assert.deepEqual(errors, []);
}));

// Answers the first view and presses Continue, then lets the engine come: the load error must
// replace the first view, with one meso-error and no result. Resolves to the error's text and code.
async function answerThenFail(page, release) {
    const w = widget(page);
    await w.locator('[data-q="age"] input').fill('34');
    await w.locator('[data-q="sex"] input[value="male"]').check();
    await w.locator('button[type="submit"]').click();
    release();
    await w.locator('.load-error').waitFor();
    assert.equal(await w.locator('[data-q]').count(), 0);
    const events = await eventsSoFar(page);
    assert.deepEqual(events.map(([type]) => type), ['meso-error']);
    assert.equal(await page.evaluate(() => document.querySelector('meso-screener').result), null);
    return { text: await w.locator('.load-error').innerText(), code: events[0][1] };
}

test('an engine that fails after the first view shows the error, and never a verdict', () => withPage(async (page) => {
    const release = await holdEngine(page, { lang: 'en', fail: true });
    assert.equal((await answerThenFail(page, release)).code, 'core.load');
}));

// The patient has the first view meanwhile, and may have pressed Continue: it must not stay busy.
test('an engine download that never finishes gives core.load, not a Continue busy for ever', () => withPage(async (page) => {
    await page.addInitScript(() => { window.__mesoFetchTimeoutMs = 500; });  // 1.5 s for the .wasm
    await holdEngine(page, { lang: 'en' });  // never released
    const w = widget(page);
    await w.locator('[data-q="sex"] input[value="female"]').check();
    await w.locator('button[type="submit"]').click();
    assert.equal(await w.locator('.frame').getAttribute('aria-busy'), 'true');
    await w.locator('.load-error').waitFor({ timeout: 10000 });
    assert.match(await w.locator('.load-error').innerText(), /meso-core\.wasm: not downloaded within 1\.5 s/);
    assert.deepEqual(await eventsSoFar(page), [['meso-error', 'core.load']]);
    assert.equal(await w.locator('.frame').getAttribute('aria-busy'), 'false');
    assert.equal(await w.locator('[data-q]').count(), 0);
    assert.equal(await page.evaluate(() => document.querySelector('meso-screener').result), null);
}));

// A settings file served at /clinic.json.
const serveSettings = (page, settings) => page.route('**/clinic.json', (route) => route.fulfill({ contentType: 'application/json',
    body: JSON.stringify({ format: 'meso-settings/1', ruleset: 'mesotherapy-default', settings }) }));

test('with a clinic\'s settings, the first view is in the clinic\'s languages and names the clinic before the engine has started', () => withPage(async (page, errors) => {
    await serveSettings(page, { clinic_name: 'Klinika Lumen', languages: ['pl', 'en'], alcohol_wait_days: 5 });
    // The page asks for Ukrainian, which this clinic does not offer: its first language, Polish.
    const release = await holdEngine(page, { lang: 'uk', attributes: 'settings="clinic.json"' });
    const w = widget(page);
    const welcome = w.locator('section.view.welcome');
    await welcome.waitFor();
    assert.match(await welcome.innerText(), /Klinika Lumen/i);
    assert.equal(await w.locator('.frame').getAttribute('lang'), 'pl');
    assert.deepEqual(await w.locator('select.lang-select option').evaluateAll((options) => options.map((o) => o.value)), ['pl', 'en']);
    assert.deepEqual(await eventsSoFar(page), []);
    await w.locator('[data-action="begin"]').click();
    await w.locator('[data-q="age"] input').fill('41');
    release();
    await engineStarted(w);
    assert.deepEqual(await eventsSoFar(page), [['meso-ready', 'pl'], ['meso-step', 'about']]);
    assert.equal(await w.locator('[data-q="age"] input').inputValue(), '41');
    const result = await page.evaluate(() => document.querySelector('meso-screener').result);
    assert.equal(result.lang, 'pl');
    assert.deepEqual(errors, []);
}));

test('a settings file the engine refuses: the first view gives way to the error, with the path, and never a verdict', () => withPage(async (page) => {
    await serveSettings(page, { clinic_name: 'Klinika Lumen', alcohol_wait_days: -4 });
    const release = await holdEngine(page, { lang: 'en', attributes: 'skip-welcome settings="clinic.json"' });
    const { text, code } = await answerThenFail(page, release);
    assert.equal(code, 'settings.bad_value');
    assert.match(text, /settings\.bad_value at \/settings\/alcohol_wait_days/);
}));

test('settings for another rule set get no first view: nothing shows before the engine refuses them', () => withPage(async (page) => {
    await page.route('**/clinic.json', (route) => route.fulfill({ contentType: 'application/json',
        body: JSON.stringify({ format: 'meso-settings/1', ruleset: 'another-rule-set', settings: { clinic_name: 'Klinika' } }) }));
    const fetched = page.waitForResponse((r) => r.url().endsWith('/clinic.json'));
    const release = await holdEngine(page, { lang: 'en', attributes: 'settings="clinic.json"' });
    await fetched;
    await page.waitForTimeout(300);
    assert.equal(await widget(page).locator('[data-q]').count(), 0);
    release();
    await widget(page).locator('.load-error').waitFor();
    assert.match(await widget(page).locator('.load-error').innerText(), /settings\.wrong_ruleset/);
}));

test('a page in a language whose texts do not come opens in the built-in language, with the notice', () => withPage(async (page) => {
    await page.route('**/locales/pl.json*', (route) => route.abort());
    await page.addInitScript(() => {
        window.__events = [];
        for (const type of ['meso-ready', 'meso-error']) document.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }));
    });
    await page.goto(`${shared.server.main}/index.html?today=2026-11-21&lang=pl`);
    const w = widget(page);
    await waitReady(w);
    assert.equal(await w.locator('.frame').getAttribute('lang'), 'en');
    assert.match(await w.locator('.lang-notice').innerText(), /not available in Polski/);
    const events = await page.evaluate(() => window.__events.map((e) => [e.type, e.detail.code || e.detail.lang]));
    assert.deepEqual(events, [['meso-error', 'locale.fetch'], ['meso-ready', 'en']]);
}));

test('a rule set from a URL comes whole; only the UI texts of its language are fetched', () => withPage(async (page, errors) => {
    const requests = [];
    page.on('request', (r) => { if (new URL(r.url()).pathname.endsWith('.json')) requests.push(new URL(r.url()).pathname); });
    await page.goto(`${shared.server.main}/index.html?today=2026-11-21&lang=pl&rules=rules/mesotherapy.json`);
    const w = widget(page);
    await waitReady(w);
    assert.equal(await w.locator('button[type="submit"]').innerText(), 'Dalej');
    await chooseLanguage(w, 'en');
    await chooseLanguage(w, 'uk');
    assert.deepEqual(requests.sort(), ['/locales/pl.json', '/locales/uk.json', '/rules/mesotherapy.json']);
    assert.equal(await page.evaluate(() => document.querySelector('meso-screener').result.lang), 'uk');
    assert.deepEqual(errors, []);
}));

test('the booking link carries the language only, and the outcome only with booking-details', () => withPage(async (page) => {
    await page.goto(caseUrl(shared.server.main, eligible));
    const w = widget(page);
    await waitReady(w);
    await completeByMouse(w, eligible.answers);
    const plain = new URL(await w.locator('[data-action="book"]').getAttribute('href'));
    assert.deepEqual([...plain.searchParams.keys()], ['lang']);
    await page.evaluate(() => { document.querySelector('meso-screener').bookingDetails = true; });
    await w.locator('[data-action="back"]').click();
    await w.locator('[data-action="result"]').click();
    const href = new URL(await w.locator('[data-action="book"]').getAttribute('href'));
    assert.deepEqual([...href.searchParams.keys()].sort().filter((k) => !['areas', 'concerns'].includes(k)), ['lang', 'status']);
    assert.equal(href.searchParams.get('status'), eligible.expect.status);
    for (const value of href.searchParams.values()) assert.ok(!value.includes(String(eligible.answers.age)) || value === 'en');
}));

test('the dark palette shows for theme="dark", and for theme="auto" on a system set to dark; a host\'s own colours win', () => withPage(async (page, errors) => {
    // color-scheme too: native controls (the date picker's icon) follow the palette.
    const LIGHT = { text: 'rgb(28, 42, 48)', bg: 'rgb(255, 255, 255)', accent: 'rgb(23, 102, 109)', error: 'rgb(179, 38, 30)', scheme: 'light' };
    const DARK = { text: 'rgb(230, 238, 236)', bg: 'rgb(20, 32, 31)', accent: 'rgb(108, 196, 187)', error: 'rgb(255, 154, 143)', scheme: 'dark' };
    const colours = () => page.evaluate(() => {
        const root = document.querySelector('meso-screener').shadowRoot;
        const style = (selector) => getComputedStyle(root.querySelector(selector));
        return {
            text: style('.view-title').color,
            bg: style('.frame').backgroundColor,
            accent: style('.progress-fill').backgroundColor,
            error: style('.error-summary').borderTopColor,
            scheme: style('input, select').colorScheme,
        };
    });
    await page.goto(`${shared.server.main}/index.html?today=2026-11-21`);
    const w = widget(page);
    await waitReady(w);
    for (const [theme, scheme, expected] of [
        [null, 'light', LIGHT], [null, 'dark', LIGHT], ['light', 'dark', LIGHT],
        ['dark', 'light', DARK], ['dark', 'dark', DARK],
        ['auto', 'light', LIGHT], ['auto', 'dark', DARK],
    ]) {
        await page.emulateMedia({ colorScheme: scheme });
        await w.evaluate((el, value) => (value ? el.setAttribute('theme', value) : el.removeAttribute('theme')), theme);
        assert.deepEqual(await colours(), expected, `theme ${theme} on a ${scheme} system`);
    }
    // The host's custom properties, set on the element, beat both palettes.
    await w.evaluate((el) => el.style.setProperty('--meso-color-bg', 'rgb(1, 2, 3)'));
    assert.equal((await colours()).bg, 'rgb(1, 2, 3)');
    await w.evaluate((el) => el.setAttribute('theme', 'light'));
    assert.equal((await colours()).bg, 'rgb(1, 2, 3)');
    assert.deepEqual(errors, []);
}));

function hostileRules() {
    const rules = JSON.parse(readFileSync(join(dist, 'rules/mesotherapy.json'), 'utf8'));
    const payload = '<img src=x onerror="window.__pwned=1">';
    const age = rules.questions.find((q) => q.id === 'age');
    const consult = rules.findings.find((f) => f.severity === 'consult' && f.when && f.when.var);
    for (const lang of Object.keys(rules.locales)) {
        rules.locales[lang][age.text] = `${payload} How old?`;
        rules.locales[lang][consult.text] = `${payload} finding`;
    }
    return { rules, consultKey: typeof consult.when.var === 'string' ? consult.when.var : consult.when.var[0] };
}

test('a rule text containing HTML renders as text and runs nothing', () => withPage(async (page, errors) => {
    const { rules, consultKey } = hostileRules();
    await page.route('**/hostile-rules.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(rules) }));
    await page.goto(caseUrl(shared.server.main, eligible));
    await page.evaluate(() => { document.querySelector('meso-screener').rules = 'hostile-rules.json'; });
    const w = widget(page);
    await waitReady(w);
    await w.locator('[data-q="age"] label').filter({ hasText: '<img' }).waitFor();
    await completeByMouse(w, { ...eligible.answers, [consultKey]: true });
    assert.match(await w.locator('.finding-text').first().innerText(), /<img src=x onerror=/);
    const state = await page.evaluate(() => ({
        pwned: window.__pwned ?? null,
        images: document.querySelector('meso-screener').shadowRoot.querySelectorAll('img').length,
    }));
    assert.deepEqual(state, { pwned: null, images: 0 });
    assert.deepEqual(errors, []);
}));

for (const [name, setup] of [
    ['a rules URL that cannot be fetched', async () => 'no-such-rules.json'],
    ['a rule set that does not load', async (page) => {
        await page.route('**/broken-rules.json', (route) => route.fulfill({ contentType: 'application/json', body: '{"format": 1, "id": "broken"}' }));
        return 'broken-rules.json';
    }],
]) {
    test(`${name} shows a clear message, fires meso-error and never a verdict`, () => withPage(async (page) => {
        const url = await setup(page);
        await page.addInitScript(() => {
            window.__errors = [];
            document.addEventListener('meso-error', (e) => window.__errors.push(e.detail));
        });
        await page.goto(`${shared.server.main}/index.html?today=2026-11-21&rules=${url}`);
        const w = widget(page);
        await w.locator('.load-error').waitFor();
        assert.match(await w.locator('.load-error').innerText(), /could not be loaded/);
        const errors = await page.evaluate(() => window.__errors);
        assert.equal(errors.length, 1);
        assert.ok(errors[0].code && errors[0].message, JSON.stringify(errors[0]));
        assert.equal(await w.locator('[data-status], .status-box, [data-q]').count(), 0);
    }));
}

test('answers are remembered only when the patient asks, can be forgotten, and expire', () => withPage(async (page) => {
    await page.goto(caseUrl(shared.server.main, eligible));
    const w = widget(page);
    await waitReady(w);
    await w.locator('[data-q="age"] input').fill('41');
    assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('meso-screener:')).length), 0);
    await w.locator('input.remember-box').check();
    await page.reload();
    await waitReady(w);
    assert.equal(await w.locator('[data-q="age"] input').inputValue(), '41');
    assert.equal(await w.locator('input.remember-box').isChecked(), true);
    await w.locator('[data-action="forget"]').click();
    assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('meso-screener:')).length), 0);
    // Forgotten on the screen too: the next person on a shared device finds nothing.
    assert.equal(await w.locator('[data-q="age"] input').inputValue(), '');
    assert.equal(await w.locator('input.remember-box').isChecked(), false);
    assert.match(await w.locator('.foot .notice').first().innerText(), /removed/);

    // An expired entry is ignored and deleted.
    await page.evaluate(() => {
        const id = document.querySelector('meso-screener').result.ruleset.id;
        localStorage.setItem(`meso-screener:${id}`, JSON.stringify({ expires: Date.now() - 1000, answers: { age: 50 } }));
    });
    await page.reload();
    await waitReady(w);
    assert.equal(await w.locator('[data-q="age"] input').inputValue(), '');
    assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('meso-screener:')).length), 0);
}));

// A patient clicks a choice's text, not its round button: the label's click comes before the
// choice changes, then the button's own click, then its change. One answer, set and remembered
// once, with the new value (the label's click once set the old one first).
test("a click on a choice's label is one answer, remembered once with its new value", () => withPage(async (page) => {
    await page.goto(caseUrl(shared.server.main, eligible));
    const w = widget(page);
    await waitReady(w);
    await w.locator('input.remember-box').check();
    await page.evaluate(() => {
        window.__saved = [];
        const setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {
            if (key.startsWith('meso-screener:')) window.__saved.push(JSON.parse(value).answers.sex ?? null);
            return setItem.call(this, key, value);
        };
    });
    await w.locator('[data-q="sex"] label.choice:has(input[value="female"]) span').first().click();
    await w.locator('[data-q="pregnant"]').waitFor();
    await w.locator('[data-q="sex"] label.choice:has(input[value="male"]) span').first().click();
    await w.locator('[data-q="pregnant"]').waitFor({ state: 'detached' });
    assert.deepEqual(await page.evaluate(() => window.__saved), ['female', 'male']);
}));

test('the language switches at run time, with dates through Intl', () => withPage(async (page) => {
    await page.goto(caseUrl(shared.server.main, dated));
    const w = widget(page);
    await waitReady(w);
    await completeByMouse(w, dated.answers);
    const english = await w.locator('.view-title').innerText();
    await chooseLanguage(w, 'pl');
    assert.equal(await page.evaluate(() => document.querySelector('meso-screener').getAttribute('lang')), 'pl');
    assert.equal(await w.locator('.view-title').innerText(), 'Twój wynik');
    assert.notEqual(english, 'Twój wynik');
    if (dated.expect.plan?.dates?.length) {
        const first = dated.expect.plan.dates[0];
        const polish = new Intl.DateTimeFormat('pl', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
            .format(new Date(`${first}T00:00:00Z`));
        assert.equal(await w.locator('.timeline time').first().innerText(), polish);
    }
    const status = await page.evaluate(() => document.querySelector('meso-screener').result.lang);
    assert.equal(status, 'pl');
}));
