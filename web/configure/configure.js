// The clinic configurator: a form for every setting the rule set declares, the real widget
// previewing them, the tools checking them (lint at once, the safety proof in a worker), the
// doctor's decision table, and the settings file and the embed code to take away.
import { settingField, narrowingField, narrowingItems } from './fields.js';
import { renderMarkdown } from './markdown.js';
import { startTools } from './tools.js';
import { translate, UI_LANGUAGES } from './strings.js';

const RULES_URL = 'rules/mesotherapy.json';
const SETTINGS_FORMAT = 'meso-settings/1';
const NARROWABLE = ['concerns', 'areas', 'languages'];
const CHECK_DELAY_MS = 400;

const $ = (id) => document.getElementById(id);
const state = {
    rules: null,
    rulesText: '',
    lang: 'en',
    fields: new Map(),        // setting key -> field (fields.js)
    fastTools: null,          // lint and table: quick, one worker for the page's life
    proof: null,              // the worker running verify, restarted on every change
    generation: 0,            // which change the replies that come back belong to
    valid: null,              // the last settings file the tools accepted
    timer: null,              // a change waiting CHECK_DELAY_MS for its check
    checking: null,           // the latest check, until its lint has answered
};

const t = (key, values) => translate(state.lang, key, values);

// A locale key of the rule set in the page's language, English, or the key itself.
function ruleText(key) {
    const locales = state.rules.locales;
    return locales[state.lang]?.[key] ?? locales[state.rules.default_language]?.[key] ?? key;
}

function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
}

// --- the form ------------------------------------------------------------------------------------

function fieldContext() {
    return { lang: state.lang, t, text: ruleText, changed: scheduleCheck, offeredAreas };
}

// The areas a per-area price can be given for: ticked, and of a ticked concern.
function offeredAreas() {
    const concerns = state.fields.get('concerns')?.read() ?? state.rules.concerns.map((c) => c.id);
    const areas = state.fields.get('areas')?.read() ?? state.rules.areas.map((a) => a.id);
    const ofConcerns = new Set(state.rules.concerns.filter((c) => concerns.includes(c.id)).flatMap((c) => c.areas || []));
    return state.rules.areas.filter((a) => areas.includes(a.id) && ofConcerns.has(a.id)).map((a) => ({ id: a.id, label: ruleText(a.text) }));
}

function buildForm(values) {
    const form = $('settings-form');
    const ctx = fieldContext();
    state.fields.clear();
    form.replaceChildren();
    for (const [key, declaration] of Object.entries(state.rules.settings || {})) {
        state.fields.set(key, settingField(key, declaration, ctx));
    }
    for (const key of NARROWABLE) state.fields.set(key, narrowingField(key, narrowingItems(key, state.rules, ctx), ctx));
    for (const field of state.fields.values()) form.append(field.element);
    writeForm(values);
    // A narrowed list changes which areas can have a price of their own.
    for (const key of ['concerns', 'areas']) {
        state.fields.get(key).element.addEventListener('change', () => {
            for (const field of state.fields.values()) field.refresh?.();
        });
    }
}

// values: a settings file's "settings"; what it leaves out is the rule set's default.
function writeForm(values = {}) {
    for (const [key, field] of state.fields) {
        const declared = state.rules.settings?.[key];
        field.write(Object.hasOwn(values, key) ? values[key] : declared ? declared.value : null);
    }
    for (const field of state.fields.values()) field.refresh?.();
}

// The settings file the form stands for: only what differs from the rule set.
function settingsFile() {
    const settings = {};
    for (const [key, field] of state.fields) {
        const value = field.read();
        const declared = state.rules.settings?.[key];
        if (declared ? JSON.stringify(value) !== JSON.stringify(declared.value) : value !== null) settings[key] = value;
    }
    return { format: SETTINGS_FORMAT, ruleset: state.rules.id, settings };
}

// --- checking ------------------------------------------------------------------------------------

function scheduleCheck() {
    clearTimeout(state.timer);
    state.timer = setTimeout(runCheck, CHECK_DELAY_MS);
}

function runCheck() {
    clearTimeout(state.timer);
    state.timer = null;
    const checking = check().finally(() => {
        if (state.checking === checking) state.checking = null;
    });
    state.checking = checking;
    return checking;
}

// What is exported is what the form shows: a change typed less than CHECK_DELAY_MS ago is checked
// at once, and a check under way is waited for. The safety proof is not: its own status says
// whether it holds for what was exported. Null when nothing is pending, so that an export waits
// only when it must: the clipboard wants the click's own task where it can have it.
function checked() {
    return state.timer !== null ? runCheck() : state.checking;
}

// "/settings/price_per_session/face" -> the field of price_per_session.
function fieldOfPath(path) {
    const match = /^\/settings\/([^/]+)/.exec(path || '');
    return match ? state.fields.get(match[1].replace(/~1/g, '/').replace(/~0/g, '~')) : null;
}

