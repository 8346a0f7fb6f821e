#!/usr/bin/env bash
# Runs the test suite under AddressSanitizer and UndefinedBehaviorSanitizer (and LeakSanitizer) in
# its own build folder (BUILD_DIR, default build-sanitize). The build is clang's with VANKHO_FUZZ,
# so that the same objects also make the fuzz targets scripts/fuzz.sh runs; SANITIZE_CXX=g++ builds
# with GCC instead (no fuzz targets). -O1: faster to build than -O2, and what ASan recommends.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build-sanitize}
cxx=${SANITIZE_CXX:-clang++}
fuzz=OFF debug=-g1
# Line tables are all a report's stack needs, and build much faster than full debug information.
[[ $cxx == *clang* ]] && fuzz=ON debug=-gline-tables-only
# Any report fails its test (halt, non-zero exit); the programs the tests start inherit these, and
# so does the build, which lists each test binary's tests (gtest_discover_tests).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# clang's runtime names the functions of a report with llvm-symbolizer (package llvm-14).
if [[ -z ${ASAN_SYMBOLIZER_PATH:-} && -x /usr/lib/llvm-14/bin/llvm-symbolizer ]]; then
  export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-14/bin/llvm-symbolizer
fi
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 $debug" \
  -DCMAKE_CXX_COMPILER="$cxx" -DVANKHO_SANITIZE=ON -DVANKHO_BUILD_BENCH=OFF -DVANKHO_FUZZ="$fuzz" >/dev/null
cmake --build "$build_dir" ${JOBS:+-j "$JOBS"}

cd "$build_dir"
# Not the browser tests (label browser): they test web/'s JavaScript in Chromium, which no
# sanitizer instruments; the searchd they talk to is already under ASan in tests/http. Nor the
# package tests (label package): a package is made of the normal build.
ctest --output-on-failure --timeout 900 -LE "browser|package" -j"$(nproc)"
