// The browser half of the benchmark, on the demo page in headless Chromium:
//  - what a patient downloads to reach the first question, for a page in each language the
//    built-in rule set speaks (requests recorded by Playwright, each response body's gzip -9 and
//    brotli q11 size taken from the file on disk): the loader and the .wasm, and whatever else the
//    widget fetches (a locale file, the stylesheet, a rule set), never the host page's own files;
//  - cold loads: navigation start to the first question visible and focusable (median of 7);
//  - answer latency: a click that reveals a follow-up question to that question in the DOM.
// Usage: node bench_browser.mjs   Prints one JSON object.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { dist, startServer, widget, answerStep } from '../browser/harness.mjs';
import { TODAY } from './respondents.mjs';

const COLD_LOADS = 7;
const CLICKS = 30;

// Installed before any page script: polls every frame from navigation start until the first
// question's input can take focus, and keeps performance.now() (which counts from there).
const FIRST_QUESTION_PROBE = `(() => {
    const check = () => {
        const host = document.querySelector('meso-screener');
        const input = host && host.shadowRoot && host.shadowRoot.querySelector('section.view [data-q] input');
        const box = input && input.getBoundingClientRect();
        if (input && !input.disabled && input.tabIndex >= 0 && box.width > 0 && box.height > 0 &&
            input.checkVisibility({ visibilityProperty: true })) {
            window.__mesoFirstQuestion = performance.now();
            return;
        }
        requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
})();`;

function median(values) {
    const s = [...values].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function percentile(values, p) {  // nearest rank
    const s = [...values].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

async function coldPage(browser, origin, requests, lang = 'en') {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.addInitScript(FIRST_QUESTION_PROBE);
    if (requests) page.on('requestfinished', (request) => requests.push(request.url()));
    await page.goto(`${origin}/index.html?today=${TODAY}&lang=${lang}`, { waitUntil: 'commit' });
    const ms = await (await page.waitForFunction(() => window.__mesoFirstQuestion, null, { timeout: 30000 })).jsonValue();
    return { context, page, ms };
}

function transferOf(urls, origin) {
    const files = [];
    for (const url of new Set(urls)) {
        const path = decodeURIComponent(new URL(url).pathname).replace(/^\/+/, '') || 'index.html';
        const file = join(dist, path);
        if (!url.startsWith(origin) || !existsSync(file)) {
            files.push({ path: url, missing: true });
            continue;
        }
        const body = readFileSync(file);
        // The clinic's own page (index.html, demo.css, demo.js) is the host's, not the widget's.
        const host = /^(index\.html|demo\.css|demo\.js|favicon\.ico)$/.test(path);
        files.push({
            path, host, bytes: body.length,
            gzip: gzipSync(body, { level: 9 }).length,
            brotli: brotliCompressSync(body, {
                params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
            }).length,
        });
    }
    const widgetFiles = files.filter((f) => !f.host && !f.missing);
    const sum = (key) => widgetFiles.reduce((total, f) => total + f[key], 0);
    return { files, bytes: sum('bytes'), gzip: sum('gzip'), brotli: sum('brotli') };
}

// One cold load of the demo page in `lang`: what it downloads to reach the first question.
async function transferIn(browser, origin, lang) {
    const requests = [];
    const { context } = await coldPage(browser, origin, requests, lang);
    await context.close();
    return { lang, ...transferOf(requests, origin) };
}

// Answers the steps before the one that asks `key`, then measures reveal clicks inside the page.
async function answerLatency(page) {
    const w = widget(page);
    const answers = { age: 30, sex: 'female', pregnant: false, breastfeeding: false, menstruating: false,
        cancer: 'no', acute_infection: false, skin_inflammation: false, chronic_flare: false,
        clotting_disorder: false, allergy_components: false, autoimmune: false, neurological: 'no',
        recent_surgery: false };
    for (let guard = 0; guard < 6 && !(await w.locator('section.view [data-q="alcohol_recent"]').count()); guard++) {
        const before = await w.locator('section.view').first().getAttribute('data-step');
        await answerStep(w, answers);
        await w.locator('section.view button[type="submit"]').click();
        await page.waitForFunction((step) =>
            document.querySelector('meso-screener').shadowRoot.querySelector('section.view')?.dataset.step !== step, before);
    }
    return page.evaluate(async (clicks) => {
        const root = document.querySelector('meso-screener').shadowRoot;
        const choice = (value) => root.querySelector(`[data-q="alcohol_recent"] input[value="${value}"]`);
        const shown = () => !!root.querySelector('[data-q="alcohol_last"]');
        // Resolves with the time of the first DOM mutation after which pred() holds.
        const until = (pred) => new Promise((resolve) => {
            if (pred()) return resolve(performance.now());
            const observer = new MutationObserver(() => {
                if (!pred()) return;
                const t = performance.now();
                observer.disconnect();
                resolve(t);
            });
            observer.observe(root, { childList: true, subtree: true });
        });
        const settle = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        const reveal = [];
        const hide = [];
        for (let i = 0; i < clicks; i++) {
            let t0 = performance.now();
            choice('true').click();
            reveal.push((await until(shown)) - t0);
            await settle();
            t0 = performance.now();
            choice('false').click();
            hide.push((await until(() => !shown())) - t0);
            await settle();
        }
        return { reveal, hide };
    }, CLICKS);
}

const server = await startServer();
const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
    const loads = [];
    let latency = null;
    for (let i = 0; i < COLD_LOADS; i++) {
        const { context, page, ms } = await coldPage(browser, server.main, null);
        loads.push(ms);
        if (i === COLD_LOADS - 1) latency = await answerLatency(page);
        await context.close();
    }
    const languages = Object.keys(JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')).embed);
    const byLang = [];
    for (const lang of languages) byLang.push(await transferIn(browser, server.main, lang));
    // The figure against the target is the page language that downloads the most.
    const transfer = byLang.reduce((worst, t) => (t.gzip > worst.gzip ? t : worst));
    console.log(JSON.stringify({
        first_question: { median_ms: median(loads), loads_ms: loads },
        transfer,
        transfer_by_lang: byLang,
        answer: {
            clicks: latency.reveal.length,
            p50_ms: percentile(latency.reveal, 50), p95_ms: percentile(latency.reveal, 95),
            max_ms: Math.max(...latency.reveal),
            hide_p50_ms: percentile(latency.hide, 50), hide_p95_ms: percentile(latency.hide, 95),
        },
        chromium: browser.version(),
    }));
} finally {
    await browser.close();
    await server.stop();
}
