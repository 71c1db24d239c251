// The staff tools (lint, verify, the decision table) in a Web Worker: verify takes several
// seconds, and the page must stay usable meanwhile. The page hands over the compiled module, so a
// worker restarted for new settings does not fetch or compile the .wasm again.
/* global createMesoTools */
importScripts('meso-tools.js');

const CALLS = new Set(['version', 'applySettings', 'lint', 'verify', 'table']);
let tools = null;

function start(module) {
    tools = createMesoTools({
        instantiateWasm(imports, receive) {
            WebAssembly.instantiate(module, imports).then((instance) => receive(instance, module));
            return {};
        },
        print: () => {},
        printErr: () => {},
    });
}

self.onmessage = async ({ data }) => {
    if (data.type === 'start') {
        start(data.module);
        return;
    }
    const { id, call, args } = data;
    try {
        if (!CALLS.has(call)) throw new Error(`${call} is not a tool`);
        const loaded = await tools;
        // The proof's progress, a few times a second at most: the page shows it while it waits.
        let told = 0;
        loaded.onVerifyProgress = (screenings) => {
            const now = Date.now();
            if (now - told < 250) return;
            told = now;
            self.postMessage({ id, progress: screenings });
        };
        self.postMessage({ id, reply: JSON.parse(loaded[call](...args)) });
    } catch (error) {
        self.postMessage({ id, failure: String((error && error.message) || error) });
    }
};
