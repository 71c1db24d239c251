// One rule for choosing a language: the engine's (resolve_lang), which the widget also applies,
// before the engine has started, to choose which built-in language to fetch. Both must give the
// same answer for every way a page or a browser names a language.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { offeredLanguages, pickLanguage } from '../../web/src/strings.js';
import { loadCore, root } from './core.mjs';

const asked = ['', 'en', 'pl', 'uk', 'PL', 'pl-PL', 'pl_PL', 'uk-UA', 'UK-ua', 'en-GB', 'de', 'de-DE',
    'zz', '-', 'pl-', '-pl', 'plx', 'p', 'e_n', 'x-pl', 'ua'];

test('the widget chooses the language the engine would', async () => {
    const core = await loadCore();
    const rules = core.engine.load(readFileSync(join(root, 'rules', 'mesotherapy.json'), 'utf8'));
    const { languages, default_language: fallback } = rules.info('');
    for (const wanted of asked) {
        assert.equal(pickLanguage(wanted, languages, fallback), rules.info(wanted).lang, `asked for ${JSON.stringify(wanted)}`);
    }
    assert.equal(rules.info('pl-PL').lang, 'pl');
    assert.equal(rules.info('de-DE').lang, fallback);
});

// The clinic's languages (a settings file's "languages"), as the widget reads them for its first
// view and as the engine narrows the rule set to them.
test('the widget reads the languages a clinic\'s settings offer as the engine does', async () => {
    const core = await loadCore();
    const source = readFileSync(join(root, 'rules', 'mesotherapy.json'), 'utf8');
    const whole = core.engine.load(source);
    const { id, languages: all, default_language: fallback } = whole.info('');
    whole.dispose();
    const lists = [undefined, ['pl'], ['uk', 'en'], ['en', 'pl', 'uk'], [], ['pl', 'pl'], ['de'], ['en', 'de'], 'pl', [1], null];
    for (const languages of lists) {
        const settings = { format: 'meso-settings/1', ruleset: id, settings: languages === undefined ? {} : { languages } };
        const ours = offeredLanguages(settings, all, fallback);
        let engine = null;
        try {
            const rules = core.engine.load(source, settings);
            const info = rules.info('');
            engine = { languages: info.languages, fallback: info.default_language };
            rules.dispose();
        } catch (error) {
            assert.match(error.code, /^settings\./, `${JSON.stringify(languages)}: ${error.message}`);
        }
        assert.deepEqual(ours, engine, `languages ${JSON.stringify(languages)}`);
    }
});
