// The page's side of the tools workers: call(name, ...args) resolves to the tool's reply
// ({ ok, value } or { ok: false, errors }); follow(name, onProgress, ...args) also tells the
// proof's progress. stop() ends the worker and whatever it was doing.
let compiled = null;

// The tools' .wasm, fetched and compiled once for every worker this page starts.
function toolsModule() {
    if (!compiled) compiled = WebAssembly.compileStreaming(fetch('meso-tools.wasm'));
    return compiled;
}

export async function startTools() {
    const module = await toolsModule();
    const worker = new Worker('configure-worker.js');
    const waiting = new Map();
    let next = 0;
    const failAll = (message) => {
        for (const { reject } of waiting.values()) reject(new Error(message));
        waiting.clear();
    };
    worker.onmessage = ({ data }) => {
        const pending = waiting.get(data.id);
        if (!pending) return;
        if ('progress' in data) {
            pending.onProgress?.(data.progress);
            return;
        }
        waiting.delete(data.id);
        if ('failure' in data) pending.reject(new Error(data.failure));
        else pending.resolve(data.reply);
    };
    worker.onerror = (event) => failAll(event.message || 'the tools worker failed');
    worker.postMessage({ type: 'start', module });
    return {
        call(call, ...args) {
            return this.follow(call, null, ...args);
        },
        // The same, with onProgress(screenings) told while verify runs.
        follow(call, onProgress, ...args) {
            return new Promise((resolve, reject) => {
                const id = ++next;
                waiting.set(id, { resolve, reject, onProgress });
                worker.postMessage({ id, call, args });
            });
        },
        stop() {
            worker.terminate();
            failAll('stopped');
        },
    };
}
