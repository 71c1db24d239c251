// One module load per page, shared by every <meso-screener>; one load per rule set URL and
// settings, and of the built-in rule set one load per language and settings. The engine's glue (meso:core) and what the build knows
// (meso:build) are modules that web/build.mjs makes while it bundles; see there.
import createMesoCore from 'meso:core';
import { MESO_BUILD, MESO_DEFAULT_RULES, MESO_LANGUAGES, MESO_LOCALE_FILES, MESO_TEXT_KEYS } from 'meso:build';
import { addUiLanguage, hasUiLanguage, offeredLanguages, pickLanguage } from './strings.js';
import { afterPaint } from './dom.js';

// Captured while the loader first runs: currentScript is set only then.
const SCRIPT_URL = (document.currentScript && document.currentScript.src) || '';

export class MesoLoadError extends Error {
    constructor(code, message, details = {}) {
        super(message);
        this.name = 'MesoLoadError';
        this.code = code;
        this.path = details.path || '';
        this.errors = details.errors || [];
        // Set when only this language failed: the questionnaire can go on in another one.
        this.lang = details.lang || '';
    }
}

let corePromise = null;
const ruleSets = new Map();
const locales = new Map();
const settingsFiles = new Map();
const checkedSettingsFiles = new Map();

// Rejects when the module aborts (a failed fetch or compile of the .wasm, an out-of-memory), so no
// element waits forever.
export function loadCore() {
    if (!corePromise) {
        corePromise = new Promise((resolve, reject) => {
            const fail = (what) => reject(new MesoLoadError('core.load', `The engine did not start: ${what}`));
            createMesoCore({
                instantiateWasm(imports, receive) {
                    // The glue has no download of its own (web/build.mjs): every failure must reach fail().
                    instantiateCore(imports).then((result) => receive(result.instance, result.module),
                        (error) => fail(error && error.message || error));
                    return {};
                },
                onAbort: fail,
                print: () => {},
                printErr: () => {},
            }).then(resolve, (error) => fail(error && error.message || error));
        });
    }
    return corePromise;
}

// The .wasm, compiled as it streams in, or from its bytes when a server does not say
// application/wasm. Download and compile together have three times what a fetch has (the file is
// the largest by far): a server that trickles ends in core.load, not in a first view whose
// Continue waits for ever. The ?v= keeps a cache from serving another build's.
async function instantiateCore(imports) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), wasmTimeoutMs());
    const url = besideScript(ofThisBuild('meso-core.wasm'));
    const options = { credentials: 'same-origin', signal: controller.signal };
    try {
        try {
            return await WebAssembly.instantiateStreaming(fetch(url, options), imports);
        } catch {
            const response = await fetch(url, options);
            if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
            return await WebAssembly.instantiate(await response.arrayBuffer(), imports);
        }
    } catch (error) {
        throw controller.signal.aborted ? new Error(`meso-core.wasm: not downloaded within ${wasmTimeoutMs() / 1000} s`) : error;
    } finally {
        clearTimeout(timer);
    }
}

// The .wasm, the locale files and the fallback stylesheet are next to this script, wherever the
// host page is.
export function besideScript(name) {
    return new URL(name, SCRIPT_URL || document.baseURI).href;
}

// A file that belongs to this build, asked for with the build in its query.
const ofThisBuild = (name) => `${name}?v=${MESO_BUILD}`;

// A failed load is not kept: asking again retries.
function once(cache, key, load) {
    if (!cache.has(key)) {
        const loading = load();
        cache.set(key, loading);
        loading.catch(() => cache.delete(key));
    }
    return cache.get(key);
}

// The whole fetch, body included: a server that trickles must not leave "Loading" up for ever.
// Settable for tests (window.__mesoFetchTimeoutMs), otherwise 20 s.
const fetchTimeoutMs = () => Number(globalThis.__mesoFetchTimeoutMs) || 20000;
const wasmTimeoutMs = () => 3 * fetchTimeoutMs();

async function fetchText(url, code, what, details) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), fetchTimeoutMs());
    try {
        const response = await fetch(url, { credentials: 'same-origin', signal: controller.signal });
        if (!response.ok) throw new MesoLoadError(code, `${what} could not be fetched from ${url}: HTTP ${response.status}`, details);
        return await response.text();
    } catch (error) {
        if (error instanceof MesoLoadError) throw error;
        const why = controller.signal.aborted ? `no answer within ${fetchTimeoutMs() / 1000} s` : error.message;
        throw new MesoLoadError(code, `${what} could not be fetched from ${url}: ${why}`, details);
    } finally {
        clearTimeout(timer);
    }
}

