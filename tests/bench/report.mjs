// Prints the benchmark's table and, last, one line of JSON with the figures.
// Usage: node report.mjs <dir with native.json, js.json, browser.json, verify.json, worst-case.json>
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const read = (name) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
const native = read('native.json');
const js = read('js.json');
const browser = read('browser.json');
const verify = read('verify.json');
const worstCase = read('worst-case.json');

const KB = 1024;
const budget = JSON.parse(readFileSync(new URL('../../web/size-budget.json', import.meta.url), 'utf8'));
const counts = (status) => JSON.stringify(Object.entries(status).filter(([, n]) => n > 0).sort());
const figures = {
    transfer_gzip_bytes: browser.transfer.gzip,
    transfer_brotli_bytes: browser.transfer.brotli,
    transfer_lang: browser.transfer.lang,
    transfer_gzip_by_lang: Object.fromEntries(browser.transfer_by_lang.map((t) => [t.lang, t.gzip])),
    first_question_ms: round(browser.first_question.median_ms, 1),
    floor_first_question_ms: round(browser.floor.first_question.median_ms, 1),
    first_question_vs_floor: round(browser.ratio.first_question, 2),
    engine_ready_ms: round(browser.engine_ready.median_ms, 1),
    answer_p50_ms: round(browser.answer.p50_ms, 2),
    answer_p95_ms: round(browser.answer.p95_ms, 2),
    floor_answer_p50_ms: round(browser.floor.answer.p50_ms, 2),
    floor_answer_p95_ms: round(browser.floor.answer.p95_ms, 2),
    settled_answer_p50_ms: round(browser.settled.widget.p50_ms, 2),
    settled_answer_p95_ms: round(browser.settled.widget.p95_ms, 2),
    settled_floor_answer_p95_ms: round(browser.settled.floor.p95_ms, 2),
    traced_answer_cpu_p50_ms: round(browser.traced.cpu_p50_ms, 2),
    traced_answer_cpu_p95_ms: round(browser.traced.cpu_p95_ms, 2),
    traced_answer_wall_p95_ms: round(browser.traced.wall_p95_ms, 2),
    session_status_differ: native.session.differ,
    native_evals_per_s: Math.round(native.evals_per_s),
    wasm_evals_per_s: Math.round(js.wasm.evals_per_s),
    jsonlogic_js_evals_per_s: Math.round(js.jsonlogic.evals_per_s),
    logic_native_per_s: Math.round(native.logic.respondents_per_s),
    logic_wasm_per_s: Math.round(js.wasm_logic.respondents_per_s),
    logic_truthy_agree: native.logic.truthy === js.jsonlogic.truthy && js.wasm_logic.truthy === js.jsonlogic.truthy,
    verify_s: round(verify.wall_seconds, 2),
    wasm_heap_bytes: js.heap.bytes,
    worst_answer_native_ms: round(worstCase.native_ms, 1),
    worst_answer_wasm_ms: round(worstCase.wasm_ms, 1),
    worst_answer_chromium_ms: round(worstCase.chromium_ms, 1),
};

