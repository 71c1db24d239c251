// The CLI contract: outputs, exit codes (0 ok, 1 invalid input, 2 usage) and messages that name
// the file and the JSON path.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const mesoscreen = process.env.MESOSCREEN || join(root, 'build', 'release', 'mesoscreen');
const minimal = join(root, 'tests', 'rulesets', 'minimal.json');
const scratch = mkdtempSync(join(tmpdir(), 'meso-cli-'));

function run(args, input) {
    const r = spawnSync(mesoscreen, args, { input, encoding: 'utf8' });
    return { code: r.status, out: r.stdout, err: r.stderr };
}

function write(name, text) {
    const path = join(scratch, name);
    writeFileSync(path, text);
    return path;
}

test('logic prints the result of a rule on data', () => {
    assert.deepEqual(run(['logic', '{"<":[{"var":"age"},18]}', '{"age":16}']), { code: 0, out: 'true\n', err: '' });
    assert.equal(run(['logic', '{"cat":["a",1.5,null]}']).out, '"a1.5"\n');
    assert.equal(run(['logic', `@${write('rule.json', '{"+":[1,{"var":"x"}]}')}`, '-'], '{"x":2}').out, '3\n');
    assert.equal(run(['logic', '{"today":[]}', '{}', '--today', '2026-11-21']).out, '"2026-11-21"\n');
});

test('logic names the source and the JSON path of a bad rule', () => {
    const bad = run(['logic', '{"and":[true,{"nope":1}]}']);
    assert.equal(bad.code, 1);
    assert.match(bad.err, /^mesoscreen: <argument>: logic\.unknown_operation at \/and\/1: /);
    const file = write('broken.json', '{"==": [1,\n 2');
    const syntax = run(['logic', `@${file}`]);
    assert.equal(syntax.code, 1);
    assert.equal(syntax.err.startsWith(`mesoscreen: ${file}: json.syntax at /: line 2, column `), true, syntax.err);
    const missing = run(['logic', '@/nonexistent/rule.json']);
    assert.equal(missing.code, 1);
    assert.equal(missing.err, 'mesoscreen: /nonexistent/rule.json: cli.unreadable at /: cannot open /nonexistent/rule.json\n');
});

