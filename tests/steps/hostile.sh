#!/usr/bin/env bash
# Hostile inputs through the native CLI and the wasm module (tests/hostile/).
cd "$(dirname "$0")/../.." && NODE_PATH=/usr/share/nodejs exec node --test tests/hostile/
