// Rule sets that stay inside every documented limit of the loader but make an evaluation build,
// loop or nest as much as it can (issue 11). Each one hides its bomb behind the `cancer` answer of
// tests/rulesets/minimal.json: answered No the screening is eligible, changed to Yes the bomb goes
// off. The engine must then give no verdict (a result `incomplete` with a logic.limit error, or a
// failure), in bounded time and memory, on every face.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { root } from './cases.mjs';

export const minimalText = readFileSync(join(root, 'tests', 'rulesets', 'minimal.json'), 'utf8');

const zeros = (n) => new Array(n).fill(0);
const accumulator = { var: 'accumulator' };

// `depth` reduces nested through their start values, each wrapping what it starts from once per
// item of a 100-item array: the value nests depth × 100 levels (the case that crashed Chromium).
function nestedWrap(depth) {
    let rule = [];
    for (let i = 0; i < depth; i += 1) rule = { reduce: [zeros(100), { merge: [[[accumulator]]] }, rule] };
    return { '!!': [rule] };
}

export const bombs = {
    'nested reduce wrapping the accumulator': nestedWrap(25),
    'one array wrapped 30,000 levels deep': { '!!': [{ reduce: [zeros(30000), [accumulator], 0] }] },
    'reduce merging to 90,000 items': { '!!': [{ reduce: [zeros(300), { merge: [accumulator, zeros(300)] }, []] }] },
    'map copying 100,000 arrays of 1,000': { '!!': [{ map: [zeros(100000), { merge: [zeros(1000)] }] }] },
    'string doubled by cat': { '!!': [{ reduce: [zeros(40), { cat: [accumulator, accumulator] }, 'xxxxxxxx'] }] },
    'loops nested three deep': { some: [zeros(1000), { some: [zeros(1000), { some: [zeros(1000), false] }] }] },
    'long text compared in a loop': { some: [zeros(100000), { '!=': ['y'.repeat(1 << 16), 'y'.repeat(1 << 16)] }] },
    // 500 findings that each fit one call's budget: together they do not.
    'many findings, each expensive': null,
};

// The minimal rule set with `bomb` behind the cancer answer; `findings` copies of that finding.
export function hostileRules(bomb, findings = 1) {
    const doc = JSON.parse(minimalText);
    const cancer = doc.findings.find((f) => f.id === 'cancer');
    cancer.when = { and: [{ var: 'cancer' }, bomb] };
    for (let i = 1; i < findings; i += 1) doc.findings.push({ ...cancer, id: `cancer_${i}` });
    return JSON.stringify(doc);
}

export const hostileSets = Object.entries(bombs).map(([name, bomb]) => ({
    name,
    rules: bomb ? hostileRules(bomb)
        : hostileRules({ some: [zeros(1000), { some: [zeros(100), false] }] }, 500),
}));

// Eligible with cancer = No.
export const answers = {
    age: 30, sex: 'female', pregnant: false, cancer: false, alcohol_recent: false,
    concerns: ['wrinkles'], areas: ['face'],
};
export const today = '2026-03-01';

// Generous: a screening is bounded by its budget (tens of milliseconds); this only catches the
// seconds to minutes these rule sets took before the budget was one per call.
export const maxSeconds = 5;
