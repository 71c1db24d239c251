#!/usr/bin/env bash
# Builds what the tests and the demo use, through the presets of CMakePresets.json:
#   tests/build.sh [asan] [release] [wasm] [dist]     (default: all four)
# Each preset's tree (build/<preset>) is configured once and then rebuilt; `dist` bundles the widget
# from build/wasm into dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs  # Emscripten's optimizer needs Debian's acorn

for target in ${@:-asan release wasm dist}; do
  case $target in
    asan | release | wasm | fuzz)
      [[ -f build/$target/CMakeCache.txt ]] || cmake --preset "$target" >/dev/null
      cmake --build --preset "$target" -j"$(nproc)" ;;
    dist) node web/build.mjs build/wasm/web ;;
    *) echo "build.sh: unknown target $target (asan, release, wasm, fuzz, dist)" >&2; exit 2 ;;
  esac
done
