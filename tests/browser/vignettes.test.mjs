// Golden vignettes (tests/cases/*.json) completed through the UI as a patient would, one of them
// by keyboard only and one in each language that comes as a locale file; the shown status,
// findings and dates must match the case's expectations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
    useServerAndBrowser, newPage, pickVignettes, completableCases, widget, waitReady,
    completeByMouse, completeByKeyboard, shownOutcome, caseUrl, findingIds,
} from './harness.mjs';

const shared = useServerAndBrowser();

function checkOutcome(shown, c) {
    assert.equal(shown.status, c.expect.status, c.description);
    if (c.expect.findings) assert.deepEqual(shown.findings, findingIds(c.expect.findings), c.description);
    if (c.expect.plan && c.expect.plan.dates) assert.deepEqual(shown.dates, c.expect.plan.dates, c.description);
}

const vignettes = pickVignettes(8);

test('there are at least six golden vignettes to drive', () => {
    assert.ok(vignettes.length >= 6, `only ${vignettes.length} completable cases in tests/cases`);
    assert.deepEqual(new Set(vignettes.slice(0, 4).map((c) => c.expect.status)).size, 4);
});

for (const c of vignettes) {
    test(`vignette ${c.file}: ${c.expect.status}`, async () => {
        const errors = [];
        const page = await newPage(shared.browser.context, errors);
        try {
            await page.goto(caseUrl(shared.server.main, c));
            const w = widget(page);
            await waitReady(w);
            await completeByMouse(w, c.answers);
            checkOutcome(await shownOutcome(w), c);
            const earliest = await page.evaluate(() => document.querySelector('meso-screener').result.earliest_start);
            if (c.expect.earliest_start !== undefined) assert.equal(earliest, c.expect.earliest_start);
            assert.deepEqual(errors, []);
        } finally {
            await page.close();
        }
    });
}

// Each language other than English comes with its locale file: one vignette in each, end to end.
for (const lang of ['pl', 'uk']) {
    test(`a vignette in ${lang}`, async () => {
        const c = completableCases().find((x) => x.lang === lang);
        assert.ok(c, `tests/cases has no completable case in ${lang}`);
        const errors = [];
        const page = await newPage(shared.browser.context, errors);
        try {
            await page.goto(caseUrl(shared.server.main, c));
            const w = widget(page);
            await waitReady(w);
            assert.equal(await w.locator('.frame').getAttribute('lang'), lang);
            await completeByMouse(w, c.answers);
            checkOutcome(await shownOutcome(w), c);
            assert.equal(await page.evaluate(() => document.querySelector('meso-screener').result.lang), lang);
            assert.deepEqual(errors, []);
        } finally {
            await page.close();
        }
    });
}

test('a vignette completed by keyboard only', async () => {
    const hasDate = (c) => Object.keys(c.answers).some((k) => /_(last|end|date)$/.test(k));
    const c = completableCases().find((x) => x.expect.status === 'consult' && !hasDate(x)) ||
        completableCases().find((x) => !hasDate(x));
    assert.ok(c, 'no case without dates');
    const page = await newPage(shared.browser.context);
    try {
        await page.goto(caseUrl(shared.server.main, c));
        const w = widget(page);
        await waitReady(w);
        await completeByKeyboard(page, w, c.answers);
        checkOutcome(await shownOutcome(w), c);
        // Focus moved to the result's heading, and the status is announced in the live region.
        const active = await page.evaluate(() => document.querySelector('meso-screener').shadowRoot.activeElement?.id);
        assert.equal(active, 'view-heading');
        await page.waitForFunction(() => document.querySelector('meso-screener').shadowRoot.querySelector('[aria-live]').textContent.length > 0);
    } finally {
        await page.close();
    }
});
