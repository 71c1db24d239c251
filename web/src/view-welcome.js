// The first view, before any question about health: what the check is, how long it takes, where
// the answers go, that the doctor decides, and whose check it is when the rule set names the
// clinic. A patient on a third-party page reads this before being asked about cancer.
import { h } from './dom.js';
import { uiText } from './strings.js';

// disclaimer: the rule set's own "this is not a diagnosis". clinic: its clinic_name, or ''. shared: the host has opted in to receive answers or
// details (expose-answers, expose-outcome-details, booking-details), so "nothing is sent" would
// not be true and the patient reads what is.
export function buildWelcomeView(lang, disclaimer, clinic, shared) {
    return h('section', { class: 'view welcome', 'data-step': 'welcome', part: 'step welcome' },
        clinic ? h('p', { class: 'eyebrow', text: clinic }) : null,
        h('h2', { id: 'view-heading', class: 'view-title', tabindex: '-1', text: uiText(lang, 'welcome.title') }),
        h('p', { class: 'lead', text: uiText(lang, 'welcome.what') }),
        h('ul', { class: 'welcome-points' },
            h('li', { text: uiText(lang, 'welcome.time') }),
            h('li', { text: uiText(lang, shared ? 'intro.shared' : 'intro') }),
            h('li', { text: disclaimer })),
        h('div', { class: 'nav' },
            h('button', { type: 'button', class: 'btn primary', 'data-action': 'begin', part: 'button button-primary', text: uiText(lang, 'welcome.start') })));
}
