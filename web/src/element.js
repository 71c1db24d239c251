// <meso-screener>: renders the questionnaire and forwards every input to the wasm core's
// incremental session. All screening logic (which questions show, what is missing, validation,
// outcome, plan) is the core's; this file keeps the view state, moves focus and draws.
import { MESO_CSS, MESO_DEFAULT_RULES, MESO_LANGUAGES } from 'meso:build';
import { afterPaint, h, setText } from './dom.js';
import { uiText, hasUiLanguage, pickLanguage, LANGUAGE_NAMES } from './strings.js';
import { formatDate, isIsoDate, localToday } from './format.js';
import { loadRuleSet, firstViewOf, besideScript } from './core-loader.js';
import { StartingRules } from './first-view.js';
import { warmUp } from './warm-up.js';
import { MesoReadyEvent, MesoStepEvent, MesoOutcomeEvent, MesoErrorEvent, outcomeDetail } from './events.js';
import { readSaved, writeSaved, forgetSaved, shownAnswers } from './storage.js';
import { readQuestionValue } from './questions.js';
import { questionMap, visibleIn, applicableSteps, blockingProblems, shownProblems, progressOf, stepProgress } from './form-state.js';
import { welcome, start, next, back, edit, toResult, settle } from './navigation.js';
import { buildFrame, renderHeader, renderProgress, renderLoadState, renderRemember, announce, clearAnnouncement } from './frame.js';
import { buildStepView, syncQuestions, syncProblems } from './view-step.js';
import { buildReviewView } from './view-review.js';
import { buildWelcomeView } from './view-welcome.js';
import { buildResultView } from './view-result.js';
import { bookingHref, downloadCalendar, printWidget } from './actions.js';

