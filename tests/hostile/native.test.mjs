// The hostile cases (cases.mjs) through the native CLI, as a script would drive it: exit status 1,
// the error's code and JSON Pointer on stderr, and never a verdict on stdout.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

import { baseAnswers, cases, defaultRulesText, foldSteps, root, today } from './cases.mjs';
import { assertNoVerdict, assertReported, stopsBeforeScreening } from './check.mjs';

const mesoscreen = process.env.MESOSCREEN || join(root, 'build', 'release', 'mesoscreen');
const scratch = mkdtempSync(join(tmpdir(), 'meso-hostile-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const rulesPath = join(scratch, 'rules.json');
writeFileSync(rulesPath, defaultRulesText);

function file(name, text) {
    const path = join(scratch, name);
    writeFileSync(path, text);
    return path;
}

function run(args) {
    const r = spawnSync(mesoscreen, args, { encoding: 'utf8', maxBuffer: 256 << 20 });
    if (r.error) throw r.error;
    return r;
}

// "mesoscreen: ORIGIN: CODE at PATH: MESSAGE", PATH "/" meaning the whole document.
function reportedErrors(stderr, origin) {
    const prefix = `mesoscreen: ${origin}: `;
    return stderr.split('\n').filter(line => line.startsWith(prefix)).map(line => {
        const rest = line.slice(prefix.length);
        const at = rest.indexOf(' at ');
        const colon = rest.indexOf(': ', at + 4);
        const path = rest.slice(at + 4, colon);
        return { code: rest.slice(0, at), path: path === '/' ? '' : path, message: rest.slice(colon + 2) };
    });
}

function screenAnswers(answersText) {
    const answersPath = file('answers.json', answersText);
    return { origin: answersPath,
        run: run(['screen', '--rules', rulesPath, '--answers', `@${answersPath}`, '--today', today]) };
}

const faces = {
    logic(c) {
        const rulePath = file('rule.json', c.rule);
        const dataPath = file('data.json', c.data);
        const r = run(['logic', `@${rulePath}`, `@${dataPath}`, '--today', today]);
        // a JSON error names the document it is in; compile and evaluation errors name the rule
        const origins = [rulePath, dataPath];
        return { run: r, errors: origins.flatMap(o => reportedErrors(r.stderr, o)) };
    },
    rules(c) {
        const path = file('hostile-rules.json', c.rules);
        const r = run(['lint', path]);
        return { run: r, errors: reportedErrors(r.stderr, path) };
    },
    answers(c) {
        const { origin, run: r } = screenAnswers(c.answers);
        return { run: r, errors: reportedErrors(r.stderr, origin), screened: true };
    },
    // Refused settings stop the screening before it starts: no output at all.
    settings(c) {
        const path = file('settings.json', c.settings);
        const answersPath = file('answers.json', JSON.stringify(baseAnswers));
        const r = run(['screen', '--rules', rulesPath, '--settings', path, '--answers', `@${answersPath}`, '--today', today]);
        return { run: r, errors: reportedErrors(r.stderr, path) };
    },
    // The CLI has no session: it screens what the session's answers add up to.
    session(c) {
        return faces.answers({ answers: JSON.stringify(foldSteps(c.steps)) });
    },
};

test('the CLI is built', () => assert.ok(existsSync(mesoscreen), `${mesoscreen} is missing: bash tests/build.sh release`));

// Each swapped answer is a change of these: they must be clean and show every question.
test('native: the base answers are clean', { skip: !existsSync(mesoscreen) }, () => {
    const { run: r } = screenAnswers(JSON.stringify(baseAnswers));
    assert.equal(r.status, 0, r.stderr);
    const result = JSON.parse(r.stdout);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.visible.sort(), Object.keys(baseAnswers).sort());
});

for (const c of cases.filter(c => !c.faces || c.faces.includes('native'))) {
    test(`native: ${c.name}`, { skip: !existsSync(mesoscreen) }, () => {
        const { run: r, errors, screened } = faces[c.kind](c);
        assert.ok(r.status === 1 || (c.expect.missing && r.status === 0),
            `exit status ${r.status}${r.signal ? ` (signal ${r.signal})` : ''}; stderr: ${r.stderr.slice(0, 500)}`);
        if (!screened || stopsBeforeScreening(c.expect)) {
            assert.equal(r.stdout, '', 'no output after an input error');
            assertReported(errors, c.expect, 'stderr');
            return;
        }
        const result = JSON.parse(r.stdout);
        assertNoVerdict(result, c.expect, 'stdout');
        if (!c.expect.missing) assertReported(errors, c.expect, 'stderr');
    });
}
