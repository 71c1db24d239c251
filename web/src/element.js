// <meso-screener>: renders the questionnaire and forwards every input to the wasm core's
// incremental session. All screening logic (which questions show, what is missing, validation,
// outcome, plan) is the core's; this file keeps the view state, moves focus and draws.
import { MESO_CSS, MESO_DEFAULT_RULES, MESO_LANGUAGES } from 'meso:build';
import { h } from './dom.js';
import { uiText, hasUiLanguage, pickLanguage, LANGUAGE_NAMES } from './strings.js';
import { formatDate, isIsoDate, localToday } from './format.js';
import { loadRuleSet, besideScript } from './core-loader.js';
import { MesoReadyEvent, MesoStepEvent, MesoOutcomeEvent, MesoErrorEvent, outcomeDetail } from './events.js';
import { readSaved, writeSaved, forgetSaved } from './storage.js';
import { readQuestionValue } from './questions.js';
import { questionMap, visibleIn, applicableSteps, blockingProblems, shownProblems, progressOf } from './form-state.js';
import { buildFrame, renderHeader, renderProgress, renderLoadState, renderRemember, announce } from './frame.js';
import { buildStepView, syncQuestions, syncProblems } from './view-step.js';
import { buildReviewView } from './view-review.js';
import { buildResultView } from './view-result.js';
import { bookingHref, downloadCalendar, printWidget } from './actions.js';

const BOOLEAN_ATTRIBUTES = { showPrices: 'show-prices', remember: 'remember', exposeAnswers: 'expose-answers' };
const STRING_ATTRIBUTES = { rules: 'rules', bookingUrl: 'booking-url', theme: 'theme', today: 'today' };
const LISTENED = ['click', 'change', 'input', 'submit'];

let sharedSheet = null;

// Constructable stylesheets are not inline styles, so a strict style-src allows them; browsers
// without them get the stylesheet file next to the script.
function adoptStyles(root) {
    if ('adoptedStyleSheets' in ShadowRoot.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
        if (!sharedSheet) {
            sharedSheet = new CSSStyleSheet();
            sharedSheet.replaceSync(MESO_CSS);
        }
        root.adoptedStyleSheets = [sharedSheet];
    } else if (!root.querySelector('link[rel="stylesheet"]')) {
        root.prepend(h('link', { rel: 'stylesheet', href: besideScript('meso-screener.css') }));
    }
}

export class MesoScreenerElement extends HTMLElement {
    static get observedAttributes() {
        return ['lang', ...Object.values(STRING_ATTRIBUTES), ...Object.values(BOOLEAN_ATTRIBUTES)];
    }

    static define(tag = 'meso-screener', registry = window.customElements) {
        if (!registry.get(tag)) registry.define(tag, this);
        return this;
    }

    constructor() {
        super();
        this.attachShadow({ mode: 'open' });
        this._bootCount = 0;
        this._loaded = null;        // { rules, lang, languages } from loadRuleSet
        this._infoCache = null;     // the loaded rule set's info in its language
        this._switchingTo = null;   // the wanted language while its texts load
        this._failedLang = null;    // a language that could not be loaded, for the notice
        this._session = null;
        this._answers = null;       // kept while there is no session (disconnected, reloading)
        this._result = null;
        this._view = 'loading';     // loading | error | step | review | result
        this._stepId = null;
        this._attempted = new Set();  // steps where Continue was pressed
        this._touched = new Set();    // questions whose field was left
        this._fromReview = false;
        this._focus = null;
        this._consent = false;
        this._notice = null;
        this._announcement = null;
        this._renderQueued = false;
        this._frame = null;
        this._stepView = null;
        this._viewKey = '';
        this._stopPrinting = null;
        this._connected = false;
        this._onEvent = this._onEvent.bind(this);
    }

    // The core's latest result (a copy). The attributes' properties are defined after the class;
    // lang is HTMLElement's own.
    get result() { return this._result ? JSON.parse(JSON.stringify(this._result)) : null; }

    // Starts again from the first step, with no answers.
    reset() {
        if (!this._session) return;
        this._result = this._session.reset();
        this._attempted.clear();
        this._touched.clear();
        this._fromReview = false;
        if (this._consent) writeSaved(this._info().id, {});
        this._go('step', this._steps()[0]?.id);
    }

