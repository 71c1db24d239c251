// Writes the seed corpora of the fuzz targets into OUT/{logic,ruleset,session,json}/:
//   logic   - every JsonLogic conformance case and every condition of the rule sets, as RULE\0DATA
//   ruleset - rules/mesotherapy.json and tests/rulesets/*.json
//   settings - rules/settings.example.json, whole and one setting at a time
//   session - the golden cases' answers (tests/cases/*.json) as fuzz_session operation streams
//   json    - every file of rules/, tests/cases/, tests/rulesets/ and the conformance suite, as is
//             (the corpus of the differential test in tests/unit/unit-json-text.cpp)
// Usage: node tests/fuzz/seeds.mjs OUT
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = process.argv[2];
if (!out) {
    console.error('usage: node tests/fuzz/seeds.mjs OUT');
    process.exit(2);
}

const readJson = path => JSON.parse(readFileSync(path, 'utf8'));
const jsonFiles = dir => (existsSync(dir) ? readdirSync(dir).filter(f => f.endsWith('.json')).sort() : [])
    .map(f => join(dir, f));

function writeCorpus(name, inputs) {
    const dir = join(out, name);
    mkdirSync(dir, { recursive: true });
    inputs.forEach((input, i) => writeFileSync(join(dir, `seed-${String(i).padStart(4, '0')}`), input));
    console.log(`seeds: ${inputs.length} for fuzz_${name}`);
}

const ruleSetPaths = [join(root, 'rules', 'mesotherapy.json'), ...jsonFiles(join(root, 'tests', 'rulesets'))]
    .filter(existsSync);
const minimal = readJson(join(root, 'tests', 'rulesets', 'minimal.json'));

// --- logic -------------------------------------------------------------------------------------
const logicSeeds = [];
const conformance = join(root, 'tests', 'conformance', 'jsonlogic', 'tests.json');
if (existsSync(conformance)) {
    for (const entry of readJson(conformance)) {
        if (Array.isArray(entry)) logicSeeds.push(`${JSON.stringify(entry[0])}\0${JSON.stringify(entry[1])}`);
    }
}
// Data for the conditions: the default rule set speaks contract version 2 (choices for cancer,
// neurological, anticoagulants and nsaids, each with the answer that opens its follow-up), the
// test rule sets speak minimal.json's answers (cancer a boolean).
const sampleAnswers = { age: 30, sex: 'female', pregnant: false, cancer: true, alcohol_recent: true,
    alcohol_last: '2026-02-27', concerns: ['wrinkles'], areas: ['face'] };
const defaultRulesPath = join(root, 'rules', 'mesotherapy.json');
const defaultAnswers = { age: 30, sex: 'female', pregnant: false, breastfeeding: false, menstruating: true,
    cancer: 'past', acute_infection: false, skin_inflammation: true, chronic_flare: false,
    clotting_disorder: false, allergy_components: false, autoimmune: true, neurological: 'other',
    recent_surgery: true, surgery_date: '2026-02-20', anticoagulants: 'course', anticoagulants_end: '2026-03-05',
    nsaids: 'occasional', nsaids_last: '2026-02-27', alcohol_recent: true, alcohol_last: '2026-02-27',
    concerns: ['acne', 'hair_loss'], areas: ['face', 'scalp'], start_date: '2026-03-10' };
for (const path of ruleSetPaths) {
    let rules;
    try { rules = readJson(path); } catch { continue; }
    const data = path === defaultRulesPath ? defaultAnswers : sampleAnswers;
    const conditions = [
        ...(rules.questions || []).map(q => q.enableWhen),
        ...(rules.findings || []).flatMap(f => [f.when, f.earliest]),
        ...(rules.invariants || []).map(i => i.check),
    ].filter(c => c !== undefined);
    for (const c of conditions) logicSeeds.push(`${JSON.stringify(c)}\0${JSON.stringify(data)}`);
}
writeCorpus('logic', logicSeeds);

// --- ruleset -----------------------------------------------------------------------------------
writeCorpus('ruleset', ruleSetPaths.map(p => readFileSync(p)));

// --- settings: the example clinic, and each of its settings alone ---------------------------------
const example = readJson(join(root, 'rules', 'settings.example.json'));
writeCorpus('settings', [example, ...Object.entries(example.settings)
    .map(([key, value]) => ({ ...example, settings: { [key]: value } }))].map(file => JSON.stringify(file)));

// --- session -----------------------------------------------------------------------------------
// Mirrors harness.hpp: keys are minimal.json's question ids then "", "__proto__", "constructor",
// "bogus"; the key byte K selects keys[K % keys.length].
const keys = [...minimal.questions.map(q => q.id), '', '__proto__', 'constructor', 'bogus'];
const keyByte = key => {
    const index = keys.indexOf(key) >= 0 ? keys.indexOf(key) : keys.indexOf('bogus');
    return String.fromCharCode(48 + (((index - 48) % keys.length) + keys.length) % keys.length);
};
// The golden cases speak contract version 2; minimal.json asks cancer as a boolean, so a choice
// there becomes "anything but no" (the case's other keys, unknown to minimal.json, go to "bogus").
const minimalTypes = Object.fromEntries(minimal.questions.map(q => [q.id, q.type]));
const forMinimal = (key, value) => (minimalTypes[key] === 'boolean' && typeof value === 'string' ? value !== 'no' : value);
const setLine = (key, value) => `s${keyByte(key)}${JSON.stringify(forMinimal(key, value))}`;
const streams = [];
for (const path of jsonFiles(join(root, 'tests', 'cases'))) {
    let testCase;
    try { testCase = readJson(path); } catch { continue; }
    if (!testCase.answers || typeof testCase.answers !== 'object') continue;
    streams.push(Object.entries(testCase.answers).map(([k, v]) => setLine(k, v)).join('\n'));
}
streams.push(Object.entries(sampleAnswers).map(([k, v]) => setLine(k, v)).join('\n'));
streams.push([setLine('age', 17), setLine('sex', 'male'), setLine('pregnant', true), `c${keyByte('sex')}`,
    setLine('concerns', ['hair_loss', 'wrinkles']), setLine('areas', ['scalp']), 'l\x01',
    setLine('concerns', ['wrinkles']), 'r', setLine('__proto__', { a: 1 })].join('\n'));
writeCorpus('session', streams);

// --- json --------------------------------------------------------------------------------------
const filesUnder = dir => (existsSync(dir) ? readdirSync(dir).sort() : [])
    .map(f => join(dir, f))
    .flatMap(path => (statSync(path).isDirectory() ? filesUnder(path) : [path]));
writeCorpus('json', [
    ...filesUnder(join(root, 'rules')),
    ...jsonFiles(join(root, 'tests', 'cases')),
    ...jsonFiles(join(root, 'tests', 'rulesets')),
    ...filesUnder(join(root, 'tests', 'conformance', 'jsonlogic')),
].map(path => readFileSync(path)));
