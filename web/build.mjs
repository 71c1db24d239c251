#!/usr/bin/env node
// Builds dist/: one loader script (the Emscripten glue, the widget and the default rule set without
// its texts), the .wasm, one locale file per language (its rule texts, and for a language other
// than English its UI strings), the stylesheet, the whole rule set, the demo pages and a manifest
// of sizes.
//   node web/build.mjs [wasm-dir] [--rules path] [--out dir]
// wasm-dir holds meso-core.js and meso-core.wasm (default: build/wasm/web), and, for the clinic
// configurator (web/configure/), the staff tools meso-tools.js and meso-tools.wasm.
// The widget's sources are ES modules (web/src/main.js and what it imports); esbuild bundles them
// into one IIFE, and terser minifies the bundle (see bundleLoader for why both).
import { readFile, writeFile, mkdir, copyFile, readdir, rm } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build as esbuild, transform } from 'esbuild';
import { minify } from 'terser';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');
const BUDGET_GZIP = JSON.parse(readFileSync(join(repo, 'web', 'size-budget.json'), 'utf8')).target_gzip;

function parseArgs(argv) {
    const defaultWasm = ['build/wasm/web'].map((d) => join(repo, d)).find((d) => existsSync(d));
    const args = { wasmDir: defaultWasm || join(repo, 'build/wasm/web'), rules: join(repo, 'rules/mesotherapy.json'), out: join(repo, 'dist') };
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === '--rules') args.rules = resolve(argv[++i]);
        else if (argv[i] === '--out') args.out = resolve(argv[++i]);
        else if (argv[i] === '--help') args.help = true;
        else args.wasmDir = resolve(argv[i]);
    }
    return args;
}

function fail(message) {
    console.error(`build: ${message}`);
    process.exit(1);
}

// esbuild's CSS minifier keeps what a custom property holds as it is: the palette's switches
// (web/styles/meso-screener.css) hold a space.
async function minifyCss(css) {
    return (await transform(css, { loader: 'css', minify: true, charset: 'utf8', logLevel: 'silent' })).code.trim();
}

function stringsIn(value, into = new Set()) {
    if (typeof value === 'string') into.add(value);
    else if (value && typeof value === 'object') for (const item of Object.values(value)) stringsIn(item, into);
    return into;
}

// What the browser needs of a rule set, by language. The invariants are for `mesoscreen verify`
// only, and so are the texts that only they cite. The structure keeps one language (the default)
// so that it loads on its own; every other language's texts go to its locale file.
export function splitRuleSet(rules) {
    const { invariants = [], locales, ...whole } = rules;
    // What explains a setting to the clinic (its text) is for the configurator and the decision
    // table; a patient's page needs a setting's value and bounds only.
    // Nor does it need a setting's sources, or the file name of a source (its title is shown).
    const structure = {
        ...whole,
        settings: Object.fromEntries(Object.entries(whole.settings || {})
            .map(([id, { text: _text, sources: _sources, ...setting }]) => [id, setting])),
        sources: Object.fromEntries(Object.entries(whole.sources || {}).map(([id, { file: _file, ...source }]) => [id, source])),
    };
    const cited = stringsIn(structure);
    const clinicOnly = Object.values(whole.settings || {}).map((setting) => setting.text);
    const notForPatients = new Set([...stringsIn(invariants), ...clinicOnly].filter((text) => !cited.has(text)));
    const texts = {};
    for (const [lang, table] of Object.entries(locales)) {
        texts[lang] = Object.fromEntries(Object.entries(table).filter(([key]) => !notForPatients.has(key)));
    }
    const lang = rules.default_language;
    return {
        builtIn: { ...structure, languages: [lang], locales: { [lang]: texts[lang] } },
        languages: rules.languages,
        texts,
    };
}

// The built-in rule set with another language's texts, exactly as the widget makes it
// (core-loader.js, builtInRuleSet).
export function withLanguage(builtIn, lang, texts) {
    return { ...builtIn, languages: [lang], default_language: lang, locales: { [lang]: keyedTexts(builtIn, texts) } };
}

// A locale file's rule texts are a list in the order of the built-in language's keys: the keys,
// repeated in every file, were 1.3 KB of the Ukrainian file after gzip. A rule set whose languages
// do not have the same keys keeps them as an object; the loader reads both (core-loader.js).
export function positionalTexts(builtIn, texts) {
    const keys = Object.keys(builtIn.locales[builtIn.default_language]);
    const same = keys.length === Object.keys(texts).length && keys.every((key) => Object.hasOwn(texts, key));
    return same ? keys.map((key) => texts[key]) : texts;
}

