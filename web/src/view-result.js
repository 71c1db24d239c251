// The verdict, top first: status in words, colour and icon; what to do next (book, add to the
// calendar) right under it, so that a phone shows it without scrolling; the doctor-decides
// disclaimer; every finding with its sources; the plan; then the other actions and the sources.
import { h, icon } from './dom.js';
import { uiText } from './strings.js';
import { formatDate } from './format.js';
import { buildPlan } from './view-plan.js';

function finding(lang, cite, f) {
    return h('li', { class: `finding severity-${f.severity}`, 'data-finding': f.id, 'data-severity': f.severity, part: 'finding' },
        icon(f.severity, 'finding-icon'),
        h('div', null,
            h('p', { class: 'finding-severity', text: uiText(lang, `status.${f.severity}`) }),
            h('p', { class: 'finding-text', text: f.text }),
            f.until ? h('p', { class: 'finding-until', text: f.until }) : null,
            f.sources?.length ? h('p', { class: 'cite', text: `${uiText(lang, 'sources')} ${cite(f.sources)}` }) : null));
}

// The sources the result cites, numbered in the order of the list at its end: a patient reads
// "[2]" and finds the article's title there, not a file number.
function references(result) {
    const ids = citedSources(result);
    const number = new Map(ids.map((id, i) => [id, i + 1]));
    const cite = (list) => `[${[...new Set((list || []).map((id) => number.get(id)))].sort((a, b) => a - b).join(', ')}]`;
    return { ids, cite };
}

function citedSources(result) {
    const ids = new Set();
    const add = (list) => (list || []).forEach((id) => ids.add(id));
    result.findings.forEach((f) => add(f.sources));
    const plan = result.plan;
    if (plan) {
        for (const key of ['sessions', 'interval_days', 'first_results_sessions', 'effect_months', 'maintenance_per_year', 'session_minutes']) {
            (plan[key]?.ranges || []).forEach((r) => add(r.sources));
        }
        for (const key of ['preparation', 'during', 'aftercare', 'facts', 'notes']) (plan[key] || []).forEach((t) => add(t.sources));
    }
    return [...ids].sort();
}

// What the booking link offers for a verdict: a consultation now, one from the day the wait
// ends, or, where no course can be booked (ruled out, or a wait with no end), only a word with
// the clinic, which is then not the page's main action.
function bookingOffer(lang, result) {
    if (result.status === 'ineligible' || (result.status === 'postpone' && !result.earliest_start)) {
        return { text: uiText(lang, 'action.contact'), primary: false };
    }
    if (result.status === 'postpone') {
        return { text: uiText(lang, 'action.book_from', { date: formatDate(lang, result.earliest_start) }), primary: true };
    }
    return { text: uiText(lang, 'action.book'), primary: true };
}

// Booking and the calendar: what the patient came for, so it comes right after the verdict.
function nextActions({ lang, result, bookingHref, bookingTarget, hasDates }) {
    if (!bookingHref && !hasDates) return null;
    const offer = bookingOffer(lang, result);
    const link = {
        class: offer.primary ? 'btn primary' : 'btn secondary', href: bookingHref, 'data-action': 'book',
        part: offer.primary ? 'button button-primary' : 'button',
        target: bookingTarget || null, rel: bookingTarget ? 'noopener' : null,
    };
    return h('div', { class: 'actions actions-next', part: 'actions' },
        bookingHref ? h('a', link, icon('book'), offer.text) : null,
        hasDates ? h('button', { type: 'button', class: 'btn secondary', 'data-action': 'calendar', part: 'button' },
            icon('calendar'), uiText(lang, 'action.calendar')) : null);
}

// The plan names areas by id; their words are the options the patient picked them from: the
// list that holds every planned area.
function areaNames(result) {
    const areas = result.plan.areas || [];
    const list = Object.values(result.options || {})
        .find((options) => Array.isArray(options) && areas.every((id) => options.some((o) => o.id === id))) || [];
    return (id) => list.find((o) => o.id === id)?.text ?? id;
}

// No course plan under a verdict that rules mesotherapy out; under a wait with no end, only a
// collapsed look at what a course would be later, so that it does not read as an offer now.
function plan({ lang, result, info, showPrices }, cite) {
    if (!result.plan || result.status === 'ineligible') return null;
    const built = buildPlan(lang, result.plan, info.texts['plan.general_figures'], showPrices, cite, areaNames(result));
    if (result.status !== 'postpone' || result.earliest_start) return built;
    return h('details', { class: 'plan-later', part: 'plan-later' },
        h('summary', { text: uiText(lang, 'plan.later') }), built);
}

// ctx: { lang, result, info, showPrices, bookingHref, bookingTarget, hasDates }
export function buildResultView(ctx) {
    const { lang, result, info } = ctx;
    const status = result.status;
    const { ids: sources, cite } = references(result);
    return h('section', { class: 'view result', 'data-status': status, part: 'result' },
        h('h2', { id: 'view-heading', class: 'view-title', tabindex: '-1', text: uiText(lang, 'result.title') }),
        h('div', { class: `status-box status-${status}`, role: 'status', part: `status status-${status}` },
            icon(status, 'status-icon'),
            h('div', null,
                h('p', { class: 'status-label', text: uiText(lang, `status.${status}`) }),
                h('p', { class: 'status-text', text: result.status_text }),
                status === 'postpone' && result.earliest_start
                    ? h('p', { class: 'status-earliest', text: uiText(lang, 'result.earliest', { date: formatDate(lang, result.earliest_start) }) })
                    : null)),
        nextActions(ctx),
        h('p', { class: 'disclaimer', part: 'disclaimer', text: result.disclaimer }),
        result.findings.length ? h('section', { class: 'findings-block', 'aria-labelledby': 'findings-heading' },
            h('h3', { id: 'findings-heading', text: uiText(lang, 'result.why') }),
            h('ul', { class: 'findings' }, result.findings.map((f) => finding(lang, cite, f)))) : null,
        plan(ctx, cite),
        h('div', { class: 'actions', part: 'actions' },
            h('button', { type: 'button', class: 'btn secondary', 'data-action': 'print', part: 'button' },
                icon('print'), uiText(lang, 'action.print')),
            h('button', { type: 'button', class: 'btn secondary', 'data-action': 'back', part: 'button', text: uiText(lang, 'change_answers') }),
            h('button', { type: 'button', class: 'btn secondary', 'data-action': 'restart', part: 'button' },
                icon('restart'), uiText(lang, 'start_again'))),
        sources.length ? h('section', { class: 'sources', 'aria-labelledby': 'sources-heading' },
            h('h3', { id: 'sources-heading', text: uiText(lang, 'sources') }),
            h('ol', null, sources.map((id) => reference(lang, id, info.sources?.[id])))) : null);
}

// "[2] Efficacy of Mesotherapy in Facial Rejuvenation", the title marked with its own language
// when the page speaks another, so that a screen reader says it as written.
function reference(lang, id, source) {
    const title = source?.title || id;
    const own = source?.lang && source.lang.split('-')[0] !== lang.split('-')[0] ? source.lang : null;
    return h('li', { 'data-source': id }, h('cite', { lang: own, text: title }));
}
