// One question as native form controls: a fieldset with a legend for choices, a label for text
// inputs. The container carries data-q="<answer key>" and each choice input its answer value, so
// hosts, analytics and tests can address them.
import { h, icon } from './dom.js';
import { uiText } from './strings.js';
import { formatDate } from './format.js';

function choicesOf(q, options, lang) {
    if (q.type === 'boolean') return [{ id: 'true', text: uiText(lang, 'yes') }, { id: 'false', text: uiText(lang, 'no') }];
    return options || [];
}

// Rebuild a question's node only when what it shows changes (the areas offered follow the
// concerns); otherwise the node, and the focus in it, stay put.
export function questionSignature(q, options, lang) {
    return JSON.stringify([lang, q.type, q.text, q.help, q.required, options || null]);
}

export function renderQuestion(q, options, value, lang) {
    const base = `q-${q.id}`;
    const hint = q.help ? h('p', { id: `${base}-hint`, class: 'hint', text: q.help }) : null;
    const error = h('p', { id: `${base}-error`, class: 'field-error', hidden: true });
    const optional = q.required ? null : h('span', { class: 'optional', text: ` ${uiText(lang, 'optional')}` });
    const attrs = { class: 'question', 'data-q': q.id, 'data-type': q.type, part: 'question' };

    if (q.type === 'integer' || q.type === 'date') {
        const input = h('input', {
            id: `${base}-input`, name: q.id, type: q.type === 'date' ? 'date' : 'text',
            class: q.type === 'integer' ? 'text-input short' : 'text-input',
            inputmode: q.type === 'integer' ? 'numeric' : null, autocomplete: 'off', part: 'input',
            value: value === undefined || value === null ? '' : String(value),
        });
        const node = h('div', attrs, h('label', { for: input.id, class: 'q-label' }, q.text, optional), hint, error, input);
        describe(node);
        return node;
    }
    const selected = new Set(q.type === 'multiple' ? (Array.isArray(value) ? value : []) :
        (value === undefined || value === null ? [] : [String(value)]));
    const type = q.type === 'multiple' ? 'checkbox' : 'radio';
    const choices = choicesOf(q, options, lang).map((choice) => h('label', { class: 'choice', part: 'choice' },
        h('input', { type, name: q.id, value: choice.id, checked: selected.has(choice.id) }),
        h('span', { class: 'choice-text', text: choice.text })));
    const node = h('fieldset', attrs,
        h('legend', { class: 'q-label' }, q.text, optional), hint, error,
        h('div', { class: q.type === 'boolean' ? 'choices inline' : 'choices' }, choices));
    describe(node);
    return node;
}

// aria-describedby names the hint and, when shown, the error; on a fieldset it is read with the
// group, on a text input with the field.
function describe(node) {
    const hint = node.querySelector('.hint');
    const error = node.querySelector('.field-error');
    const ids = [hint && hint.id, !error.hidden && error.id].filter(Boolean).join(' ');
    const target = node.tagName === 'FIELDSET' ? node : node.querySelector('input');
    if (ids) target.setAttribute('aria-describedby', ids);
    else target.removeAttribute('aria-describedby');
}

export function showQuestionError(node, message) {
    if ((node.dataset.error || '') === (message || '')) return;
    const error = node.querySelector('.field-error');
    error.replaceChildren(...(message ? [icon('error'), message] : []));
    error.hidden = !message;
    if (message) node.dataset.error = message;
    else delete node.dataset.error;
    node.classList.toggle('invalid', !!message);
    for (const input of node.querySelectorAll('input')) {
        if (message) input.setAttribute('aria-invalid', 'true');
        else input.removeAttribute('aria-invalid');
    }
    describe(node);
}

const MAX_FIELD_CHARS = 200;

export function readQuestionValue(node) {
    const type = node.dataset.type;
    const checked = [...node.querySelectorAll('input:checked')].map((input) => input.value);
    if (type === 'multiple') return checked.length ? checked : null;
    if (type === 'boolean') return checked.length ? checked[0] === 'true' : null;
    if (type === 'single') return checked.length ? checked[0] : null;
    let text = node.querySelector('input').value.trim();
    if (!text) return null;
    // No integer or date is this long: a shortened paste still reads as wrong, as the field's
    // error, where the whole of it would exceed what the core accepts for one answer (1 MiB).
    if (text.length > MAX_FIELD_CHARS) text = text.slice(0, MAX_FIELD_CHARS);
    // Anything that is not a plain whole number goes to the core as typed, which reports it.
    if (type === 'integer') return /^[+-]?\d{1,9}$/.test(text) ? Number(text) : text;
    return text;
}

// What to fix, in the patient's words. The core decides *that* something is wrong (missing, out
// of range, not a date); the text says what to do about it for that kind of question.
export function problemText(q, coreError, lang) {
    if (q.type === 'integer' && q.min !== undefined && q.max !== undefined && q.min !== null) {
        return uiText(lang, 'err.number', { min: q.min, max: q.max });
    }
    if (q.type === 'date') return uiText(lang, 'err.date');
    if (coreError) return coreError.message;
    if (q.type === 'multiple') return uiText(lang, 'err.choose_many');
    if (q.type === 'boolean' || q.type === 'single') return uiText(lang, 'err.choose');
    return uiText(lang, 'err.required');
}

export function answerText(q, value, options, lang) {
    if (value === undefined || value === null || (Array.isArray(value) && !value.length)) {
        return uiText(lang, 'not_answered');
    }
    if (q.type === 'boolean') return uiText(lang, value ? 'yes' : 'no');
    if (q.type === 'date') return formatDate(lang, value);
    if (q.type === 'integer') return typeof value === 'number' ? new Intl.NumberFormat(lang).format(value) : String(value);
    const text = (id) => (options || []).find((o) => o.id === id)?.text ?? id;
    return Array.isArray(value) ? value.map(text).join(', ') : text(value);
}