// The built-in rule set as the loader carries it: its structure, and no language's texts.
export function withoutTexts(builtIn) {
    return Object.fromEntries(Object.entries(builtIn).filter(([key]) => key !== 'locales'));
}

export function keyedTexts(builtIn, texts) {
    if (!Array.isArray(texts)) return texts;
    const keys = Object.keys(builtIn.locales[builtIn.default_language]);
    return Object.fromEntries(keys.map((key, i) => [key, texts[i]]));
}

// web/src/i18n/<lang>.js: each exports one table of UI strings (web/src/package.json makes the
// widget's files ES modules for Node too).
async function uiTables() {
    const tables = {};
    for (const name of (await readdir(join(here, 'src/i18n'))).filter((f) => f.endsWith('.js')).sort()) {
        const exported = Object.values(await import(pathToFileURL(join(here, 'src/i18n', name)).href));
        if (exported.length !== 1) fail(`web/src/i18n/${name} must export exactly one table`);
        tables[basename(name, '.js')] = exported[0];
    }
    return tables;
}

// The engine is of this version (CMake reads it from package.json too), and every rule set the
// browser can make loads in it and shows the patient the same texts as the whole rule set does;
// otherwise the build stops rather than ship them.
async function checkInEngine(wasmDir, version, rules, split) {
    const require = createRequire(import.meta.url);
    const core = await require(join(wasmDir, 'meso-core.js'))({ wasmBinary: readFileSync(join(wasmDir, 'meso-core.wasm')) });
    if (core.engine.version !== version) {
        fail(`${relative(repo, wasmDir) || '.'} holds engine ${core.engine.version}, package.json says ${version}: rebuild it (bash tests/build.sh wasm)`);
    }
    const load = (what, source) => {
        try {
            return core.engine.load(source);
        } catch (error) {
            return fail(`${what} does not load: ${error.message}`);
        }
    };
    const whole = load('the rule set', rules);
    const firstViews = {};
    for (const lang of split.languages) {
        // As the widget makes it (core-loader.js, builtInRuleSet): the structure and the language's file.
        const part = withLanguage(split.builtIn, lang, positionalTexts(split.builtIn, split.texts[lang]));
        const loaded = load(`the built-in rule set in "${lang}"`, part);
        const shown = (ruleSet) => JSON.stringify({ ...ruleSet.info(lang), languages: null, default_language: null });
        if (shown(loaded) !== shown(whole)) fail(`the built-in rule set in "${lang}" shows other texts than the whole rule set`);
        firstViews[lang] = firstView(loaded, lang, split.builtIn);
        if (!firstViews[lang]) console.log(`the first step in "${lang}" depends on the day: the widget shows it once the engine has started`);
        loaded.dispose();
    }
    whole.dispose();
    return firstViews;
}

// What the widget shows of the built-in rule set before the engine has started (web/src/
// first-view.js): the engine's own info and form for a session with no answers, cut to what the
// welcome and the first step show, and the disclaimer the welcome quotes. Written into the
// language's locale file, which the widget fetches before the .wasm. Only a first view that is the
// same on any day is shown early: null when the day changes it (a text that counts from today).
// `with_settings`: no question it shows has parameters (`structure`, the rule set's JSON), so a
// clinic's settings change nothing in it but its name and phone (core-loader.js, firstViewOf).
export function firstView(ruleSet, lang, structure = null) {
    const on = (today) => {
        const session = ruleSet.session(today, lang);
        try {
            const info = ruleSet.info(lang);
            const form = session.form;
            const ids = new Set(form.visible);
            const step = info.steps.find((s) => info.questions.some((q) => q.step === s.id && ids.has(q.id)));
            if (!step) return null;
            // The first step's questions that show with no answers; a follow-up shows only once
            // the engine has started, and by then its texts are the engine's.
            const shown = new Set(info.questions.filter((q) => q.step === step.id && ids.has(q.id)).map((q) => q.id));
            const pick = (table) => Object.fromEntries(Object.entries(table).filter(([id]) => shown.has(id)));
            return {
                info: {
                    id: info.id, version: info.version, lang: info.lang, languages: info.languages,
                    default_language: info.default_language,
                    steps: info.steps.map((s) => (s === step ? s : { id: s.id })),
                    // The two settings the welcome and the print stamp read.
                    settings: { clinic_name: info.settings.clinic_name, clinic_phone: info.settings.clinic_phone },
                    // Every question counts for the progress; only those shown have their texts.
                    questions: info.questions.map((q) => (shown.has(q.id) ? q : { id: q.id, step: q.step, required: q.required })),
                },
                form: { ...form, options: pick(form.options), question_texts: pick(form.question_texts) },
                disclaimer: session.result().disclaimer,
                with_settings: !!structure && structure.questions.every((q) => !shown.has(q.id) || !q.params),
            };
        } finally {
            session.dispose();
        }
    };
    // Days far apart, one of them in a leap year's February: a text that counts from today differs.
    const views = ['2026-01-15', '2027-07-31', '2028-02-29'].map((day) => JSON.stringify(on(day)));
    return views.every((view) => view === views[0]) ? JSON.parse(views[0]) : null;
}