function round(x, digits) {
    const f = 10 ** digits;
    return Math.round(x * f) / f;
}
const num = (x) => (typeof x === 'number' ? x.toLocaleString('en-US') : String(x));
const verdict = (ok) => (ok ? 'PASS' : 'MISS');
const pad = (rows) => {
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
    return rows.map((r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ')).join('\n');
};

for (const t of browser.transfer_by_lang) {
    console.log(`\n== Download to the first question, demo page in "${t.lang}" (requests recorded in Chromium) ==`);
    const fileRows = [['file', 'raw B', 'gzip -9 B', 'brotli q11 B', 'counted']];
    for (const f of t.files) {
        if (f.missing) fileRows.push([f.path, '?', '?', '?', 'not on disk']);
        else fileRows.push([f.path, num(f.bytes), num(f.gzip), num(f.brotli), f.host ? 'no (host page)' : 'yes']);
    }
    fileRows.push(['total (widget)', num(t.bytes), num(t.gzip), num(t.brotli), '']);
    console.log(pad(fileRows));
}

const ratio = (a, b) => `${(a / b).toFixed(2)}x`;
const jsl = figures.jsonlogic_js_evals_per_s;
const wasmRatio = figures.logic_wasm_per_s / jsl;
const nativeRatio = figures.logic_native_per_s / jsl;
const conditions = js.conditions_per_respondent;
if (native.logic.conditions !== conditions) throw new Error(`native evaluated ${native.logic.conditions} conditions, js ${conditions}`);
if (native.respondents !== js.respondents) throw new Error(`native screened ${native.respondents} respondents, js ${js.respondents}`);

console.log(`\n== Condition evaluation, like for like: same conditions, same parsed data (${num(native.respondents)} respondents x ${conditions} conditions) ==`);
const perCondition = (perRespondent) => num(Math.round(perRespondent * conditions));
console.log(pad([
    ['engine', 'respondents/s', 'conditions/s', 'seconds', 'vs json-logic-js', 'truthy', 'what is timed'],
    ['native logic  *', num(figures.logic_native_per_s), perCondition(native.logic.respondents_per_s), native.logic.seconds.toFixed(3),
        ratio(figures.logic_native_per_s, jsl), num(native.logic.truthy), `Program::evaluate on parsed Json (best of ${native.rounds})`],
    ['wasm logic  *', num(figures.logic_wasm_per_s), perCondition(js.wasm_logic.respondents_per_s), js.wasm_logic.seconds.toFixed(3),
        ratio(figures.logic_wasm_per_s, jsl), num(js.wasm_logic.truthy), `the same in wasm in Node, one call for all (best of ${js.rounds})`],
    ['json-logic-js 2.0.5  *', num(jsl), perCondition(js.jsonlogic.evals_per_s), js.jsonlogic.seconds.toFixed(3),
        '1.00x', num(js.jsonlogic.truthy), `jsonLogic.apply on JSON.parse objects (best of ${js.rounds})`],
]));
console.log('Compiled (ours) and parsed (all three) before the clock starts; no answer checks, no verdict. * in the final JSON line');
if (figures.logic_truthy_agree) {
    console.log('Truthy counts agree (native, wasm, json-logic-js): yes');
} else {
    console.log('\n!!! Truthy counts agree (native, wasm, json-logic-js): NO !!!');
    console.log(`!!! native ${native.logic.truthy}, wasm ${js.wasm_logic.truthy}, json-logic-js ${js.jsonlogic.truthy}:` +
        ' the engines disagree on these conditions, so the like-for-like figures compare different results !!!\n');
}

console.log(`\n== Full screenings: ${num(native.respondents)} respondents, one screening each (today 2026-11-21) ==`);
console.log(pad([
    ['engine', 'evals/s', 'seconds', 'vs json-logic-js', 'what one evaluation does'],
    ['native screen_status  *', num(figures.native_evals_per_s), native.seconds.toFixed(3), ratio(figures.native_evals_per_s, jsl),
        `answers checked, visibility, every condition, the verdict (best of ${native.rounds})`],
    ['native screen()', num(Math.round(native.screen_evals_per_s)), native.screen_seconds.toFixed(3), ratio(native.screen_evals_per_s, jsl),
        'the same plus finding texts, options and the course plan'],
    ['native + to_json', num(Math.round(native.with_json_evals_per_s)), native.with_json_seconds.toFixed(3), ratio(native.with_json_evals_per_s, jsl),
        'the same plus the result as JSON text'],
    ['wasm rs.status  *', num(figures.wasm_evals_per_s), js.wasm.seconds.toFixed(3), ratio(figures.wasm_evals_per_s, jsl),
        'answers as JSON text in, the verdict out'],
    ['wasm rs.screen', num(Math.round(js.wasm_screen.evals_per_s)), js.wasm_screen.seconds.toFixed(3), ratio(js.wasm_screen.evals_per_s, jsl),
        'JSON text in, full screening, result JSON out, JSON.parse'],
    ['json-logic-js 2.0.5', num(jsl), js.jsonlogic.seconds.toFixed(3), '1.00x',
        `the same ${conditions} conditions on parsed objects; no answer checks`],
]));
console.log('* the figures in the final JSON line; the ratios here set whole screenings against conditions alone');

const fl = browser.floor;
const st = browser.settled;
const settledAfter = `${st.after_ms / 1000} s`;
console.log('\n== The widget beside the floor (pages/floor.html: the first step as plain HTML, no engine), one run ==');
console.log(pad([
    ['figure', 'floor', 'widget', 'widget / floor'],
    ['first question, median of 7 cold loads', `${fl.first_question.median_ms.toFixed(1)} ms`, `${browser.first_question.median_ms.toFixed(1)} ms`,
        ratio(browser.first_question.median_ms, fl.first_question.median_ms)],
    ['engine started (meso-ready), median of the same loads', '-', `${browser.engine_ready.median_ms.toFixed(1)} ms`,
        ratio(browser.engine_ready.median_ms, fl.first_question.median_ms)],
    [`"Female" -> follow-up shown, p50 (${browser.answer.clicks} clicks, ${browser.first_question.loads_ms.length} loads)`, `${fl.answer.p50_ms.toFixed(2)} ms`, `${browser.answer.p50_ms.toFixed(2)} ms`,
        ratio(browser.answer.p50_ms, fl.answer.p50_ms)],
    ['"Female" -> follow-up shown, p95', `${fl.answer.p95_ms.toFixed(2)} ms`, `${browser.answer.p95_ms.toFixed(2)} ms`,
        ratio(browser.answer.p95_ms, fl.answer.p95_ms)],
    ['"Male" -> follow-up gone, p50', `${fl.answer.hide_p50_ms.toFixed(2)} ms`, `${browser.answer.hide_p50_ms.toFixed(2)} ms`,
        ratio(browser.answer.hide_p50_ms, fl.answer.hide_p50_ms)],
    ['"Male" -> follow-up gone, p95', `${fl.answer.hide_p95_ms.toFixed(2)} ms`, `${browser.answer.hide_p95_ms.toFixed(2)} ms`,
        ratio(browser.answer.hide_p95_ms, fl.answer.hide_p95_ms)],
    [`"Female" -> follow-up shown, p50, ${settledAfter} later (${st.widget.clicks} clicks, the last load)`, `${st.floor.p50_ms.toFixed(2)} ms`, `${st.widget.p50_ms.toFixed(2)} ms`,
        ratio(st.widget.p50_ms, st.floor.p50_ms)],
    [`"Female" -> follow-up shown, p95, ${settledAfter} later`, `${st.floor.p95_ms.toFixed(2)} ms`, `${st.widget.p95_ms.toFixed(2)} ms`,
        ratio(st.widget.p95_ms, st.floor.p95_ms)],
]));
console.log(`The clicks start as soon as the page is ready, in each cold load; in the last, again ${settledAfter} later in the` +
    ' same tab, once the page\'s start is over (on 2 cores the browser\'s other threads starting the page compete with the first clicks).');
const tr = browser.traced;
console.log(`Traced at once in one more cold load (${tr.clicks} clicks on "Female"; tracing adds its own cost): each click's` +
    ` task on the main thread took ${tr.wall_p50_ms.toFixed(2)} / ${tr.wall_p95_ms.toFixed(2)} ms (p50 / p95) of wall time and` +
    ` ${tr.cpu_p50_ms.toFixed(2)} / ${tr.cpu_p95_ms.toFixed(2)} ms of the thread's CPU time; the difference is time it waited for a core.`);
console.log(`Cold loads (ms), floor: ${fl.first_question.loads_ms.map((x) => x.toFixed(1)).join(', ')};` +
    ` widget: ${browser.first_question.loads_ms.map((x) => x.toFixed(1)).join(', ')}. Chromium's timer has 0.1 ms steps.`);

const s = native.session;
console.log(`\n== Answer by answer: ${num(native.respondents)} respondents through a native Session, one set() per answer, in asking order ==`);
console.log(`${num(s.answers)} answers in ${s.seconds.toFixed(2)} s (${(s.seconds / s.answers * 1e6).toFixed(1)} us per answer, form kept after each);` +
    ` form status differs from screen_status for ${s.differ} respondents; status counts ${counts(s.status) === counts(native.status) ? 'the same as' : 'NOT the same as'} the screenings'.`);

console.log('\n== Targets ==');
console.log(pad([
    ['figure', 'measured', 'target', 'result'],
    [`download, gzip (page in "${figures.transfer_lang}", the most)`, `${num(figures.transfer_gzip_bytes)} B (${(figures.transfer_gzip_bytes / KB).toFixed(1)} KB)`,
        `<= ${num(budget.target_gzip)} B`, verdict(figures.transfer_gzip_bytes <= budget.target_gzip)],
    ['  ceiling the tests enforce (web/size-budget.json)', `${num(budget.ceiling_gzip)} B`, '-', 'info'],
    ['download, brotli', `${num(figures.transfer_brotli_bytes)} B (${(figures.transfer_brotli_bytes / KB).toFixed(1)} KB)`, '-', 'info'],
    ['first question (median of 7 cold), widget / floor', `${figures.first_question_vs_floor.toFixed(2)}x (${figures.first_question_ms} ms)`, '<= 2.5x',
        verdict(figures.first_question_vs_floor <= 2.5)],
    ['answer -> follow-up, p50', `${figures.answer_p50_ms} ms`, '-', 'info'],
    ['answer -> follow-up, p95', `${figures.answer_p95_ms} ms`, '< 2 ms', verdict(figures.answer_p95_ms < 2)],
    ['  the floor\'s own p95, same run', `${figures.floor_answer_p95_ms} ms`, '-', 'info'],
    [`  the clicks ${settledAfter} later (the last load): widget p50 / p95`, `${figures.settled_answer_p50_ms} / ${figures.settled_answer_p95_ms} ms`, '-', 'info'],
    [`  the floor's p95, ${settledAfter} later`, `${figures.settled_floor_answer_p95_ms} ms`, '-', 'info'],
    ['  at once, traced (another load): main thread CPU p50 / p95', `${figures.traced_answer_cpu_p50_ms} / ${figures.traced_answer_cpu_p95_ms} ms`, '-', 'info'],
    ['  at once, traced: wall p95 of the same tasks', `${figures.traced_answer_wall_p95_ms} ms`, '-', 'info'],
    ['statuses answer by answer = screenings (native Session)', `${figures.session_status_differ} differ`, '0', verdict(figures.session_status_differ === 0)],
    ['wasm vs json-logic-js, same conditions, same parsed data', `${wasmRatio.toFixed(2)}x`, '>= 2x', verdict(wasmRatio >= 2)],
    ['native vs json-logic-js, same conditions, same parsed data', `${nativeRatio.toFixed(2)}x`, '>= 10x', verdict(nativeRatio >= 10)],
    ['  truthy counts agree (native, wasm, json-logic-js)', figures.logic_truthy_agree ? 'yes' : 'NO', 'yes',
        figures.logic_truthy_agree ? 'PASS' : 'NO !!!'],
    ['wasm rs.status (full screening) vs json-logic-js', ratio(figures.wasm_evals_per_s, jsl), '-', 'info'],
    ['native screen_status (full screening) vs json-logic-js', ratio(figures.native_evals_per_s, jsl), '-', 'info'],
    ['verify (mesoscreen verify)', `${figures.verify_s} s`, '< 10 s', verdict(figures.verify_s < 10)],
    ['wasm heap after a full questionnaire', `${num(figures.wasm_heap_bytes)} B`, '-', 'info'],
    ['worst answer, native (CLI, load included)', `${figures.worst_answer_native_ms} ms`, '-', 'info'],
    ['worst answer, wasm in Node (session.set)', `${figures.worst_answer_wasm_ms} ms`, '-', 'info'],
    ['worst answer, Chromium (click to render)', `${figures.worst_answer_chromium_ms} ms`, '< 50 ms',
        verdict(figures.worst_answer_chromium_ms < 50)],
]));
console.log(`\nWorst answers (tests/hostile/faults.mjs): native "${worstCase.native_case}", wasm "${worstCase.wasm_case}",` +
    ` Chromium "${worstCase.chromium_case}".`);

console.log(`\nNotes: cold loads (ms) ${browser.first_question.loads_ms.map((x) => x.toFixed(1)).join(', ')};` +
    ` reveal clicks: ${browser.answer.clicks}, max ${browser.answer.max_ms.toFixed(2)} ms; hide p50/p95 ${browser.answer.hide_p50_ms.toFixed(2)}/${browser.answer.hide_p95_ms.toFixed(2)} ms;` +
    ` Chromium ${browser.chromium}.`);
console.log(`       verify: ${verify.combinations} combinations, proved=${verify.proved}, its own "seconds": ${verify.seconds}.` +
    ` Statuses (native): ${JSON.stringify(native.status)}.`);
const same = counts(js.wasm.status) === counts(native.status) && counts(js.wasm_screen.status) === counts(native.status);
console.log(`       native and wasm gave the same status counts: ${same ? 'yes' : 'NO'};` +
    ` one result as JSON text is ${Math.round(native.json_bytes / native.respondents).toLocaleString('en-US')} B on average (the wasm API pays for it on every call).`);
console.log('       json-logic-js evaluates the conditions only; screen_status also checks every answer (type, range, offered option)');
console.log('       and gates each question on its visibility; screen() further resolves texts and plans the course.');
console.log('       The machine is shared (2 cores): throughput and latency figures move with other people\'s builds.');
console.log(JSON.stringify(figures));
