// The assertions both faces share: the expected error is reported, every reported error is clear,
// and no verdict is given.
import assert from 'node:assert/strict';

import { invisible, matchesMessage, maxMessageLength } from './cases.mjs';

// Errors of the json family stop before anything is screened or evaluated.
export const stopsBeforeScreening = expect => expect.code?.startsWith('json.');

function shortName(text) {
    return text.length > 120 ? `${text.slice(0, 120)}… (${text.length} chars)` : text;
}

export function assertReported(errors, expect, where) {
    const found = errors.find(e => e.code === expect.code && e.path === expect.path);
    assert.ok(found, `${where}: expected ${expect.code} at ${shortName(JSON.stringify(expect.path))}, got ` +
    shortName(JSON.stringify(errors.map(e => `${e.code} at ${e.path}`))));
    assert.ok(matchesMessage(found.message, expect.message),
        `${where}: message ${shortName(JSON.stringify(found.message))} does not match ${expect.message}`);
    for (const e of errors) {
        assert.ok(e.message.length > 0, `${where}: ${e.code} has no message`);
        assert.ok(e.message.length <= maxMessageLength,
            `${where}: ${e.code} at ${shortName(e.path)} has a ${e.message.length}-character message: ${shortName(e.message)}`);
        assert.ok(!invisible.test(e.message),
            `${where}: ${e.code} message shows an invisible or bidi character raw: ${JSON.stringify(e.message)}`);
    }
}

// A screening result that holds the expected error (or the expected unanswered key), and is not
// a verdict.
export function assertNoVerdict(result, expect, where) {
    assert.equal(result.status, 'incomplete', `${where}: status`);
    assert.equal(result.plan, undefined, `${where}: a plan without a verdict`);
    if (expect.missing) {
        assert.deepEqual(result.errors, [], `${where}: errors`);
        assert.ok(result.missing.includes(expect.missing), `${where}: ${expect.missing} is not missing`);
        return;
    }
    assertReported(result.errors, expect, where);
}