function loadInto(core, source, settings, details) {
    try {
        return core.engine.load(source, settings);
    } catch (error) {
        throw new MesoLoadError(error.code || 'rules.invalid', error.message || String(error),
            { ...details, path: error.path, errors: error.errors });
    }
}

// locales/<lang>.json: { lang, build, rules: the built-in rule set's texts, ui: the widget's }.
// It must come from the build that wrote this script: another build's texts could belong to
// other rules. The ?v= keeps a cache from serving an older build's file.
function loadLocale(lang) {
    return once(locales, lang, async () => {
        const url = besideScript(ofThisBuild(`locales/${lang}.json`));
        const text = await fetchText(url, 'locale.fetch', `The texts for "${lang}"`, { lang });
        let file = null;
        try {
            file = JSON.parse(text);
        } catch {
            // reported below with the other ways of not being this build's file
        }
        if (!file || file.lang !== lang || file.build !== MESO_BUILD) {
            throw new MesoLoadError('locale.invalid', `${url} is not this build's texts for "${lang}"`, { lang });
        }
        if (file.ui && !hasUiLanguage(lang)) addUiLanguage(lang, file.ui);
        return file;
    });
}

// A locale file lists its rule texts in the order of MESO_TEXT_KEYS (web/build.mjs,
// positionalTexts), or, for a rule set whose languages differ in keys, keeps them keyed.
function keyed(texts) {
    if (!Array.isArray(texts)) return texts;
    return Object.fromEntries(MESO_TEXT_KEYS.map((key, i) => [key, texts[i]]));
}

// The built-in rule set speaks one language at a time: its structure, inside this script, with
// that language's texts from its locale file, fetched while the engine starts. A clinic's
// settings come with the language of the document: the settings as a whole were checked by
// checkedSettings.
function builtInRuleSet(lang, settings) {
    return once(ruleSets, `built-in:${lang}:${settings.key}`, async () => {
        const own = settings.value && inLanguage(settings.value, lang);
        const [core, locale] = await Promise.all([loadCore(), loadLocale(lang)]);
        if (!locale.rules) throw new MesoLoadError('locale.invalid', `The texts for "${lang}" hold no rule texts`, { lang });
        return loadInto(core, { ...MESO_DEFAULT_RULES, languages: [lang], default_language: lang, locales: { [lang]: keyed(locale.rules) } },
            own, { lang });
    });
}

// A one-language document refuses a settings file that lists its other languages.
function inLanguage(value, lang) {
    const inner = value.settings;
    return inner && typeof inner === 'object' && Array.isArray(inner.languages)
        ? { ...value, settings: { ...inner, languages: [lang] } } : value;
}

// The settings checked once, by the engine, against the built-in rule set with every language it
// has (each text's key stands in for its text, which only the check sees), so that
// a clinic's `languages` is held to the languages the widget can show. Resolves to
// { languages, fallback }: the languages the patient can choose from and the one to start in
// (the clinic's first).
function checkedSettings(settings) {
    return once(checkedSettingsFiles, settings.key, async () => {
        const texts = Object.fromEntries(MESO_TEXT_KEYS.map((key) => [key, key]));
        const whole = { ...MESO_DEFAULT_RULES, languages: MESO_LANGUAGES, locales: Object.fromEntries(MESO_LANGUAGES.map((l) => [l, texts])) };
        const rules = loadInto(await loadCore(), whole, settings.value);
        try {
            const { languages, default_language: fallback } = rules.info('');
            return { languages, fallback };
        } finally {
            rules.dispose();
        }
    });
}

function ruleSetAt(url, settings) {
    return once(ruleSets, `url:${url}:${settings.key}`, async () => {
        const [core, text] = await Promise.all([
            loadCore(),
            fetchText(new URL(url, document.baseURI), 'rules.fetch', 'The rule set'),
        ]);
        return loadInto(core, text, settings.value);
    });
}

