#!/usr/bin/env bash
# Quick-start command 2: install what is missing, build, run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
# The browser tests' driver (playwright-core, pinned in package-lock.json; no browser download).
if [[ ! -d tests/browser/node_modules ]]; then
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
fi
scripts/build.sh
cd "${BUILD_DIR:-build}"
ctest --output-on-failure --timeout 600 -j"$(nproc)"
