// Hostile inputs for every door of the engine, and what each must produce: a clear error (a
// stable code, a JSON Pointer, a short message) and never a verdict. native.test.mjs runs them
// through the CLI, wasm.test.mjs through the wasm module; both hold them to the same expectations.
//
// A case is one of
//   {name, kind: 'logic',   rule, data?,  expect}   JsonLogic RULE and DATA as JSON text
//   {name, kind: 'rules',   rules,        expect}   a rule set document as JSON text
//   {name, kind: 'answers', answers,      expect}   answers (JSON text) for the default rule set
//   {name, kind: 'session', steps,        expect}   [key, JS value] answers set one at a time
//   {name, kind: 'settings', settings,    expect}   a clinic's settings file (JSON text) for the
//                                                    default rule set: refused, so nothing loads
// expect: {code, path, message?: RegExp | string} - an error that must be reported. Errors of the
// "json." family stop before screening (the CLI prints no result, wasm throws a MesoError); others
// come with a result whose status must be "incomplete". A session case may instead expect
// {missing: key}: no error, but the key counts as unanswered. `faces` limits a case to some faces.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const today = '2026-03-01';
export const defaultRulesPath = join(root, 'rules', 'mesotherapy.json');
export const defaultRulesText = readFileSync(
    existsSync(defaultRulesPath) ? defaultRulesPath : join(root, 'tests', 'rulesets', 'minimal.json'), 'utf8');
// Frozen: a case changes a copy (rulesWith), never the rule set the other cases use.
const freeze = value => {
    if (value && typeof value === 'object') Object.values(Object.freeze(value)).forEach(freeze);
    return value;
};
const defaultRules = freeze(JSON.parse(defaultRulesText));

const MiB = 1 << 20;
const RLO = '\u202e';  // right-to-left override
const ZWSP = '\u200b'; // zero-width space
const j = value => JSON.stringify(value);
const deep = (open, leaf, close, n) => open.repeat(n) + leaf + close.repeat(n);

// --- the default rule set, and answers that make every question visible -----------------------

const questionIn = (doc, id) => doc.questions.find(q => q.id === id);
const question = id => questionIn(defaultRules, id);
const firstOption = q => {
    if (q.options) return q.options[0].id;
    if (q.options_from === 'concerns') return defaultRules.concerns[0].id;
    return defaultRules.concerns[0].areas[0];
};
// Gates of follow-up questions are answered so that the follow-up is asked: a boolean gate
// (enableWhen: {var: gate}) true, a single-choice gate (enableWhen: {"==": [{var: gate}, id]}) that
// option (anticoagulants "course", nsaids "occasional").
const gates = new Map(defaultRules.questions.flatMap(q => {
    const when = q.enableWhen;
    if (typeof when?.var === 'string') return [[when.var, true]];
    const [left, right] = when?.['=='] ?? [];
    return typeof left?.var === 'string' && typeof right === 'string' ? [[left.var, right]] : [];
}));
const dayMs = 24 * 60 * 60 * 1000;
const daysFromToday = days => new Date(Date.parse(today) + days * dayMs).toISOString().slice(0, 10);
// Two days ago, or the nearest day the question's bounds allow (a wished start date is not before
// today).
const baseDate = q => daysFromToday(Math.min(Math.max(-2, q.min_days ?? -2), q.max_days ?? -2));
function baseValue(q) {
    switch (q.type) {
        case 'boolean': return gates.get(q.id) === true;
        case 'single': return gates.get(q.id) ?? (q.id === 'sex' ? 'female' : firstOption(q));
        case 'multiple': return [firstOption(q)];
        case 'integer': return Math.min(Math.max(30, q.min ?? 30), q.max ?? 30);
        case 'date': return baseDate(q);
        default: throw new Error(`unknown question type ${q.type}`);
    }
}
export const baseAnswers = Object.fromEntries(defaultRules.questions.map(q => [q.id, baseValue(q)]));
const answersWith = changes => j({ ...baseAnswers, ...changes });

// --- every answer type swapped for every other ---------------------------------------------------

