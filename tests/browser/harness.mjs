// Shared set-up for the browser tests: the demo server on free ports, Debian's Chromium through
// playwright-core, the golden cases, and a patient who answers through the UI.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { repo, dist, requireDist, loadCases, readmeStub } from '../node/fixtures.mjs';

export { repo, dist, requireDist, loadCases, readmeStub };
export const screenshots = join(repo, 'tests/browser/screenshots');
const require = createRequire(import.meta.url);

// Starts web/serve.mjs over `dir` (dist/ unless given) on two free ports; resolves to
// { main, cross, stop }.
export function startServer(dir = dist) {
    requireDist();
    return new Promise((resolveStart, rejectStart) => {
        const child = spawn(process.execPath, [join(repo, 'web/serve.mjs'), '--dir', dir, '--port', '0', '--port2', '0'],
            { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        const stop = () => new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
        });
        child.stdout.on('data', (chunk) => {
            out += chunk;
            const main = out.match(/demo:\s+(http:\/\/[\d.:]+)\//);
            const cross = out.match(/cross-origin:\s+(http:\/\/[\d.:]+)\//);
            if (main && cross) resolveStart({ main: main[1], cross: cross[1], stop });
        });
        child.stderr.on('data', (chunk) => { out += chunk; });
        child.once('exit', (code) => rejectStart(new Error(`serve.mjs exited with ${code}: ${out}`)));
    });
}

export async function launchBrowser(options = {}) {
    const userDataDir = await mkdtemp(join(tmpdir(), 'meso-chromium-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
        headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
            '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        viewport: { width: 1280, height: 900 },
        locale: 'en-US',
        timezoneId: 'Europe/Warsaw',
        acceptDownloads: true,
        ...options,
    });
    const close = async () => {
        await context.close();
        await rm(userDataDir, { recursive: true, force: true });
    };
    return { context, close };
}

// A page that fails the test on any uncaught error in it.
export async function newPage(context, errors = []) {
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    return page;
}

export const findingIds = (findings) => (findings || []).map((f) => (typeof f === 'string' ? f : f.id)).sort();

// Cases a patient can complete through the form: a verdict, no malformed answers.
export function completableCases() {
    return loadCases().filter((c) => c.expect && c.expect.status !== 'incomplete' &&
        !(c.expect.errors && c.expect.errors.length) && c.answers && typeof c.answers === 'object');
}

// One case per outcome first, then the rest, up to `count`.
export function pickVignettes(count) {
    const cases = completableCases();
    const picked = [];
    for (const status of ['eligible', 'consult', 'postpone', 'ineligible']) {
        const c = cases.find((x) => x.expect.status === status && !picked.includes(x));
        if (c) picked.push(c);
    }
    const dated = cases.find((x) => !picked.includes(x) && x.expect.plan && x.expect.plan.dates && x.expect.earliest_start && x.expect.earliest_start !== x.today);
    if (dated) picked.push(dated);
    for (const c of cases) if (picked.length < count && !picked.includes(c)) picked.push(c);
    return picked.slice(0, count);
}

export async function axeSource() {
    return readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
}

export async function ensureScreenshotDir() {
    await mkdir(screenshots, { recursive: true });
    return screenshots;
}

// --- the patient ---------------------------------------------------------------------------------
export const widget = (page, selector = 'meso-screener') => page.locator(selector).first();

// Waits for the questionnaire's first step, past the welcome, which a fresh page shows first,
// with the engine started: the built-in rule set's first view shows before it has
// (web/src/first-view.js), and el.result is null until it has.
export async function waitReady(w) {
    await w.locator('section.view').first().waitFor();
    if (await viewName(w) === 'welcome') {
        await w.locator('[data-action="begin"]').click();
        await w.locator('section.view:not(.welcome)').first().waitFor();
    }
    await engineStarted(w);
}

export async function engineStarted(w) {
    await w.page().waitForFunction((host) => host.result !== null, await w.elementHandle());
}

// Picks a language in the widget's menu and waits until the widget shows it: its texts may have
// to be fetched first.
export async function chooseLanguage(w, lang) {
    await w.locator('select.lang-select').selectOption(lang);
    await w.locator(`.frame[lang="${lang}"][aria-busy="false"]`).waitFor();
}

export async function viewName(w) {
    return w.locator('section.view').first().getAttribute('data-step');
}

async function answer(w, key, value) {
    const q = w.locator(`[data-q="${key}"]`);
    const type = await q.getAttribute('data-type');
    if (type === 'boolean' || type === 'single') {
        await q.locator(`input[value="${String(value)}"]`).check();
    } else if (type === 'multiple') {
        const wanted = new Set(value);
        for (const input of await q.locator('input').all()) {
            const on = wanted.has(await input.getAttribute('value'));
            if (on !== (await input.isChecked())) await input.setChecked(on);
        }
    } else {
        await q.locator('input').fill(String(value));
        await q.locator('input').dispatchEvent('change');
    }
}

// Answers the visible questions of the current step that the case answers, in the order they
// appear (an answer may make the next question appear).
export async function answerStep(w, answers) {
    const done = new Set();
    for (;;) {
        const keys = await w.locator('section.view [data-q]').evaluateAll((nodes) => nodes.map((n) => n.dataset.q));
        const next = keys.find((k) => k in answers && answers[k] !== null && !done.has(k));
        if (!next) return;
        await answer(w, next, answers[next]);
        done.add(next);
    }
}

async function leaveView(w, from, click) {
    await click();
    await w.page().waitForFunction(([host, before]) => {
        const view = document.querySelector(host).shadowRoot.querySelector('section.view');
        const summary = document.querySelector(host).shadowRoot.querySelector('.error-summary:not([hidden])');
        return (view && view.dataset.step !== before) || summary;
    }, ['meso-screener', from]);
    const summary = w.locator('.error-summary:not([hidden])');
    if (await summary.count()) throw new Error(`step ${from} did not validate: ${await summary.innerText()}`);
}

// Walks the questionnaire with the mouse. onView(name) is awaited on every step, the review and
// the result (for screenshots and axe).
export async function completeByMouse(w, answers, onView = async () => {}) {
    await waitReady(w);
    for (let guard = 0; guard < 12; guard++) {
        const name = await viewName(w);
        if (name === 'review') {
            await onView(name);
            await leaveView(w, name, () => w.locator('[data-action="result"]').click());
            await w.locator('.view.result').waitFor();
            await onView('result');
            return;
        }
        await answerStep(w, answers);
        await onView(name);
        await leaveView(w, name, () => w.locator('section.view button[type="submit"]').click());
    }
    throw new Error('the questionnaire did not reach the review');
}

function focused() {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    const q = a && a.closest ? a.closest('[data-q]') : null;
    return {
        type: a ? a.type || a.tagName.toLowerCase() : null,
        value: a ? a.value : null,
        checked: a ? !!a.checked : false,
        q: q ? q.dataset.q : null,
        action: a && a.dataset ? a.dataset.action || null : null,
    };
}

// The same walk with the keyboard only: Tab to each control, arrows or Space to answer, Enter on
// Continue and on "See my result".
export async function completeByKeyboard(page, w, answers) {
    const keyboard = page.keyboard;
    for (let guard = 0; guard < 400; guard++) {
        if (await w.locator('.view.result').count()) return;
        await keyboard.press('Tab');
        const f = await page.evaluate(focused);
        if (f.type === 'submit' || f.action === 'result') {
            const from = await viewName(w);
            await keyboard.press('Enter');
            await page.waitForFunction((before) => {
                const root = document.querySelector('meso-screener').shadowRoot;
                return root.querySelector('section.view')?.dataset.step !== before || root.querySelector('.error-summary:not([hidden])');
            }, from);
            continue;
        }
        if (!f.q || !(f.q in answers) || answers[f.q] === null) continue;
        const want = answers[f.q];
        if (f.type === 'radio') {
            let current = f;
            for (let n = 0; current.value !== String(want) && n < 8; n++) {
                await keyboard.press('ArrowDown');
                current = await page.evaluate(focused);
            }
            if (!current.checked) await keyboard.press('Space');
        } else if (f.type === 'checkbox') {
            if (want.includes(f.value) !== f.checked) await keyboard.press('Space');
        } else if (f.type === 'text') {
            await keyboard.press('Control+A');
            await keyboard.type(String(want));
        } else if (f.type === 'date') {
            const [y, m, d] = String(want).split('-');
            await keyboard.type(`${m}${d}${y}`);  // en-US segment order
        }
    }
    throw new Error('keyboard walk did not reach the result');
}

export async function shownOutcome(w) {
    const result = w.locator('.view.result');
    return {
        status: await result.getAttribute('data-status'),
        findings: (await result.locator('[data-finding]').evaluateAll((nodes) => nodes.map((n) => n.dataset.finding))).sort(),
        dates: await result.locator('.timeline [data-date]').evaluateAll((nodes) => nodes.map((n) => n.dataset.date)),
    };
}

export function caseUrl(origin, c, page = 'index.html') {
    const params = new URLSearchParams({ today: c.today, lang: c.lang || 'en' });
    return `${origin}/${page}?${params}`;
}

// Opens `url`, answers with the mouse and returns the widget showing its result.
export async function showResult(page, url, answers) {
    await page.goto(url);
    const w = widget(page);
    await waitReady(w);
    await completeByMouse(w, answers);
    return w;
}

// Opens `url` and answers inside the page, with no round trip to the browser per click: for
// tests that look at every golden case's result rather than at how a patient reaches it (the
// mouse and keyboard walks above do that). The inputs change and the buttons are pressed as a
// patient's would be, through the events the widget listens to.
export async function showResultInPage(page, url, answers) {
    await page.goto(url);
    const w = widget(page);
    await w.locator('section.view').first().waitFor();
    await engineStarted(w);
    await page.evaluate(answerEveryStep, answers);
    await w.locator('.view.result').waitFor();
    return w;
}

async function answerEveryStep(answers) {
    const root = document.querySelector('meso-screener').shadowRoot;
    const view = () => root.querySelector('section.view');
    const rendered = () => new Promise((done) => setTimeout(done, 0));
    const change = (input, type) => input.dispatchEvent(new Event(type, { bubbles: true }));
    const set = (node, value) => {
        const type = node.dataset.type;
        if (type === 'multiple') {
            for (const input of node.querySelectorAll('input')) {
                const on = value.includes(input.value);
                if (input.checked !== on) { input.checked = on; change(input, 'change'); }
            }
        } else if (type === 'boolean' || type === 'single') {
            const input = node.querySelector(`input[value="${String(value)}"]`);
            if (!input) throw new Error(`${node.dataset.q}: no choice ${String(value)}`);
            input.checked = true;
            change(input, 'change');
        } else {
            const input = node.querySelector('input');
            input.value = String(value);
            change(input, 'input');
            change(input, 'change');
        }
    };
    const leave = async (button) => {
        const before = view();
        button.click();
        for (let wait = 0; wait < 2000; wait++) {
            await rendered();
            const summary = root.querySelector('.error-summary:not([hidden])');
            if (summary) throw new Error(`step ${before.dataset.step} did not validate: ${summary.innerText}`);
            if (view() !== before || view().dataset.step !== before.dataset.step) return;
        }
        throw new Error(`step ${before.dataset.step} did not change`);
    };
    for (let guard = 0; guard < 14; guard++) {
        const current = view();
        if (current.classList.contains('result')) return;
        if (current.dataset.step === 'welcome') {
            await leave(current.querySelector('[data-action="begin"]'));
        } else if (current.dataset.step === 'review') {
            await leave(current.querySelector('[data-action="result"]'));
        } else {
            // An answer may make the next question appear: read the step again after each one.
            const done = new Set();
            for (;;) {
                const next = [...current.querySelectorAll('[data-q]')]
                    .find((n) => n.dataset.q in answers && answers[n.dataset.q] !== null && !done.has(n.dataset.q));
                if (!next) break;
                set(next, answers[next.dataset.q]);
                done.add(next.dataset.q);
                await rendered();
            }
            await leave(current.querySelector('button[type="submit"]'));
        }
    }
    throw new Error('the questionnaire did not reach the result');
}

// One server and one browser for the tests of a file: started before them, closed after them.
// Read shared.server and shared.browser inside the tests (they are set once `before` has run);
// shared.withPage(run) gives run a fresh page and the list of its errors, and closes it after.
export function useServerAndBrowser() {
    const shared = { server: null, browser: null };
    shared.withPage = async (run) => {
        const errors = [];
        const page = await newPage(shared.browser.context, errors);
        try {
            await run(page, errors);
        } finally {
            await page.close();
        }
    };
    before(async () => {
        shared.server = await startServer();
        shared.browser = await launchBrowser();
    });
    after(async () => {
        await shared.browser?.close();
        await shared.server?.stop();
    });
    return shared;
}
