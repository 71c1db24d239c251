#!/usr/bin/env bash
# The bounded fuzz run of the test command: each target for 60 s (FUZZ_SECONDS overrides).
cd "$(dirname "$0")/../.." && FUZZ_SECONDS=${FUZZ_SECONDS:-60} exec bash tests/fuzz/run.sh
