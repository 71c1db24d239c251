#!/usr/bin/env node
// Builds dist/: one loader script (the Emscripten glue, the widget and the default rule set in its
// default language), the .wasm, one locale file per other language, the stylesheet, the whole
// rule set, the demo pages and a manifest of sizes.
//   node web/build.mjs [wasm-dir] [--rules path] [--out dir]
// wasm-dir holds meso-core.js and meso-core.wasm (default: build/wasm/web).
// The widget's sources are ES modules so that editors and Node can read them; this file joins
// them in dependency order inside one function scope, with no bundler, then minifies the whole.
import { readFile, writeFile, mkdir, copyFile, readdir, rm } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
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

// Dependency order: every module after the modules it imports.
async function orderedModules(entry) {
    const order = [];
    const seen = new Set();
    async function visit(file, trail) {
        if (seen.has(file)) return;
        if (trail.includes(file)) fail(`import cycle: ${[...trail, file].map((f) => relative(repo, f)).join(' -> ')}`);
        const text = await readFile(file, 'utf8');
        for (const match of text.matchAll(/^import\s[^;]*?from\s+'(\.[^']+)';/gm)) {
            await visit(resolve(dirname(file), match[1]), [...trail, file]);
        }
        seen.add(file);
        order.push({ file, text });
    }
    await visit(entry, []);
    return order;
}

function stripModuleSyntax({ file, text }) {
    const body = text
        .replace(/^import\s[^;]*?from\s+'[^']+';\n/gm, '')
        .replace(/^export\s+(?=(?:async\s+)?(?:function|const|let|class)\b)/gm, '');
    if (/^\s*(import|export)\b/m.test(body)) fail(`${relative(repo, file)}: only "import … from './x.js';" and "export function/const/class" are supported`);
    return body;
}

function checkUniqueNames(modules) {
    const owner = new Map();
    for (const { file, text } of modules) {
        for (const match of text.matchAll(/^(?:export\s+)?(?:async\s+)?(?:function|const|let|class)\s+([\w$]+)/gm)) {
            if (owner.has(match[1])) fail(`${match[1]} is declared in both ${owner.get(match[1])} and ${relative(repo, file)}`);
            owner.set(match[1], relative(repo, file));
        }
    }
}