    connectedCallback() {
        this._connected = true;
        adoptStyles(this.shadowRoot);
        for (const type of LISTENED) this.shadowRoot.addEventListener(type, this._onEvent);
        if (this._loaded) {
            this._newSession();
            this._invalidate();
            // The lang attribute may have changed while the element was out of the page.
            this._switchLanguage();
        } else {
            this._boot();
        }
    }

    disconnectedCallback() {
        this._connected = false;
        for (const type of LISTENED) this.shadowRoot.removeEventListener(type, this._onEvent);
        this._bootCount++;
        this._switchingTo = null;
        this._disposeSession();
        if (this._stopPrinting) this._stopPrinting();
    }

    // Attributes present at upgrade arrive before connectedCallback, which reads them all anyway.
    attributeChangedCallback(name, oldValue, newValue) {
        if (oldValue === newValue || !this._connected) return;
        if (name === 'rules') {
            this._disposeSession();
            this._loaded = null;
            this._boot();
        } else if (this._loaded && name === 'today') {
            this._newSession();
        } else if (this._loaded && name === 'lang') {
            this._switchLanguage();
        }
        this._invalidate();
    }

    // --- the rule set and the session ----------------------------------------------------------
    async _boot() {
        const boot = ++this._bootCount;
        const wanted = this._wanted();
        this._view = 'loading';
        this._viewKey = '';
        this._switchingTo = null;
        this._failedLang = null;
        this._invalidate();
        try {
            let loaded;
            try {
                loaded = await loadRuleSet(this.rules, wanted);
            } catch (error) {
                if (!error.lang || boot !== this._bootCount) throw error;
                // Only the wanted language failed: the questionnaire opens in the rule set's own.
                this._languageFailed(error, error.lang);
                loaded = await loadRuleSet(this.rules, '', { plainChrome: true });
            }
            if (boot !== this._bootCount) return;
            this._loaded = loaded;
            this._infoCache = null;
            const info = this._info();
            const saved = this.remember && !this._answers ? readSaved(info.id) : null;
            if (saved) {
                this._answers = saved.answers;
                this._consent = true;
                this._notice = 'restored';
            }
            this._newSession();
            this._attempted.clear();
            this._touched.clear();
            this._view = 'step';
            this._stepId = this._steps()[0]?.id;
            this._viewKey = '';
            this._invalidate();
            this.dispatchEvent(new MesoReadyEvent({
                ruleset: { id: info.id, version: info.version }, lang: loaded.lang, languages: loaded.languages,
            }));
            this._emitStep();
            if (this._wanted() !== wanted) this._switchLanguage();
        } catch (error) {
            if (boot !== this._bootCount) return;
            this._view = 'error';
            this._viewKey = '';
            this._invalidate();
            this.dispatchEvent(new MesoErrorEvent({
                code: error.code || 'widget.error', message: error.message || String(error), path: error.path || '',
            }));
        }
    }

    // Another language's texts may have to be fetched first; until they are here the patient
    // keeps the current language, and if they do not come, keeps it for good, with a notice.
    async _switchLanguage() {
        const boot = this._bootCount;
        const wanted = this._wanted();
        this._switchingTo = wanted;
        this._invalidate();
        const current = () => boot === this._bootCount && this._switchingTo === wanted;
        try {
            const loaded = await loadRuleSet(this.rules, wanted);
            if (!current()) return;
            this._switchingTo = null;
            this._failedLang = null;
            this._use(loaded);
        } catch (error) {
            if (!current()) return;
            this._switchingTo = null;
            this._languageFailed(error, error.lang || wanted);
            this._announcement = this._languageNotice();
        }
        this._invalidate();
    }

    // The same rule set in another language (or the built-in one loaded with that language's
    // texts): the answers, the step and the view stay.
    _use(loaded) {
        const previous = this._loaded;
        if (previous.rules === loaded.rules && previous.lang === loaded.lang) return;
        this._loaded = loaded;
        this._infoCache = null;
        if (previous.rules === loaded.rules && this._session) this._result = this._session.setLang(loaded.lang);
        else this._newSession();
        this._viewKey = '';
    }

