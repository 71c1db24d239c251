// The loader's entry point: web/build.mjs bundles everything this imports into meso-screener.js.
import { MESO_BUILT_IN_UI } from 'meso:build';
import { installApi } from './api.js';
import { addUiLanguage } from './strings.js';
import { purgeExpired } from './storage.js';

// Loaded twice on one page: the first copy already serves every element.
if (!(window.MesoScreener && window.MesoScreener.version)) {
    // English is built into strings.js; a built-in rule set in another language brings its own.
    if (MESO_BUILT_IN_UI) for (const [lang, table] of Object.entries(MESO_BUILT_IN_UI)) addUiLanguage(lang, table);
    installApi(window);
    // Not on the way to the first question: the first access to localStorage costs a few ms.
    (window.requestIdleCallback || setTimeout)(() => purgeExpired());
}
