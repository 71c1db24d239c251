// One step of the questionnaire: its heading, an error summary, the questions, Back and Continue.
// Question nodes are keyed by answer key and reused while they show the same thing, so typing,
// focus and scroll position survive every re-render.
import { h } from './dom.js';
import { uiText } from './strings.js';
import { questionSignature, renderQuestion, showQuestionError } from './questions.js';

// "Step n of N" is the frame's, above the bar.
export function buildStepView(lang, step, canGoBack, nextKey) {
    const heading = h('h2', { id: 'view-heading', class: 'view-title', tabindex: '-1', text: step.title });
    const summary = h('div', { class: 'error-summary', tabindex: '-1', hidden: true, part: 'error-summary' });
    const list = h('div', { class: 'questions' });
    const form = h('form', { novalidate: true, 'data-step': step.id, 'aria-labelledby': heading.id },
        summary, list,
        h('div', { class: 'nav' },
            canGoBack ? h('button', { type: 'button', class: 'btn secondary', 'data-action': 'back', part: 'button', text: uiText(lang, 'back') }) : null,
            h('button', { type: 'submit', class: 'btn primary', part: 'button button-primary', text: uiText(lang, nextKey) })));
    const node = h('section', { class: 'view step', 'data-step': step.id, part: 'step' },
        heading, form);
    return { node, list, summary, cache: new Map(), summaryKey: '' };
}

// items: [{ q, options, value }] in asking order.
export function syncQuestions(view, items, lang) {
    const next = new Map();
    let previous = null;
    for (const { q, options, value } of items) {
        let entry = view.cache.get(q.id);
        // The same question and options objects show the same thing (form-state.js keeps them
        // while their texts stay); other objects are compared by what they show.
        if (!entry || entry.q !== q || entry.options !== options || entry.lang !== lang) {
            const signature = questionSignature(q, options, lang);
            if (!entry || entry.signature !== signature) entry = { signature, node: renderQuestion(q, options, value, lang) };
            Object.assign(entry, { q, options, lang });
        }
        next.set(q.id, entry);
        const expected = previous ? previous.nextSibling : view.list.firstChild;
        if (entry.node !== expected) view.list.insertBefore(entry.node, expected);
        previous = entry.node;
    }
    for (const [id, entry] of view.cache) if (next.get(id) !== entry) entry.node.remove();
    view.cache = next;
}

// problems: Map answer key -> message; the summary lists them when the patient tried to go on.
export function syncProblems(view, problems, questions, showSummary, lang) {
    for (const [id, entry] of view.cache) showQuestionError(entry.node, problems.get(id) || null);
    const listed = showSummary ? [...problems] : [];
    const key = JSON.stringify([lang, listed]);
    if (key === view.summaryKey) return;
    view.summaryKey = key;
    view.summary.hidden = !listed.length;
    view.summary.replaceChildren(...(listed.length ? [
        h('h3', { class: 'error-summary-title', text: uiText(lang, 'problem') }),
        h('ul', null, listed.map(([id, message]) => h('li', null,
            h('button', { type: 'button', class: 'link', 'data-action': 'focus-question', 'data-target': id,
                text: questions.get(id)?.text ?? id }),
            h('span', { class: 'summary-message', text: message })))),
    ] : []));
}
