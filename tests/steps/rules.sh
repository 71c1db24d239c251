#!/usr/bin/env bash
# The default rule set: lint-clean in every language (alone and with the example clinic's
# settings), its invariants proved by the Release build for the defaults and for every setting at
# the edges of its bounds, and the committed decision table in step with it.
set -euo pipefail
cd "$(dirname "$0")/../.."
mesoscreen=build/release/mesoscreen

$mesoscreen lint --strict rules/mesotherapy.json
$mesoscreen lint --strict rules/mesotherapy.json --settings rules/settings.example.json
$mesoscreen verify rules/mesotherapy.json --today 2026-11-21
for lang in en pl uk; do $mesoscreen table rules/mesotherapy.json --lang "$lang" >/dev/null; done
if ! diff -u rules/decision-table.md <($mesoscreen table rules/mesotherapy.json); then
  echo "rules/decision-table.md is out of date: run" >&2
  echo "  build/release/mesoscreen table rules/mesotherapy.json > rules/decision-table.md" >&2
  exit 1
fi
