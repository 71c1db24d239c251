// axe-core finds no WCAG 2.x A/AA violation on any step, the review, the error states (and the
// notice of a language that did not load) or any kind of result, at a phone width and a desktop
// width; the same walk writes the screenshots to tests/browser/screenshots/ (git-ignored) for
// people to look at.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
    useServerAndBrowser, showResult, newPage, completableCases, widget, waitReady, completeByMouse,
    caseUrl, axeSource, ensureScreenshotDir,
} from './harness.mjs';

const WIDTHS = [360, 1280];
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const shared = useServerAndBrowser();
let axe;
let shots;
before(async () => {
    axe = await axeSource();
    shots = await ensureScreenshotDir();
});

async function checkAxe(page, where) {
    if (!(await page.evaluate(() => !!window.axe))) await page.addScriptTag({ content: axe });
    const violations = await page.evaluate(async (tags) => {
        const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
        return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }, TAGS);
    assert.deepEqual(violations, [], `axe on ${where}`);
}

async function noHorizontalScroll(page, where) {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${where}: the page scrolls sideways by ${overflow}px`);
}

// The first completable case for each outcome.
const byStatus = ['eligible', 'consult', 'postpone', 'ineligible']
    .map((status) => completableCases().find((c) => c.expect.status === status))
    .filter(Boolean);

for (const [width, theme] of WIDTHS.flatMap((w) => ['light', 'dark'].map((t) => [w, t]))) {
    // Dark has its own palette: contrast is checked in it too. Screenshots keep the light names.
    const suffix = theme === 'dark' ? '-dark' : '';
    const themed = (url) => (theme === 'dark' ? `${url}&theme=dark` : url);
    test(`every step and every kind of result at ${width}px, ${theme}`, async () => {
        assert.ok(byStatus.length === 4, 'tests/cases lacks a case for some outcome');
        const page = await newPage(shared.browser.context);
        await page.setViewportSize({ width, height: 900 });
        try {
            await page.goto(themed(caseUrl(shared.server.main, byStatus[0])));
            await waitReady(widget(page));
            await checkAxe(page, `the demo page at ${width}px, ${theme}`);
            await page.screenshot({ path: join(shots, `${width}${suffix}-demo-page.png`), fullPage: true });
            for (const [i, c] of byStatus.entries()) {
                await page.goto(themed(caseUrl(shared.server.main, c)));
                const w = widget(page);
                await waitReady(w);
                if (i === 0) {
                    // The error state: Continue on an empty first step.
                    await w.locator('section.view button[type="submit"]').click();
                    await w.locator('.error-summary:not([hidden])').waitFor();
                    await checkAxe(page, `errors at ${width}px, ${theme}`);
                    await w.screenshot({ path: join(shots, `${width}${suffix}-step-errors.png`) });
                }
                await completeByMouse(w, c.answers, async (view) => {
                    const name = view === 'result' ? `result-${c.expect.status}` : `step-${view}`;
                    // Texts with parameters arrive written out (question_texts), never as "{since, date}".
                    assert.doesNotMatch(await w.locator('section.view').innerText(), /\{[a-z_.]+(,[^}]*)?\}/, `${name}: a placeholder left in a text`);
                    if (i === 0 || view === 'result') {
                        await checkAxe(page, `${name} at ${width}px, ${theme}`);
                        await noHorizontalScroll(page, `${name} at ${width}px`);
                        await w.screenshot({ path: join(shots, `${width}${suffix}-${name}.png`) });
                    }
                });
            }
            await page.goto(themed(`${shared.server.main}/index.html?rules=no-such-rules.json`));
            await widget(page).locator('.load-error').waitFor();
            await checkAxe(page, `load error at ${width}px, ${theme}`);
            await widget(page).screenshot({ path: join(shots, `${width}${suffix}-load-error.png`) });
        } finally {
            await page.close();
        }
    });
}

test('the notice of a language whose texts did not load', async () => {
    const page = await newPage(shared.browser.context);
    try {
        await page.route('**/locales/uk.json*', (route) => route.fulfill({ status: 404, body: 'Not found' }));
        await page.goto(`${shared.server.main}/index.html?today=2026-11-21&lang=en`);
        const w = widget(page);
        await waitReady(w);
        await w.locator('select.lang-select').selectOption('uk');
        await w.locator('.lang-notice').waitFor();
        await checkAxe(page, 'the language notice');
        await page.waitForFunction(() => /Українська/.test(document.querySelector('meso-screener').shadowRoot.querySelector('[aria-live]').textContent));
        await w.screenshot({ path: join(shots, '1280-language-notice.png') });
    } finally {
        await page.close();
    }
});

test('the result prints with the rule set and the date stamped on it', async () => {
    const c = byStatus[0];
    const page = await newPage(shared.browser.context);
    try {
        const w = await showResult(page, caseUrl(shared.server.main, c), c.answers);
        await page.emulateMedia({ media: 'print' });
        const stamp = w.locator('.print-stamp');
        assert.ok(await stamp.isVisible());
        const info = await page.evaluate(() => document.querySelector('meso-screener').result.ruleset);
        assert.ok((await stamp.innerText()).includes(info.version));
        assert.equal(await w.locator('.actions').count(), 2);  // next actions, then the others
        for (const actions of await w.locator('.actions').all()) assert.equal(await actions.isVisible(), false);
        await w.screenshot({ path: join(shots, 'print-result.png') });

        // "Print or save as PDF" prints the widget alone: the host page is hidden while printing.
        await page.evaluate(() => {
            window.print = () => {
                window.__printed = {
                    page: getComputedStyle(document.querySelector('.site-header')).visibility,
                    widget: getComputedStyle(document.querySelector('meso-screener')).visibility,
                };
            };
        });
        await page.emulateMedia({ media: 'screen' });
        await w.locator('[data-action="print"]').click();
        await page.emulateMedia({ media: 'print' });
        const printed = await page.evaluate(() => {
            const now = {
                page: getComputedStyle(document.querySelector('.site-header')).visibility,
                widget: getComputedStyle(document.querySelector('meso-screener')).visibility,
            };
            window.dispatchEvent(new Event('afterprint'));
            return now;
        });
        assert.deepEqual(printed, { page: 'hidden', widget: 'visible' });
        assert.equal(await page.evaluate(() => document.querySelector('meso-screener').hasAttribute('data-meso-printing')), false);
        assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')).visibility), 'visible');
    } finally {
        await page.close();
    }
});

test('reduced motion turns transitions off; at 200% zoom (640px) nothing scrolls sideways', async () => {
    const page = await newPage(shared.browser.context);
    try {
        await page.emulateMedia({ reducedMotion: 'reduce' });
        await page.setViewportSize({ width: 640, height: 900 });
        await page.goto(`${shared.server.main}/index.html?today=2026-11-21`);
        const w = widget(page);
        await waitReady(w);
        const transition = await w.locator('.progress-fill').evaluate((el) => getComputedStyle(el).transitionDuration);
        assert.equal(transition, '0s');
        await noHorizontalScroll(page, '640px');
        await page.setViewportSize({ width: 320, height: 700 });
        await noHorizontalScroll(page, '320px');
    } finally {
        await page.close();
    }
});

test('the welcome: what, how long, where the answers go, the disclaimer; Start moves focus to the first step; skip-welcome skips it', async () => {
    const page = await newPage(shared.browser.context);
    await page.setViewportSize({ width: 360, height: 740 });
    try {
        await page.goto(`${shared.server.main}/index.html?today=2026-11-21&lang=en`);
        const w = widget(page);
        const welcome = w.locator('section.view.welcome');
        await welcome.waitFor();
        const text = await welcome.innerText();
        assert.match(text, /about 3 minutes/);
        assert.match(text, /stay in this browser: nothing is sent/);
        assert.match(text, /not a diagnosis/i);
        await checkAxe(page, 'the welcome at 360px');
        await w.screenshot({ path: join(shots, '360-welcome.png') });
        await w.locator('[data-action="begin"]').press('Enter');
        await w.locator('section.view[data-step="about"]').waitFor();
        assert.equal(await page.evaluate(() => document.querySelector('meso-screener').shadowRoot.activeElement?.id), 'view-heading');

        await page.evaluate(() => {
            const el = document.createElement('meso-screener');
            el.skipWelcome = true;
            el.setAttribute('expose-answers', '');
            document.querySelector('meso-screener').replaceWith(el);
        });
        await w.locator('section.view[data-step="about"]').waitFor();
        assert.equal(await w.locator('section.view.welcome').count(), 0);
    } finally {
        await page.close();
    }
});
