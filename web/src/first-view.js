// The built-in rule set's first view, shown while the engine starts: the .wasm takes longer to
// arrive and compile than the locale file, which carries what the engine says of a session with
// no answers (web/build.mjs, firstView). The patient can read and answer at once; what needs the
// engine's verdict on the answers (a follow-up question, Continue) waits for it, and the answers
// given meanwhile go to the engine's session as soon as there is one (element.js).

// Stands in for the engine's rule set (bindings/engine.js) until it has started.
export class StartingRules {
    constructor(view) {
        this.view = view;
    }

    info() {
        return this.view.info;
    }

    session() {
        return new StartingSession(this.view);
    }

    dispose() {}
}

// Keeps the answers and shows the form of no answers: it decides nothing.
class StartingSession {
    #answers = {};

    constructor(view) {
        this.form = view.form;
        this.disclaimer = view.disclaimer;
    }

    get starting() {
        return true;
    }

    set(key, value) {
        if (value === null || value === undefined) delete this.#answers[key];
        else this.#answers[key] = value;
    }

    answers() {
        return { ...this.#answers };
    }

    reset() {
        this.#answers = {};
    }

    dispose() {}
}
