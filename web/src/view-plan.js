// The course plan: the figures (what each source says behind a disclosure), the proposed dates
// as a timeline, the cost when the clinic prices it, and preparation and aftercare behind a
// disclosure.
import { h } from './dom.js';
import { uiText, uiCount } from './strings.js';
import { formatDate, formatMoney, formatNumberRange, formatUnitRange } from './format.js';

const sessions = (lang, min, max = min) => uiCount(lang, 'n.sessions', formatNumberRange(lang, min, max), min, max);

// label key -> how a min..max of that figure reads
const FIGURES = [
    ['sessions', 'plan.sessions', (lang, a, b) => sessions(lang, a, b)],
    ['interval_days', 'plan.interval', (lang, a, b) => formatUnitRange(lang, 'day', a, b)],
    ['first_results_sessions', 'plan.first_results',
        (lang, a, b = a) => uiCount(lang, 'n.after_sessions', formatNumberRange(lang, a, b), a, b)],
    ['effect_months', 'plan.effect', (lang, a, b) => formatUnitRange(lang, 'month', a, b)],
    ['maintenance_per_year', 'plan.maintenance',
        (lang, a, b) => uiText(lang, 'plan.per_year', { value: sessions(lang, a, b) })],
    ['session_minutes', 'plan.minutes', (lang, a, b) => formatUnitRange(lang, 'minute', a, b)],
];

function figure(lang, cite, key, labelKey, phrase, range) {
    if (!range || !(range.ranges && range.ranges.length)) return null;
    const planned = range.planned !== undefined && range.planned !== null
        ? h('span', { class: 'planned', text: uiText(lang, 'plan.planned', { value: phrase(lang, range.planned) }) })
        : null;
    return h('div', { class: 'figure', 'data-figure': key },
        h('dt', { text: uiText(lang, labelKey) }),
        h('dd', { class: 'figure-value' }, h('strong', { text: phrase(lang, range.min, range.max) }), planned),
        h('dd', { class: 'figure-sources' },
            h('details', null,
                h('summary', { text: uiText(lang, 'plan.ranges') }),
                h('ul', { class: 'ranges' }, range.ranges.map((r) => h('li', null,
                    h('span', { class: 'range-source', text: cite(r.sources) }), ' ',
                    phrase(lang, r.min, r.max), r.note ? ` (${r.note})` : ''))))));
}

function textList(lang, cite, titleKey, items) {
    if (!items || !items.length) return null;
    return h('div', { class: 'plan-list', part: 'plan-list' },
        h('h4', { text: uiText(lang, titleKey) }),
        h('ul', null, items.map((item) => h('li', null,
            item.text, ' ', h('span', { class: 'cite', text: cite(item.sources) })))));
}

function timeline(lang, dates) {
    if (!dates.length) return h('p', { class: 'note', text: uiText(lang, 'plan.no_dates') });
    return h('ol', { class: 'timeline', part: 'timeline' }, dates.map((date, i) => h('li', { 'data-date': date },
        h('span', { class: 'timeline-label', text: uiText(lang, 'plan.session_n', { n: i + 1 }) }),
        h('time', { datetime: date, text: formatDate(lang, date, true) }))));
}

function cost(lang, c, plannedSessions, areas, nameOf) {
    return h('div', { class: 'cost', part: 'cost' },
        h('h4', { text: uiText(lang, 'cost.title') }),
        perSession(lang, c, areas, nameOf),
        h('p', { text: uiText(lang, 'cost.value', {
            range: formatMoney(lang, c.currency, c.min, c.max),
            planned: sessions(lang, plannedSessions),
            total: formatMoney(lang, c.currency, c.planned),
        }) }));
}

// A session's price, said once: for a clinic that prices each area, how it adds up from the
// chosen areas (in the order chosen); one area needs no sum.
function perSession(lang, c, areas, nameOf) {
    const total = formatMoney(lang, c.currency, c.per_session);
    if (!c.per_area) return h('p', { class: 'cost-session', text: uiText(lang, 'cost.per_session', { areas: total }) });
    const ids = Object.keys(c.per_area).sort((a, b) => areas.indexOf(a) - areas.indexOf(b));
    const parts = ids.map((id) => uiText(lang, 'cost.area', { area: nameOf(id), price: formatMoney(lang, c.currency, c.per_area[id]) }));
    const sum = parts.length > 1 ? ` = ${total}` : '';
    return h('p', { class: 'cost-session cost-areas', text: uiText(lang, 'cost.per_session', { areas: parts.join(' + ') + sum }) });
}

// cite(ids): the reference numbers of the result's source list, as "[1, 3]"; nameOf(area id): the
// area as the patient chose it.
export function buildPlan(lang, plan, generalFiguresText, showPrices, cite, nameOf = String) {
    return h('section', { class: 'plan', part: 'plan', 'aria-labelledby': 'plan-heading' },
        h('h3', { id: 'plan-heading', text: uiText(lang, 'plan.title') }),
        // The engine's own sentences: dates that hold only if the doctor agrees (a consult),
        // concerns planned with the general figures, concerns only a doctor plans.
        plan.provisional && plan.provisional_text ? h('p', { class: 'note provisional', text: plan.provisional_text }) : null,
        plan.general_figures && plan.general_figures.length
            ? h('p', { class: 'note', text: plan.general_figures_text || generalFiguresText }) : null,
        plan.doctor_only_text ? h('p', { class: 'note doctor-only', text: plan.doctor_only_text }) : null,
        h('dl', { class: 'figures' }, FIGURES.map(([key, label, phrase]) => figure(lang, cite, key, label, phrase, plan[key]))),
        h('h4', { text: uiText(lang, 'plan.dates') }),
        timeline(lang, plan.dates || []),
        showPrices && plan.cost ? cost(lang, plan.cost, plan.sessions.planned, plan.areas || [], nameOf) : null,
        details(lang, 'plan.more', [
            textList(lang, cite, 'plan.preparation', plan.preparation),
            textList(lang, cite, 'plan.during', plan.during),
            textList(lang, cite, 'plan.aftercare', plan.aftercare),
            textList(lang, cite, 'plan.facts', plan.facts),
            textList(lang, cite, 'plan.notes', plan.notes),
        ]));
}

// What a patient reads when they want to: behind a disclosure, nothing when there is nothing.
function details(lang, summaryKey, parts) {
    const shown = parts.filter(Boolean);
    if (!shown.length) return null;
    return h('details', { class: 'plan-more', part: 'plan-more' }, h('summary', { text: uiText(lang, summaryKey) }), ...shown);
}