const wrongValues = [true, false, 0, 42, 18.5, 1e300, 'text', '', '42', 'true', 'NaN', [], [42], {}, { a: 1 }];
const fitsType = {
    boolean: v => typeof v === 'boolean',
    single: v => typeof v === 'string',
    multiple: v => Array.isArray(v) && v.every(x => typeof x === 'string'),
    integer: v => typeof v === 'number',
    date: v => typeof v === 'string',
};
// The error a wrong value gets: a string where a string belongs but that names no option or date
// is not a type error; a number of the right type out of bounds is out of range.
function swapError(q, value) {
    if (fitsType[q.type](value)) {
        if (q.type === 'single') return { code: 'answers.unknown_option', path: `/${q.id}` };
        if (q.type === 'date') return { code: 'answers.bad_date', path: `/${q.id}` };
        if (q.type === 'integer') {
            if (!Number.isInteger(value)) return { code: 'answers.wrong_type', path: `/${q.id}` };
            const inRange = value >= (q.min ?? -Infinity) && value <= (q.max ?? Infinity);
            return inRange ? null : { code: 'answers.out_of_range', path: `/${q.id}` };
        }
        return null; // [] for a multiple question is a valid answer
    }
    if (q.type === 'multiple' && Array.isArray(value)) return { code: 'answers.wrong_type', path: `/${q.id}/0` };
    return { code: 'answers.wrong_type', path: `/${q.id}` };
}
const swapCases = defaultRules.questions.flatMap(q => wrongValues.flatMap(value => {
    const expect = swapError(q, value);
    return expect ? [{ name: `${q.type} ${q.id} = ${j(value)}`, kind: 'answers',
        answers: answersWith({ [q.id]: value }), expect }] : [];
}));

// --- rule sets ------------------------------------------------------------------------------------

// A value to put where raw text (1e309, NaN, a duplicate key) goes once the JSON is written.
const HOLE = '__HOSTILE__';
const MARK = j(HOLE);
// The default rule set with one change, optionally with MARK replaced by raw text afterwards.
function rulesWith(change, raw) {
    const doc = structuredClone(defaultRules);
    change(doc);
    const text = j(doc);
    return raw === undefined ? text : text.replace(MARK, raw);
}
const findingIndex = defaultRules.findings.findIndex(f => f.id === 'cancer');
const settingId = Object.keys(defaultRules.settings).find(id => defaultRules.settings[id].unit === 'days');
const jsonDepth = 64; // ParseLimits::max_depth
const answerDepth = 16; // answer_limits in web/bindings/bindings.cpp

const huge = `{"$comment":"${'x'.repeat(50 * MiB)}"}`;
// Sets an own property even for "__proto__", which plain assignment would not.
const own = (object, key, value) => Object.defineProperty(object, key,
    { value, enumerable: true, writable: true, configurable: true });

