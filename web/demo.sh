#!/usr/bin/env bash
# The demo command: installs what is missing, builds the widget with the default rules into
# dist/, and serves it on 127.0.0.1 (Ctrl-C stops it). PORT and PORT2 choose the ports.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tests/setup.sh
bash tests/build.sh wasm dist
exec node web/serve.mjs --dir dist --port "${PORT:-8080}" --port2 "${PORT2:-8081}"
