// Where the patient goes: plain functions over plain data, no DOM. A place is
//   { view: 'welcome' | 'step' | 'review' | 'result', step: a step id or null, fromReview: boolean }
// (fromReview: the patient came from the review to change an answer, so Continue goes back
// there). `steps` are the ids of the steps that apply now, in asking order; `allSteps` are the
// ids of every step of the rule set, in order.

const place = (view, step = null, fromReview = false) => ({ view, step: step ?? null, fromReview });

// The welcome, before the first step: what the check is and where the answers go.
export const welcome = () => place('welcome');

// The first step, where a questionnaire starts (after the welcome) and starts again.
export const start = (steps) => place('step', steps[0]);

// Continue from a step that has no problems left: the next step that applies, or the review
// after the last one, or straight back to the review when the patient came from there.
export function next(steps, at) {
    const index = steps.indexOf(at.step);
    return at.fromReview || index === steps.length - 1 ? place('review') : place('step', steps[index + 1]);
}

// Back: from the result to the review, from the review to the last step, from a step to the one
// before it. null on the first step: there is nowhere to go.
export function back(steps, at) {
    if (at.view === 'result') return place('review');
    const index = at.view === 'review' ? steps.length : steps.indexOf(at.step);
    return index > 0 ? place('step', steps[index - 1], at.fromReview) : null;
}

// "Change" on the review: the step that asks the question, and back to the review after it.
export const edit = (step) => place('step', step, true);

// "See my result": the result, unless the answers are incomplete (an edit on the review can make
// a new question appear); then the first step that needs the patient (isBlocked(step id) tells),
// or null when no step does.
export function toResult(steps, at, incomplete, isBlocked) {
    if (!incomplete) return place('result');
    const step = steps.find(isBlocked);
    return step === undefined ? null : place('step', step, at.fromReview);
}

// The step to show when the current one may have lost all its questions (an earlier answer
// changed): the same step while it applies, otherwise the next one in the rule set's order that
// applies, otherwise the last one that applies.
export function settle(allSteps, steps, step) {
    if (steps.includes(step)) return step;
    const from = allSteps.indexOf(step);
    return steps.find((id) => allSteps.indexOf(id) > from) ?? steps[steps.length - 1];
}
