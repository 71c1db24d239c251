// The result page, top first (issue 12): on a 360×740 phone the next action is on screen when the
// result appears; sources are numbered references with their titles; no course plan under an
// ineligible verdict; under a wait with no end, the plan is only a collapsed look at later; the
// details of a plan open on demand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { useServerAndBrowser, launchBrowser, showResult, showResultInPage, newPage, completableCases, widget, waitReady, completeByMouse, caseUrl, dist } from './harness.mjs';

const shared = useServerAndBrowser();
const cases = completableCases();
const first = (test_) => cases.find(test_);
const picked = [
    first((c) => c.expect.status === 'eligible' && (c.lang || 'en') === 'en'),
    first((c) => c.expect.status === 'eligible' && c.lang === 'pl'),
    first((c) => c.expect.status === 'eligible' && c.lang === 'uk'),
    first((c) => c.expect.status === 'consult'),
    first((c) => c.expect.status === 'postpone' && c.expect.earliest_start),
    first((c) => c.expect.status === 'postpone' && !c.expect.earliest_start && c.expect.plan),
    first((c) => c.expect.status === 'ineligible'),
].filter(Boolean);

test('the cases below cover every kind of result', () => {
    assert.equal(picked.length, 7, picked.map((c) => c.file).join());
});

for (const c of picked) {
    test(`360×740, ${c.file}: the next action is on screen when the result appears`, async () => {
        const page = await newPage(shared.browser.context);
        await page.setViewportSize({ width: 360, height: 740 });
        try {
            const w = await showResult(page, caseUrl(shared.server.main, c), c.answers);
            const next = w.locator('.actions-next .btn').first();
            await next.waitFor();
            const box = await next.boundingBox();
            const height = await page.evaluate(() => window.innerHeight);
            assert.ok(box.y >= 0 && box.y + box.height <= height,
                `the first next action spans ${Math.round(box.y)}..${Math.round(box.y + box.height)} px of a ${height} px screen`);

            // What booking offers fits the verdict: a consultation, one from the day the wait
            // ends, or, where nothing can be booked yet, a word with the clinic, not as the main action.
            const book = w.locator('.actions-next [data-action="book"]');
            const offer = await book.innerText();
            const shown = await page.evaluate(() => document.querySelector('meso-screener').result);
            const blocked = c.expect.status === 'ineligible' || (c.expect.status === 'postpone' && !c.expect.earliest_start);
            assert.equal(await book.evaluate((a) => a.classList.contains('primary')), !blocked, offer);
            if (c.expect.status === 'postpone' && c.expect.earliest_start) {
                const day = await page.evaluate(([lang, iso]) => new Intl.DateTimeFormat(lang, { day: 'numeric' }).format(new Date(`${iso}T12:00:00`)),
                    [c.lang || 'en', shown.earliest_start]);
                assert.ok(offer.includes(day), `"${offer}" does not name the day the wait ends`);
            }
            if (blocked) assert.doesNotMatch(offer, /consultation|konsultac|консультац/i);

            // References, not file numbers: "[2]" in the text, the titles in the list, marked
            // English on a page in another language.
            const text = await w.locator('.view.result').innerText();
            assert.doesNotMatch(text, /\b0\d\d\b/, 'a bare source number in the result');
            const titles = w.locator('.sources li cite');
            assert.ok(await titles.count() > 0);
            const marked = await w.locator('.sources li cite[lang="en"]').count();
            assert.equal(marked, (c.lang || 'en') === 'en' ? 0 : await titles.count());

            const plan = w.locator('section.plan');
            if (c.expect.status === 'ineligible') {
                assert.equal(await plan.count(), 0, 'a course plan under an ineligible verdict');
            } else if (c.expect.status === 'postpone' && !c.expect.earliest_start) {
                const later = w.locator('details.plan-later');
                assert.equal(await later.count(), 1);
                assert.equal(await plan.isVisible(), false, 'the plan of a wait with no end shows before it is asked for');
                await later.locator(':scope > summary').click();
                assert.equal(await plan.isVisible(), true);
            } else if (c.expect.plan) {
                assert.equal(await plan.isVisible(), true);
                // A consult's dates hold only if the doctor agrees, and the plan says so.
                const provisional = await page.evaluate(() => document.querySelector('meso-screener').result.plan.provisional_text);
                assert.equal(!!provisional, c.expect.status === 'consult');
                if (provisional) assert.equal(await plan.locator('.provisional').textContent(), provisional);
                const more = w.locator('details.plan-more');
                if (await more.count()) {
                    const firstList = more.locator('.plan-list').first();
                    assert.equal(await firstList.isVisible(), false);
                    await more.locator(':scope > summary').click();
                    assert.equal(await firstList.isVisible(), true);
                }
            }
        } finally {
            await page.close();
        }
    });
}

