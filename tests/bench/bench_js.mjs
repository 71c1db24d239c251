// The JavaScript half of the evaluation benchmark, in Node:
//  - our engine compiled to wasm, per respondent: rs.status() (answers checked, every condition
//    evaluated, the verdict; like meso_bench's headline figure) and rs.screen() (also the texts,
//    the plan and the result JSON);
//  - like for like, the same conditions (conditions.mjs: every enableWhen, finding `when` and
//    `earliest`) on the same parsed data, condition evaluation only (no validation, no plan, no
//    texts): json-logic-js 2.0.5 on parsed objects, and our engine in wasm (engine.logicBench:
//    compiled and parsed once, then only evaluated), best of ROUNDS each as meso_bench does;
//  - the wasm heap after one full questionnaire answered through a session.
// Usage: node bench_js.mjs <respondents.json>   Prints one JSON object.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { loadCore, root } from '../node/core.mjs';
import { conditionsOf } from './conditions.mjs';
import { TODAY } from './respondents.mjs';

const require = createRequire(import.meta.url);
const jsonLogic = require('json-logic-js');

const rulesText = readFileSync(join(root, 'rules', 'mesotherapy.json'), 'utf8');
const rules = JSON.parse(rulesText);
const respondentsText = readFileSync(process.argv[2], 'utf8');
const respondents = JSON.parse(respondentsText);
const ROUNDS = 3;

function timed(fn) {
    const start = process.hrtime.bigint();
    const value = fn();
    return { seconds: Number(process.hrtime.bigint() - start) / 1e9, value };
}

// The fastest of ROUNDS runs; the value is the last run's (every run computes the same).
function bestOf(fn) {
    let best = timed(fn);
    for (let round = 1; round < ROUNDS; ++round) {
        const next = timed(fn);
        best = { seconds: Math.min(best.seconds, next.seconds), value: next.value };
    }
    return best;
}

// --- json-logic-js with our extensions --------------------------------------------------------
const DAY = 86400000;
const isoDays = (value) => {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
    const ms = Date.parse(`${value}T00:00:00Z`);
    return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value ? null : ms / DAY;
};
jsonLogic.add_operation('today', () => TODAY);
jsonLogic.add_operation('date_add', (date, days) => {
    const d = isoDays(date);
    if (d === null || typeof days !== 'number' || !Number.isInteger(days)) return null;
    return new Date((d + days) * DAY).toISOString().slice(0, 10);
});
jsonLogic.add_operation('days_between', (from, to) => {
    const a = isoDays(from);
    const b = isoDays(to);
    return a === null || b === null ? null : b - a;
});

const conditions = conditionsOf(rules);

function jsonLogicRun() {
    let truthy = 0;
    for (const answers of respondents) {
        for (const rule of conditions) if (jsonLogic.truthy(jsonLogic.apply(rule, answers))) truthy++;
    }
    return truthy;
}

// --- our engine in wasm -------------------------------------------------------------------------
const core = await loadCore();
const engine = core.engine;
const rs = engine.load(rulesText);

// Heap first, on a fresh module: one patient answers every question in asking order.
const session = rs.session(TODAY, 'en');
for (const q of rules.questions) if (q.id in respondents[0]) session.set(q.id, respondents[0][q.id]);
const full = session.result();
const heapBytes = engine.heapBytes;
session.dispose();

// Answers go in as JSON text prepared beforehand, as the widget's session hands them over; the
// result comes back as an object, so the JSON round trip is part of every wasm evaluation.
const texts = respondents.map((answers) => JSON.stringify(answers));
function wasmRun(screenOne) {
    const statuses = {};
    for (const text of texts) {
        const status = screenOne(text);
        statuses[status] = (statuses[status] || 0) + 1;
    }
    return statuses;
}
const verdictOnly = (text) => rs.status(text, TODAY);
const fullScreening = (text) => rs.screen(text, TODAY, 'en').status;

// A short warm-up lets both JITs settle before the clock runs.
const warm = respondents.slice(0, 2000);
for (const a of warm) for (const rule of conditions) jsonLogic.apply(rule, a);
for (const a of warm) rs.screen(JSON.stringify(a), TODAY, 'en');
for (const a of warm) rs.status(JSON.stringify(a), TODAY);

const js = bestOf(jsonLogicRun);
const wasm = timed(() => wasmRun(verdictOnly));
const wasmScreen = timed(() => wasmRun(fullScreening));
rs.dispose();

// Like for like: the respondents' JSON text is parsed inside the module once, as JSON.parse did
// for json-logic-js above; a whole run first warms the engine up as the 2000 did json-logic-js.
const logicBench = engine.logicBench(conditions, respondentsText, TODAY);
logicBench.run();
const wasmLogic = bestOf(() => logicBench.run());
logicBench.dispose();

const n = respondents.length;
console.log(JSON.stringify({
    respondents: n,
    conditions_per_respondent: conditions.length,
    rounds: ROUNDS,
    jsonlogic: { seconds: js.seconds, evals_per_s: n / js.seconds, truthy: js.value },
    wasm_logic: { seconds: wasmLogic.seconds, respondents_per_s: n / wasmLogic.seconds, truthy: wasmLogic.value },
    wasm: { seconds: wasm.seconds, evals_per_s: n / wasm.seconds, status: wasm.value },
    wasm_screen: { seconds: wasmScreen.seconds, evals_per_s: n / wasmScreen.seconds, status: wasmScreen.value },
    heap: { bytes: heapBytes, status: full.status, answered: Object.keys(respondents[0]).length },
}));
