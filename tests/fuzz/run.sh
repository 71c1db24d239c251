#!/usr/bin/env bash
# Builds the libFuzzer targets into build/fuzz (or $FUZZ_BUILD) and runs each for $FUZZ_SECONDS
# (default 60).
#   bash tests/fuzz/run.sh                      # the bounded run of the test command
#   FUZZ_SECONDS=3600 bash tests/fuzz/run.sh    # a longer run
#   bash tests/fuzz/run.sh logic                # only some targets: logic ruleset session json settings
# The corpus grows in build/fuzz/corpus/<target> (seeded from build/fuzz/seeds/<target>); a crash
# is written to build/fuzz/artifacts/<target>/ and fails the run. Copy it into
# tests/fuzz/regressions/<target>/ so that meso_unit replays it from then on.
set -uo pipefail
cd "$(dirname "$0")/../.."
export NODE_PATH=/usr/share/nodejs

seconds=${FUZZ_SECONDS:-60}
build=${FUZZ_BUILD:-build/fuzz}
targets=("${@:-logic ruleset session json settings}")
targets=(${targets[*]})

if [[ ! -f $build/CMakeCache.txt ]]; then
  if [[ $build == build/fuzz ]]; then cmake --preset fuzz >/dev/null || exit 1
  else CC=clang CXX=clang++ cmake -S . -B "$build" -DMESO_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null || exit 1
  fi
fi
cmake --build "$build" -j2 --target "${targets[@]/#/fuzz_}" || exit 1
rm -rf "$build/seeds"
node tests/fuzz/seeds.mjs "$build/seeds" || exit 1

failed=()
for target in "${targets[@]}"; do
  corpus=$build/corpus/$target artifacts=$build/artifacts/$target/ log=$build/fuzz_$target.log
  mkdir -p "$corpus" "$artifacts"
  echo "fuzz_$target: ${seconds}s"
  "$build/fuzz_$target" "$corpus" "$build/seeds/$target" tests/fuzz/regressions/$target \
    -dict=tests/fuzz/jsonlogic.dict -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=262144 -artifact_prefix="$artifacts" -print_final_stats=1 >"$log" 2>&1
  status=$?
  runs=$(grep -m1 -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -o '[0-9]*$')
  speed=$(grep -m1 -oE 'stat::average_exec_per_sec: *[0-9]+' "$log" | grep -o '[0-9]*$')
  cover=$(grep -E '^#[0-9]+.*cov:' "$log" | tail -1 | grep -o 'cov: [0-9]*')
  echo "fuzz_$target: ${runs:-?} runs, ${speed:-?} exec/s, ${cover:-cov: ?}, exit $status"
  if ((status != 0)); then
    failed+=("$target")
    grep -E 'ERROR|fuzz_[a-z]+: |SUMMARY|Test unit written' "$log" | head -20
    echo "full log: $log"
  fi
done

((${#failed[@]} == 0)) || { echo "fuzz: crashes in ${failed[*]}"; exit 1; }
echo "fuzz: no crashes in ${targets[*]}"