test('Start again empties the live region: "Result: …" is no longer true', async () => {
    const c = picked[0];
    const page = await newPage(shared.browser.context);
    try {
        const w = await showResult(page, caseUrl(shared.server.main, c), c.answers);
        const live = w.locator('[aria-live="polite"]');
        await page.waitForFunction((el) => el.textContent !== '', await live.elementHandle());
        await w.locator('[data-action="restart"]').click();
        await w.locator('section.view:not(.result)').waitFor();
        await page.waitForTimeout(300);  // past the moment a pending announcement would land
        assert.equal(await live.textContent(), '');
    } finally {
        await page.close();
    }
});

test('an optional question says "(optional)" once, in every language', async () => {
    const page = await newPage(shared.browser.context);
    try {
        for (const c of picked.slice(0, 3)) {
            await page.goto(caseUrl(shared.server.main, c));
            const w = widget(page);
            await waitReady(w);
            let seen = null;
            await completeByMouse(w, c.answers, async (view) => {
                if (view === 'review' || view === 'result') return;
                const question = w.locator('[data-q="start_date"]');
                if (await question.count()) seen = await question.innerText();
            });
            assert.ok(seen, `${c.file}: the start date was never asked`);
            const marks = seen.match(/\((optional|opcjonalnie|необов['’]язково)\)/g) || [];
            assert.equal(marks.length, 1, `${c.file}: ${JSON.stringify(seen)}`);
        }
    } finally {
        await page.close();
    }
});

test('the host can retitle the widget, hide its language menu and open booking in a new tab', async () => {
    const c = picked[0];
    const page = await newPage(shared.browser.context);
    try {
        await page.goto(caseUrl(shared.server.main, c));
        const w = widget(page);
        await waitReady(w);
        assert.equal(await w.locator('.lang').isVisible(), true);
        await w.evaluate((el) => {
            el.setAttribute('heading', 'Klinika Przykład: is it for me?');
            el.hideLanguage = true;
            el.setAttribute('booking-target', '_blank');
        });
        assert.equal(await w.locator('.title').textContent(), 'Klinika Przykład: is it for me?');
        assert.equal(await w.locator('.lang').isVisible(), false);
        await completeByMouse(w, c.answers);
        const book = w.locator('[data-action="book"]');
        assert.deepEqual([await book.getAttribute('target'), await book.getAttribute('rel')], ['_blank', 'noopener']);
        await w.evaluate((el) => { el.heading = ''; el.bookingTarget = ''; });
        assert.equal(await w.locator('.title').textContent(), 'Mesotherapy self-check');
        assert.equal(await book.getAttribute('target'), null);
    } finally {
        await page.close();
    }
});

test('the printed result starts with the clinic\'s name and phone when the rule set has them', async () => {
    const c = picked[0];
    const rules = JSON.parse(readFileSync(join(dist, 'rules/mesotherapy.json'), 'utf8'));
    const clinic = { clinic_name: 'Klinika Przykład', clinic_phone: '+48 12 000 00 00' };
    for (const [id, value] of Object.entries(clinic)) {
        rules.settings[id] = { value, unit: 'text', text: `setting.${id}` };
        for (const locale of Object.values(rules.locales)) locale[`setting.${id}`] = id;
    }
    const page = await newPage(shared.browser.context);
    try {
        await page.route('**/clinic-rules.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(rules) }));
        await page.goto(`${shared.server.main}/index.html?today=${c.today}&lang=en&rules=clinic-rules.json`);
        const w = widget(page);
        await waitReady(w);
        await completeByMouse(w, c.answers);
        await page.emulateMedia({ media: 'print' });
        assert.match(await w.locator('.print-stamp').innerText(), /^Klinika Przykład · \+48 12 000 00 00 · Rule set mesotherapy-default /);
    } finally {
        await page.close();
    }
});

// Every golden case a patient can complete, on a phone: the next action is on screen when the
// result appears, and the page's text has no ISO date and no bare source number.
// Three pages at a time: most of a case's time is the test's round trips to the browser, and the
// whole list one after another was the longest test of the command (about 8 minutes).
test('360×740, every golden case: the next action is on the first screen; no ISO date, no source number', async () => {
    const LANES = 3;
    let checked = 0;
    await Promise.all(Array.from({ length: LANES }, async (_, lane) => {
        const page = await newPage(shared.browser.context);
        await page.setViewportSize({ width: 360, height: 740 });
        try {
            for (const c of cases.filter((_, i) => i % LANES === lane)) {
                const w = await showResultInPage(page, caseUrl(shared.server.main, c), c.answers);
                const next = w.locator('.actions-next .btn').first();
                await next.waitFor();
                const box = await next.boundingBox();
                assert.ok(box.y >= 0 && box.y + box.height <= 740, `${c.file}: the next action spans ${Math.round(box.y)}..${Math.round(box.y + box.height)} px`);
                const text = await w.locator('.frame').innerText();
                assert.doesNotMatch(text, /\d{4}-\d{2}-\d{2}/, `${c.file}: an ISO date on the page`);
                assert.doesNotMatch(text, /\b0\d\d\b/, `${c.file}: a bare source number on the page`);
                checked++;
            }
        } finally {
            await page.close();
        }
    }));
    assert.equal(checked, cases.length);
});

// Counts the pages of a PDF: each page is one "/Type /Page" object ("/Pages" is their tree).
const pdfPages = (bytes) => (bytes.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || []).length;

test('an eligible result prints on one A4 page, from "Print or save as PDF"', async () => {
    const c = picked[0];
    const page = await newPage(shared.browser.context);
    try {
        const w = await showResult(page, caseUrl(shared.server.main, c), c.answers);
        // The widget's own print button: the host page is hidden while it prints.
        await page.evaluate(() => { window.print = () => {}; });
        await w.locator('[data-action="print"]').click();
        const pdf = await page.pdf({ format: 'A4' });
        assert.equal(pdfPages(pdf), 1);
        await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
        // The count is real: the whole demo page with the plan's details open is longer.
        await w.locator('details.plan-more > summary').click();
        assert.ok(pdfPages(await page.pdf({ format: 'A4' })) > 1);
    } finally {
        await page.close();
    }
});

// Back from the booking page finds the result again, with nothing stored: the page stays in the
// back/forward cache (no unload handler, no Cache-Control: no-store). Playwright turns that
// cache off by default; this browser has it on, as a patient's has.
test('the result survives Back from the booking page, and nothing is stored', async () => {
    const c = picked[0];
    const browser = await launchBrowser({ ignoreDefaultArgs: ['--disable-back-forward-cache'] });
    const page = await newPage(browser.context);
    try {
        const w = await showResult(page, caseUrl(shared.server.main, c), c.answers);
        await page.evaluate(() => { window.__sameDocument = true; });
        await page.goto(`${shared.server.main}/booking.html`);
        await page.goBack({ waitUntil: 'commit' });  // a page restored from the cache fires no load
        await w.locator('.view.result').waitFor({ timeout: 5000 });
        assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the page was loaded again, not restored');
        assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0);
    } finally {
        await browser.close();
    }
});
