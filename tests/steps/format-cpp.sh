#!/usr/bin/env bash
# The C++ is as .clang-format lays it out: fails naming each file and line that is not.
# To fix: clang-format -i <file>.
set -euo pipefail
cd "$(dirname "$0")/../.."
mapfile -t files < <(git ls-files -co --exclude-standard 'core/*.[ch]pp' 'web/bindings/*.[ch]pp' \
                                                        'tests/*.[ch]pp')
clang-format --dry-run --Werror "${files[@]}"
echo "format-cpp: ${#files[@]} files as .clang-format lays them out"