// The glue is built for the web and for Node (the Node tests load it). The loader runs only in
// a browser, and always fetches and instantiates the .wasm itself (core-loader.js,
// instantiateWasm): saying so lets the minifier drop the Node half and the glue's own download.
function browserOnly(glue) {
    const once = (text, pattern, replacement, what) => {
        const found = text.match(pattern) || [];
        if (found.length !== 1) fail(`meso-core.js: expected one ${what}, found ${found.length}`);
        return text.replace(pattern, replacement);
    };
    const web = once(glue, /\bvar ENVIRONMENT_IS_NODE\s*=[^;]*;/g, 'var ENVIRONMENT_IS_NODE = false;', '"var ENVIRONMENT_IS_NODE = …;"');
    return once(web, /\binstantiateAsync\(\)\.catch\(readyPromiseReject\);/g, '', '"instantiateAsync().catch(readyPromiseReject);"');
}

// The modules that only the build can write, imported by the widget by name: meso:core is the
// Emscripten glue, meso:build what this build knows (see main()).
function buildModules(modules) {
    return {
        name: 'meso-build-modules',
        setup(build) {
            build.onResolve({ filter: /^meso:/ }, ({ path }) => (Object.hasOwn(modules, path)
                ? { path, namespace: 'meso' }
                : { errors: [{ text: `${path} is not a module the build makes (${Object.keys(modules).join(', ')})` }] }));
            build.onLoad({ filter: /.*/, namespace: 'meso' }, ({ path }) => ({ contents: modules[path], loader: 'js' }));
        },
    };
}

// The glue as a module. It runs in a scope of its own where define, exports, module and require
// are undefined: its UMD tail then only defines createMesoCore, even on a page with an AMD loader,
// and the bundler does not look for the Node modules that its Node half requires.
function glueModule(glue) {
    return `export default (function (define, exports, module, require) {\n${glue}\nreturn createMesoCore;\n})();\n`;
}

// One IIFE from web/src/main.js and its imports. esbuild bundles and minifies; terser then
// minifies the bundle again, because esbuild alone leaves the loader 1.7 KB larger after gzip
// (33.5 KB against 31.8 KB): it does not carry the glue's ENVIRONMENT_IS_NODE = false into the
// conditions that test it, so the glue's Node half stays in. The modules are strict, and so is
// the bundle. Property names are never mangled: they are the public API (MesoScreener.mount, the
// element's properties, event details) and the engine's.
async function bundleLoader(banner, modules) {
    let bundled;
    try {
        bundled = await esbuild({
            entryPoints: [join(here, 'src/main.js')],
            bundle: true,
            format: 'iife',
            // Written as is: private class members (element.js) are the newest syntax the widget
            // uses, older than the Object.hasOwn it needs anyway.
            target: 'es2022',
            minify: true,
            charset: 'utf8',
            legalComments: 'none',
            banner: { js: '"use strict";' },
            write: false,
            logLevel: 'silent',
            plugins: [buildModules(modules)],
        });
    } catch (error) {
        return fail(`esbuild: ${(error.errors || [error]).map((e) => e.text || e.message).join('; ')}`);
    }
    if (bundled.warnings.length) fail(`esbuild: ${bundled.warnings.map((w) => w.text).join('; ')}`);
    const minified = await minify(bundled.outputFiles[0].text, {
        ecma: 2020,
        compress: { passes: 2 },
        mangle: true,
        format: { comments: false, preamble: banner },
    });
    return minified.code;
}

const gzipSize = (data) => gzipSync(data, { level: 9 }).length;

