#!/usr/bin/env bash
# eslint over the JavaScript of web/ and tests/ (eslint.config.mjs): any problem, warning or
# error, fails the step.
cd "$(dirname "$0")/../.." && exec node_modules/.bin/eslint --max-warnings 0 .
