// One form field per setting the rule set declares, chosen by the setting's unit. A field knows
// how to show a value of its unit and read it back; what the setting means is the rule set's
// locale text. Every field: { key, element, read(), write(value), errorSlot, focusTarget }.

let uid = 0;
const nextId = (base) => `${base}-${++uid}`;

function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(props)) {
        if (value === undefined || value === null || value === false) continue;
        if (name === 'text') node.textContent = value;
        else if (name === 'className' || name === 'id' || name === 'type' || name === 'value' || name === 'checked' || name === 'name') node[name] = value;
        else node.setAttribute(name, value === true ? '' : String(value));
    }
    node.append(...children.filter(Boolean));
    return node;
}

// A rule set's setting text says what the setting is in its first sentence and why in the rest:
// the first sentence labels the field, the rest is its hint.
export function splitSentence(text) {
    const match = String(text).match(/^(.+?[.!?])\s+(?=[\p{Lu}«"“„(])/u);
    return match ? [match[1], text.slice(match[0].length)] : [String(text), ''];
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function weekdayName(lang, index) {
    // 1 January 2024 was a Monday.
    return new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1 + index));
}

export function formatDate(lang, iso) {
    const [y, m, d] = iso.split('-').map(Number);
    if (!y || !m || !d) return iso;
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

function languageName(lang, id) {
    try {
        return new Intl.DisplayNames([lang], { type: 'language' }).of(id) || id;
    } catch {
        return id;
    }
}

// The parts every field has: a wrapper, a label (or legend) from the setting's text, a hint with
// the rest of the text, the bounds and the default, and a slot for the tools' errors.
function frame(key, declaration, ctx, { group }) {
    const [label, more] = splitSentence(ctx.text(declaration.text));
    const hintId = nextId('hint');
    const errorId = nextId('error');
    const wrapper = el(group ? 'fieldset' : 'div', { className: 'field', 'data-setting': key });
    const title = group ? el('legend', { text: label }) : el('label', { text: label });
    const hint = el('p', { className: 'hint', id: hintId });
    if (more) hint.append(more, ' ');
    const bounds = boundsText(declaration, ctx);
    if (bounds) hint.append(bounds, ' ');
    hint.append(ctx.t('defaultIs', { value: shownDefault(declaration, ctx) }), ' ');
    hint.append(el('span', { className: 'setting-id', text: ctx.t('settingId', { id: key }) }));
    const errorSlot = el('p', { className: 'field-error', id: errorId, hidden: true });
    wrapper.append(title, hint);
    const describe = (input) => input.setAttribute('aria-describedby', `${hintId} ${errorId}`);
    return { wrapper, title, hint, errorSlot, describe };
}

function boundsText({ min, max, unit }, ctx) {
    const unitName = ['days', 'minutes'].includes(unit) ? ` ${ctx.t(`unit_${unit}`)}` : '';
    if (min !== undefined && max !== undefined) return ctx.t('between', { min, max: `${max}${unitName}` });
    if (min !== undefined) return ctx.t('atLeast', { min: `${min}${unitName}` });
    if (max !== undefined) return ctx.t('atMost', { max: `${max}${unitName}` });
    return '';
}

function shownDefault({ value, unit }, ctx) {
    if (value === null || value === undefined || (Array.isArray(value) && !value.length)) return ctx.t('notSet');
    if (unit === 'weekdays') return value.map((day) => weekdayName(ctx.lang, WEEKDAYS.indexOf(day))).join(', ');
    if (unit === 'dates') return value.map((d) => formatDate(ctx.lang, d)).join(', ');
    if (unit === 'days' || unit === 'minutes') return `${value} ${ctx.t(`unit_${unit}`)}`;
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
}

const numberOrNull = (text) => (text.trim() === '' ? null : Number(text));

function numberField(key, declaration, ctx) {
    const parts = frame(key, declaration, ctx, { group: false });
    const input = el('input', {
        type: 'number', id: `setting-${key}`, name: key, min: declaration.min, max: declaration.max, step: 1,
        inputmode: 'numeric', className: 'number',
    });
    parts.title.htmlFor = input.id;
    parts.describe(input);
    input.addEventListener('input', ctx.changed);
    const unit = ['days', 'minutes'].includes(declaration.unit) ? el('span', { className: 'unit', text: ctx.t(`unit_${declaration.unit}`) }) : null;
    parts.wrapper.append(el('div', { className: 'inline' }, input, unit), parts.errorSlot);
    return {
        key, element: parts.wrapper, errorSlot: parts.errorSlot, focusTarget: input,
        read: () => numberOrNull(input.value),
        write: (value) => { input.value = value === null || value === undefined ? '' : String(value); },
    };
}

function textField(key, declaration, ctx) {
    const parts = frame(key, declaration, ctx, { group: false });
    const kind = { url: 'url', currency: 'text' }[declaration.unit] || 'text';
    const input = el('input', {
        type: kind, id: `setting-${key}`, name: key, className: declaration.unit === 'currency' ? 'currency' : 'text',
        maxlength: declaration.unit === 'currency' ? 3 : undefined, autocapitalize: declaration.unit === 'currency' ? 'characters' : undefined,
        spellcheck: declaration.unit === 'currency' ? 'false' : undefined,
    });
    parts.title.htmlFor = input.id;
    parts.describe(input);
    input.addEventListener('input', ctx.changed);
    parts.wrapper.append(input, parts.errorSlot);
    return {
        key, element: parts.wrapper, errorSlot: parts.errorSlot, focusTarget: input,
        read: () => {
            const text = input.value.trim();
            if (!text) return null;
            return declaration.unit === 'currency' ? text.toUpperCase() : text;
        },
        write: (value) => { input.value = value === null || value === undefined ? '' : String(value); },
    };
}

function checkboxList(parts, name, items, changed) {
    const list = el('div', { className: 'checks' });
    const boxes = items.map(({ id, label, lang }) => {
        const box = el('input', { type: 'checkbox', value: id, name, id: nextId(`${name}-${id}`) });
        parts.describe(box);
        box.addEventListener('change', changed);
        list.append(el('label', { className: 'check', for: box.id }, box, el('span', { text: label, lang })));
        return box;
    });
    return { list, boxes };
}

function weekdaysField(key, declaration, ctx) {
    const parts = frame(key, declaration, ctx, { group: true });
    const { list, boxes } = checkboxList(parts, key, WEEKDAYS.map((id, i) => ({ id, label: weekdayName(ctx.lang, i) })), ctx.changed);
    parts.wrapper.append(list, parts.errorSlot);
    return {
        key, element: parts.wrapper, errorSlot: parts.errorSlot, focusTarget: boxes[0],
        read: () => boxes.filter((b) => b.checked).map((b) => b.value),
        write: (value) => { for (const b of boxes) b.checked = Array.isArray(value) && value.includes(b.value); },
    };
}

function datesField(key, declaration, ctx) {
    const parts = frame(key, declaration, ctx, { group: true });
    let dates = [];
    const list = el('ul', { className: 'dates' });
    const picker = el('input', { type: 'date', id: `setting-${key}`, name: key });
    parts.describe(picker);
    const pickerLabel = el('label', { for: picker.id, text: ctx.t('dateToAdd') });
    const add = el('button', { type: 'button', text: ctx.t('addDate') });
    const show = () => {
        list.replaceChildren();
        if (!dates.length) list.append(el('li', { className: 'empty', text: ctx.t('noDates') }));
        for (const date of dates) {
            const remove = el('button', { type: 'button', className: 'remove', text: '×', 'aria-label': ctx.t('removeDate', { date: formatDate(ctx.lang, date) }) });
            remove.addEventListener('click', () => {
                dates = dates.filter((d) => d !== date);
                show();
                picker.focus();
                ctx.changed();
            });
            list.append(el('li', {}, el('time', { datetime: date, text: formatDate(ctx.lang, date) }), remove));
        }
    };
    const addPicked = () => {
        if (!picker.value || dates.includes(picker.value)) return;
        dates = [...dates, picker.value].sort();
        picker.value = '';
        show();
        ctx.changed();
    };
    add.addEventListener('click', addPicked);
    picker.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') {
            event.preventDefault();
            addPicked();
        }
    });
    show();
    parts.wrapper.append(list, el('div', { className: 'inline' }, pickerLabel, picker, add), parts.errorSlot);
    return {
        key, element: parts.wrapper, errorSlot: parts.errorSlot, focusTarget: picker,
        read: () => [...dates],
        write: (value) => {
            dates = Array.isArray(value) ? [...value].sort() : [];
            show();
        },
    };
}