const ruleCases = [
    { name: 'rules: invalid JSON (cut in half)', rules: defaultRulesText.slice(0, defaultRulesText.length >> 1),
        expect: { code: 'json.syntax', path: '', message: /^line \d+, column \d+: / } },
    { name: 'rules: not JSON at all', rules: 'format: 1\nid: yaml',
        expect: { code: 'json.syntax', path: '', message: /^line 1, column \d+: / } },
    { name: 'rules: empty text', rules: '', expect: { code: 'json.syntax', path: '' } },
    { name: 'rules: 50 MB rule set', rules: huge,
        expect: { code: 'json.too_large', path: '', message: `the document has ${huge.length} bytes; the limit is ${16 * MiB}` } },
    { name: 'rules: 100,000-deep nested rule in a finding',
        rules: rulesWith(d => { d.findings[findingIndex].when = HOLE; }, deep('{"!":', 'true', '}', 100000)),
        expect: { code: 'json.too_deep', path: `/findings/${findingIndex}/when${'/!'.repeat(jsonDepth - 3)}`,
            message: `nesting deeper than ${jsonDepth} levels` } },
    { name: 'rules: 1e309 as a setting value',
        rules: rulesWith(d => { d.settings[settingId].value = HOLE; }, '1e309'),
        expect: { code: 'json.number', path: `/settings/${settingId}/value`, message: /1e309/ } },
    { name: 'rules: -1e309 as an integer bound',
        rules: rulesWith(d => { questionIn(d, 'age').min = HOLE; }, '-1e309'),
        expect: { code: 'json.number', path: `/questions/${defaultRules.questions.indexOf(question('age'))}/min` } },
    { name: 'rules: NaN literal', rules: rulesWith(d => { d.settings[settingId].value = HOLE; }, 'NaN'),
        expect: { code: 'json.syntax', path: '' } },
    { name: 'rules: "NaN" as a number of days', rules: rulesWith(d => { d.settings[settingId].value = 'NaN'; }),
        expect: { code: 'rules.bad_setting', path: `/settings/${settingId}/value` } },
    { name: 'rules: unknown top-level key', rules: rulesWith(d => { d.colour = 'blue'; }),
        expect: { code: 'rules.unknown_field', path: '/colour' } },
    { name: 'rules: unknown key in a question', rules: rulesWith(d => { d.questions[0].colour = 'blue'; }),
        expect: { code: 'rules.unknown_field', path: '/questions/0/colour' } },
    { name: 'rules: duplicate key', rules: defaultRulesText.replace('"questions":', '"questions": [], "questions":'),
        expect: { code: 'json.duplicate_key', path: '/questions' } },
    { name: 'rules: duplicate key inside a condition',
        rules: rulesWith(d => { d.findings[findingIndex].when = HOLE; }, '{"var": "cancer", "var": "age"}'),
        expect: { code: 'json.duplicate_key', path: `/findings/${findingIndex}/when/var` } },
    { name: 'rules: an array where the settings object belongs', rules: rulesWith(d => { d.settings = []; }),
        expect: { code: 'rules.wrong_type', path: '/settings' } },
    { name: 'rules: an array where a question object belongs', rules: rulesWith(d => { d.questions[0] = ['age']; }),
        expect: { code: 'rules.not_object', path: '/questions/0' } },
    { name: 'rules: an object where the questions array belongs',
        rules: rulesWith(d => { d.questions = { age: d.questions[0] }; }),
        expect: { code: 'rules.wrong_type', path: '/questions' } },
    { name: 'rules: the document is an array', rules: j([defaultRules]), expect: { code: 'rules.not_object', path: '' } },
    { name: 'rules: unknown operation in a condition',
        rules: rulesWith(d => { d.findings[findingIndex].when = { var_: 'cancer' }; }),
        expect: { code: 'logic.unknown_operation', path: `/findings/${findingIndex}/when` } },
    { name: 'rules: a condition reads an unknown question',
        rules: rulesWith(d => { d.findings[findingIndex].when = { var: 'cancre' }; }),
        expect: { code: 'rules.unknown_question', path: `/findings/${findingIndex}/when` } },
    { name: 'rules: unknown severity', rules: rulesWith(d => { d.findings[findingIndex].severity = 'fatal'; }),
        expect: { code: 'rules.unknown_severity', path: `/findings/${findingIndex}/severity` } },
    // Ids that become object keys in JS (answer keys, settings) must not be prototype-like.
    ...['__proto__', 'constructor', 'prototype'].flatMap(id => [
        { name: `rules: question id ${id}`, rules: rulesWith(d => { d.questions[5].id = id; }),
            expect: { code: 'rules.bad_id', path: '/questions/5/id' } },
        { name: `rules: setting named ${id}`,
            rules: rulesWith(d => { own(d.settings, id, structuredClone(d.settings[settingId])); }),
            expect: { code: 'rules.bad_id', path: `/settings/${id}` } },
    ]),
    { name: 'rules: __proto__ as a top-level key', rules: rulesWith(d => { d.__hostile__ = 1; }).replace('"__hostile__"', '"__proto__"'),
        expect: { code: 'rules.unknown_field', path: '/__proto__' } },
    { name: 'rules: a question id with a right-to-left override',
        rules: rulesWith(d => { d.questions[5].id = `cancer${RLO}`; }),
        expect: { code: 'rules.bad_id', path: '/questions/5/id' } },
    { name: 'rules: a question id with a zero-width space',
        rules: rulesWith(d => { d.questions[5].id = `can${ZWSP}cer`; }),
        expect: { code: 'rules.bad_id', path: '/questions/5/id' } },
    { name: 'rules: a condition reads a look-alike key (zero-width space)',
        rules: rulesWith(d => { d.findings[findingIndex].when = { var: `cancer${ZWSP}` }; }),
        expect: { code: 'rules.unknown_question', path: `/findings/${findingIndex}/when` } },
].map(c => ({ kind: 'rules', ...c }));