test('logic --suite counts passes and failures', () => {
    const suite = write('suite.json', JSON.stringify(['# heading', [{ '==': [1, 1] }, {}, true], [{ '+': [1, 1] }, {}, 3]]));
    const r = run(['logic', '--suite', suite]);
    assert.equal(r.code, 1);
    assert.equal(r.out, '1 passed, 1 failed\n');
    assert.match(r.err, /^FAIL \/2 \(# heading\)/);
    const good = write('good.json', JSON.stringify([[{ '==': [1, 1] }, {}, true]]));
    assert.deepEqual(run(['logic', '--suite', good]), { code: 0, out: '1 passed, 0 failed\n', err: '' });
});

test('usage errors exit 2', () => {
    assert.equal(run([]).code, 2);
    assert.equal(run(['frobnicate']).code, 2);
    assert.equal(run(['logic']).code, 2);
    assert.equal(run(['logic', '--suite']).code, 2);
    assert.equal(run(['screen', '--answers', '{}']).err.split('\n')[0], 'mesoscreen screen: --rules is required');
    assert.equal(run(['screen', '--rules', minimal, '--answers', '{}', '--today', '2026-02-30']).code, 2);
    assert.equal(run(['screen', '--rules', minimal, '--answers', '{}', '--bogus', 'x']).code, 2);
    assert.equal(run(['table', minimal, '--lang', 'xx']).code, 2);
    assert.equal(run(['--help']).code, 0);
    assert.match(run(['--version']).out, /^mesoscreen \d+\.\d+\.\d+\n$/);
});

test('lint loads a good rule set and names the path of every problem in a bad one', () => {
    const good = run(['lint', minimal]);
    assert.equal(good.code, 0, good.err);
    assert.match(good.out, /minimal-test 0\.1\.0: 8 questions, 9 findings, 2 languages/);
    const rules = JSON.parse(readFileSync(minimal, 'utf8'));
    rules.findings[0].when = { var: 'cancr' };
    rules.findings[1].severity = 'maybe';
    const bad = run(['lint', write('bad-rules.json', JSON.stringify(rules))]);
    assert.equal(bad.code, 1);
    assert.match(bad.err, /rules\.unknown_question at \/findings\/0\/when: "cancr" is not a question id/);
    assert.match(bad.err, /rules\.unknown_severity at \/findings\/1\/severity: /);
});

test('screen prints the contract JSON', () => {
    const answers = { age: 40, sex: 'female', pregnant: false, cancer: false, alcohol_recent: true,
        alcohol_last: '2026-11-20', concerns: ['wrinkles'], areas: ['face'] };
    const r = run(['screen', '--rules', minimal, '--answers', JSON.stringify(answers), '--today', '2026-11-21']);
    assert.equal(r.code, 0, r.err);
    const result = JSON.parse(r.out);
    assert.equal(result.status, 'postpone');
    assert.deepEqual(result.findings.map(f => f.id), ['alcohol']);
    assert.equal(result.findings[0].earliest, '2026-11-23');
    assert.equal(result.earliest_start, '2026-11-23');
    assert.equal(result.plan.dates[0], '2026-11-23');
    assert.equal(result.plan.sessions.planned, 6);
});

test('screen reports answer errors with the path, prints the JSON, and never a verdict', () => {
    const r = run(['screen', '--rules', minimal, '--answers', '{"age":"forty","cancer":false}', '--today', '2026-11-21']);
    assert.equal(r.code, 1);
    assert.equal(JSON.parse(r.out).status, 'incomplete');
    assert.match(r.err, /^mesoscreen: <argument>: answers\.wrong_type at \/age: /);
    const notJson = run(['screen', '--rules', minimal, '--answers', '{"age":', '--today', '2026-11-21']);
    assert.equal(notJson.code, 1);
    assert.equal(notJson.out, '');
});

test('plan writes an iCalendar file of the dates', () => {
    const answers = { age: 40, sex: 'male', cancer: false, alcohol_recent: false, concerns: ['hair_loss'], areas: ['scalp'] };
    const out = join(scratch, 'plan.ics');
    const r = run(['plan', '--rules', minimal, '--answers', JSON.stringify(answers), '--today', '2026-11-21',
        '--now', '2026-11-21T14:03:09Z', '--ics', out]);
    assert.equal(r.code, 0, r.err);
    const ics = readFileSync(out, 'utf8');
    assert.equal(ics.match(/BEGIN:VEVENT/g).length, 8);
    // Today is a Saturday: never today, never a Sunday, so from Monday.
    assert.match(ics, /DTSTART;VALUE=DATE:20261123\r\n/);
    assert.match(ics, /DTSTART;VALUE=DATE:20261130\r\n/);
    assert.equal(ics.match(/DTSTAMP:20261121T140309Z\r\n/g).length, 8);
    assert.equal(ics.match(/STATUS:TENTATIVE\r\n/g).length, 8);
    // Without --now the CLI reads the clock: some real time, not midnight of --today.
    const clock = run(['plan', '--rules', minimal, '--answers', JSON.stringify(answers), '--today', '2026-11-21', '--ics', '-']);
    assert.equal(clock.code, 0, clock.err);
    assert.match(clock.out, /DTSTAMP:\d{8}T\d{6}Z\r\n/);
    assert.equal(JSON.parse(r.out).events, 8);
    const none = run(['plan', '--rules', minimal, '--answers', '{"age":40,"sex":"female","pregnant":true,"cancer":false,"alcohol_recent":false,"concerns":["wrinkles"],"areas":["face"]}', '--today', '2026-11-21', '--ics', '-']);
    assert.equal(none.code, 1);
    assert.match(none.err, /no dates to put in a calendar \(status postpone\)/);
});

test('verify prints the smallest counter-example of a broken rule set and fails', () => {
    const r = run(['verify', join(root, 'tests', 'rulesets', 'broken-invariant.json'), '--today', '2026-11-21']);
    assert.equal(r.code, 1, r.out + r.err);
    assert.match(r.out, /VIOLATED cancer_is_ineligible\n {4}smallest counter-example: \{.*"cancer":true.*\}\n {4}gives status postpone/);
    assert.match(r.out, /checked: +\d+ answer combinations in \d+\.\d\d s/);
    const json = JSON.parse(run(['verify', join(root, 'tests', 'rulesets', 'broken-invariant.json'), '--today', '2026-11-21', '--json']).out);
    assert.equal(json.proved, false);
    assert.equal(json.violations[0].invariant, 'cancer_is_ineligible');
    assert.equal(json.violations[0].result.status, 'postpone');
});

// A clinic's settings file (rules/README.md, "Clinic settings"), on the default rule set.
const defaultRules = join(root, 'rules', 'mesotherapy.json');
const exampleSettings = join(root, 'rules', 'settings.example.json');
const clinicAnswers = JSON.parse(readFileSync(join(root, 'tests', 'cli', 'clinic-answers.json'), 'utf8'));

function settingsWith(change) {
    const file = JSON.parse(readFileSync(exampleSettings, 'utf8'));
    change(file);
    return write(`settings-${Math.random().toString(36).slice(2)}.json`, JSON.stringify(file));
}

function screenClinic(answers, settings = exampleSettings) {
    return run(['screen', '--rules', defaultRules, '--settings', settings, '--today', '2026-11-27',
        '--answers', JSON.stringify(answers)]);
}

test('screen --settings: the clinic\'s wait, open days, closed dates and prices reach the plan', () => {
    const r = screenClinic({ ...clinicAnswers, alcohol_last: '2026-11-23' });  // 4 days ago
    assert.equal(r.code, 0, r.err);
    const result = JSON.parse(r.out);
    assert.equal(result.status, 'postpone');
    assert.equal(result.earliest_start, '2026-11-29');  // 6 days after the drink: a 5-day wait
    assert.ok(result.plan.dates.length > 0);
    for (const date of result.plan.dates) {
        const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
        assert.ok(weekday !== 0 && weekday !== 6, `${date} is a weekend day`);
        assert.ok(!['2026-12-24', '2026-12-25'].includes(date), `${date} is closed`);
    }
    assert.equal(result.plan.cost.currency, 'PLN');
    assert.deepEqual(result.plan.cost.per_area, { face: 300, scalp: 250 });
    assert.equal(result.plan.cost.per_session, 550);

    const cellulite = JSON.parse(screenClinic({ ...clinicAnswers, concerns: ['cellulite'], areas: ['thighs'] }).out);
    assert.equal(cellulite.status, 'incomplete');
    assert.equal(cellulite.errors[0].code, 'answers.unknown_option');
    assert.equal(cellulite.errors[0].path, '/concerns/0');
});

test('a refused settings file exits 1 naming the file and the JSON path, with no verdict', () => {
    const cases = [
        [(f) => { f.settings.alcohol_wait_days = 1; }, /settings\.out_of_bounds at \/settings\/alcohol_wait_days: 1 is below/],
        [(f) => { f.settings.colour = 'red'; }, /settings\.unknown_key at \/settings\/colour/],
        [(f) => { f.ruleset = 'another-rule-set'; }, /settings\.wrong_ruleset at \/ruleset/],
    ];
    for (const [change, message] of cases) {
        const settings = settingsWith(change);
        for (const command of [
            ['screen', '--rules', defaultRules, '--settings', settings, '--answers', JSON.stringify(clinicAnswers)],
            ['lint', defaultRules, '--settings', settings],
            ['table', defaultRules, '--settings', settings],
            ['verify', defaultRules, '--settings', settings],
        ]) {
            const r = run(command);
            assert.equal(r.code, 1, `${command[0]}: ${r.err}`);
            assert.equal(r.out, '', `${command[0]} prints no result`);
            assert.match(r.err, message);
            assert.ok(r.err.includes(settings), 'names the settings file');
        }
    }
});

test('lint and table --settings: the narrowed rule set is clean and the table shows the clinic\'s values', () => {
    const lint = run(['lint', defaultRules, '--settings', exampleSettings, '--strict']);
    assert.equal(lint.code, 0, lint.err);
    assert.match(lint.out, /2 languages, 0 warnings/);
    const table = run(['table', defaultRules, '--settings', exampleSettings, '--lang', 'en']);
    assert.equal(table.code, 0, table.err);
    assert.match(table.out, /\| alcohol_wait_days \| 5 days \|/);
    assert.match(table.out, /\| price_per_session \| Face: 300, Scalp: 250 \|/);
    assert.match(table.out, /\| currency \| PLN \|/);
});
