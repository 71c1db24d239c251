// The idiomatic JS face of the engine, linked into meso-core.js with --pre-js. It turns the raw
// JSON-text API of bindings.cpp into objects and one typed error, MesoError, with .code, .path
// and .errors. Widget code uses only this; it never calls the module's functions itself.

/** @param {{code: string, path: string, message: string}[]} errors */
function MesoError(errors) {
    const first = errors[0] || { code: 'engine.unknown', path: '', message: 'unknown error' };
    const error = new Error(`${first.code} at ${first.path || '/'}: ${first.message}`);
    error.name = 'MesoError';
    error.code = first.code;
    error.path = first.path;
    error.errors = errors;
    return error;
}

// Set once the module has failed inside (an abort, out of memory, a stack overflow): its memory
// may hold half-done work, so no later call may read it, and every call fails with this.
let fault = null;

// Every call into the module goes through here: an error value comes back as a MesoError; a
// fault (anything thrown that is not one) becomes the MesoError `engine.fault`, for this and
// every later call, so that no answer set during a failure can leave an earlier verdict behind.
function guard(run) {
    if (fault) throw fault;
    try {
        return run();
    } catch (error) {
        fault = MesoError([{ code: 'engine.fault', path: '', message: `The engine failed: ${(error && error.message) || error}` }]);
        throw fault;
    }
}

const call = (run) => unwrap(guard(run));

function unwrap(text) {
    const reply = JSON.parse(text);
    if (!reply.ok) throw MesoError(reply.errors);
    return reply.value;
}

function asJsonText(value) {
    return typeof value === 'string' ? value : JSON.stringify(value);
}

// As UTF-8 bytes: Embind copies them into the module as they are, where a JS string is encoded
// by the glue's own loop, a character at a time (tens of ms for a rule set in a cold tab).
function asJsonBytes(value) {
    return new TextEncoder().encode(asJsonText(value));
}

// A session keeps the form's state, `form` ({status, visible, missing, errors, question_texts,
// options, progress}), up to date from what each answer changed; the whole result, with findings
// and plan, is built only when result() asks for it. `_handle` is the module's number for it
// (bindings.cpp): 0 once disposed of, which the module answers with an error.
class MesoSession {
    constructor(handle) {
        this._handle = handle;
        this.form = null;
    }
    /** Sets one answer; returns what it changed (status, progress, shown, hidden, and what else changed). */
    set(key, value) { return this._changed(call(() => Module._sessionSet(this._handle, String(key), JSON.stringify(value === undefined ? null : value)))); }
    clear(key) { return this._changed(call(() => Module._sessionClear(this._handle, String(key)))); }
    reset() { return this._whole(call(() => Module._sessionReset(this._handle))); }
    setLang(lang) { return this._whole(call(() => Module._sessionSetLang(this._handle, String(lang)))); }
    refresh() { return this._whole(call(() => Module._sessionForm(this._handle))); }
    result() { return call(() => Module._sessionResult(this._handle)); }
    answers() { return call(() => Module._sessionAnswers(this._handle)); }
    // The calendar's DTSTAMP is the real time: JS reads the clock, the engine never does.
    ics(now = new Date()) { return call(() => Module._sessionIcs(this._handle, now.toISOString())); }
    dispose() { this._handle = release(this._handle, Module._sessionDelete); }
    _whole(form) {
        this.form = form;
        return form;
    }
    // A new form object, and new parts where they changed: a face may keep what it worked out
    // from a part for as long as that part is the same object.
    _changed(change) {
        // Object.assign, not spread: Emscripten's JS optimizer (acorn, 3.1.6) cannot walk a spread.
        const form = Object.assign({}, this.form, { status: change.status, progress: change.progress });
        for (const key of ['visible', 'missing', 'errors']) if (key in change) form[key] = change[key];
        for (const key of ['question_texts', 'options']) {
            if (!change.hidden.length && !(key in change)) continue;
            const part = Object.assign({}, form[key], change[key]);
            for (const id of change.hidden) delete part[id];
            form[key] = part;
        }
        this.form = form;
        return change;
    }
}

// Frees what a handle names, unless the module has failed: then nothing in it is to be trusted,
// deleting included. Returns 0, the handle of nothing.
function release(handle, remove) {
    if (handle && !fault) guard(() => remove(handle));
    return 0;
}

class MesoRuleSet {
    constructor(handle, loaded) {
        this._handle = handle;
        this.id = loaded.id;
        this.version = loaded.version;
    }
    info(lang) { return call(() => Module._ruleSetInfo(this._handle, String(lang || ''))); }
    session(today, lang) {
        const session = new MesoSession(guard(() => Module._sessionNew(this._handle, String(today), String(lang || ''))));
        try {
            session.refresh(); // a bad date or missing rules fails here, not on the first answer
        } catch (error) {
            session.dispose();
            throw error;
        }
        return session;
    }
    dispose() { this._handle = release(this._handle, Module._ruleSetDelete); }
}

Module['engine'] = {
    get version() { return Module._version(); },
    /** The engine.fault MesoError once the module has failed inside, otherwise null. */
    get fault() { return fault; },
    /** A rule set (object or JSON text), with a clinic's settings file (object or text) applied. */
    load(rules, settings) {
        const handle = guard(() => Module._ruleSetNew());
        try {
            return new MesoRuleSet(handle, call(() => Module._ruleSetLoad(handle, asJsonBytes(rules), settings == null ? '' : asJsonBytes(settings))));
        } catch (error) {
            release(handle, Module._ruleSetDelete);
            throw error;
        }
    },
    MesoError,
};