// --- JsonLogic ------------------------------------------------------------------------------------

const logicCases = [
    { name: 'logic: invalid JSON rule', rule: '{"==": [1, ]}', expect: { code: 'json.syntax', path: '' } },
    { name: 'logic: invalid JSON data', rule: '{"var": "a"}', data: '{"a": 1', expect: { code: 'json.syntax', path: '' } },
    { name: 'logic: 100,000-deep nested rule', rule: deep('{"!":', 'true', '}', 100000),
        expect: { code: 'json.too_deep', path: '/!'.repeat(jsonDepth), message: `nesting deeper than ${jsonDepth} levels` } },
    { name: 'logic: 100,000-deep nested data', rule: '{"var": "a"}', data: `{"a":${deep('[', '1', ']', 100000)}}`,
        expect: { code: 'json.too_deep', path: `/a${'/0'.repeat(jsonDepth - 1)}` } },
    { name: 'logic: 1e309 in a rule', rule: '{"+": [1, 1e309]}', expect: { code: 'json.number', path: '/+/1' } },
    { name: 'logic: -1e309 in data', rule: '{"var": "a"}', data: '{"a": -1e309}', expect: { code: 'json.number', path: '/a' } },
    { name: 'logic: NaN literal', rule: '{"+": [NaN, 1]}', expect: { code: 'json.syntax', path: '' } },
    { name: 'logic: Infinity literal', rule: '{"+": [Infinity]}', expect: { code: 'json.syntax', path: '' } },
    { name: 'logic: duplicate operation key', rule: '{"if": [true, 1, 2], "if": [false, 3, 4]}',
        expect: { code: 'json.duplicate_key', path: '/if' } },
    { name: 'logic: duplicate key in data', rule: '{"var": "a"}', data: '{"a": 1, "a": 2}',
        expect: { code: 'json.duplicate_key', path: '/a' } },
    { name: 'logic: two operations in one object', rule: '{"var": "a", "missing": ["b"]}',
        expect: { code: 'logic.bad_operation', path: '' } },
    { name: 'logic: unknown operation', rule: '{"and": [true, {"nope": []}]}',
        expect: { code: 'logic.unknown_operation', path: '/and/1' } },
    { name: 'logic: __proto__ as an operation', rule: '{"__proto__": [1]}',
        expect: { code: 'logic.unknown_operation', path: '' } },
    { name: 'logic: constructor as an operation', rule: '{"or": [{"constructor": [1]}]}',
        expect: { code: 'logic.unknown_operation', path: '/or/0' } },
    { name: 'logic: an operation name with a right-to-left override', rule: j({ [`var${RLO}`]: 'a' }),
        expect: { code: 'logic.unknown_operation', path: '', message: /\\u202e/ } },
    { name: 'logic: an operation name with a zero-width space', rule: j({ [`in${ZWSP}`]: ['a', 'abc'] }),
        expect: { code: 'logic.unknown_operation', path: '', message: /\\u200b/ } },
    { name: 'logic: too many operations', rule: j({ '+': Array.from({ length: 20001 }, () => ({ var: 'a' })) }),
        expect: { code: 'logic.too_large', path: '/+/19999' } },
    { name: 'logic: a string longer than 1 MiB',
        rule: j({ reduce: [Array.from({ length: 25 }, (_, i) => i), { cat: [{ var: 'accumulator' }, { var: 'accumulator' }] }, 'ab'] }),
        expect: { code: 'logic.limit', path: '/reduce/1' } },
    { name: 'logic: an array longer than 100,000 items',
        rule: j({ reduce: [Array.from({ length: 20 }, (_, i) => i), { merge: [{ var: 'accumulator' }, { var: 'accumulator' }] }, [1]] }),
        expect: { code: 'logic.limit', path: '/reduce/1' } },
    // The budget runs out in the inner loop, which does the work.
    { name: 'logic: more steps than one call may take (250,000)',
        rule: j({ map: [{ var: 'a' }, { map: [{ var: '' }, { '+': [{ var: '' }, 1] }] }] }),
        data: j({ a: Array.from({ length: 300 }, () => Array.from({ length: 1000 }, (_, i) => i)) }),
        expect: { code: 'logic.limit', path: '/map/1/map/1' } },
].map(c => ({ kind: 'logic', data: '{}', ...c }));

