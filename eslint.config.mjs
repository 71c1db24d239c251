// eslint for the JavaScript of web/ and tests/ (tests/steps/lint-web.sh: no warning allowed).
// One indentation style: 4 spaces, as web/src has always been written.
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import globals from 'globals';

export default [
    {
        ignores: [
            // What .gitignore leaves out.
            'build*/', 'dist/', 'node_modules/', '.cache/', 'tests/browser/screenshots/', 'tests/browser/output/',
        ],
    },
    js.configs.recommended,
    {
        plugins: { '@stylistic': stylistic },
        languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
        linterOptions: { reportUnusedDisableDirectives: 'error' },
        rules: {
            '@stylistic/indent': ['error', 4, { SwitchCase: 1 }],
            '@stylistic/no-tabs': 'error',
            '@stylistic/no-trailing-spaces': 'error',
            '@stylistic/eol-last': 'error',
            'no-unused-vars': ['error', { args: 'after-used', argsIgnorePattern: '^_', caughtErrors: 'none' }],
        },
    },
    // The widget and the demo page run in the browser.
    { files: ['web/src/**/*.js', 'web/demo/**/*.js'], languageOptions: { globals: globals.browser } },
    { files: ['web/demo/**/*.js'], languageOptions: { sourceType: 'script' } },
    // The benchmark's two host pages (tests/bench/pages/).
    { files: ['tests/bench/pages/*.js'], languageOptions: { sourceType: 'script', globals: globals.browser } },
    // The configurator's page is a module; its tools worker is a classic worker script.
    { files: ['web/configure/**/*.js'], languageOptions: { globals: globals.browser } },
    { files: ['web/configure/worker.js'], languageOptions: { sourceType: 'script', globals: globals.worker } },
    // Emscripten's --pre-js runs inside the glue's scope, where Module is defined.
    { files: ['web/bindings/**/*.js'], languageOptions: { sourceType: 'script', globals: { ...globals.browser, Module: 'writable' } } },
    // The test build's --pre-js follows engine.js in the same scope and extends what it defines.
    { files: ['web/bindings/engine-test.js'],
        languageOptions: { globals: { MesoRuleSet: 'readonly', MesoSession: 'readonly', call: 'readonly', guard: 'readonly', asJsonText: 'readonly' } } },
    // The build, the server and the tests run in Node; the browser tests and the benchmark also
    // hand functions to the page.
    { files: ['web/*.mjs', 'tests/**/*.mjs', 'eslint.config.mjs'], languageOptions: { globals: globals.node } },
    { files: ['tests/browser/**/*.mjs', 'tests/bench/**/*.mjs'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
];