    _languageFailed(error, lang) {
        this._failedLang = lang;
        this.dispatchEvent(new MesoErrorEvent({ code: error.code || 'locale.fetch', message: error.message || String(error), path: error.path || '' }));
    }

    _languageNotice() {
        const lang = this._lang();
        return uiText(lang, 'lang_error', { language: LANGUAGE_NAMES[this._failedLang] || this._failedLang, current: LANGUAGE_NAMES[lang] || lang });
    }

    _wanted() {
        return this.getAttribute('lang') || document.documentElement.lang || navigator.language;
    }

    // The language shown. Before a rule set is there, the loading message uses the wanted
    // language when its UI texts are here already.
    _lang() {
        if (this._loaded) return this._loaded.lang;
        const lang = pickLanguage(this._wanted(), MESO_LANGUAGES, MESO_DEFAULT_RULES.default_language);
        return hasUiLanguage(lang) ? lang : 'en';
    }

    // What the language menu shows: the patient's choice while its texts load.
    _chosenLang() {
        const { languages, lang } = this._loaded;
        return this._switchingTo ? pickLanguage(this._switchingTo, languages, lang) : lang;
    }

    _info() {
        if (!this._infoCache) this._infoCache = this._loaded.rules.info(this._loaded.lang);
        return this._infoCache;
    }

    _today() {
        return isIsoDate(this.today) ? this.today : localToday();
    }

    _disposeSession() {
        if (!this._session) return;
        this._answers = this._session.answers();
        this._session.dispose();
        this._session = null;
    }

    // A new session for the current rule set, day and language, with the answers kept so far
    // (keys this rule set does not know are dropped rather than reported as errors).
    _newSession() {
        this._disposeSession();
        const known = questionMap(this._info());
        this._session = this._loaded.rules.session(this._today(), this._lang());
        for (const [key, value] of Object.entries(this._answers || {})) {
            if (known.has(key)) this._session.set(key, value);
        }
        this._result = this._session.result();
    }

    _steps() {
        return applicableSteps(this._info(), this._result);
    }

    _blocking(stepId) {
        return blockingProblems(this._info(), this._result, stepId, this._lang());
    }

    _progress() {
        return progressOf(this._info(), this._result, this._session.answers(), this._view === 'step' ? this._stepId : null);
    }

    // --- input ---------------------------------------------------------------------------------
    _onEvent(event) {
        const target = event.target;
        if (event.type === 'submit') {
            event.preventDefault();
            this._next();
        } else if (event.type === 'click') {
            const action = target.closest('[data-action]');
            if (action) this._act(action.dataset.action, action);
        } else if (target.matches('select.lang-select')) {
            if (event.type !== 'change') return;
            // The same value again (a language that failed before) is a retry.
            if (this.getAttribute('lang') === target.value) this._switchLanguage();
            else this.setAttribute('lang', target.value);
        } else if (target.matches('input.remember-box')) {
            if (event.type === 'change') this._setConsent(target.checked);
        } else {
            const node = target.closest('[data-q]');
            if (!node || !this._session) return;
            // Text fields update the progress while the patient types but show an error only
            // once the field is left; choices report on change.
            const isText = target.type === 'text' || target.type === 'date';
            if (event.type === 'input' && !isText) return;
            if (event.type === 'change') this._touched.add(node.dataset.q);
            this._setAnswer(node.dataset.q, readQuestionValue(node));
        }
    }

    _setAnswer(key, value) {
        this._result = this._session.set(key, value);
        // A choice that is no longer offered (an area of a concern that was unticked) is dropped.
        const answers = this._session.answers();
        for (const [id, options] of Object.entries(this._result.options || {})) {
            if (!Array.isArray(answers[id])) continue;
            const kept = answers[id].filter((choice) => options.some((o) => o.id === choice));
            if (kept.length !== answers[id].length) this._result = this._session.set(id, kept.length ? kept : null);
        }
        if (this._consent) writeSaved(this._info().id, this._session.answers());
        this._invalidate();
    }

    _setConsent(on) {
        this._consent = on;
        this._notice = on ? null : 'forgotten';
        if (on) {
            writeSaved(this._info().id, this._session.answers());
        } else {
            forgetSaved(this._info().id);
            this._announcement = uiText(this._lang(), 'forgotten');
        }
        this._invalidate();
    }

