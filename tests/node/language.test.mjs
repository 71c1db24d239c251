// One rule for choosing a language: the engine's (resolve_lang), which the widget also applies,
// before the engine has started, to choose which built-in language to fetch. Both must give the
// same answer for every way a page or a browser names a language.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { pickLanguage } from '../../web/src/strings.js';
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
