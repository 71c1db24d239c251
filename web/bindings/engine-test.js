// The test build's additions to engine.js (linked after it with --pre-js into meso-core-test.js,
// see web/CMakeLists.txt): faces that only tests and the benchmark use, kept out of the patient's
// module.

Object.assign(MesoRuleSet.prototype, {
    screen(answers, today, lang) {
        return call(() => Module._ruleSetScreen(this._handle, asJsonText(answers == null ? {} : answers), String(today), String(lang || '')));
    },
    /** The result as JSON text indented like the CLI's output, for byte-for-byte comparisons. */
    screenText(answers, today, lang) {
        return call(() => Module._ruleSetScreenText(this._handle, asJsonText(answers == null ? {} : answers), String(today), String(lang || '')));
    },
    /** The status alone ("eligible" …), without texts or plan: screen(…).status, cheaper. */
    status(answers, today) {
        return call(() => Module._ruleSetStatus(this._handle, asJsonText(answers == null ? {} : answers), String(today)));
    },
});

MesoSession.prototype.evaluations = function evaluations() { return Module._sessionEvaluations(this._handle); };

Object.defineProperty(Module['engine'], 'heapBytes', {
    /** Bytes of linear memory the module holds now. */
    get() { return Module._heapBytes(); },
});

Object.assign(Module['engine'], {
    /** Applies a JsonLogic rule (a JS value: a string rule is the string itself) to data. */
    logic(rule, data, today) {
        return this.logicText(JSON.stringify(rule), JSON.stringify(data === undefined ? {} : data), today);
    },
    /** The same on JSON text, as a file or a textarea holds it. */
    logicText(ruleText, dataText, today) {
        return call(() => Module._logicApply(String(ruleText), dataText == null ? '{}' : String(dataText), String(today || '')));
    },
});

Object.assign(Module['engine'], {
    /**
     * The benchmark's like-for-like face: `conditions` (JsonLogic rules) compiled and
     * `respondents` (answer objects) parsed once, each given as a value or its JSON text. run()
     * evaluates every condition on every respondent and returns how many came out truthy, so that
     * the caller's clock around it measures evaluation alone. dispose() frees the parsed data.
     */
    logicBench(conditions, respondents, today) {
        const raw = guard(() => new Module._LogicBench(asJsonText(conditions), asJsonText(respondents), String(today || '')));
        let sizes;
        try {
            sizes = call(() => raw.check());
        } catch (error) {
            raw.delete();
            throw error;
        }
        // Named one by one: Emscripten 3.1.6's JS optimiser cannot read object spread.
        return {
            conditions: sizes.conditions,
            respondents: sizes.respondents,
            run() {
                const truthy = guard(() => raw.run());
                if (truthy < 0) call(() => raw.check()); // throws the evaluation's MesoError
                return truthy;
            },
            dispose() { if (!raw.isDeleted()) raw.delete(); },
        };
    },
});