const BOOLEAN_ATTRIBUTES = {
    showPrices: 'show-prices', remember: 'remember', exposeAnswers: 'expose-answers',
    exposeOutcomeDetails: 'expose-outcome-details', bookingDetails: 'booking-details', hideLanguage: 'hide-language',
    skipWelcome: 'skip-welcome',
};
const STRING_ATTRIBUTES = {
    rules: 'rules', bookingUrl: 'booking-url', theme: 'theme', today: 'today', heading: 'heading', bookingTarget: 'booking-target',
};
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
    // The element's state is private (class-private names, which the minifier also shortens).
    #bootCount = 0;
    #loaded = null;        // { rules, lang, languages } from loadRuleSet
    #infoCache = null;     // the loaded rule set's info in its language
    #switchingTo = null;   // the wanted language while its texts load
    #failedLang = null;    // a language that could not be loaded, for the notice
    #settingsObject = null; // settings given as an object (the settings property, mount's option)
    #loadError = null;     // why the rule set did not load, for the error view
    #session = null;
    #answers = null;       // kept while there is no session (disconnected, reloading)
    #form = null;          // the session's form state (session.form): what the steps show
    #result = null;        // the whole result, asked for when something shows or sends it
    #afterStart = null;    // what the patient asked for while the engine was starting (first-view.js)
    #view = 'loading';     // loading | error (did not load) | fault (failed later) | welcome | step | review | result
    #stepId = null;
    #attempted = new Set();  // steps where Continue was pressed
    #touched = new Set();    // questions whose field was left
    #fromReview = false;
    #focus = null;
    #consent = false;
    #notice = null;
    #announcement = null;
    #renderQueued = false;
    #stampKey = '';        // what the print stamp was written for
    #frame = null;
    #stepView = null;
    #viewKey = '';
    #stopPrinting = null;
    #connected = false;
    #listener = (event) => this.#onEvent(event);

    static get observedAttributes() {
        return ['lang', 'settings', ...Object.values(STRING_ATTRIBUTES), ...Object.values(BOOLEAN_ATTRIBUTES)];
    }

    static define(tag = 'meso-screener', registry = window.customElements) {
        if (!registry.get(tag)) registry.define(tag, this);
        return this;
    }

    constructor() {
        super();
        this.attachShadow({ mode: 'open' });
        // Set on the element before this script defined it: an own property that hides the setter.
        if (Object.hasOwn(this, 'settings')) {
            const value = this.settings;
            delete this.settings;
            this.settings = value;
        }
    }

    // The core's latest result (a copy). The attributes' properties are defined after the class;
    // lang is HTMLElement's own.
    get result() {
        if (!this.#form || this.#starting()) return null;
        try {
            return JSON.parse(JSON.stringify(this.#session ? this.#fullResult() : this.#result));
        } catch (error) {
            this.#fault(error);
            return null;
        }
    }

    // A clinic's settings file: the settings attribute (a URL), or an object set here, which
    // takes the attribute's place.
    get settings() { return this.#settingsObject || this.getAttribute('settings') || ''; }
    set settings(value) {
        const object = value && typeof value === 'object' ? value : null;
        this.#settingsObject = object;
        if (!object && value) {
            this.setAttribute('settings', String(value));
            return;
        }
        if (this.hasAttribute('settings')) this.removeAttribute('settings');  // reloads, keeping the object
        else if (this.#connected) this.#reload();
    }

    // Starts again from the first step, with no answers.
    reset() {
        if (!this.#session) return;
        try {
            this.#session.reset();
            this.#changed();
        } catch (error) {
            this.#fault(error);
            return;
        }
        this.#attempted.clear();
        this.#touched.clear();
        // Starting again withdraws everything: the stored entry goes, and consent with it.
        forgetSaved(this.#info().id);
        this.#consent = false;
        this.#announcement = null;
        if (this.#frame) clearAnnouncement(this.#frame);
        this.#go(start(this.#stepIds()));
    }

    connectedCallback() {
        this.#connected = true;
        adoptStyles(this.shadowRoot);
        for (const type of LISTENED) this.shadowRoot.addEventListener(type, this.#listener);
        if (this.#loaded) {
            this.#newSession();
            this.#invalidate();
            // The lang attribute may have changed while the element was out of the page.
            this.#switchLanguage();
        } else {
            this.#boot();
        }
    }

    disconnectedCallback() {
        this.#connected = false;
        for (const type of LISTENED) this.shadowRoot.removeEventListener(type, this.#listener);
        this.#bootCount++;
        this.#switchingTo = null;
        this.#disposeSession();
        // The first view is no rule set: back in the page, the element starts the engine again.
        if (this.#starting()) this.#loaded = null;
        if (this.#stopPrinting) this.#stopPrinting();
    }

    // Attributes present at upgrade arrive before connectedCallback, which reads them all anyway.
    attributeChangedCallback(name, oldValue, newValue) {
        if (oldValue === newValue || !this.#connected) return;
        if (name === 'settings' && newValue !== null) this.#settingsObject = null;
        if (name === 'rules' || name === 'settings') {
            this.#reload();
        } else if (this.#loaded && name === 'today') {
            this.#newSession();
        } else if (this.#loaded && name === 'lang') {
            this.#switchLanguage();
        }
        this.#invalidate();
    }

    // --- the rule set and the session ----------------------------------------------------------
    #reload() {
        this.#disposeSession();
        this.#loaded = null;
        this.#boot();
        this.#invalidate();
    }

    async #boot() {
        const boot = ++this.#bootCount;
        const wanted = this.#wanted();
        this.#view = 'loading';
        this.#viewKey = '';
        this.#switchingTo = null;
        this.#failedLang = null;
        this.#loadError = null;
        this.#afterStart = null;  // asked for under a start that did not finish
        this.#invalidate();
        const settings = this.settings;
        try {
            let loaded;
            const loading = loadRuleSet(this.rules, wanted, { settings });
            this.#showFirstView(boot, wanted, settings);
            try {
                loaded = await loading;
            } catch (error) {
                if (!error.lang || boot !== this.#bootCount) throw error;
                // Only the wanted language failed: the questionnaire opens in the rule set's own.
                this.#languageFailed(error, error.lang);
                loaded = await loadRuleSet(this.rules, '', { plainChrome: true, settings });
            }
            if (boot !== this.#bootCount) return;
            // The first view is up: the patient stays where they are, with what they answered.
            const early = this.#starting() && this.#loaded.lang === loaded.lang;
            this.#loaded = loaded;
            this.#infoCache = null;
            const info = this.#info();
            const saved = this.remember && !this.#answers && !early ? readSaved(info.id) : null;
            if (saved) {
                this.#answers = saved.answers;
                this.#consent = true;
                this.#notice = 'restored';
            }
            this.#newSession();
            if (!early) {
                this.#attempted.clear();
                this.#touched.clear();
                this.#showFirstPlace(!!saved);
            }
            this.#invalidate();
            this.dispatchEvent(new MesoReadyEvent({
                ruleset: { id: info.id, version: info.version }, lang: loaded.lang, languages: loaded.languages,
            }));
            this.#emitStep();
            warmUp(loaded.rules, info.questions, this.#today(), loaded.lang);
            const after = this.#afterStart;
            this.#afterStart = null;
            if (after) this.#try(after);
            if (this.#wanted() !== wanted) this.#switchLanguage();
        } catch (error) {
            if (boot !== this.#bootCount) return;
            if (this.#starting()) {
                this.#disposeSession();
                this.#loaded = null;
                this.#afterStart = null;
            }
            this.#view = 'error';
            this.#loadError = error;
            this.#viewKey = '';
            this.#invalidate();
            this.dispatchEvent(new MesoErrorEvent({
                code: error.code || 'widget.error', message: error.message || String(error), path: error.path || '',
            }));
        }
    }

    // Shows the built-in rule set's first step (or welcome) while the engine starts, when the
    // locale file that carries it comes first (first-view.js). Answers that were kept stay.
    async #showFirstView(boot, wanted, settings) {
        const early = await firstViewOf(this.rules, wanted, settings);
        if (!early || boot !== this.#bootCount || this.#loaded || !this.#connected) return;
        // Restored answers need the engine's form for what they show.
        if (this.remember && !this.#answers && readSaved(early.view.info.id)) return;
        this.#loaded = { rules: new StartingRules(early.view), lang: early.lang, languages: early.languages };
        this.#infoCache = null;
        this.#newSession();
        this.#showFirstPlace(false);
        this.#invalidate();
    }

    // The welcome, or the first step with skip-welcome. Restored answers mean the patient has
    // been here before: no welcome again.
    #showFirstPlace(restored) {
        const first = this.skipWelcome || restored ? start(this.#stepIds()) : welcome();
        this.#view = first.view;
        this.#stepId = first.step;
        this.#viewKey = '';
    }

    #starting() {
        return this.#loaded?.rules instanceof StartingRules;
    }

    // Another language's texts may have to be fetched first; until they are here the patient
    // keeps the current language, and if they do not come, keeps it for good, with a notice.
    async #switchLanguage() {
        if (this.#starting()) return;  // #boot switches once the engine has started
        const boot = this.#bootCount;
        const wanted = this.#wanted();
        this.#switchingTo = wanted;
        this.#invalidate();
        const current = () => boot === this.#bootCount && this.#switchingTo === wanted;
        try {
            const loaded = await loadRuleSet(this.rules, wanted, { settings: this.settings });
            if (!current()) return;
            this.#switchingTo = null;
            this.#failedLang = null;
            this.#use(loaded);
        } catch (error) {
            if (!current()) return;
            this.#switchingTo = null;
            if (!error.lang && !String(error.code).startsWith('locale.')) return this.#fault(error);
            this.#languageFailed(error, error.lang || wanted);
            this.#announcement = this.#languageNotice();
        }
        this.#invalidate();
    }

    // The same rule set in another language (or the built-in one loaded with that language's
    // texts): the answers, the step and the view stay.
    #use(loaded) {
        const previous = this.#loaded;
        if (previous.rules === loaded.rules && previous.lang === loaded.lang) return;
        this.#loaded = loaded;
        this.#infoCache = null;
        if (previous.rules === loaded.rules && this.#session) {
            this.#session.setLang(loaded.lang);
            this.#changed();
        }
        else this.#newSession();
        this.#viewKey = '';
    }

    #languageFailed(error, lang) {
        this.#failedLang = lang;
        this.dispatchEvent(new MesoErrorEvent({ code: error.code || 'locale.fetch', message: error.message || String(error), path: error.path || '' }));
    }

    #languageNotice() {
        const lang = this.#lang();
        return uiText(lang, 'lang_error', { language: LANGUAGE_NAMES[this.#failedLang] || this.#failedLang, current: LANGUAGE_NAMES[lang] || lang });
    }

    #wanted() {
        return this.getAttribute('lang') || document.documentElement.lang || navigator.language;
    }

    // The language shown. Before a rule set is there, the loading message uses the wanted
    // language when its UI texts are here already.
    #lang() {
        if (this.#loaded) return this.#loaded.lang;
        const lang = pickLanguage(this.#wanted(), MESO_LANGUAGES, MESO_DEFAULT_RULES.default_language);
        return hasUiLanguage(lang) ? lang : 'en';
    }

    // What the language menu shows: the patient's choice while its texts load.
    #chosenLang() {
        const { languages, lang } = this.#loaded;
        return this.#switchingTo ? pickLanguage(this.#switchingTo, languages, lang) : lang;
    }

    #info() {
        if (!this.#infoCache) this.#infoCache = this.#loaded.rules.info(this.#loaded.lang);
        return this.#infoCache;
    }

    #today() {
        return isIsoDate(this.today) ? this.today : localToday();
    }

    #disposeSession() {
        if (!this.#session) return;
        this.#answers = this.#session.answers();
        // el.result stays readable while the element is out of the page.
        try {
            if (this.#form && !this.#session.starting) this.#fullResult();
        } catch {
            this.#result = null;  // a failed engine has no result to keep
        }
        this.#session.dispose();
        this.#session = null;
    }

    // A new session for the current rule set, day and language, with the answers kept so far
    // (keys this rule set does not know are dropped rather than reported as errors).
    #newSession() {
        this.#disposeSession();
        const known = questionMap(this.#info());
        this.#session = this.#loaded.rules.session(this.#today(), this.#lang());
        for (const [key, value] of Object.entries(this.#answers || {})) {
            if (known.has(key)) this.#session.set(key, value);
        }
        this.#changed();
    }

    // After every change to the session: the form is the session's, the whole result is asked for
    // again when needed. A form whose conditions could not be evaluated (a rule over its limits)
    // is no verdict and no question the patient can answer: it stops the questionnaire, as a
    // fault does.
    #changed() {
        this.#form = this.#session.form;
        this.#result = null;
        const broken = this.#form.errors.find((e) => String(e.code).startsWith('logic.'));
        if (broken) throw Object.assign(new Error(broken.message), { code: broken.code, path: broken.path });
    }

    #fullResult() {
        if (!this.#result) this.#result = this.#session.result();
        return this.#result;
    }

    // The engine failed inside (engine.fault: an abort, a stack overflow, out of memory) or a
    // rule could not be evaluated: the session that failed is discarded with every result it
    // gave, so no verdict stays on screen, in el.result or in an event, and the page is told.
    #fault(error) {
        try {
            this.#session?.dispose();
        } catch {
            // a module that aborted may not even free: it is dropped whole
        }
        this.#session = null;
        this.#answers = null;
        this.#form = null;
        this.#result = null;
        this.#view = 'fault';
        this.#viewKey = '';
        this.#invalidate();
        this.dispatchEvent(new MesoErrorEvent({
            code: error.code || 'engine.fault', message: error.message || String(error), path: error.path || '',
        }));
    }

    #steps() {
        return applicableSteps(this.#info(), this.#form);
    }

    #stepIds() {
        return this.#steps().map((s) => s.id);
    }

    #blocking(stepId) {
        return blockingProblems(this.#info(), this.#form, stepId, this.#lang());
    }

    #progress() {
        return progressOf(this.#info(), this.#form, this.#session.answers(), this.#view === 'step' ? this.#stepId : null);
    }

    // --- input ---------------------------------------------------------------------------------
    #onEvent(event) {
        this.#try(() => this.#handle(event));
    }

    #try(work) {
        try {
            work();
        } catch (error) {
            this.#fault(error);
        }
    }

    #handle(event) {
        const target = event.target;
        const action = event.type === 'click' && target.closest('[data-action]');
        if (this.#session?.starting && (event.type === 'submit' || (action && action.dataset.action !== 'begin'))) {
            // Going on needs the engine's verdict on the answers: it comes once the engine has
            // started (#boot), the last thing asked for only, and the widget shows it is busy
            // meanwhile. (A finished event has no target left in a shadow tree: what it asked
            // for is kept, not the event.)
            if (event.type === 'submit') event.preventDefault();
            this.#afterStart = action ? () => this.#act(action.dataset.action, action) : () => this.#next();
            this.#invalidate();
            return;
        }
        if (event.type === 'submit') {
            event.preventDefault();
            this.#next();
        } else if (action) {
            this.#act(action.dataset.action, action);
        } else if (target.matches('select.lang-select')) {
            if (event.type !== 'change') return;
            // The same value again (a language that failed before) is a retry.
            if (this.getAttribute('lang') === target.value) this.#switchLanguage();
            else this.setAttribute('lang', target.value);
        } else if (target.matches('input.remember-box')) {
            if (event.type === 'change') this.#setConsent(target.checked);
        } else {
            // A click is never an answer: a choice reports on change, and a click on its label
            // comes before the choice has changed (it would set the old value, then the new one).
            if (event.type === 'click') return;
            const node = target.closest('[data-q]');
            if (!node || !this.#session) return;
            // Text fields update the progress while the patient types but show an error only
            // once the field is left; choices report on change.
            const isText = target.type === 'text' || target.type === 'date';
            if (event.type === 'input' && !isText) return;
            if (event.type === 'change') this.#touched.add(node.dataset.q);
            this.#setAnswer(node.dataset.q, readQuestionValue(node));
        }
    }

    #setAnswer(key, value) {
        // The session drops choices that are no longer offered (an area of a concern that was
        // unticked): screening policy lives in the engine.
        this.#session.set(key, value);
        this.#changed();
        if (this.#consent) writeSaved(this.#info().id, shownAnswers(this.#session.answers(), this.#form));
        this.#invalidate();
    }

    #setConsent(on) {
        this.#consent = on;
        this.#notice = on ? null : 'forgotten';
        if (on) {
            writeSaved(this.#info().id, shownAnswers(this.#session.answers(), this.#form));
        } else {
            forgetSaved(this.#info().id);
            this.#announcement = uiText(this.#lang(), 'forgotten');
        }
        this.#invalidate();
    }

    // "Forget my answers": gone from this device, the screen included, so that on a shared
    // device the next person does not find them there; the questionnaire starts again.
    #forget() {
        this.reset();
        if (!this.#session) return;
        this.#notice = 'forgotten';
        this.#announcement = uiText(this.#lang(), 'forgotten');
        this.#invalidate();
    }

    #act(action, node) {
        if (action === 'begin') this.#go(start(this.#stepIds()));
        else if (action === 'back') this.#back();
        else if (action === 'result') this.#showResult();
        else if (action === 'restart') this.reset();
        else if (action === 'forget') this.#forget();
        else if (action === 'focus-question') this.#focusQuestion(node.dataset.target);
        else if (action === 'edit') {
            this.#go(edit(questionMap(this.#info()).get(node.dataset.target)?.step), node.dataset.target);
        } else if (action === 'calendar') {
            const ics = this.#session.ics();
            if (ics) downloadCalendar(this.shadowRoot, ics);
        } else if (action === 'print') {
            this.#stopPrinting = printWidget(this);
        }
    }

    #next() {
        const problems = this.#blocking(this.#stepId);
        if (problems.size) {
            this.#attempted.add(this.#stepId);
            this.#focus = { kind: 'summary' };
            this.#announcement = uiText(this.#lang(), 'announce.errors', { n: problems.size });
            this.#invalidate();
            return;
        }
        this.#go(next(this.#stepIds(), this.#at()));
    }

    #back() {
        const to = back(this.#stepIds(), this.#at());
        if (to) this.#go(to);
    }

    #showResult() {
        const to = toResult(this.#stepIds(), this.#at(), this.#form.status === 'incomplete', (id) => this.#blocking(id).size > 0);
        if (!to) {
            // Nothing the patient can fix (an answer the rule set cannot read): say so rather
            // than leave them on the review with a button that does nothing.
            const cause = this.#form.errors[0] || {};
            this.#fault({ code: cause.code || 'screen.incomplete', path: cause.path || '',
                message: cause.message || 'The answers cannot give a result with this rule set.' });
            return;
        }
        if (to.view === 'step') {
            // An edit on the review can make a new question appear: the first step that needs the
            // patient, with its problems listed at once.
            this.#attempted.add(to.step);
            this.#go(to);
            this.#focus = { kind: 'summary' };
            return;
        }
        // Clicks that land before the view changes (a double click) show the same verdict: one event.
        if (this.#view === 'result') return;
        this.#go(to);
        this.dispatchEvent(new MesoOutcomeEvent(outcomeDetail(this.#fullResult(),
            this.exposeAnswers ? shownAnswers(this.#session.answers(), this.#form) : null, this.exposeOutcomeDetails)));
    }

    // Where the patient is, as navigation.js takes it.
    #at() {
        return { view: this.#view, step: this.#stepId, fromReview: this.#fromReview };
    }

    // place: { view, step, fromReview } from navigation.js
    #go(place, questionId = null) {
        this.#view = place.view;
        this.#stepId = place.step;
        this.#fromReview = place.fromReview;
        this.#focus = questionId ? { kind: 'question', id: questionId } : { kind: 'heading' };
        this.#viewKey = '';
        if (place.view === 'result') {
            const lang = this.#lang();
            this.#announcement = uiText(lang, 'announce.result', { label: uiText(lang, `status.${this.#form.status}`) });
        }
        this.#invalidate();
        this.#emitStep();
    }

    #emitStep() {
        if (this.#starting()) return;  // #boot tells the first step once the engine is there
        const steps = this.#steps();
        const index = steps.findIndex((s) => s.id === this.#stepId);
        const { done, total } = this.#progress();
        this.dispatchEvent(new MesoStepEvent({
            step: this.#view === 'step' ? this.#stepId : this.#view,
            index: this.#view === 'step' && index >= 0 ? index + 1 : null,
            count: steps.length,
            answered: done,
            total,
        }));
    }

    #focusQuestion(id) {
        const node = this.shadowRoot.querySelector(`[data-q="${CSS.escape(id)}"]`);
        const input = node && (node.querySelector('input:checked') || node.querySelector('input'));
        if (input) input.focus();
    }

    // --- rendering -----------------------------------------------------------------------------
    // Bursts of changes (several attributes, an answer that drops another) become one render.
    #invalidate() {
        if (this.#renderQueued) return;
        this.#renderQueued = true;
        queueMicrotask(() => {
            this.#renderQueued = false;
            if (this.isConnected) this.#render();
        });
    }

    #render() {
        const frame = this.#frame || (this.#frame = buildFrame(this.shadowRoot));
        const lang = this.#lang();
        const ready = !!(this.#loaded && this.#session) && !['loading', 'error', 'fault'].includes(this.#view);
        const own = { heading: this.heading, hideLanguage: this.hideLanguage };
        renderHeader(frame, lang, ready ? { ...own, languages: this.#loaded.languages, chosen: this.#chosenLang(), busy: !!(this.#switchingTo || this.#afterStart),
            notice: this.#failedLang ? this.#languageNotice() : '' } : { ...own, languages: [] });
        if (!ready) {
            const key = `${this.#view}:${lang}`;
            if (this.#viewKey !== key) {
                this.#viewKey = key;
                this.#stepView = null;
                renderLoadState(frame, lang, this.#view, this.#view === 'error' ? problemOf(this.#loadError) : '');
            }
        } else {
            const onStep = this.#view === 'step';
            renderProgress(frame, lang, onStep ? stepProgress(this.#info(), this.#form, this.#stepId, lang) : null, !onStep);
            if (onStep) this.#renderStep(frame, lang);
            else if (this.#view === 'welcome') this.#renderWelcome(frame, lang);
            else if (this.#view === 'review') this.#renderReview(frame, lang);
            else this.#renderResult(frame, lang);
            renderRemember(frame, lang, { enabled: this.remember, consent: this.#consent, notice: this.#notice });
            const info = this.#info();
            // On paper the clinic is who to call: its name and phone first, when the rule set has them.
            const clinic = [info.settings?.clinic_name, info.settings?.clinic_phone].filter((v) => typeof v === 'string' && v);
            const stampKey = [lang, this.#today(), info.id, info.version, ...clinic].join('\n');
            // While the engine starts, the date's formatting would hold its start back.
            if (this.#stampKey !== stampKey && !this.#starting()) {
                this.#stampKey = stampKey;
                // After the frame is painted: the first date format of a page loads the language's
                // calendar data, tens of ms that the first question does not wait for.
                afterPaint().then(() => {
                    if (this.#stampKey !== stampKey) return;
                    const stamp = uiText(lang, 'print.stamp', { id: info.id, version: info.version, date: formatDate(lang, this.#today()) });
                    setText(frame.stamp, [...clinic, stamp].join(' · '));
                });
            }
        }
        this.#applyFocus();
        if (this.#announcement) {
            announce(frame, this.#announcement);
            this.#announcement = null;
        }
    }

    #renderStep(frame, lang) {
        const info = this.#info();
        const steps = this.#steps();
        // The step may have lost all its questions (an earlier answer changed).
        this.#stepId = settle(info.steps.map((s) => s.id), steps.map((s) => s.id), this.#stepId);
        const index = steps.findIndex((s) => s.id === this.#stepId);
        const key = `step:${this.#stepId}:${lang}:${index > 0}:${this.#fromReview}`;
        if (this.#viewKey !== key || !this.#stepView) {
            this.#viewKey = key;
            this.#stepView = buildStepView(lang, steps[index], index > 0, this.#fromReview ? 'to_review' : 'next');
            frame.host.replaceChildren(this.#stepView.node);
        }
        const answers = this.#session.answers();
        const items = visibleIn(info, this.#form, this.#stepId)
            .map((q) => ({ q, options: this.#form.options[q.id], value: answers[q.id] }));
        syncQuestions(this.#stepView, items, lang);
        const attempted = this.#attempted.has(this.#stepId);
        syncProblems(this.#stepView, shownProblems(info, this.#form, this.#stepId, lang, attempted, this.#touched),
            questionMap(info, this.#form), attempted, lang);
    }

    #renderWelcome(frame, lang) {
        const clinic = this.#info().settings?.clinic_name;
        const shared = this.exposeAnswers || this.exposeOutcomeDetails || this.bookingDetails;
        const key = `welcome:${lang}:${clinic}:${shared}`;
        if (this.#viewKey === key) return;
        this.#viewKey = key;
        this.#stepView = null;
        const disclaimer = this.#session.starting ? this.#session.disclaimer : this.#fullResult().disclaimer;
        frame.host.replaceChildren(buildWelcomeView(lang, disclaimer, typeof clinic === 'string' ? clinic : '', shared));
    }

    #renderReview(frame, lang) {
        const key = `review:${lang}`;
        if (this.#viewKey === key) return;
        this.#viewKey = key;
        this.#stepView = null;
        const info = this.#info();
        const answers = this.#session.answers();
        const groups = this.#steps().map((step) => ({
            step,
            rows: visibleIn(info, this.#form, step.id).map((q) => ({ q, value: answers[q.id], options: this.#form.options[q.id] })),
        }));
        frame.host.replaceChildren(buildReviewView(lang, groups));
    }

    #renderResult(frame, lang) {
        const key = `result:${lang}:${this.showPrices}:${this.bookingUrl}:${this.bookingTarget}:${this.bookingDetails}`;
        if (this.#viewKey === key) return;
        this.#viewKey = key;
        this.#stepView = null;
        const result = this.#fullResult();
        const plan = result.plan;
        frame.host.replaceChildren(buildResultView({
            lang,
            result,
            info: this.#info(),
            showPrices: this.showPrices,
            bookingHref: bookingHref(this.bookingUrl, result, lang, this.bookingDetails),
            bookingTarget: this.bookingTarget,
            hasDates: !!(plan && plan.dates && plan.dates.length),
        }));
    }

    #applyFocus() {
        const focus = this.#focus;
        this.#focus = null;
        if (!focus) return;
        if (focus.kind === 'question') {
            this.#focusQuestion(focus.id);
            return;
        }
        const target = focus.kind === 'summary'
            ? this.shadowRoot.querySelector('.error-summary:not([hidden])')
            : this.shadowRoot.getElementById('view-heading');
        if (!target) return;
        target.focus();
        // A host page above the widget can leave a result's next action below the fold even
        // though the widget itself is short enough: bring the result's title to the top then.
        const next = focus.kind === 'heading' && this.shadowRoot.querySelector('.actions-next');
        if (next && next.getBoundingClientRect().bottom > window.innerHeight) target.scrollIntoView({ block: 'start' });
    }
}

// What the clinic (not the patient) needs to fix a file that did not load: the engine's message
// names its code and the path into the file; a fetch or JSON error names the URL.
function problemOf(error) {
    if (!error) return '';
    const message = String(error.message || error);
    return !error.code || message.startsWith(error.code) ? message : `${error.code}: ${message}`;
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