    _act(action, node) {
        if (action === 'back') this._back();
        else if (action === 'result') this._showResult();
        else if (action === 'restart') this.reset();
        else if (action === 'forget') this._setConsent(false);
        else if (action === 'focus-question') this._focusQuestion(node.dataset.target);
        else if (action === 'edit') {
            this._fromReview = true;
            this._go('step', questionMap(this._info()).get(node.dataset.target)?.step, node.dataset.target);
        } else if (action === 'calendar') {
            const ics = this._session.ics();
            if (ics) downloadCalendar(this.shadowRoot, ics);
        } else if (action === 'print') {
            this._stopPrinting = printWidget(this);
        }
    }

    _next() {
        const problems = this._blocking(this._stepId);
        if (problems.size) {
            this._attempted.add(this._stepId);
            this._focus = { kind: 'summary' };
            this._announcement = uiText(this._lang(), 'announce.errors', { n: problems.size });
            this._invalidate();
            return;
        }
        const steps = this._steps();
        const index = steps.findIndex((s) => s.id === this._stepId);
        if (this._fromReview || index === steps.length - 1) this._go('review');
        else this._go('step', steps[index + 1].id);
    }

    _back() {
        const steps = this._steps();
        const index = steps.findIndex((s) => s.id === this._stepId);
        if (this._view === 'result') this._go('review');
        else if (this._view === 'review') this._go('step', steps[steps.length - 1].id);
        else if (index > 0) this._go('step', steps[index - 1].id);
    }

    _showResult() {
        if (this._result.status === 'incomplete') {
            // An edit on the review can make a new question appear: send the patient to the first
            // step that needs them.
            const step = this._steps().find((s) => this._blocking(s.id).size);
            if (step) {
                this._attempted.add(step.id);
                this._go('step', step.id);
                this._focus = { kind: 'summary' };
            }
            return;
        }
        this._go('result');
        this.dispatchEvent(new MesoOutcomeEvent(outcomeDetail(this._result, this.exposeAnswers ? this._session.answers() : null)));
    }

    _go(view, stepId = null, questionId = null) {
        if (view !== 'step') this._fromReview = false;
        this._view = view;
        this._stepId = stepId;
        this._focus = questionId ? { kind: 'question', id: questionId } : { kind: 'heading' };
        this._viewKey = '';
        if (view === 'result') {
            const lang = this._lang();
            this._announcement = uiText(lang, 'announce.result', { label: uiText(lang, `status.${this._result.status}`) });
        }
        this._invalidate();
        this._emitStep();
    }

    _emitStep() {
        const steps = this._steps();
        const index = steps.findIndex((s) => s.id === this._stepId);
        const { done, total } = this._progress();
        this.dispatchEvent(new MesoStepEvent({
            step: this._view === 'step' ? this._stepId : this._view,
            index: this._view === 'step' && index >= 0 ? index + 1 : null,
            count: steps.length,
            answered: done,
            total,
        }));
    }

    _focusQuestion(id) {
        const node = this.shadowRoot.querySelector(`[data-q="${CSS.escape(id)}"]`);
        const input = node && (node.querySelector('input:checked') || node.querySelector('input'));
        if (input) input.focus();
    }

    // --- rendering -----------------------------------------------------------------------------
    // Bursts of changes (several attributes, an answer that drops another) become one render.
    _invalidate() {
        if (this._renderQueued) return;
        this._renderQueued = true;
        queueMicrotask(() => {
            this._renderQueued = false;
            if (this.isConnected) this._render();
        });
    }

