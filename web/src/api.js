// The page-level API: defines <meso-screener> once and offers MesoScreener.mount() for pages
// that cannot add an element. Calls queued by the stub of web/README.md before this script ran
// are replayed, and the Promise the stub returned gets the element (or the error).
import { MESO_VERSION } from 'meso:build';
import { MesoScreenerElement } from './element.js';
import { MesoReadyEvent, MesoStepEvent, MesoOutcomeEvent, MesoErrorEvent } from './events.js';

const OPTION_ATTRIBUTES = {
    rules: 'rules', lang: 'lang', bookingUrl: 'booking-url', showPrices: 'show-prices', theme: 'theme',
    today: 'today', remember: 'remember', exposeAnswers: 'expose-answers',
    exposeOutcomeDetails: 'expose-outcome-details', bookingDetails: 'booking-details',
    heading: 'heading', hideLanguage: 'hide-language', bookingTarget: 'booking-target', skipWelcome: 'skip-welcome',
};
const EVENT_NAMES = { ready: 'meso-ready', step: 'meso-step', outcome: 'meso-outcome', error: 'meso-error' };

// options: { rules, settings (a URL or a settings object), lang, bookingUrl, bookingTarget, showPrices, theme, heading, hideLanguage,
//            skipWelcome, today, remember, exposeAnswers, exposeOutcomeDetails, bookingDetails,
//            on: { ready, step, outcome, error } }  -> the new <meso-screener> element
function mount(target, options = {}) {
    const container = typeof target === 'string' ? document.querySelector(target) : target;
    if (!container || typeof container.append !== 'function') {
        throw new TypeError(`MesoScreener.mount: no element for ${String(target)}`);
    }
    const element = document.createElement('meso-screener');
    // Before the element is in the page, so that it loads once, with these settings.
    if (options.settings) element.settings = options.settings;
    for (const [option, attribute] of Object.entries(OPTION_ATTRIBUTES)) {
        const value = options[option];
        if (value === true) element.setAttribute(attribute, '');
        else if (value !== undefined && value !== null && value !== false) element.setAttribute(attribute, String(value));
    }
    for (const [name, handler] of Object.entries(options.on || {})) {
        if (EVENT_NAMES[name] && typeof handler === 'function') {
            element.addEventListener(EVENT_NAMES[name], (event) => handler(event.detail, event));
        }
    }
    container.append(element);
    return element;
}

export function installApi(global) {
    const queued = global.MesoScreener && Array.isArray(global.MesoScreener.q) ? global.MesoScreener.q : [];
    const api = {
        version: MESO_VERSION,
        mount,
        define: (tag, registry) => MesoScreenerElement.define(tag, registry),
        Element: MesoScreenerElement,
        events: { ...EVENT_NAMES },
        Events: { MesoReadyEvent, MesoStepEvent, MesoOutcomeEvent, MesoErrorEvent },
    };
    global.MesoScreener = api;
    MesoScreenerElement.define();
    for (const call of queued) {
        // { a, ok, no } from the stub; the arguments alone from a stub of an earlier version.
        const promised = call && Array.isArray(call.a);
        try {
            const element = mount(...(promised ? call.a : call));
            if (promised) call.ok(element);
        } catch (error) {
            if (promised) call.no(error);
            else console.error(error);
        }
    }
    return api;
}
