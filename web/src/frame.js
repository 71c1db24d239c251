// The widget's frame: the header with the language switch, the progress bar, the place where the
// views go, the remember-my-answers row, the print stamp and the live region. Built once per
// element and updated in place, so focus never gets lost in it.
import { h, setAttr, setText } from './dom.js';
import { uiText, LANGUAGE_NAMES } from './strings.js';
import { REMEMBER_DAYS } from './storage.js';

export function buildFrame(shadowRoot) {
    const frame = {
        title: h('p', { class: 'title', part: 'title' }),
        langLabel: h('span', { class: 'lang-label' }),
        lang: h('select', { class: 'lang-select', part: 'language' }),
        progress: h('div', { class: 'progress', part: 'progress' }),
        progressText: h('p', { id: 'progress-text', class: 'progress-text' }),
        progressFill: h('div', { class: 'progress-fill' }),
        host: h('div', { class: 'view-host' }),
        footer: h('div', { class: 'foot', part: 'footer' }),
        langNotice: h('p', { class: 'lang-notice', hidden: true }),
        stamp: h('p', { class: 'print-stamp' }),
        live: h('div', { class: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'true' }),
        remember: null,
    };
    frame.bar = h('div', { class: 'progress-bar', role: 'progressbar', 'aria-labelledby': 'progress-text', 'aria-valuemin': '0' },
        frame.progressFill);
    frame.progress.append(frame.progressText, frame.bar);
    frame.langWrap = h('label', { class: 'lang' }, frame.langLabel, frame.lang);
    frame.root = h('div', { class: 'frame', part: 'container' },
        h('div', { class: 'head', part: 'header' }, frame.title, frame.langWrap),
        frame.langNotice, frame.progress, frame.host, frame.footer, frame.stamp, frame.live);
    shadowRoot.append(frame.root);
    return frame;
}

// state: { languages, chosen: the menu's value, busy: while a language's texts load,
//          notice: why the language did not change, or "", heading: the host's own title, or "",
//          hideLanguage: the host switches the language itself }
export function renderHeader(frame, lang, state) {
    const { languages, chosen = lang, busy = false, notice = '', heading = '', hideLanguage = false } = state;
    setAttr(frame.root, 'lang', lang);
    setAttr(frame.root, 'aria-busy', String(busy));
    setText(frame.title, heading || uiText(lang, 'title'));
    frame.langWrap.hidden = hideLanguage || languages.length < 2;
    setText(frame.langLabel, uiText(lang, 'language'));
    const key = languages.join();
    if (frame.lang.dataset.key !== key) {
        frame.lang.dataset.key = key;
        frame.lang.replaceChildren(...languages.map((code) => h('option', { value: code, lang: code, text: LANGUAGE_NAMES[code] || code })));
    }
    if (frame.lang.value !== chosen) frame.lang.value = chosen;
    setText(frame.langNotice, notice);
    frame.langNotice.hidden = !notice;
}

// progress: { n, total, done } of form-state.js's stepProgress; shown on the steps only.
export function renderProgress(frame, lang, progress, hidden) {
    frame.progress.hidden = hidden;
    if (hidden) return;
    const { n, total, done } = progress;
    setText(frame.progressText, uiText(lang, 'step_of', { n, total }));
    setAttr(frame.bar, 'aria-valuemax', String(total));
    setAttr(frame.bar, 'aria-valuenow', String(done));
    // CSSOM, not a style attribute: a strict style-src allows it.
    const width = `${total ? Math.round((done / total) * 100) : 0}%`;
    if (frame.progressFill.style.inlineSize !== width) frame.progressFill.style.inlineSize = width;
}

// Loading, or the rule set did not load ('error'), or the engine failed later ('fault'): a
// message and nothing else, never a verdict. `problem`: what failed, for whoever set the widget up.
export function renderLoadState(frame, lang, view, problem = '') {
    frame.progress.hidden = true;
    frame.footer.hidden = true;
    const failed = view === 'error' || view === 'fault';
    frame.host.replaceChildren(failed
        ? h('div', { class: 'load-error', role: 'alert', part: 'error' },
            h('h2', { class: 'view-title', text: uiText(lang, view === 'fault' ? 'fault.title' : 'load_error.title') }),
            h('p', { text: uiText(lang, 'load_error.text') }),
            problem ? h('p', { class: 'load-error-detail', part: 'error-detail' }, h('code', { text: problem })) : null)
        : h('p', { class: 'loading', role: 'status', text: uiText(lang, 'loading') }));
}

// state: { enabled, consent, notice: null | 'restored' | 'forgotten' }
export function renderRemember(frame, lang, state) {
    frame.footer.hidden = !state.enabled;
    if (!state.enabled) return;
    if (!frame.remember) {
        frame.remember = {
            box: h('input', { type: 'checkbox', class: 'remember-box' }),
            text: h('span'),
            notice: h('p', { class: 'notice' }),
            forget: h('button', { type: 'button', class: 'link', 'data-action': 'forget', part: 'forget' }),
        };
        frame.footer.append(h('label', { class: 'remember' }, frame.remember.box, frame.remember.text),
            frame.remember.notice, frame.remember.forget);
    }
    const { box, text, notice, forget } = frame.remember;
    if (box.checked !== state.consent) box.checked = state.consent;
    setText(text, uiText(lang, 'remember', { days: REMEMBER_DAYS }));
    setText(notice, state.notice ? uiText(lang, state.notice) : '');
    notice.hidden = !state.notice;
    setText(forget, uiText(lang, 'forget'));
    forget.hidden = !state.consent;
}

// Emptied first and filled a moment later, so that the same words are announced again.
export function announce(frame, text) {
    clearAnnouncement(frame);
    frame.liveTimer = setTimeout(() => { frame.live.textContent = text; }, 100);
}

// Nothing left to read, nor about to be: after Start again, "Result: …" is no longer true.
export function clearAnnouncement(frame) {
    clearTimeout(frame.liveTimer);
    frame.live.textContent = '';
}
