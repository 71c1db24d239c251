#!/usr/bin/env node
// Builds dist/: one loader script (the Emscripten glue, the widget and the default rule set), the
// .wasm, the stylesheet, the rule set, the demo pages and a manifest of sizes.
//   node web/build.mjs [wasm-dir] [--rules path] [--out dir]
// wasm-dir holds meso-core.js and meso-core.wasm (default: build/wasm/web).
// The widget's sources are ES modules so that editors and Node can read them; this file joins
// them in dependency order inside one function scope, with no bundler.
import { readFile, writeFile, mkdir, copyFile, readdir, rm, stat } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

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
    // Whole-line comments and indentation go; nothing else is touched.
    return body.replace(/^\s*\/\/.*\n/gm, '').replace(/^[ \t]+/gm, '');
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
    const rulesText = JSON.stringify(JSON.parse(await readFile(args.rules, 'utf8')));
    const css = await readFile(join(here, 'styles/meso-screener.css'), 'utf8');
    const glue = await readFile(glueFile, 'utf8');
    const modules = await orderedModules(join(here, 'src/api.js'));
    checkUniqueNames(modules);

    const loader = `/*! meso-screener ${pkg.version} */
(function (define, exports, module) {
// Loaded twice on one page: the first copy already serves every element.
if (window.MesoScreener && window.MesoScreener.version) return;
// Captured now: currentScript is only set while this file first runs. The .wasm and the
// fallback stylesheet are found next to this script, wherever the host page is.
var MESO_SCRIPT_URL = (document.currentScript && document.currentScript.src) || '';
var MESO_VERSION = ${JSON.stringify(pkg.version)};
var createMesoCore = (function () {
${glue}
return createMesoCore;
})();
var MESO_CSS = ${JSON.stringify(minifyCss(css))};
var MESO_DEFAULT_RULES = ${rulesText};
(function () {
'use strict';
${modules.map(stripModuleSyntax).join('\n')}
installApi(window);
})();
})();
`;

    await rm(args.out, { recursive: true, force: true });
    await mkdir(join(args.out, 'rules'), { recursive: true });
    await writeFile(join(args.out, 'meso-screener.js'), loader);
    await copyFile(wasmFile, join(args.out, 'meso-core.wasm'));
    await writeFile(join(args.out, 'meso-screener.css'), css);
    await writeFile(join(args.out, 'rules/mesotherapy.json'), rulesText);
    for (const name of await readdir(join(here, 'demo'))) {
        await copyFile(join(here, 'demo', name), join(args.out, name));
    }

    const files = {};
    for (const name of ['meso-screener.js', 'meso-core.wasm', 'meso-screener.css', 'rules/mesotherapy.json']) {
        const data = await readFile(join(args.out, name));
        files[name] = { bytes: (await stat(join(args.out, name))).size, gzip: gzipSync(data, { level: 9 }).length };
    }
    // The one-line embed downloads the loader (widget, styles, UI strings and default rules
    // inside) and the .wasm; nothing else.
    const embedGzip = files['meso-screener.js'].gzip + files['meso-core.wasm'].gzip;
    const manifest = {
        name: pkg.name, version: pkg.version, built_from: { wasm: relative(repo, args.wasmDir) || '.', rules: relative(repo, args.rules) },
        files, embed_gzip: embedGzip, budget_gzip: BUDGET_GZIP, within_budget: embedGzip <= BUDGET_GZIP,
    };
    await writeFile(join(args.out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    for (const [name, size] of Object.entries(files)) console.log(`${name.padEnd(24)} ${String(size.bytes).padStart(8)} B  ${String(size.gzip).padStart(7)} B gzip`);
    console.log(`one-line embed: ${embedGzip} B gzip of a ${BUDGET_GZIP} B budget${manifest.within_budget ? '' : '  <-- OVER BUDGET'}`);
    console.log(`built ${relative(process.cwd(), args.out) || '.'}/`);
}

main().catch((error) => fail(error.stack || error.message));