// --- answers ----------------------------------------------------------------------------------------

const answerCases = [
    { name: 'answers: invalid JSON', answers: '{"age": 30,}', expect: { code: 'json.syntax', path: '', message: /^line 1, column \d+: / } },
    { name: 'answers: empty text', answers: '', expect: { code: 'json.syntax', path: '' } },
    { name: 'answers: an array where the answers object belongs', answers: j([baseAnswers]),
        expect: { code: 'answers.wrong_type', path: '', message: 'the answers must be a JSON object' } },
    { name: 'answers: a string where the answers object belongs', answers: '"age=30"',
        expect: { code: 'answers.wrong_type', path: '' } },
    { name: 'answers: a 10 MB answer string', answers: answersWith({ sex: 'f'.repeat(10 * MiB) }),
        expect: { code: 'json.too_large', path: '', message: /; the limit is 1048576$/ } },
    { name: 'answers: a 100,000-deep answer', answers: `{"concerns":${deep('[', '"wrinkles"', ']', 100000)}}`,
        expect: { code: 'json.too_deep', path: `/concerns${'/0'.repeat(answerDepth - 1)}` } },
    { name: 'answers: age 1e309', answers: answersWith({ age: HOLE }).replace(MARK, '1e309'),
        expect: { code: 'json.number', path: '/age' } },
    { name: 'answers: age -1e309', answers: answersWith({ age: HOLE }).replace(MARK, '-1e309'),
        expect: { code: 'json.number', path: '/age' } },
    { name: 'answers: age 1e308', answers: answersWith({ age: 1e308 }), expect: { code: 'answers.out_of_range', path: '/age' } },
    { name: 'answers: age -0.5', answers: answersWith({ age: -0.5 }), expect: { code: 'answers.wrong_type', path: '/age' } },
    { name: 'answers: cancer -0', answers: answersWith({ cancer: HOLE }).replace(MARK, '-0'),
        expect: { code: 'answers.wrong_type', path: '/cancer' } },
    { name: 'answers: cancer -0.0', answers: answersWith({ cancer: HOLE }).replace(MARK, '-0.0'),
        expect: { code: 'answers.wrong_type', path: '/cancer' } },
    { name: 'answers: NaN literal', answers: answersWith({ age: HOLE }).replace(MARK, 'NaN'), expect: { code: 'json.syntax', path: '' } },
    ...['NaN', 'Infinity', '-Infinity', '1e309', '0x1E', '30 years', ' 30'].map(text => (
        { name: `answers: age "${text}"`, answers: answersWith({ age: text }), expect: { code: 'answers.wrong_type', path: '/age' } })),
    ...['2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '2026-2-3', '26-02-03', '2026-02-28T00:00:00Z',
        '+02026-02-28', '2026-02-28\u0000', '0000-01-01', '9999-12-31', `2026-02-2${ZWSP}8`].map(text => (
        { name: `answers: date ${j(text)}`, answers: answersWith({ alcohol_last: text }),
            expect: { code: 'answers.bad_date', path: '/alcohol_last' } })),
    // Contract version 2: the bounds every date and number question declares, and the v1 answers
    // that a form or script written for version 1 would still send.
    ...[['alcohol_last', '2026-03-02'], ['nsaids_last', '2026-03-02'], ['surgery_date', '2026-03-02'],
        ['surgery_date', '2199-12-31']].map(([key, date]) => (
        { name: `answers: ${key} ${date}, after today`, answers: answersWith({ [key]: date }),
            expect: { code: 'answers.too_late', path: `/${key}`, message: 'Please give a date no later than 1 March 2026.' } })),
    { name: 'answers: start_date yesterday', answers: answersWith({ start_date: daysFromToday(-1) }),
        expect: { code: 'answers.too_early', path: '/start_date', message: 'Please give a date from 1 March 2026.' } },
    ...['alcohol_last', 'nsaids_last', 'surgery_date', 'anticoagulants_end'].map(key => (
        { name: `answers: ${key} more than ten years ago`, answers: answersWith({ [key]: daysFromToday(-3651) }),
            expect: { code: 'answers.too_early', path: `/${key}` } })),
    ...['anticoagulants_end', 'start_date'].map(key => (
        { name: `answers: ${key} more than two years ahead`, answers: answersWith({ [key]: daysFromToday(731) }),
            expect: { code: 'answers.too_late', path: `/${key}` } })),
    ...[0, 150].map(age => ({ name: `answers: age ${age}`, answers: answersWith({ age }),
        expect: { code: 'answers.out_of_range', path: '/age', message: 'Please give a number from 1 to 120.' } })),
    { name: 'answers: the v1 key nsaids_recent', answers: answersWith({ nsaids_recent: true }),
        expect: { code: 'answers.unknown_key', path: '/nsaids_recent' } },
    ...['cancer', 'anticoagulants', 'nsaids', 'neurological'].flatMap(key => [
        { name: `answers: v1 ${key} true`, answers: answersWith({ [key]: true }),
            expect: { code: 'answers.wrong_type', path: `/${key}` } },
        { name: `answers: ${key} "yes"`, answers: answersWith({ [key]: 'yes' }),
            expect: { code: 'answers.unknown_option', path: `/${key}` } },
    ]),
    { name: 'answers: unknown key', answers: answersWith({ pregant: true }),
        expect: { code: 'answers.unknown_key', path: '/pregant', message: '"pregant" is not a question id' } },
    { name: 'answers: duplicate key', answers: '{"age": 30, "cancer": "no", "age": 31}',
        expect: { code: 'json.duplicate_key', path: '/age', message: 'the key "age" appears twice in one object' } },
    { name: 'answers: a duplicate key with a right-to-left override',
        answers: `{"${RLO}age": 30, "cancer": "no", "${RLO}age": 31}`,
        expect: { code: 'json.duplicate_key', path: `/${RLO}age`, message: /\\u202eage/ } },
    { name: 'answers: a 5,000-character duplicate key is not echoed whole',
        answers: `{"${'k'.repeat(5000)}": 1, "${'k'.repeat(5000)}": 2}`,
        expect: { code: 'json.duplicate_key', path: `/${'k'.repeat(5000)}`, message: /^the key "k+…" appears twice in one object$/ } },
    ...['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'].flatMap(key => [
        { name: `answers: key ${key}`,
            answers: answersWith({ [HOLE]: { cancer: 'no', polluted: true } }).replace(MARK, j(key)),
            expect: { code: 'answers.unknown_key', path: `/${key}` } },
        { name: `answers: option ${key}`, answers: answersWith({ sex: key }), expect: { code: 'answers.unknown_option', path: '/sex' } },
        { name: `answers: concern ${key}`, answers: answersWith({ concerns: [key] }),
            expect: { code: 'answers.unknown_option', path: '/concerns/0' } },
    ]),
    { name: 'answers: a key with a right-to-left override', answers: answersWith({ [`${RLO}age`]: 30 }),
        expect: { code: 'answers.unknown_key', path: `/${RLO}age`, message: /\\u202e/ } },
    { name: 'answers: a key with a zero-width space', answers: answersWith({ [`cancer${ZWSP}`]: 'now' }),
        expect: { code: 'answers.unknown_key', path: `/cancer${ZWSP}`, message: /\\u200b/ } },
    { name: 'answers: an option with a right-to-left override', answers: answersWith({ sex: `${RLO}elamef` }),
        expect: { code: 'answers.unknown_option', path: '/sex', message: /\\u202e/ } },
    { name: 'answers: an option with a zero-width space', answers: answersWith({ concerns: [`wrinkles${ZWSP}`] }),
        expect: { code: 'answers.unknown_option', path: '/concerns/0', message: /\\u200b/ } },
    { name: 'answers: a 100 KB option id is not echoed whole', answers: answersWith({ sex: 'f'.repeat(100000) }),
        expect: { code: 'answers.unknown_option', path: '/sex' } },
    { name: 'answers: an object where the concerns array belongs', answers: answersWith({ concerns: { 0: 'wrinkles' } }),
        expect: { code: 'answers.wrong_type', path: '/concerns' } },
    { name: 'answers: an area of a concern not chosen', answers: answersWith({ areas: ['scalp'] }),
        expect: { code: 'answers.not_offered', path: '/areas/0' } },
    { name: 'answers: a concern chosen twice', answers: answersWith({ concerns: ['wrinkles', 'wrinkles'] }),
        expect: { code: 'answers.duplicate_option', path: '/concerns/1' } },
    ...swapCases,
].map(c => ({ kind: 'answers', ...c }));

