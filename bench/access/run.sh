#!/usr/bin/env bash
# What enforcing access levels costs a search. The legal corpus is indexed four times by
# vankho-indexer: every document public (--default-level cong-khai); spread evenly over the five
# levels; as a provincial archive might be, most documents internal (about 4 % cong-khai, 77 %
# noi-bo, 6 % each mat, toi-mat and tuyet-mat); and only two levels used (4 % cong-khai, the rest
# noi-bo), by --access rules files on a digit of each record's id. The legal request mix (bench/load's) then runs
# in-process through the query library at each clearance, 2 threads, after an untimed pass.
#
# The peer, measured in the same run: the public index read at cong-khai, one sub-database holding
# every document, which is how every search ran before levels existed. Enforcement costs what the
# other rows lose against it: the four extra sub-databases a higher clearance opens (empty, or
# holding their share of the documents), and the level filtering of facets and statistics.
#
#   bash bench/access/run.sh
#
# Environment: BUILD_DIR (default build-bench, Release), VANKHO_CORPUS, VANKHO_EVAL_QUESTIONS (as
# bench/load), WORK_DIR (default $BUILD_DIR/bench-access; indexes kept, REINDEX=1 rebuilds),
# ROUNDS (passes over the mix per measurement, default 3), REPEAT (measurements per row, the
# median is shown, default 3), BEFORE_BUILD_DIR: a Release build of vankho from before access levels
# (e.g. `git worktree add ../prelevels 5fd41ee` and build its inprocess_bench and vankho-indexer):
# then that code, indexing and searching the same corpus and mix, is a second peer row — "today's
# code" as the issue asks. Without the corpus it prints a message and exits 0.
set -euo pipefail
cd "$(dirname "$0")/../.."

BUILD_DIR=${BUILD_DIR:-build-bench}
CORPUS=${VANKHO_CORPUS:-../shared/corpus/phapdien.jsonl.gz}
QUESTIONS=${VANKHO_EVAL_QUESTIONS:-../shared/eval/legal-dev.jsonl}
WORK=${WORK_DIR:-$BUILD_DIR/bench-access}
ROUNDS=${ROUNDS:-3}
REPEAT=${REPEAT:-3}
TARGET_COST_PCT=10

for f in "$CORPUS" "$QUESTIONS"; do
  [[ -f $f ]] || { echo "bench/access: $f is not here (set VANKHO_CORPUS / VANKHO_EVAL_QUESTIONS); skipping."; exit 0; }
done
if [[ ! -f $BUILD_DIR/build.ninja && ! -f $BUILD_DIR/Makefile ]]; then
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$BUILD_DIR" --target vankho-indexer inprocess_bench >/dev/null
INDEXER=$BUILD_DIR/indexer/vankho-indexer
INPROCESS=$BUILD_DIR/bench/inprocess_bench
mkdir -p "$WORK"

# The legal export's ids are 40 digits; the 23rd is spread over 0-9 (0-2 a little more often).
cat >"$WORK/spread.rules" <<'RULES'
**                            cong-khai
??????????????????????[23]*   noi-bo
??????????????????????[45]*   mat
??????????????????????[67]*   toi-mat
??????????????????????[89]*   tuyet-mat
RULES
index_fields=(--field number=source_number --field date=source_date --field type=source_type)
build_index() {  # build_index DIR [INDEXER FLAGS...]
  local dir=$1
  shift
  if [[ ! -f $dir/XAPIANDB || ${REINDEX:-0} == 1 ]]; then
    echo "bench/access: indexing the legal corpus into $dir (a few minutes)" >&2
    "$INDEXER" --index "$dir" --rebuild --quiet "${index_fields[@]}" "$@" "$CORPUS"
  fi
}
cat >"$WORK/two.rules" <<'RULES'
**                            noi-bo
??????????????????????[9]*    cong-khai
RULES
cat >"$WORK/typical.rules" <<'RULES'
**                            noi-bo
??????????????????????[9]*    cong-khai
??????????????????????[8]*    mat
??????????????????????[7]*    toi-mat
??????????????????????[6]*    tuyet-mat
RULES
build_index "$WORK/public" --default-level cong-khai
build_index "$WORK/spread" --access "$WORK/spread.rules"
build_index "$WORK/typical" --access "$WORK/typical.rules"
build_index "$WORK/two" --access "$WORK/two.rules"
if [[ -n ${BEFORE_BUILD_DIR:-} && ( ! -e $WORK/before || ${REINDEX:-0} == 1 ) ]]; then
  echo "bench/access: indexing the legal corpus with the code before levels into $WORK/before" >&2
  "$BEFORE_BUILD_DIR/indexer/vankho-indexer" --index "$WORK/before" --rebuild --quiet "${index_fields[@]}" "$CORPUS"
