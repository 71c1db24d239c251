// The smaller holes of issue 11, each as the patient or the host would meet it.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useServerAndBrowser, widget, waitReady, completeByMouse, pickVignettes, caseUrl } from './harness.mjs';

const shared = useServerAndBrowser();

const [eligible] = pickVignettes(1);

const { withPage } = shared;

test('the strict-CSP page sends base-uri, object-src and frame-ancestors', () => withPage(async (page) => {
    const response = await page.goto(caseUrl(shared.server.main, eligible, 'strict-csp.html'));
    const csp = response.headers()['content-security-policy'];
    for (const directive of ["base-uri 'none'", "object-src 'none'", "frame-ancestors 'self'"]) assert.ok(csp.includes(directive), csp);
}));

test('the demo takes rules= only from its own origin', () => withPage(async (page) => {
    await page.goto(`${shared.server.main}/index.html?today=2026-11-21&rules=${encodeURIComponent(`${shared.server.cross}/rules/mesotherapy.json`)}`);
    assert.equal(await page.evaluate(() => document.querySelector('meso-screener').getAttribute('rules')), null);
    await page.goto(`${shared.server.main}/index.html?today=2026-11-21&rules=rules/mesotherapy.json`);
    assert.equal(await page.evaluate(() => document.querySelector('meso-screener').getAttribute('rules')), 'rules/mesotherapy.json');
}));

test('pasting more than 1 MiB into a number field gives that field an error, nothing uncaught', () => withPage(async (page, errors) => {
    await page.goto(caseUrl(shared.server.main, eligible));
    const w = widget(page);
    await waitReady(w);
    const age = w.locator('[data-q="age"] input');
    await age.evaluate((input) => { input.value = '9'.repeat((1 << 20) + 10); });
    await age.dispatchEvent('input');
    await age.dispatchEvent('change');
    await w.locator('section.view button[type="submit"]').click();
    await w.locator('.error-summary:not([hidden])').waitFor();
    assert.equal(await w.locator('[data-q="age"] input').getAttribute('aria-invalid'), 'true');
    assert.deepEqual(errors, []);
}));

test('one meso-outcome per verdict shown, however often "See my result" is pressed', () => withPage(async (page) => {
    await page.addInitScript(() => {
        window.__outcomes = 0;
        document.addEventListener('meso-outcome', () => { window.__outcomes += 1; });
    });
    await page.goto(caseUrl(shared.server.main, eligible));
    const w = widget(page);
    await waitReady(w);
    await completeByMouse(w, eligible.answers);
    await w.locator('[data-action="back"]').click();
    // Three clicks before the view changes: one verdict, one event more.
    await w.locator('[data-action="result"]').evaluate((button) => { button.click(); button.click(); button.click(); });
    await w.locator('.view.result').waitFor();
    assert.equal(await page.evaluate(() => window.__outcomes), 2);
}));

test('a rules server that never finishes gives rules.fetch, not "Loading" for ever', () => withPage(async (page) => {
    await page.addInitScript(() => {
        window.__mesoFetchTimeoutMs = 500;
        window.__errors = [];
        document.addEventListener('meso-error', (e) => window.__errors.push(e.detail.code));
    });
    await page.route('**/slow-rules.json', () => {});  // never answered
    await page.goto(`${shared.server.main}/index.html?today=2026-11-21&rules=slow-rules.json`);
    const w = widget(page);
    await w.locator('.load-error').waitFor({ timeout: 10000 });
    assert.deepEqual(await page.evaluate(() => window.__errors), ['rules.fetch']);
}));

test('Start again and Forget remove the stored entry; hidden answers are never stored', () => withPage(async (page) => {
    await page.goto(caseUrl(shared.server.main, eligible));
    await page.evaluate(() => document.querySelector('meso-screener').setAttribute('remember', ''));
    const w = widget(page);
    await waitReady(w);
    await w.locator('input.remember-box').check();
    await w.locator('[data-q="sex"] input[value="female"]').check();
    const stored = () => page.evaluate(() => {
        const key = Object.keys(localStorage).find((k) => k.startsWith('meso-screener:'));
        return key ? JSON.parse(localStorage.getItem(key)).answers : null;
    });
    if (await w.locator('[data-q="pregnant"]').count()) {
        await w.locator('[data-q="pregnant"] input[value="true"]').check();
        assert.equal((await stored()).pregnant, true);
        await w.locator('[data-q="sex"] input[value="male"]').check();
        assert.ok(!('pregnant' in (await stored())), JSON.stringify(await stored()));
    }
    assert.ok(await stored());
    await page.evaluate(() => document.querySelector('meso-screener').reset());
    assert.equal(await stored(), null);

    // An expired entry of any rule set is purged when the script loads, remember or not.
    await page.evaluate(() => localStorage.setItem('meso-screener:other-rules', JSON.stringify({ expires: Date.now() - 1, answers: { age: 5 } })));
    await page.reload();
    await waitReady(w);
    assert.equal(await page.evaluate(() => localStorage.getItem('meso-screener:other-rules')), null);
}));
