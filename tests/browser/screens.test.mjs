// Screens to review (issue 12, item 7): every step, the review and every kind of result at 360 px
// and 1280 px, in English light and dark, and the results in Polish and Ukrainian, written to
// tests/browser/screenshots/screens/ for people to look at (web/README.md says what each is for).
// One page per width and one walk per kind of result: the theme and the language switch on the
// screen already shown, as they do for a patient, so that no walk is repeated per language.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
    useServerAndBrowser, newPage, completableCases, widget, waitReady, completeByMouse, chooseLanguage,
    caseUrl, ensureScreenshotDir,
} from './harness.mjs';

const shared = useServerAndBrowser();
let shots;
before(async () => {
    shots = join(await ensureScreenshotDir(), 'screens');
    await mkdir(shots, { recursive: true });
});

const english = completableCases().filter((c) => (c.lang || 'en') === 'en');
const kinds = {
    eligible: english.find((c) => c.expect.status === 'eligible'),
    consult: english.find((c) => c.expect.status === 'consult'),
    'postpone-date': english.find((c) => c.expect.status === 'postpone' && c.expect.earliest_start),
    'postpone-no-date': english.find((c) => c.expect.status === 'postpone' && !c.expect.earliest_start),
    ineligible: english.find((c) => c.expect.status === 'ineligible'),
};

async function setTheme(w, theme) {
    await w.evaluate((el, t) => el.setAttribute('theme', t), theme);
}

for (const width of [360, 1280]) {
    test(`screens at ${width}px: every step and review (en, light and dark), every result (en light and dark, pl and uk light)`, async () => {
        for (const [kind, c] of Object.entries(kinds)) assert.ok(c, `tests/cases has no English case for ${kind}`);
        const page = await newPage(shared.browser.context);
        await page.setViewportSize({ width, height: 800 });
        const shoot = async (w, name) => {
            await w.screenshot({ path: join(shots, `${width}-${name}.png`) });
        };
        try {
            for (const [i, [kind, c]] of Object.entries(kinds).entries()) {
                await page.goto(caseUrl(shared.server.main, c));
                const w = widget(page);
                await w.locator('section.view').first().waitFor();
                if (i === 0) {
                    await shoot(w, 'en-light-welcome');
                    await setTheme(w, 'dark');
                    await shoot(w, 'en-dark-welcome');
                    await setTheme(w, 'light');
                }
                await waitReady(w);
                await completeByMouse(w, c.answers, async (view) => {
                    if (view === 'result') return;
                    if (i !== 0) return;
                    await shoot(w, `en-light-step-${view}`);
                    await setTheme(w, 'dark');
                    await shoot(w, `en-dark-step-${view}`);
                    await setTheme(w, 'light');
                });
                await shoot(w, `en-light-result-${kind}`);
                await setTheme(w, 'dark');
                await shoot(w, `en-dark-result-${kind}`);
                await setTheme(w, 'light');
                for (const lang of ['pl', 'uk']) {
                    await chooseLanguage(w, lang);
                    await w.locator('.view.result').waitFor();
                    await shoot(w, `${lang}-light-result-${kind}`);
                }
            }
        } finally {
            await page.close();
        }
    });
}