fi
"$INPROCESS" --make-mix --index "$WORK/public" --questions "$QUESTIONS" --out "$WORK/legal-mix.txt" --count 1000 2>/dev/null

# measure INDEX LEVEL: the median of REPEAT runs, "rps p50 p99" (LEVEL "": no --level, for the
# code before levels).
measure() {
  local level=()
  [[ -n $2 ]] && level=(--level "$2")
  for _ in $(seq "$REPEAT"); do
    "$INPROCESS" --index "$1" "${level[@]}" --mix "$WORK/legal-mix.txt" --threads 2 --rounds "$ROUNDS" |
      sed -n 's/.*rps=\([0-9.]*\) p50_ms=\([0-9.]*\) p99_ms=\([0-9.]*\).*/\1 \2 \3/p'
  done | sort -n | sed -n "$(((REPEAT + 1) / 2))p"
}

echo
echo "Access levels: the cost of enforcement — legal mix ($(wc -l <"$WORK/legal-mix.txt") requests), in-process," \
  "2 threads, $(nproc) cores, median of $REPEAT"
printf '%-46s %8s %8s %8s %8s\n' "index / clearance" "req/s" "p50 ms" "p99 ms" "vs peer"
read -r base_rps base_p50 base_p99 < <(measure "$WORK/public" cong-khai)
row() {  # row LABEL RPS P50 P99
  printf '%-46s %8s %8s %8s %+7.1f%%\n' "$1" "$2" "$3" "$4" "$(awk -v a="$2" -v b="$base_rps" 'BEGIN { print (a / b - 1) * 100 }')"
}
row "peer: all public, cong-khai (one database)" "$base_rps" "$base_p50" "$base_p99"
if [[ -n ${BEFORE_BUILD_DIR:-} ]]; then
  read -r b_rps b_p50 b_p99 < <(INPROCESS=$BEFORE_BUILD_DIR/bench/inprocess_bench measure "$WORK/before" "")
  row "peer: the code before levels" "$b_rps" "$b_p50" "$b_p99"
fi
costs=()
for spec in "public tuyet-mat" "spread cong-khai" "spread noi-bo" "spread mat" "spread toi-mat" "spread tuyet-mat" \
  "typical noi-bo" "typical tuyet-mat" "two noi-bo" "two tuyet-mat"; do
  read -r index level <<<"$spec"
  read -r rps p50 p99 < <(measure "$WORK/$index" "$level")
  label="all public, $level"
  [[ $index == spread ]] && label="spread over the levels, $level"
  [[ $index == typical ]] && label="mostly noi-bo, $level"
  [[ $index == two ]] && label="cong-khai + noi-bo only, $level"
  row "$label" "$rps" "$p50" "$p99"
  # The cost that counts: a clearance reading every document, against the peer reading the same.
  if [[ $level == tuyet-mat ]]; then
    costs+=("$(awk -v a="$rps" -v b="$base_rps" -v l="$label" 'BEGIN { printf "%s: %.1f%%", l, (1 - a / b) * 100 }')")
  fi
done
echo
echo "cost of enforcement for a reader of every document (target <= ${TARGET_COST_PCT}% of throughput):"
printf '  %s\n' "${costs[@]}"
