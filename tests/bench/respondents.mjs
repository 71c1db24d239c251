// Writes the benchmark's respondents: a deterministic (seeded) crowd answering the questions that
// the default rule set (contract version 2) asks them, with valid values, dates relative to a fixed
// today and inside each question's bounds; a few leave one required question unanswered.
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
    // "no", or one of the other options with its probability.
    const choice = (options) => {
        let r = random();
        for (const [id, p] of options) {
            if (r < p) return id;
            r -= p;
        }
        return 'no';
    };

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
        // Contract version 2: the choices, each "yes" kind rare; dates inside each question's
        // bounds (a past event not after today, an expected end of a course up to two months
        // ahead), and now and then a date the person does not know (the follow-up is optional).
        a.cancer = choice([['now', 0.015], ['past', 0.03]]);
        for (const key of ['acute_infection', 'skin_inflammation', 'chronic_flare', 'clotting_disorder',
            'allergy_components', 'autoimmune']) a[key] = yes(0.03);
        a.neurological = choice([['epilepsy', 0.015], ['other', 0.02]]);
        a.recent_surgery = yes(0.05);
        if (a.recent_surgery && !yes(0.2)) a.surgery_date = addDays(TODAY, -int(0, 90));
        a.anticoagulants = choice([['course', 0.04], ['long_term', 0.03]]);
        if (a.anticoagulants === 'course' && !yes(0.2)) a.anticoagulants_end = addDays(TODAY, int(-10, 60));
        a.nsaids = choice([['occasional', 0.08], ['regular', 0.04]]);
        if (a.nsaids === 'occasional' && !yes(0.2)) a.nsaids_last = addDays(TODAY, -int(0, 10));
        a.alcohol_recent = yes(0.25);
        if (a.alcohol_recent && !yes(0.1)) a.alcohol_last = addDays(TODAY, -int(0, 3));
        a.concerns = some(rules.concerns.map((c) => c.id), 3);
        const offered = new Set(a.concerns.flatMap((c) => concernAreas[c]));
        a.areas = some(allAreas.filter((x) => offered.has(x)), 3);
        if (!yes(0.3)) a.start_date = addDays(TODAY, int(0, 60));
        // A few leave a required question unanswered (incomplete), never the first respondent,
        // whose full questionnaire bench_js.mjs measures the heap with.
        if (i > 0 && yes(0.01)) delete a[pick(['age', 'cancer', 'neurological', 'areas'])];
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