function showErrors(errors) {
    for (const field of state.fields.values()) {
        field.errorSlot.hidden = true;
        field.errorSlot.textContent = '';
        field.element.classList.remove('invalid');
        for (const input of field.element.querySelectorAll('input')) input.removeAttribute('aria-invalid');
    }
    const summary = $('check-summary');
    summary.replaceChildren();
    if (!errors.length) {
        summary.append(el('p', t('noErrors'), 'ok'));
        return;
    }
    summary.append(el('p', t('errorsHeading'), 'bad'));
    const list = el('ul');
    for (const error of errors) {
        const field = fieldOfPath(error.path);
        const item = el('li');
        if (field) {
            field.errorSlot.hidden = false;
            field.errorSlot.append(el('span', `${error.message} `), el('code', error.path));
            field.element.classList.add('invalid');
            for (const input of field.element.querySelectorAll('input')) input.setAttribute('aria-invalid', 'true');
            const link = el('a');
            link.href = `#${field.element.querySelector('input')?.id || ''}`;
            link.append(el('code', error.path));
            link.addEventListener('click', (event) => {
                event.preventDefault();
                field.focusTarget?.focus();
            });
            item.append(link, `: ${error.message}`);
        } else {
            item.append(el('code', error.path || '/'), `: ${error.message}`);
        }
        list.append(item);
    }
    summary.append(list);
}

function showWarnings(warnings) {
    const box = $('lint-warnings');
    box.replaceChildren();
    if (!warnings.length) return;
    box.append(el('p', t('warningsHeading')));
    const list = el('ul');
    for (const warning of warnings) list.append(el('li', typeof warning === 'string' ? warning : `${warning.path || ''} ${warning.message || JSON.stringify(warning)}`.trim()));
    box.append(list);
}

async function check() {
    const generation = ++state.generation;
    const file = settingsFile();
    const text = JSON.stringify(file);
    stopProof();
    let linted;
    try {
        linted = await state.fastTools.call('lint', state.rulesText, text);
    } catch (error) {
        if (generation === state.generation) setVerify('bad', t('verifyFailed', { message: error.message }));
        return;
    }
    if (generation !== state.generation) return;
    showErrors(linted.ok ? [] : linted.errors);
    showWarnings(linted.ok ? linted.value : []);
    setExportable(linted.ok);
    if (!linted.ok) {
        $('preview-note').textContent = t('previewStale');
        setVerify('waiting', t('verifyWaits'));
        return;
    }
    state.valid = file;
    $('preview-note').textContent = t('previewNote');
    showSnippet();
    mountPreview(file.settings);
    prove(generation, text);
    showTable(generation, text);
}

function setVerify(kind, message, details) {
    const box = $('verify-status');
    box.dataset.state = kind;
    box.replaceChildren(el('p', message));
    if (details) box.append(details);
    showProgress(null);
}

// How far the proof has come: outside the live status above, so that a screen reader hears the
// start and the end of the proof rather than every count.
function showProgress(screenings, started) {
    const line = $('verify-progress');
    line.hidden = screenings === null;
    if (screenings === null) return;
    line.textContent = t('progress', {
        n: screenings.toLocaleString(state.lang),
        s: Math.round((Date.now() - started) / 1000).toLocaleString(state.lang),
    });
}

function stopProof() {
    state.proof?.stop();
    state.proof = null;
}

// The safety proof for these settings, in a worker of its own: a newer change stops it.
async function prove(generation, text) {
    setVerify('checking', t('checking'));
    const tools = await startTools();
    if (generation !== state.generation) {
        tools.stop();
        return;
    }
    state.proof = tools;
    let reply;
    try {
        const started = Date.now();
        const progress = (screenings) => {
            if (generation === state.generation) showProgress(screenings, started);
        };
        reply = await tools.follow('verify', progress, state.rulesText, text, today());
    } catch (error) {
        if (generation === state.generation) setVerify('bad', t('verifyFailed', { message: error.message }));
        return;
    } finally {
        tools.stop();
        if (state.proof === tools) state.proof = null;
    }
    if (generation !== state.generation) return;
    if (!reply.ok) {
        setVerify('bad', t('verifyFailed', { message: reply.errors.map((e) => `${e.path} ${e.message}`).join('; ') }));
        return;
    }
    const report = reply.value;
    if (report.proved && !report.violations?.length) {
        setVerify('proved', t('proved', { n: report.combinations.toLocaleString(state.lang) }),
            report.complete === false ? el('p', t('notComplete')) : null);
        return;
    }
    const list = el('ul');
    for (const v of report.violations || []) {
        const item = el('li');
        item.append(el('strong', v.invariant), el('br'), `${t('violationAnswers')}: `, el('code', JSON.stringify(v.answers)),
            el('br'), `${t('violationResult')}: `, el('code', typeof v.result === 'string' ? v.result : JSON.stringify(v.result)));
        list.append(item);
    }
    for (const e of report.errors || []) list.append(el('li', typeof e === 'string' ? e : JSON.stringify(e)));
    setVerify('bad', t('violations', { n: (report.violations || []).length }), list);
}