// The clinic configurator (web/configure/): its page, its script (bundled: one request), its
// styles, the worker that runs the staff tools, and the tools themselves. Only configure.html
// loads any of these; the patient's embed never does. Without meso-tools.* in the wasm dir the
// configurator is left out. Resolves to the names written.
async function writeConfigurator(wasmDir, out) {
    const toolsGlue = join(wasmDir, 'meso-tools.js');
    const toolsWasm = join(wasmDir, 'meso-tools.wasm');
    if (!existsSync(toolsGlue) || !existsSync(toolsWasm)) {
        console.log(`no meso-tools.js/.wasm in ${relative(repo, wasmDir) || '.'}: the configurator is left out`);
        return [];
    }
    const source = join(here, 'configure');
    let bundled;
    try {
        bundled = await esbuild({
            entryPoints: [join(source, 'configure.js')], bundle: true, format: 'esm', target: 'es2022', minify: true,
            charset: 'utf8', legalComments: 'none', write: false, logLevel: 'silent',
        });
    } catch (error) {
        return fail(`esbuild (configurator): ${(error.errors || [error]).map((e) => e.text || e.message).join('; ')}`);
    }
    await writeFile(join(out, 'configure.js'), bundled.outputFiles[0].text);
    await copyFile(join(source, 'configure.html'), join(out, 'configure.html'));
    await copyFile(join(source, 'configure.css'), join(out, 'configure.css'));
    await copyFile(join(source, 'worker.js'), join(out, 'configure-worker.js'));
    await copyFile(toolsGlue, join(out, 'meso-tools.js'));
    await copyFile(toolsWasm, join(out, 'meso-tools.wasm'));
    return ['configure.html', 'configure.js', 'configure.css', 'configure-worker.js', 'meso-tools.js', 'meso-tools.wasm'];
}