// A clinic's settings file: a URL (fetched like a rule set) or the settings object itself. Resolves
// to { key, value }: the key tells rule sets loaded with different settings apart.
function settingsFrom(source) {
    if (!source) return Promise.resolve({ key: '', value: null });
    if (typeof source !== 'string') {
        // A snapshot: the host changing its object later does not change a loaded rule set.
        try {
            const key = JSON.stringify(source);
            return Promise.resolve({ key, value: JSON.parse(key) });
        } catch (error) {
            return Promise.reject(new MesoLoadError('settings.syntax', `The clinic settings are not JSON: ${error.message}`));
        }
    }
    const url = new URL(source, document.baseURI).href;
    return once(settingsFiles, url, async () => {
        const text = await fetchText(url, 'settings.fetch', 'The clinic settings');
        try {
            return { key: url, value: JSON.parse(text) };
        } catch (error) {
            throw new MesoLoadError('settings.syntax', `The clinic settings from ${url} are not JSON: ${error.message}`);
        }
    });
}

// The built-in rule set's first view in the language the patient will see (first-view.js), from
// that language's locale file: { lang, languages, view }, or null when there is none to show
// before the engine has started (a rule set from a URL, a first step that depends on the day or
// on a clinic's settings, texts or settings that did not load, settings for another rule set:
// the element then waits for the engine). With a clinic's settings, the languages and the
// clinic's name and phone are the file's; whatever else in it the engine refuses, it reports
// once it has started, and the first view gives way to the error.
export async function firstViewOf(url, wanted, source) {
    if (url) return null;
    try {
        const { value } = await settingsFrom(source);
        if (value && (value.format !== 'meso-settings/1' || value.ruleset !== MESO_DEFAULT_RULES.id)) return null;
        const offered = offeredLanguages(value, MESO_LANGUAGES, MESO_DEFAULT_RULES.default_language);
        if (!offered) return null;
        const lang = pickLanguage(wanted, offered.languages, offered.fallback);
        const view = (await loadLocale(lang)).first_view;
        if (!view || (value && !view.with_settings)) return null;
        if (!value) return { lang, languages: offered.languages, view };
        const text = (key) => (typeof value.settings[key] === 'string' ? value.settings[key] : view.info.settings[key]);
        const settings = { clinic_name: text('clinic_name'), clinic_phone: text('clinic_phone') };
        return { lang, languages: offered.languages, view: { ...view, info: { ...view.info, settings } } };
    } catch {
        return null;  // loadRuleSet reports it
    }
}

// Everything needed to show a rule set in a language: resolves to { rules, lang, languages } with
// the language `wanted` resolves to and every language the patient can switch to. A language
// that cannot be loaded rejects with a MesoLoadError whose .lang names it; the caller stays in
// (or falls back to) a language it has. url "" is the built-in rule set; with `plainChrome` a
// rule set from a URL shows even when its language's UI texts do not load (English chrome).
// `settings` is a clinic's settings file, as a URL or an object; a refused one rejects with the
// engine's settings.* code and the path into the file.
export async function loadRuleSet(url, wanted, { plainChrome = false, settings: source = null } = {}) {
    const settings = await settingsFrom(source);
    if (!url) {
        // The first view, when there is one, is painted before the engine is asked for: compiled
        // alongside, it held the locale file's own handling, and so the first view, back by as
        // long as the compile took. Even its download alone, started as the locale file came,
        // put the first question 40-50 ms later on the benchmark's machine, for an engine that
        // started no sooner there (sooner only on a slow network).
        if (await firstViewOf(url, wanted, source)) await afterPaint();
        const { languages, fallback } = settings.value ? await checkedSettings(settings)
            : { languages: MESO_LANGUAGES, fallback: MESO_DEFAULT_RULES.default_language };
        // Asked for no language after one failed (plainChrome): the one inside this script, if offered.
        const safe = plainChrome && languages.includes(MESO_DEFAULT_RULES.default_language) ? MESO_DEFAULT_RULES.default_language : fallback;
        const lang = pickLanguage(wanted, languages, safe);
        return { rules: await builtInRuleSet(lang, settings), lang, languages };
    }
    const rules = await ruleSetAt(url, settings);
    // The engine resolves the language of a rule set it has loaded (core/ruleset/prepared.hpp).
    const { languages, lang } = rules.info(wanted || '');
    if (MESO_LOCALE_FILES.includes(lang) && !hasUiLanguage(lang)) {
        try {
            await loadLocale(lang);
        } catch (error) {
            if (!plainChrome) throw error;
        }
    }
    return { rules, lang, languages };
}
