#!/usr/bin/env bash
# Quick-start command 2: install what is missing, build, run every test; then the same suite under
# AddressSanitizer and UndefinedBehaviorSanitizer (scripts/sanitize.sh) and each fuzz target for a
# bounded time (scripts/fuzz.sh). VANKHO_TESTS=quick stops after the first suite (a developer's
# loop); CI runs everything.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
# The browser tests' driver (playwright-core, pinned in package-lock.json; no browser download).
if [[ ! -d tests/browser/node_modules ]]; then
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
fi
scripts/build.sh
(cd "${BUILD_DIR:-build}" && ctest --output-on-failure --timeout 600 -j"$(nproc)")
[[ ${VANKHO_TESTS:-all} == quick ]] && exit 0
echo "test.sh: the suite under the sanitizers (scripts/sanitize.sh)" >&2
BUILD_DIR=build-sanitize scripts/sanitize.sh
echo "test.sh: fuzzing each target for ${FUZZ_SECONDS:-25} s (scripts/fuzz.sh)" >&2
BUILD_DIR=build-sanitize scripts/fuzz.sh