async function main() {
    const args = parseArgs(process.argv.slice(2));
    if (args.help) {
        console.log('usage: node web/build.mjs [wasm-dir] [--rules rules.json] [--out dist]');
        return;
    }
    const glueFile = join(args.wasmDir, 'meso-core.js');
    const wasmFile = join(args.wasmDir, 'meso-core.wasm');
    for (const file of [glueFile, wasmFile]) {
        if (!existsSync(file)) fail(`${file} is missing: build the wasm module first (bash tests/build.sh wasm)`);
    }
    if (!existsSync(args.rules)) fail(`${args.rules} is missing: the default rule set is needed (or pass --rules)`);

    // The one version of the product, stamped into the loader, the manifest and the build id.
    const pkg = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8'));
    const rulesSource = await readFile(args.rules, 'utf8');
    const rules = JSON.parse(rulesSource);
    const split = splitRuleSet(rules);
    const firstViews = await checkInEngine(args.wasmDir, pkg.version, rules, split);
    const ui = await uiTables();
    const defaultLang = rules.default_language;
    // English is every language's fallback, so it is always built in.
    const builtInUi = ['en', defaultLang].filter((lang, i, all) => ui[lang] && all.indexOf(lang) === i);
    // Every language's rule texts are a file of their own, the default language's too: a page
    // downloads the texts it shows and no others, and fetches them while the .wasm compiles.
    const fileLanguages = [...new Set([...split.languages, ...Object.keys(ui)])].sort();
    const wasm = await readFile(wasmFile);
    // The build id names what the loader must match: its locale files and its .wasm, both fetched
    // with ?v=<build> so that no cache hands this loader another build's.
    const build = createHash('sha256').update(pkg.version).update(rulesSource).update(JSON.stringify(ui)).update(wasm)
        .digest('hex').slice(0, 12);

    const css = await readFile(join(here, 'styles/meso-screener.css'), 'utf8');
    const glue = browserOnly(await readFile(glueFile, 'utf8'));
    // meso:build, what the widget knows only once it is built.
    const extraUi = builtInUi.filter((lang) => lang !== 'en');
    const constants = {
        MESO_VERSION: pkg.version,
        MESO_BUILD: build,  // the build that wrote this script and its locale files
        MESO_CSS: await minifyCss(css),
        MESO_DEFAULT_RULES: withoutTexts(split.builtIn),  // the built-in rule set; its texts are in locales/<lang>.json
        MESO_TEXT_KEYS: Object.keys(split.texts[defaultLang]),  // the order in which a locale file lists them
        MESO_LANGUAGES: split.languages,  // every language of the built-in rule set
        MESO_LOCALE_FILES: fileLanguages,  // the languages that have a file locales/<lang>.json
        // The UI strings built in besides English's (which strings.js imports): null when none.
        MESO_BUILT_IN_UI: extraUi.length ? Object.fromEntries(extraUi.map((lang) => [lang, ui[lang]])) : null,
    };
    const loader = await bundleLoader(`/*! meso-screener ${pkg.version} */`, {
        'meso:core': glueModule(glue),
        'meso:build': Object.entries(constants).map(([name, value]) => `export const ${name} = ${JSON.stringify(value)};\n`).join(''),
    });
    // The strict CSP allows no eval; neither the glue (-sDYNAMIC_EXECUTION=0) nor the minifier
    // may bring one in.
    if (/\beval\s*\(|\bnew\s+Function\b|\bFunction\s*\(/.test(loader)) fail('the loader would need eval, which a strict CSP forbids');

    await rm(args.out, { recursive: true, force: true });
    await mkdir(join(args.out, 'rules'), { recursive: true });
    await mkdir(join(args.out, 'locales'), { recursive: true });
    await writeFile(join(args.out, 'meso-screener.js'), loader);
    await writeFile(join(args.out, 'meso-core.wasm'), wasm);
    await writeFile(join(args.out, 'meso-screener.css'), css);
    await writeFile(join(args.out, 'rules/mesotherapy.json'), JSON.stringify(rules));
    for (const lang of fileLanguages) {
        const locale = { lang, build };
        // Before the rule texts: gzip then finds the first step's texts, which come early among
        // them, within its reach.
        if (firstViews[lang]) locale.first_view = firstViews[lang];
        if (split.texts[lang]) locale.rules = positionalTexts(split.builtIn, split.texts[lang]);
        if (ui[lang] && !builtInUi.includes(lang)) locale.ui = ui[lang];
        await writeFile(join(args.out, 'locales', `${lang}.json`), JSON.stringify(locale));
    }
    for (const name of await readdir(join(here, 'demo'))) {
        await copyFile(join(here, 'demo', name), join(args.out, name));
    }

    const configurator = await writeConfigurator(args.wasmDir, args.out);

    const files = {};
    const localeFiles = fileLanguages.map((lang) => `locales/${lang}.json`);
    for (const name of ['meso-screener.js', 'meso-core.wasm', 'meso-screener.css', 'rules/mesotherapy.json', ...localeFiles]) {
        const data = await readFile(join(args.out, name));
        files[name] = { bytes: data.length, gzip: gzipSize(data) };
    }
    // What a patient downloads to reach the first question with the one-line embed, by the page's
    // language: the loader and the .wasm, and for a language other than the built-in one its
    // locale file. (The stylesheet file is fetched only by browsers without constructable
    // stylesheets; the rule set file only with rules="…".) embed_gzip is the largest of these.
    const embed = {};
    for (const lang of split.languages) {
        const names = ['meso-screener.js', 'meso-core.wasm', `locales/${lang}.json`];
        embed[lang] = { files: names, gzip: names.reduce((sum, name) => sum + files[name].gzip, 0) };
    }
    const embedGzip = Math.max(...Object.values(embed).map((e) => e.gzip));
    const manifest = {
        name: pkg.name, version: pkg.version, build,
        built_from: { wasm: relative(repo, args.wasmDir) || '.', rules: relative(repo, args.rules) },
        files, embed, embed_gzip: embedGzip, budget_gzip: BUDGET_GZIP, within_budget: embedGzip <= BUDGET_GZIP,
    };
    // Sizes of the configurator's files, for the record: no patient downloads them.
    if (configurator.length) {
        manifest.configurator = {};
        for (const name of configurator) {
            const data = await readFile(join(args.out, name));
            manifest.configurator[name] = { bytes: data.length, gzip: gzipSize(data) };
        }
    }
    await writeFile(join(args.out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    for (const [name, size] of Object.entries(files)) console.log(`${name.padEnd(24)} ${String(size.bytes).padStart(8)} B  ${String(size.gzip).padStart(7)} B gzip`);
    for (const [lang, e] of Object.entries(embed)) console.log(`embed in ${lang}: ${e.gzip} B gzip (${e.files.join(' + ')})`);
    console.log(`one-line embed: ${embedGzip} B gzip at most, of a ${BUDGET_GZIP} B budget${manifest.within_budget ? '' : '  <-- OVER BUDGET'}`);
    console.log(`built ${relative(process.cwd(), args.out) || '.'}/`);
}

// Imported by the tests for splitRuleSet and withLanguage; run, it builds.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    main().catch((error) => fail(error.stack || error.message));
}