// money: no price, one price, or a price for each area the clinic offers (ctx.offeredAreas()).
function moneyField(key, declaration, ctx) {
    const parts = frame(key, declaration, ctx, { group: true });
    const mode = nextId('price-mode');
    const radios = ['none', 'one', 'area'].map((value) => {
        const radio = el('input', { type: 'radio', name: mode, value, id: nextId(`${key}-${value}`) });
        parts.describe(radio);
        radio.addEventListener('change', () => {
            showAmounts();
            ctx.changed();
        });
        return radio;
    });
    const labels = { none: 'priceNone', one: 'priceOne', area: 'pricePerArea' };
    const choices = el('div', { className: 'checks' },
        ...radios.map((r) => el('label', { className: 'check', for: r.id }, r, el('span', { text: ctx.t(labels[r.value]) }))));
    const amounts = el('div', { className: 'amounts' });
    let single = '';
    const byArea = new Map();
    const amountInput = (id, label, value, remember) => {
        const input = el('input', { type: 'number', id, min: declaration.min, max: declaration.max, step: 'any', inputmode: 'decimal', className: 'number', value });
        parts.describe(input);
        input.addEventListener('input', () => {
            remember(input.value);
            ctx.changed();
        });
        return el('div', { className: 'amount' }, el('label', { for: id, text: label }), input);
    };
    const chosen = () => radios.find((r) => r.checked)?.value || 'none';
    function showAmounts() {
        amounts.replaceChildren();
        if (chosen() === 'one') {
            amounts.append(amountInput(`setting-${key}`, ctx.t('priceAmount'), single, (v) => { single = v; }));
        } else if (chosen() === 'area') {
            for (const area of ctx.offeredAreas()) {
                amounts.append(amountInput(`setting-${key}-${area.id}`, area.label, byArea.get(area.id) ?? '', (v) => byArea.set(area.id, v)));
            }
        }
    }
    parts.wrapper.append(choices, amounts, parts.errorSlot);
    return {
        key, element: parts.wrapper, errorSlot: parts.errorSlot, focusTarget: radios[0],
        read: () => {
            if (chosen() === 'one') return numberOrNull(single);
            if (chosen() === 'area') {
                const prices = {};
                for (const area of ctx.offeredAreas()) {
                    const amount = numberOrNull(byArea.get(area.id) ?? '');
                    if (amount !== null) prices[area.id] = amount;
                }
                return prices;
            }
            return null;
        },
        write: (value) => {
            const kind = value === null || value === undefined ? 'none' : typeof value === 'object' ? 'area' : 'one';
            for (const r of radios) r.checked = r.value === kind;
            single = kind === 'one' ? String(value) : '';
            byArea.clear();
            if (kind === 'area') for (const [area, amount] of Object.entries(value)) byArea.set(area, String(amount));
            showAmounts();
        },
        // The offered areas changed: show an input for each.
        refresh: showAmounts,
    };
}

