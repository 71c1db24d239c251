// The element's events. All bubble and are composed, so they cross the shadow root and reach a
// listener on the document. Payloads never carry the raw answers unless the host opts in
// (expose-answers); see web/README.md, "Events", for the typed map.

class MesoEvent extends Event {
    constructor(type, detail) {
        super(type, { bubbles: true, composed: true });
        this.detail = detail;
    }
}

export class MesoReadyEvent extends MesoEvent {
    constructor(detail) { super('meso-ready', detail); }
}
export class MesoStepEvent extends MesoEvent {
    constructor(detail) { super('meso-step', detail); }
}
export class MesoOutcomeEvent extends MesoEvent {
    constructor(detail) { super('meso-outcome', detail); }
}
export class MesoErrorEvent extends MesoEvent {
    constructor(detail) { super('meso-error', detail); }
}

const range = (r) => (r ? { min: r.min, max: r.max, planned: r.planned ?? null } : null);

// By default the status only: finding ids, the earliest start (it tells when the patient last
// drank) and the plan say something about health, and every script on the page receives
// events. `details` (expose-outcome-details) adds them; `answers` (expose-answers) the answers.
export function outcomeDetail(result, answers, details = false) {
    const plan = result.plan;
    const base = { ruleset: result.ruleset, lang: result.lang, status: result.status };
    if (!details) return answers ? { ...base, answers } : base;
    const detail = {
        ...base,
        findings: result.findings.map((f) => f.id),
        earliest_start: result.earliest_start ?? null,
        plan: plan ? {
            concerns: plan.concerns,
            areas: plan.areas,
            sessions: range(plan.sessions),
            interval_days: range(plan.interval_days),
            dates: plan.dates,
            cost: plan.cost ?? null,
        } : null,
    };
    if (answers) detail.answers = answers;
    return detail;
}
