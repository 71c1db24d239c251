#!/usr/bin/env bash
# The bounded fuzz run of the test command: each target for 25 s (FUZZ_SECONDS overrides), which
# keeps the whole test command within its time with five targets.
cd "$(dirname "$0")/../.." && FUZZ_SECONDS=${FUZZ_SECONDS:-25} exec bash tests/fuzz/run.sh
