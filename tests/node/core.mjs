// Loads the built wasm module in Node: meso-core-test, the engine of meso-core (what a patient
// loads) with the faces only tests use (web/CMakeLists.txt). Emscripten 3.1.6 would fetch() the .wasm by path under
// Node 20, which fails, so the bytes are read from disk and handed over as wasmBinary.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const wasmDir = process.env.MESO_WASM_DIR || join(root, 'build', 'wasm', 'web');

export async function loadCore() {
    const require = createRequire(import.meta.url);
    const createMesoCore = require(join(wasmDir, 'meso-core-test.js'));
    const wasmBinary = readFileSync(join(wasmDir, 'meso-core-test.wasm'));
    return createMesoCore({ wasmBinary });
}

export function readJson(path) {
    return JSON.parse(readFileSync(path, 'utf8'));
}
