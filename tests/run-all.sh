#!/usr/bin/env bash
# The test command: installs what is missing, builds everything, runs every test.
# Prints one closing line "N passed, M failed" over the suites below and exits non-zero on failure.
set -uo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs

bash tests/setup.sh || exit 1
bash tests/build.sh asan release wasm dist || exit 1

passed=0 failed=0 failures=()
suite() {  # suite NAME COMMAND...
  local name=$1; shift
  echo "=== $name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); failures+=("$name"); fi
}

suite "native unit, conformance and CLI (ASan+UBSan)" \
  ctest --test-dir build/asan --output-on-failure -j2
for script in tests/steps/*.sh; do
  [[ -e $script ]] && suite "$(basename "$script" .sh)" bash "$script"
done
suite "wasm module (node)" node --test tests/node/
if compgen -G "tests/browser/*.test.mjs" >/dev/null; then
  suite "widget in Chromium (playwright)" node --test --test-concurrency=1 tests/browser/
fi

echo
((failed)) && printf 'failed: %s\n' "${failures[@]}"
echo "suites: $passed passed, $failed failed"
((failed == 0))
