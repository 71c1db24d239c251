// One module load per page, shared by every <meso-screener>; one load per rule set URL.
// MESO_SCRIPT_URL, MESO_DEFAULT_RULES and createMesoCore are provided by the build (web/build.mjs).

export class MesoLoadError extends Error {
    constructor(code, message, details = {}) {
        super(message);
        this.name = 'MesoLoadError';
        this.code = code;
        this.path = details.path || '';
        this.errors = details.errors || [];
    }
}

let corePromise = null;
const ruleSets = new Map();

// Rejects when the module aborts (a failed fetch or compile of the .wasm, an out-of-memory), so no
// element waits forever.
export function loadCore() {
    if (!corePromise) {
        corePromise = new Promise((resolve, reject) => {
            const fail = (what) => reject(new MesoLoadError('core.load', `The engine did not start: ${what}`));
            createMesoCore({
                locateFile: (name) => new URL(name, MESO_SCRIPT_URL || document.baseURI).href,
                onAbort: fail,
                print: () => {},
                printErr: () => {},
            }).then(resolve, (error) => fail(error && error.message || error));
        });
    }
    return corePromise;
}

async function fetchRules(url) {
    let response;
    try {
        response = await fetch(new URL(url, document.baseURI), { credentials: 'same-origin' });
    } catch (error) {
        throw new MesoLoadError('rules.fetch', `The rule set could not be fetched from ${url}: ${error.message}`);
    }
    if (!response.ok) {
        throw new MesoLoadError('rules.fetch', `The rule set could not be fetched from ${url}: HTTP ${response.status}`);
    }
    return response.text();
}

// url "" means the default rule set built into the bundle.
export function loadRuleSet(url) {
    const key = url || '';
    if (!ruleSets.has(key)) {
        const loading = (async () => {
            const core = await loadCore();
            const source = key ? await fetchRules(key) : MESO_DEFAULT_RULES;
            try {
                return core.engine.load(source);
            } catch (error) {
                throw new MesoLoadError(error.code || 'rules.invalid', error.message || String(error),
                    { path: error.path, errors: error.errors });
            }
        })();
        ruleSets.set(key, loading);
        // A failure is not cached: setting the attribute again retries.
        loading.catch(() => ruleSets.delete(key));
    }
    return ruleSets.get(key);
}
