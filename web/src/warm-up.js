// V8 compiles the engine's WebAssembly lazily, a function the first time it runs, and the
// widget's own answer path is still cold when the engine starts: a patient's first answers paid
// for both (a click to its follow-up question took about 10 ms instead of 1 to 3 on the
// benchmark's machine). A throwaway session walks that path once while the page is idle: every
// answer a choice can take, in every question shown before any answer, then the whole result.
// One answer per idle slice, so that a click never waits behind more than one. Nothing of it is
// kept or shown; the session is disposed of, and a failure ends the walk quietly (the patient's
// own session meets and reports whatever failed).

// `questions`: the rule set's, as its info() lists them (the element has them already).
// `idle(run)` calls run later, when the page has nothing else to do.
export function warmUp(rules, questions, today, lang, idle = idleCallback) {
    const walk = answersOnce(rules, questions, today, lang);
    const slice = () => {
        try {
            if (!walk.next().done) idle(slice);
        } catch {
            // the walk is over, its session disposed of
        }
    };
    idle(slice);
}

// Every answer a choice can take: each option (a list of one for a multiple choice), yes and no.
function* answersOnce(rules, questions, today, lang) {
    const session = rules.session(today, lang);
    try {
        for (const q of questions) {
            if (!session.form.visible.includes(q.id)) continue;
            const options = (session.form.options[q.id] || []).map((o) => (q.type === 'multiple' ? [o.id] : o.id));
            const values = q.type === 'boolean' ? [true, false] : options;
            if (!values.length) continue;
            for (const value of values) yield session.set(q.id, value);
            session.clear(q.id);
        }
        yield session.result();
    } finally {
        session.dispose();
    }
}

function idleCallback(run) {
    if (window.requestIdleCallback) window.requestIdleCallback(run, { timeout: 2000 });
    else setTimeout(run, 50);
}