// --- a session receiving answers one by one --------------------------------------------------------

const sessionCases = [
    { name: 'session: a wrong type after a complete, clean form',
        steps: [...Object.entries(baseAnswers), ['age', '30']], expect: { code: 'answers.wrong_type', path: '/age' } },
    { name: 'session: an impossible date', steps: [...Object.entries(baseAnswers), ['alcohol_last', '2026-02-30']],
        expect: { code: 'answers.bad_date', path: '/alcohol_last' } },
    { name: 'session: a last drink tomorrow', steps: [...Object.entries(baseAnswers), ['alcohol_last', '2026-03-02']],
        expect: { code: 'answers.too_late', path: '/alcohol_last' } },
    { name: 'session: a wished start date in the past', steps: [...Object.entries(baseAnswers), ['start_date', '2026-02-28']],
        expect: { code: 'answers.too_early', path: '/start_date' } },
    // An area whose concern is unticked later is no error any more: Session::set drops it, and
    // the areas question is then missing (tests/unit/screen/unit-session.cpp).
    { name: 'session: __proto__ key', steps: [...Object.entries(baseAnswers), ['__proto__', { cancer: 'now' }]],
        expect: { code: 'answers.unknown_key', path: '/__proto__' } },
    { name: 'session: constructor key', steps: [...Object.entries(baseAnswers), ['constructor', 'x']],
        expect: { code: 'answers.unknown_key', path: '/constructor' } },
    { name: 'session: a zero-width look-alike key', steps: [...Object.entries(baseAnswers), [`age${ZWSP}`, 30]],
        expect: { code: 'answers.unknown_key', path: `/age${ZWSP}` } },
    { name: 'session: NaN from JS is no answer', steps: [...Object.entries(baseAnswers), ['age', NaN]],
        expect: { missing: 'age' } },
    { name: 'session: Infinity from JS is no answer', steps: [...Object.entries(baseAnswers), ['age', Infinity]],
        expect: { missing: 'age' } },
    { name: 'session: a 10 MB answer string', faces: ['wasm'], steps: [['sex', 'f'.repeat(10 * MiB)]],
        expect: { code: 'json.too_large', path: '/sex' } },
    { name: 'session: a 100-deep answer', faces: ['wasm'], steps: [['concerns', JSON.parse(deep('[', '"wrinkles"', ']', 100))]],
        expect: { code: 'json.too_deep', path: `/concerns${'/0'.repeat(answerDepth)}` } },
].map(c => ({ kind: 'session', ...c }));

