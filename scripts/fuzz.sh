#!/usr/bin/env bash
# Runs every fuzz target of tests/fuzz for a bounded time (FUZZ_SECONDS each, default 25), FUZZ_JOBS
# at a time (default: the number of cores), from its seed corpus and past regressions. Reuses the
# sanitize build (scripts/sanitize.sh: clang, ASan+UBSan, VANKHO_FUZZ), building what is missing.
# Prints each target's executions per second and corpus size; exits non-zero on any crash, leak,
# timeout or out-of-memory, printing the path of the input that caused it. FUZZ_TARGETS="a b" runs
# only those. New inputs go to BUILD_DIR/fuzz/, never into the source tree.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build-sanitize}
seconds=${FUZZ_SECONDS:-25}
jobs=${FUZZ_JOBS:-$(nproc)}

# Target and its -max_len: the longest input worth mutating (a query is short, a document is not).
declare -A max_len=(
  [analyzer]=4096 [query]=600 [search]=300 [dates]=512 [extract]=8192 [html]=8192 [jsonl]=4096
  [gzip_lines]=4096 [params]=1024 [legacy]=2048 [office]=65536 [pdf]=65536 [rtf]=16384
)
targets=(${FUZZ_TARGETS:-${!max_len[@]}})
mapfile -t targets < <(printf '%s\n' "${targets[@]}" | sort)
for t in "${targets[@]}"; do
  [[ -n ${max_len[$t]:-} ]] || { echo "fuzz: no target '$t' (targets: ${!max_len[*]})" >&2; exit 2; }
done

if [[ ! -f $build_dir/CMakeCache.txt ]] || ! grep -q '^VANKHO_FUZZ:BOOL=ON' "$build_dir/CMakeCache.txt"; then
  echo "fuzz: $build_dir is not a VANKHO_FUZZ build; run scripts/sanitize.sh first" >&2
  exit 2
fi
cmake --build "$build_dir" ${JOBS:+-j "$JOBS"} --target "${targets[@]/#/fuzz_}"

work=$build_dir/fuzz
rm -rf "$work"
mkdir -p "$work"
# Any report is a failure (UBSan halts at its first; ASan and LeakSanitizer always do).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# clang's runtime names the functions of a report with llvm-symbolizer (package llvm-14).
if [[ -z ${ASAN_SYMBOLIZER_PATH:-} && -x /usr/lib/llvm-14/bin/llvm-symbolizer ]]; then
  export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-14/bin/llvm-symbolizer
fi

run_one() {
  local t=$1 dir=$work/$1
  mkdir -p "$dir/new" "$dir/artifacts"
  local inputs=("$PWD/tests/fuzz/corpus/$t")
  [[ -d tests/fuzz/regressions/$t ]] && inputs+=("$PWD/tests/fuzz/regressions/$t")
  # -timeout: seconds one input may take (a hang is a bug: a request or a file that never ends).
  # -rss_limit_mb: a fair share of a CI machine's memory per concurrent target.
  "$build_dir/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -max_len="${max_len[$t]}" -timeout=20 \
    -rss_limit_mb=1536 -print_final_stats=1 -artifact_prefix="$dir/artifacts/" \
    "$dir/new" "${inputs[@]}" >"$dir/log" 2>&1 && echo 0 >"$dir/status" || echo $? >"$dir/status"
}

failed=0
summary() {
  local t=$1 status=$2 dir=$work/$1
  local execs per_sec seeds found
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log" | tail -1)
  per_sec=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$dir/log" | tail -1)
  seeds=$(find "${@:3}" -type f | wc -l)
  found=$(find "$dir/new" -type f | wc -l)
  if ((status == 0)); then
    printf '%-11s ok      %7s exec/s %9s runs   corpus %5d files (%d seeds + %d new)\n' \
      "$t" "${per_sec:-?}" "${execs:-?}" $((seeds + found)) "$seeds" "$found"
  else
    failed=1
    printf '%-11s FAILED (exit %d)  log: %s\n' "$t" "$status" "$dir/log"
    grep -E '^==[0-9]+==ERROR|^SUMMARY|FUZZ_CHECK|ALARM|out-of-memory|Test unit written to' "$dir/log" | sed 's/^/    /' || true
    for a in "$dir"/artifacts/*; do
      [[ -e $a ]] && echo "    reproduce: $build_dir/tests/fuzz/fuzz_$t $a"
    done
  fi
}

for t in "${targets[@]}"; do
  while (($(jobs -rp | wc -l) >= jobs)); do wait -n || true; done
  run_one "$t" &
done
wait
echo "fuzz: ${#targets[@]} targets, ${seconds} s each, $jobs at a time"
for t in "${targets[@]}"; do
  seeds=(tests/fuzz/corpus/"$t")
  [[ -d tests/fuzz/regressions/$t ]] && seeds+=(tests/fuzz/regressions/"$t")
  summary "$t" "$(cat "$work/$t/status")" "${seeds[@]}"
done
exit $failed
