// Writes the benchmark's respondents: a deterministic (seeded) crowd answering every question that
// the default rule set asks them, with valid values, dates relative to a fixed today.
// Usage: node respondents.mjs [count] [out.json]   (defaults: 100000, build/bench/respondents.json)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TODAY = '2026-11-21';
export const SEED = 20261121;

// mulberry32: small, fast and the same on every machine.
function prng(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

export function addDays(iso, days) {
    const d = new Date(`${iso}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
}

export function makeRespondents(rules, count, seed = SEED) {
    const random = prng(seed);
    const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
    const pick = (list) => list[Math.floor(random() * list.length)];
    const some = (list, max) => {
        const chosen = new Set();
        for (let n = Math.min(int(1, max), list.length); chosen.size < n;) chosen.add(pick(list));
        return list.filter((x) => chosen.has(x));  // in the rule set's order, no duplicates
    };
    const concernAreas = Object.fromEntries(rules.concerns.map((c) => [c.id, c.areas]));
    const allAreas = rules.areas.map((a) => a.id);
    // Most people have no contraindication, as on a real clinic page; each "yes" is rare.
    const yes = (p = 0.06) => random() < p;

    const people = [];
    for (let i = 0; i < count; i++) {
        const a = {};
        a.age = random() < 0.05 ? int(12, 17) : int(18, 80);
        a.sex = random() < 0.7 ? 'female' : random() < 0.9 ? 'male' : 'other';
        if (a.sex !== 'male') {
            a.pregnant = yes(0.04);
            a.breastfeeding = yes(0.04);
            a.menstruating = yes(0.15);
        }
        for (const key of ['cancer', 'acute_infection', 'skin_inflammation', 'chronic_flare',
            'clotting_disorder', 'allergy_components', 'autoimmune', 'neurological']) a[key] = yes(0.03);
        a.recent_surgery = yes(0.05);
        if (a.recent_surgery) a.surgery_date = addDays(TODAY, -int(0, 90));
        a.anticoagulants = yes(0.05);
        if (a.anticoagulants) a.anticoagulants_end = addDays(TODAY, int(-10, 60));
        a.nsaids_recent = yes(0.1);
        if (a.nsaids_recent) a.nsaids_last = addDays(TODAY, -int(0, 10));
        a.alcohol_recent = yes(0.25);
        if (a.alcohol_recent) a.alcohol_last = addDays(TODAY, -int(0, 3));
        a.concerns = some(rules.concerns.map((c) => c.id), 3);
        const offered = new Set(a.concerns.flatMap((c) => concernAreas[c]));
        a.areas = some(allAreas.filter((x) => offered.has(x)), 3);
        a.start_date = addDays(TODAY, int(0, 60));
        people.push(a);
    }
    return people;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const count = Number(process.argv[2] || 100000);
    const out = process.argv[3] || join(root, 'build', 'bench', 'respondents.json');
    const rules = JSON.parse(readFileSync(join(root, 'rules', 'mesotherapy.json'), 'utf8'));
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify(makeRespondents(rules, count)));
    console.error(`respondents: ${count} written to ${out}`);
}