function minifyCss(css) {
    return css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').replace(/\s*([{};,>])\s*/g, '$1').trim();
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
    const { invariants = [], locales, ...structure } = rules;
    const cited = stringsIn(structure);
    const verifierOnly = new Set([...stringsIn(invariants)].filter((text) => !cited.has(text)));
    const texts = {};
    for (const [lang, table] of Object.entries(locales)) {
        texts[lang] = Object.fromEntries(Object.entries(table).filter(([key]) => !verifierOnly.has(key)));
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
    return { ...builtIn, languages: [lang], default_language: lang, locales: { [lang]: texts } };
}

// web/src/i18n/<lang>.js: each exports one table of UI strings. Imported from its text, as a
// module: by its path Node would first try it as CommonJS (package.json has no "type") and warn.
async function uiTables() {
    const tables = {};
    for (const name of (await readdir(join(here, 'src/i18n'))).filter((f) => f.endsWith('.js')).sort()) {
        const text = await readFile(join(here, 'src/i18n', name), 'utf8');
        const exported = Object.values(await import(`data:text/javascript,${encodeURIComponent(text)}`));
        if (exported.length !== 1) fail(`web/src/i18n/${name} must export exactly one table`);
        tables[basename(name, '.js')] = exported[0];
    }
    return tables;
}

// Every rule set the browser can make loads in the engine, and shows the patient the same texts
// as the whole rule set does; otherwise the build stops rather than ship them.
async function checkInEngine(wasmDir, rules, split) {
    const require = createRequire(import.meta.url);
    const core = await require(join(wasmDir, 'meso-core.js'))({ wasmBinary: readFileSync(join(wasmDir, 'meso-core.wasm')) });
    const load = (what, source) => {
        try {
            return core.engine.load(source);
        } catch (error) {
            return fail(`${what} does not load: ${error.message}`);
        }
    };
    const whole = load('the rule set', rules);
    for (const lang of split.languages) {
        const part = lang === rules.default_language ? split.builtIn : withLanguage(split.builtIn, lang, split.texts[lang]);
        const loaded = load(`the built-in rule set in "${lang}"`, part);
        const shown = (ruleSet) => JSON.stringify({ ...ruleSet.info(lang), languages: null, default_language: null });
        if (shown(loaded) !== shown(whole)) fail(`the built-in rule set in "${lang}" shows other texts than the whole rule set`);
        loaded.dispose();
    }
    whole.dispose();
}

// The glue is built for the web and for Node (the Node tests load it). The loader runs only in
// a browser: saying so lets the minifier drop the Node half.
function browserOnly(glue) {
    const nodeTest = /\bvar ENVIRONMENT_IS_NODE\s*=[^;]*;/g;
    const found = glue.match(nodeTest) || [];
    if (found.length !== 1) fail(`meso-core.js: expected one "var ENVIRONMENT_IS_NODE = …;", found ${found.length}`);
    return glue.replace(nodeTest, 'var ENVIRONMENT_IS_NODE = false;');
}

const gzipSize = (data) => gzipSync(data, { level: 9 }).length;

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

    const pkg = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8'));
    const rulesSource = await readFile(args.rules, 'utf8');
    const rules = JSON.parse(rulesSource);
    const split = splitRuleSet(rules);
    await checkInEngine(args.wasmDir, rules, split);
    const ui = await uiTables();
    const defaultLang = rules.default_language;
    // English is every language's fallback, so it is always built in.
    const builtInUi = ['en', defaultLang].filter((lang, i, all) => ui[lang] && all.indexOf(lang) === i);
    const fileLanguages = [...new Set([...split.languages, ...Object.keys(ui)])].filter((lang) => lang !== defaultLang).sort();
    const build = createHash('sha256').update(pkg.version).update(rulesSource).update(JSON.stringify(ui)).digest('hex').slice(0, 12);

    const css = await readFile(join(here, 'styles/meso-screener.css'), 'utf8');
    const glue = browserOnly(await readFile(glueFile, 'utf8'));
    const modules = await orderedModules(join(here, 'src/api.js'));
    checkUniqueNames(modules);
    const extraUi = builtInUi.filter((lang) => lang !== 'en')
        .map((lang) => `addUiLanguage(${JSON.stringify(lang)}, ${JSON.stringify(ui[lang])});`);

    const joined = `/*! meso-screener ${pkg.version} */
(function (define, exports, module) {
// Loaded twice on one page: the first copy already serves every element.
if (window.MesoScreener && window.MesoScreener.version) return;
// Captured now: currentScript is only set while this file first runs. The .wasm, the locale
// files and the fallback stylesheet are found next to this script, wherever the host page is.
var MESO_SCRIPT_URL = (document.currentScript && document.currentScript.src) || '';
var MESO_VERSION = ${JSON.stringify(pkg.version)};
var MESO_BUILD = ${JSON.stringify(build)};
var createMesoCore = (function () {
${glue}
return createMesoCore;
})();
var MESO_CSS = ${JSON.stringify(minifyCss(css))};
var MESO_DEFAULT_RULES = ${JSON.stringify(split.builtIn)};
var MESO_LANGUAGES = ${JSON.stringify(split.languages)};
var MESO_LOCALE_FILES = ${JSON.stringify(fileLanguages)};
(function () {
'use strict';
${modules.map(stripModuleSyntax).join('\n')}
${extraUi.join('\n')}
installApi(window);
})();
})();
`;
    // Property names are never mangled: they are the public API (MesoScreener.mount, the element's
    // properties, event details) and the engine's.
    const minified = await minify(joined, {
        ecma: 2020,
        compress: { passes: 2 },
        mangle: true,
        format: { comments: /^!/ },
    });
    const loader = minified.code;
    // The strict CSP allows no eval; neither the glue (-sDYNAMIC_EXECUTION=0) nor the minifier
    // may bring one in.
    if (/\beval\s*\(|\bnew\s+Function\b|\bFunction\s*\(/.test(loader)) fail('the loader would need eval, which a strict CSP forbids');

    await rm(args.out, { recursive: true, force: true });
    await mkdir(join(args.out, 'rules'), { recursive: true });
    await mkdir(join(args.out, 'locales'), { recursive: true });
    await writeFile(join(args.out, 'meso-screener.js'), loader);
    await copyFile(wasmFile, join(args.out, 'meso-core.wasm'));
    await writeFile(join(args.out, 'meso-screener.css'), css);
    await writeFile(join(args.out, 'rules/mesotherapy.json'), JSON.stringify(rules));
    for (const lang of fileLanguages) {
        const locale = { lang, build };
        if (split.texts[lang]) locale.rules = split.texts[lang];
        if (ui[lang] && !builtInUi.includes(lang)) locale.ui = ui[lang];
        await writeFile(join(args.out, 'locales', `${lang}.json`), JSON.stringify(locale));
    }
    for (const name of await readdir(join(here, 'demo'))) {
        await copyFile(join(here, 'demo', name), join(args.out, name));
    }

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
        const names = ['meso-screener.js', 'meso-core.wasm', ...(lang === defaultLang ? [] : [`locales/${lang}.json`])];
        embed[lang] = { files: names, gzip: names.reduce((sum, name) => sum + files[name].gzip, 0) };
    }
    const embedGzip = Math.max(...Object.values(embed).map((e) => e.gzip));
    const manifest = {
        name: pkg.name, version: pkg.version, build,
        built_from: { wasm: relative(repo, args.wasmDir) || '.', rules: relative(repo, args.rules) },
        files, embed, embed_gzip: embedGzip, budget_gzip: BUDGET_GZIP, within_budget: embedGzip <= BUDGET_GZIP,
    };
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
