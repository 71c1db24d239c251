// What the core's result means for the form: which steps apply, which questions each shows, what
// stops the patient from going on, how far along they are. Pure functions of the rule set's info,
// the core's result and the answers; the core has already decided everything, this only sorts it
// by step.
import { problemText } from './questions.js';

export function errorForQuestion(result, id) {
    return result.errors.find((e) => e.path === `/${id}` || (e.path || '').startsWith(`/${id}/`));
}

// The questions by answer key. With a result, each worded as the result words it: a text with
// parameters (a date counted back from today, a clinic's number of days) is written out by the
// engine, never shown with its placeholders.
// Built once per rule set and texts: a render asks for it many times, and the session hands out a
// new question_texts object whenever a text changes (engine.js).
const questionMaps = new WeakMap();
export function questionMap(info, result) {
    const texts = result?.question_texts || info;
    let byTexts = questionMaps.get(info);
    if (!byTexts) questionMaps.set(info, (byTexts = new WeakMap()));
    if (!byTexts.has(texts)) {
        byTexts.set(texts, new Map(info.questions.map((q) => [q.id, texts !== info && texts[q.id] ? { ...q, ...texts[q.id] } : q])));
    }
    return byTexts.get(texts);
}

export function visibleIn(info, result, stepId) {
    const questions = questionMap(info, result);
    return result.visible.map((id) => questions.get(id)).filter((q) => q && q.step === stepId);
}

// The steps that show at least one question now.
export function applicableSteps(info, result) {
    return info.steps.filter((step) => visibleIn(info, result, step.id).length);
}

// Problems that stop the patient from leaving a step: the core's errors and missing answers,
// as answer key -> what to fix.
export function blockingProblems(info, result, stepId, lang) {
    const problems = new Map();
    for (const q of visibleIn(info, result, stepId)) {
        const error = errorForQuestion(result, q.id);
        if (error || result.missing.includes(q.id)) problems.set(q.id, problemText(q, error, lang));
    }
    return problems;
}

// What to show now: an error once its field was left, a missing answer once Continue was pressed.
export function shownProblems(info, result, stepId, lang, attempted, touched) {
    const shown = new Map();
    for (const [id, message] of blockingProblems(info, result, stepId, lang)) {
        if (attempted || (touched.has(id) && errorForQuestion(result, id))) shown.set(id, message);
    }
    return shown;
}

// Progress in steps, for the bar: the step shown is step n of every step of the rule set (a
// total that never moves while the patient answers), and a step counts as done when nothing in it
// stops the patient and it has been reached, or asks something required that is all answered. A
// step that asks nothing now is done. So the bar reaches 100% only when every required answer is
// given, and an optional question counts only once its step has been seen.
export function stepProgress(info, result, currentStepId, lang) {
    const steps = info.steps;
    const at = steps.findIndex((s) => s.id === currentStepId);
    let done = 0;
    steps.forEach((step, i) => {
        const shown = visibleIn(info, result, step.id);
        const asksRequired = shown.some((q) => q.required !== false);
        const clear = blockingProblems(info, result, step.id, lang).size === 0;
        if (!shown.length || (clear && (i <= at || asksRequired))) done++;
    });
    return { n: at + 1, total: steps.length, done };
}

// For the meso-step event: counts only the questions that apply. An optional question counts as done once its step is
// behind the patient. currentStepId is null on the review and the result.
export function progressOf(info, result, answers, currentStepId) {
    const questions = questionMap(info);
    const passed = new Set();
    for (const step of applicableSteps(info, result)) {
        if (step.id === currentStepId) break;
        passed.add(step.id);
    }
    let done = 0;
    for (const id of result.visible) {
        const q = questions.get(id);
        const answered = answers[id] !== undefined && answers[id] !== null &&
            !result.missing.includes(id) && !errorForQuestion(result, id);
        if (answered || (q && !q.required && passed.has(q.step))) done++;
    }
    return { done, total: result.visible.length };
}