async function showTable(generation, text) {
    const reply = await state.fastTools.call('table', state.rulesText, text, state.lang).catch(() => null);
    if (generation !== state.generation || !reply || !reply.ok) return;
    $('table').replaceChildren(renderMarkdown(reply.value));
}

// The patient's local date: the day the proof's dates are counted from.
function today() {
    const now = new Date();
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

// --- preview -------------------------------------------------------------------------------------

const hasPrice = (settings) => settings.price_per_session !== undefined && settings.price_per_session !== null;

// The real widget, mounted again for every accepted change (the settings option of
// MesoScreener.mount, web/README.md).
async function mountPreview(settings) {
    const target = $('preview');
    const options = { settings: { format: SETTINGS_FORMAT, ruleset: state.rules.id, settings }, hideLanguage: false };
    if (hasPrice(settings)) options.showPrices = true;
    target.replaceChildren();
    // What the preview shows, for whoever needs to know it is up to date (the browser test).
    target.dataset.settings = JSON.stringify(settings);
    await window.MesoScreener.mount(target, options);
}

// --- export --------------------------------------------------------------------------------------

// The folder this page was loaded from: the widget's script is beside it.
const distBase = () => new URL('.', document.baseURI).href;

export function embedSnippet(settings) {
    const prices = hasPrice(settings) ? ' show-prices' : '';
    return `<script src="${distBase()}meso-screener.js" defer></script>\n<meso-screener settings="meso-settings.json"${prices}></meso-screener>`;
}

function showSnippet() {
    $('snippet').textContent = embedSnippet(state.valid.settings);
}

function setExportable(ok) {
    for (const id of ['download', 'copy']) {
        $(id).setAttribute('aria-disabled', String(!ok));
        $(id).title = ok ? '' : t('exportBlocked');
    }
}

async function download() {
    const pending = checked();
    if (pending) await pending;
    if ($('download').getAttribute('aria-disabled') === 'true') return;
    const blob = new Blob([`${JSON.stringify(state.valid, null, 2)}\n`], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = 'meso-settings.json';
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

async function copySnippet() {
    const pending = checked();
    if (pending) await pending;
    if ($('copy').getAttribute('aria-disabled') === 'true') return;
    try {
        await navigator.clipboard.writeText($('snippet').textContent);
        $('copy-status').textContent = t('copied');
    } catch {
        getSelection().selectAllChildren($('snippet'));
        $('copy-status').textContent = t('copyFailed');
    }
}

// --- import --------------------------------------------------------------------------------------

async function importFile(file) {
    const result = $('import-result');
    result.replaceChildren();
    const text = await file.text();
    let reply;
    try {
        JSON.parse(text);
        reply = await state.fastTools.call('lint', state.rulesText, text);
    } catch (error) {
        reply = { ok: false, errors: [{ path: '', message: t('importNotJson', { message: error.message }) }] };
    }
    if (!reply.ok) {
        result.dataset.state = 'bad';
        result.append(el('p', t('importBad', { name: file.name })));
        const list = el('ul');
        for (const error of reply.errors) {
            const item = el('li');
            item.append(el('code', error.path || '/'), `: ${error.message}`);
            list.append(item);
        }
        result.append(list);
        return;
    }
    result.dataset.state = 'ok';
    result.append(el('p', t('importOk', { name: file.name })));
    writeForm(JSON.parse(text).settings || {});
    runCheck();
}

// --- language ------------------------------------------------------------------------------------

function applyLanguage(lang) {
    const values = state.fields.size ? settingsFile().settings : {};
    state.lang = lang;
    document.documentElement.lang = lang;
    for (const node of document.querySelectorAll('[data-text]')) node.textContent = t(node.dataset.text);
    document.title = t('title');
    if (state.rules) {
        buildForm(values);
        runCheck();
    }
}

function pickInitialLanguage() {
    const asked = new URLSearchParams(location.search).get('lang') || navigator.language || 'en';
    return UI_LANGUAGES.find((lang) => asked.toLowerCase().startsWith(lang)) || 'en';
}

async function main() {
    const lang = pickInitialLanguage();
    $('ui-lang').value = lang;
    applyLanguage(lang);
    const [rulesText, fastTools] = await Promise.all([fetch(RULES_URL).then((r) => r.text()), startTools()]);
    state.rulesText = rulesText;
    state.rules = JSON.parse(rulesText);
    state.fastTools = fastTools;
    buildForm({});
    $('ui-lang').addEventListener('change', (event) => applyLanguage(event.target.value));
    $('download').addEventListener('click', download);
    $('copy').addEventListener('click', copySnippet);
    $('print').addEventListener('click', () => print());
    $('import-file').addEventListener('change', (event) => {
        const [file] = event.target.files;
        if (file) importFile(file);
        event.target.value = '';
    });
    runCheck();
}

main();
