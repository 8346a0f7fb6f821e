#!/usr/bin/env bash
# Builds the Debian package: install what is missing, build, and `cpack -G DEB` into
# build/package/ (BUILD_DIR overrides build/). Install it with: sudo apt install ./build/package/vankho_*.deb
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
build_dir=${BUILD_DIR:-build}
(cd "$build_dir" && cpack -G DEB -B "$PWD/package" >/dev/null)
ls "$build_dir"/package/vankho_*.deb