    _render() {
        const frame = this._frame || (this._frame = buildFrame(this.shadowRoot));
        const lang = this._lang();
        const ready = !!(this._loaded && this._session) && this._view !== 'loading' && this._view !== 'error';
        renderHeader(frame, lang, ready ? { languages: this._loaded.languages, chosen: this._chosenLang(), busy: !!this._switchingTo,
            notice: this._failedLang ? this._languageNotice() : '' } : { languages: [] });
        if (!ready) {
            const key = `${this._view}:${lang}`;
            if (this._viewKey !== key) {
                this._viewKey = key;
                this._stepView = null;
                renderLoadState(frame, lang, this._view === 'error');
            }
        } else {
            renderProgress(frame, lang, this._progress(), this._view === 'result');
            if (this._view === 'step') this._renderStep(frame, lang);
            else if (this._view === 'review') this._renderReview(frame, lang);
            else this._renderResult(frame, lang);
            renderRemember(frame, lang, { enabled: this.remember, consent: this._consent, notice: this._notice });
            const info = this._info();
            frame.stamp.textContent = uiText(lang, 'print.stamp', { id: info.id, version: info.version, date: formatDate(lang, this._today()) });
        }
        this._applyFocus();
        if (this._announcement) {
            announce(frame, this._announcement);
            this._announcement = null;
        }
    }

    _renderStep(frame, lang) {
        const info = this._info();
        const steps = this._steps();
        if (!steps.some((s) => s.id === this._stepId)) {
            // The step lost all its questions (an earlier answer changed): go to the next one.
            const order = info.steps.map((s) => s.id);
            const from = order.indexOf(this._stepId);
            this._stepId = (steps.find((s) => order.indexOf(s.id) > from) || steps[steps.length - 1]).id;
        }
        const index = steps.findIndex((s) => s.id === this._stepId);
        const key = `step:${this._stepId}:${lang}:${index}:${steps.length}:${this._fromReview}`;
        if (this._viewKey !== key || !this._stepView) {
            this._viewKey = key;
            this._stepView = buildStepView(lang, steps[index], index + 1, steps.length, index > 0,
                this._fromReview ? 'to_review' : 'next');
            frame.host.replaceChildren(this._stepView.node);
        }
        const answers = this._session.answers();
        const items = visibleIn(info, this._result, this._stepId)
            .map((q) => ({ q, options: this._result.options?.[q.id], value: answers[q.id] }));
        syncQuestions(this._stepView, items, lang);
        const attempted = this._attempted.has(this._stepId);
        syncProblems(this._stepView, shownProblems(info, this._result, this._stepId, lang, attempted, this._touched),
            questionMap(info), attempted, lang);
    }

    _renderReview(frame, lang) {
        const key = `review:${lang}`;
        if (this._viewKey === key) return;
        this._viewKey = key;
        this._stepView = null;
        const info = this._info();
        const answers = this._session.answers();
        const groups = this._steps().map((step) => ({
            step,
            rows: visibleIn(info, this._result, step.id).map((q) => ({ q, value: answers[q.id], options: this._result.options?.[q.id] })),
        }));
        frame.host.replaceChildren(buildReviewView(lang, groups));
    }

    _renderResult(frame, lang) {
        const key = `result:${lang}:${this.showPrices}:${this.bookingUrl}`;
        if (this._viewKey === key) return;
        this._viewKey = key;
        this._stepView = null;
        const plan = this._result.plan;
        frame.host.replaceChildren(buildResultView({
            lang,
            result: this._result,
            info: this._info(),
            showPrices: this.showPrices,
            bookingHref: bookingHref(this.bookingUrl, this._result, lang),
            hasDates: !!(plan && plan.dates && plan.dates.length),
        }));
    }

    _applyFocus() {
        const focus = this._focus;
        this._focus = null;
        if (!focus) return;
        if (focus.kind === 'question') {
            this._focusQuestion(focus.id);
            return;
        }
        const target = focus.kind === 'summary'
            ? this.shadowRoot.querySelector('.error-summary:not([hidden])')
            : this.shadowRoot.getElementById('view-heading');
        if (target) target.focus();
    }
}

for (const [property, attribute] of Object.entries(STRING_ATTRIBUTES)) {
    Object.defineProperty(MesoScreenerElement.prototype, property, {
        get() { return this.getAttribute(attribute) || ''; },
        set(value) {
            if (value === null || value === undefined || value === '') this.removeAttribute(attribute);
            else this.setAttribute(attribute, String(value));
        },
        configurable: true,
    });
}
for (const [property, attribute] of Object.entries(BOOLEAN_ATTRIBUTES)) {
    Object.defineProperty(MesoScreenerElement.prototype, property, {
        get() { return this.hasAttribute(attribute); },
        set(value) { this.toggleAttribute(attribute, !!value); },
        configurable: true,
    });
}