// --- a clinic's settings file for the default rule set ---------------------------------------------

const settingsFile = (settings, extra = {}) => j({ format: 'meso-settings/1', ruleset: defaultRules.id, settings, ...extra });
const settingsCases = [
    { name: 'settings: a wait below the sources\' number', settings: settingsFile({ alcohol_wait_days: 1 }),
        expect: { code: 'settings.out_of_bounds', path: '/settings/alcohol_wait_days', message: /below the minimum the sources set, 3/ } },
    { name: 'settings: a negative lead time', settings: settingsFile({ first_session_lead_days: -5 }),
        expect: { code: 'settings.bad_value', path: '/settings/first_session_lead_days' } },
    { name: 'settings: a wait of 1e300 days', settings: settingsFile({ surgery_wait_days: 1e300 }),
        expect: { code: 'settings.out_of_bounds', path: '/settings/surgery_wait_days' } },
    { name: 'settings: a wait as a string', settings: settingsFile({ nsaid_wait_days: '7' }),
        expect: { code: 'settings.bad_value', path: '/settings/nsaid_wait_days' } },
    { name: 'settings: an unknown key', settings: settingsFile({ colour: 'red' }),
        expect: { code: 'settings.unknown_key', path: '/settings/colour' } },
    { name: 'settings: __proto__ as a key', settings: settingsFile({}).replace('"settings":{}', '"settings":{"__proto__":{"alcohol_wait_days":0}}'),
        expect: { code: 'settings.unknown_key', path: '/settings/__proto__' } },
    { name: 'settings: another rule set\'s id', settings: settingsFile({}, { ruleset: 'another-rule-set' }),
        expect: { code: 'settings.wrong_ruleset', path: '/ruleset' } },
    { name: 'settings: no format', settings: j({ ruleset: defaultRules.id, settings: {} }),
        expect: { code: 'settings.unsupported_format', path: '/format' } },
    { name: 'settings: an array, not a file', settings: '[]', expect: { code: 'settings.wrong_type', path: '' } },
    { name: 'settings: a concern the rule set does not have', settings: settingsFile({ concerns: ['wrinkles', 'tattoo_removal'] }),
        expect: { code: 'settings.not_offered', path: '/settings/concerns/1' } },
    { name: 'settings: no concern at all', settings: settingsFile({ concerns: [] }),
        expect: { code: 'settings.bad_value', path: '/settings/concerns' } },
    { name: 'settings: a language the rule set does not speak', settings: settingsFile({ languages: ['de'] }),
        expect: { code: 'settings.not_offered', path: '/settings/languages/0' } },
    { name: 'settings: a price per area for an area that does not exist', settings: settingsFile({ price_per_session: { face: 300, knees: 1 } }),
        expect: { code: 'settings.unknown_area', path: '/settings/price_per_session/knees' } },
    { name: 'settings: a negative price', settings: settingsFile({ price_per_session: { face: -300 } }),
        expect: { code: 'settings.bad_value', path: '/settings/price_per_session' } },
    { name: 'settings: a 100-deep value', settings: settingsFile({ clinic_name: JSON.parse(deep('[', '"x"', ']', 100)) }),
        expect: { code: 'json.too_deep', path: `/settings/clinic_name${'/0'.repeat(jsonDepth - 2)}` } },
    { name: 'settings: a key with a right-to-left override', settings: settingsFile({ [`${RLO}alcohol_wait_days`]: 1 }),
        expect: { code: 'settings.unknown_key', path: `/settings/${RLO}alcohol_wait_days`, message: /\\u202e/ } },
    { name: 'settings: not JSON', settings: '{"format": "meso-settings/1",', expect: { code: 'json.syntax', path: '' } },
].map(c => ({ kind: 'settings', ...c }));

export const cases = [...logicCases, ...ruleCases, ...answerCases, ...sessionCases, ...settingsCases];

// The answers a session's steps leave behind (null and undefined clear, as JSON.stringify does).
export function foldSteps(steps) {
    const answers = {};
    for (const [key, value] of steps) {
        const json = JSON.stringify(value === undefined ? null : value);
        if (json === 'null') delete answers[key];
        else own(answers, key, JSON.parse(json));
    }
    return answers;
}

// What every reported error must look like, whatever the case: short enough to read, and with
// every invisible or direction-changing character escaped so that it cannot hide or reorder text.
export const invisible = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;
export const maxMessageLength = 300;

export function matchesMessage(message, expected) {
    if (expected === undefined) return true;
    return expected instanceof RegExp ? expected.test(message) : message === expected;
}
