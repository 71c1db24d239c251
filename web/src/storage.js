// "Remember my answers on this device": only when the host enables it and the patient ticks the
// box. One localStorage entry per rule set, with an expiry; anything expired or unreadable is
// deleted on sight. Storage may be unavailable (private modes, sandboxed frames): then nothing
// is remembered and nothing breaks.

export const REMEMBER_DAYS = 30;
const PREFIX = 'meso-screener:';

function storage() {
    try {
        return window.localStorage;
    } catch {
        return null;
    }
}

export function readSaved(rulesetId, now = Date.now()) {
    const store = storage();
    if (!store) return null;
    try {
        const saved = JSON.parse(store.getItem(PREFIX + rulesetId) || 'null');
        if (saved && typeof saved.expires === 'number' && saved.expires > now &&
            saved.answers && typeof saved.answers === 'object') {
            return saved;
        }
    } catch {
        // unreadable: fall through and delete it
    }
    forgetSaved(rulesetId);
    return null;
}

export function writeSaved(rulesetId, answers, now = Date.now()) {
    try {
        storage()?.setItem(PREFIX + rulesetId, JSON.stringify({
            expires: now + REMEMBER_DAYS * 86400000, answers,
        }));
    } catch {
        // quota or privacy settings: remembering is a convenience, never required
    }
}

// Every expired or unreadable entry of any rule set, whenever the script loads: not only when a
// widget with `remember` happens to read its own.
export function purgeExpired(now = Date.now()) {
    const store = storage();
    if (!store) return;
    try {
        const ours = [];
        for (let i = 0; i < store.length; i += 1) {
            const key = store.key(i);
            if (key && key.startsWith(PREFIX)) ours.push(key.slice(PREFIX.length));
        }
        for (const id of ours) readSaved(id, now);
    } catch {
        // storage that cannot be listed keeps what it has; each entry is still checked on read
    }
}

// The answers the questionnaire shows now: an answer to a question that is hidden (pregnant,
// after sex = male) is no longer the patient's answer and is neither kept nor sent.
export function shownAnswers(answers, result) {
    const shown = new Set(result?.visible || []);
    return Object.fromEntries(Object.entries(answers || {}).filter(([key]) => shown.has(key)));
}

export function forgetSaved(rulesetId) {
    try {
        storage()?.removeItem(PREFIX + rulesetId);
    } catch {
        // nothing to do
    }
}