const BY_UNIT = {
    days: numberField, minutes: numberField, money: moneyField, currency: textField, text: textField,
    url: textField, weekdays: weekdaysField, dates: datesField,
};

export function settingField(key, declaration, ctx) {
    return (BY_UNIT[declaration.unit] || textField)(key, declaration, ctx);
}

// concerns, areas, languages: the rule set's lists, which a clinic may narrow. read() is null
// while every item is ticked (nothing narrowed).
export function narrowingField(key, items, ctx) {
    const legend = ctx.t({ concerns: 'narrowConcerns', areas: 'narrowAreas', languages: 'narrowLanguages' }[key]);
    const parts = frame(key, { text: null, value: null }, { ...ctx, text: () => legend }, { group: true });
    parts.hint.replaceChildren(ctx.t('narrowHint'), ' ', el('span', { className: 'setting-id', text: ctx.t('settingId', { id: key }) }));
    const { list, boxes } = checkboxList(parts, key, items, ctx.changed);
    parts.wrapper.append(list, parts.errorSlot);
    return {
        key, element: parts.wrapper, errorSlot: parts.errorSlot, focusTarget: boxes[0],
        read: () => (boxes.every((b) => b.checked) ? null : boxes.filter((b) => b.checked).map((b) => b.value)),
        write: (value) => { for (const b of boxes) b.checked = !Array.isArray(value) || value.includes(b.value); },
    };
}

export function narrowingItems(key, rules, ctx) {
    if (key === 'languages') return rules.languages.map((id) => ({ id, label: languageName(ctx.lang, id) }));
    return (rules[key] || []).map((entry) => ({ id: entry.id, label: ctx.text(entry.text) }));
}
