#!/usr/bin/env bash
# Builds what the tests and the demo use. Usage: tests/build.sh [native-asan] [native] [wasm] [dist]
# Build trees live under build/ (git-ignored); each is configured once and then rebuilt.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs  # Emscripten's optimizer needs Debian's acorn
jobs=$(nproc)

configure_and_build() {
  local dir=$1; shift
  [[ -f $dir/CMakeCache.txt ]] || cmake -S . -B "$dir" "$@" >/dev/null
  cmake --build "$dir" -j"$jobs"
}

for target in "${@:-native-asan native wasm dist}"; do
  for t in $target; do
    case $t in
      native-asan) configure_and_build build/asan -DCMAKE_BUILD_TYPE=Debug -DMESO_SANITIZE=ON ;;
      native) configure_and_build build/release -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF ;;
      wasm)
        [[ -f build/wasm/CMakeCache.txt ]] ||
          emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
        cmake --build build/wasm -j"$jobs" ;;
      dist) node web/build.mjs build/wasm/web ;;
      *) echo "build.sh: unknown target $t" >&2; exit 2 ;;
    esac
  done
done
