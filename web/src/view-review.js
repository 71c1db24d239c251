// The review step: every asked question with its answer and a Change button, grouped by step.
import { h } from './dom.js';
import { uiText } from './strings.js';
import { answerText } from './questions.js';

// groups: [{ step, rows: [{ q, value, options }] }]
export function buildReviewView(lang, groups) {
    return h('section', { class: 'view review', part: 'step', 'data-step': 'review' },
        h('h2', { id: 'view-heading', class: 'view-title', tabindex: '-1', text: uiText(lang, 'review.title') }),
        h('p', { class: 'lead', text: uiText(lang, 'review.intro') }),
        groups.map(({ step, rows }) => h('div', { class: 'review-group' },
            h('h3', { text: step.title }),
            h('dl', { class: 'review-list' }, rows.map(({ q, value, options }) => h('div', { class: 'review-row', 'data-q': q.id },
                h('dt', { text: q.text }),
                h('dd', { class: 'review-answer', text: answerText(q, value, options, lang) }),
                h('dd', { class: 'review-change' },
                    h('button', { type: 'button', class: 'link', 'data-action': 'edit', 'data-target': q.id, part: 'edit-link' },
                        uiText(lang, 'change'), h('span', { class: 'sr-only', text: `: ${q.text}` })))))))),
        h('div', { class: 'nav' },
            h('button', { type: 'button', class: 'btn secondary', 'data-action': 'back', part: 'button', text: uiText(lang, 'back') }),
            h('button', { type: 'button', class: 'btn primary', 'data-action': 'result', part: 'button button-primary', text: uiText(lang, 'see_result') })));
}
