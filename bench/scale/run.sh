#!/usr/bin/env bash
# Scale benchmark: how vankho's costs grow with the archive. For each size it writes a synthetic
# archive with vankho_gen (kept in WORK_DIR and reused), indexes it with `vankho-indexer --index DIR
# FILE` (the product's command, default options: wall seconds, documents/s, peak RSS, index size),
# measures single-thread query latency in process (scale_bench --latency: the keyword mix and the
# question mix vankho_gen drew from the archive; facets and snippets on; the keyword mix once more
# without facets; the slowest requests kept in WORK_DIR/N/latency.txt) and vankho-searchd's
# throughput without its response cache (wrk on loopback, the keyword mix) and its peak RSS
# (VmHWM). The peer, measured in the same run on the same file: plain Xapian (scale_bench
# --make-peer and --latency; bench/eval/peers.h). Writes WORK_DIR/scale.md (the table, with
# vankho/peer ratios and the targets) and WORK_DIR/scale.svg (cost against size, log x), and
# prints the table.
#
#   bash bench/scale/run.sh
#   SIZES="2000 10000" bash bench/scale/run.sh            # a quick try
#
# Environment: BUILD_DIR (default build-bench), WORK_DIR (default /tmp/vankho-scale), SIZES
# (default "10000 100000 1000000"), SEED (default 1), DURATION (seconds of wrk, default 20),
# CONNECTIONS (default 8), WRK_THREADS (default 2), QUERY_COUNT (keyword requests, default 1000;
# questions: half as many), REUSE_INDEX=1 (keep the indexes a previous run completed and its
# indexing figures; only the queries are measured again). Disk: about 36 KB per document for both
# indexes and the archive (36 GB at 10^6).
set -euo pipefail
cd "$(dirname "$0")/../.."

BUILD_DIR=${BUILD_DIR:-build-bench}
WORK=${WORK_DIR:-/tmp/vankho-scale}
SIZES=${SIZES:-"10000 100000 1000000"}
SEED=${SEED:-1}
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-8}
WRK_THREADS=${WRK_THREADS:-2}
QUERY_COUNT=${QUERY_COUNT:-1000}
REUSE_INDEX=${REUSE_INDEX:-0}

for n in $SIZES; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "bench/scale: SIZES must hold positive integers, got '$n'" >&2; exit 2; }
done
[[ -x /usr/bin/time ]] || { echo "bench/scale: /usr/bin/time is needed (apt-get install time)" >&2; exit 1; }
HAVE_WRK=1
command -v wrk >/dev/null || { HAVE_WRK=0; echo "bench/scale: wrk is not installed: no searchd figures (apt-get install wrk)" >&2; }

if [[ ! -f $BUILD_DIR/build.ninja && ! -f $BUILD_DIR/Makefile ]]; then
  cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$BUILD_DIR" --target vankho_gen vankho-indexer vankho-searchd scale_bench >/dev/null
GEN=$BUILD_DIR/bench/gen/vankho_gen
INDEXER=$BUILD_DIR/indexer/vankho-indexer
SEARCHD=$BUILD_DIR/searchd/vankho-searchd
SCALE=$BUILD_DIR/bench/scale_bench
[[ -x $SCALE ]] || { echo "bench/scale: $SCALE was not built (it needs SQLite: scripts/install-deps.sh)" >&2; exit 1; }
mkdir -p "$WORK"

to_ms() {  # wrk latency "635.91us" / "1.20ms" / "1.02s" → milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<"$2"; }  # field NAME LINE (the value after " NAME=")

# timed NAME COMMAND...: runs it under /usr/bin/time; prints "wall_seconds peak_rss_kb user_s system_s".
timed() {
  local name=$1
  shift
  if ! /usr/bin/time -f "%e %M %U %S" -o "$name.time" "$@" >"$name.log" 2>&1; then
    echo "bench/scale: failed: $* (see $name.log)" >&2
    tail -5 "$name.log" >&2
    exit 1
  fi
  tail -1 "$name.time"
}

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null; }  # user + system time of a process, in ticks

# searchd_run INDEX MIX OUT: starts searchd (no response cache, every access level), warms up,
# runs wrk; prints "rps p50 p99 errors rss_mb cpu_ms_per_request". Fails when searchd is gone
# before the run ends (something else stopped it).
searchd_run() {
  local index=$1 mix=$2 out=$3
  "$SEARCHD" --index "$index" --listen 127.0.0.1:0 --cache-entries 0 --anonymous-level tuyet-mat \
    --log "$out.access.log" >"$out.stdout" 2>"$out.stderr" &
  local pid=$! port=""
  # It listens at once and builds its suggestions in the background (~10 s at 10^5 documents):
  # measured once they are built, so that the build's CPU does not count against the searches.
  for _ in $(seq 18000); do
    port=$(sed -n 's/^listening on 127.0.0.1:\([0-9]*\)$/\1/p' "$out.stdout" 2>/dev/null | head -1)
    [[ -n $port ]] && break
    kill -0 "$pid" 2>/dev/null || { cat "$out.stderr" >&2; return 1; }
    sleep 0.1
  done
  [[ -n $port ]] || { echo "bench/scale: searchd did not start (see $out.stderr)" >&2; kill "$pid"; return 1; }
  for _ in $(seq 36000); do
    grep -q '"event":"suggest_built"' "$out.access.log" 2>/dev/null && break
    sleep 0.1
  done
  local url=http://127.0.0.1:$port
  wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d5s -s bench/load/mix.lua "$url" -- "$mix" >/dev/null
  local ticks0 ticks1 rss_kb
  ticks0=$(cpu_ticks "$pid")
  wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/load/mix.lua "$url" -- "$mix" >"$out.wrk"
  ticks1=$(cpu_ticks "$pid")
  rss_kb=$(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
  if [[ -z $ticks1 || -z $rss_kb ]]; then
    wait "$pid" || true
    echo "bench/scale: searchd stopped during the wrk run (not by this script; see $out.access.log)" >&2
    return 1
  fi
  kill -TERM "$pid"
  wait "$pid" || echo "bench/scale: searchd exited with $? after SIGTERM" >&2
  local rps p50 p99 errors
  rps=$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' "$out.wrk")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out.wrk")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out.wrk")")
  errors=$(awk '/Non-2xx or 3xx responses/ { n += $NF } /Socket errors/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' "$out.wrk")
  local cpu_ms
  cpu_ms=$(awk -v t="$((ticks1 - ticks0))" -v hz="$(getconf CLK_TCK)" '/ requests in / { n = $1 } END { if (n > 0) printf "%.2f", t / hz * 1000 / n }' "$out.wrk")
  echo "$rps $p50 $p99 $errors $((rss_kb / 1024)) $cpu_ms"
}

echo "bench/scale: sizes $SIZES, seed $SEED, work folder $WORK, $(nproc) cores" >&2
for n in $SIZES; do
  size_start=$(date +%s)
  dir=$WORK/$n
  mkdir -p "$dir"
  corpus=$dir/archive-s$SEED.jsonl.gz mix=$dir/mix-s$SEED-q$QUERY_COUNT
  free_kb=$(df -Pk "$WORK" | awk 'NR == 2 { print $4 }')
  if ((free_kb < n * 36)); then
    echo "bench/scale: warning: $((free_kb / 1024)) MB free in $WORK, about $((n * 36 / 1024)) MB needed for $n documents" >&2
  fi
  if [[ ! -f $corpus || ! -f $mix.keyword.txt || ! -f $mix.question.txt ]]; then
    echo "bench/scale: $n: writing the archive ($corpus)" >&2
    "$GEN" --count "$n" --seed "$SEED" --queries "$mix" --query-count "$QUERY_COUNT" "$corpus" >"$dir/gen.log"
  fi
  # The indexes (both from scratch, one after the other, the machine otherwise as it is).
  if [[ $REUSE_INDEX == 1 && -f $dir/vankho.done && -f $dir/peer.done ]]; then
    echo "bench/scale: $n: reusing the indexes and indexing figures of an earlier run" >&2
  else
    rm -rf "$dir/vankho-index" "$dir/peer-index" "$dir/vankho.done" "$dir/peer.done"
    echo "bench/scale: $n: vankho-indexer" >&2
    timed "$dir/vankho-indexer" "$INDEXER" --index "$dir/vankho-index" "$corpus" >"$dir/vankho.done"
    echo "bench/scale: $n: plain Xapian peer" >&2
    timed "$dir/peer-indexer" "$SCALE" --make-peer --corpus "$corpus" --out "$dir/peer-index" >"$dir/peer.done"
  fi
  read -r v_s v_kb v_user v_sys <"$dir/vankho.done"
  read -r p_s p_kb p_user p_sys <"$dir/peer.done"
  v_mb=$(du -sk "$dir/vankho-index" | awk '{ printf "%.1f", $1 / 1024 }')
  p_mb=$(du -sk "$dir/peer-index" | awk '{ printf "%.1f", $1 / 1024 }')

  echo "bench/scale: $n: in-process latency (keyword and question mixes)" >&2
  kw=$("$SCALE" --latency --index "$dir/vankho-index" --peer "$dir/peer-index" --mix "$mix.keyword.txt" --slowest 10)
  qu=$("$SCALE" --latency --index "$dir/vankho-index" --peer "$dir/peer-index" --mix "$mix.question.txt" --slowest 10)
  # What the exact facet counts cost: the keyword mix again without them.
  kw_nf=$("$SCALE" --latency --index "$dir/vankho-index" --mix "$mix.keyword.txt" --without-facets)
  printf '%s\n%s\n# without facets\n%s\n' "$kw" "$qu" "$kw_nf" >"$dir/latency.txt"
  kw_v=$(grep '^vankho ' <<<"$kw") kw_p=$(grep '^peer ' <<<"$kw") qu_v=$(grep '^vankho ' <<<"$qu") qu_p=$(grep '^peer ' <<<"$qu")
  kw_nf=$(grep '^vankho ' <<<"$kw_nf")

  h_rps="" h_p50="" h_p99="" h_err="" h_rss="" h_cpu=""
  if [[ $HAVE_WRK == 1 ]]; then
    echo "bench/scale: $n: vankho-searchd, wrk ${DURATION}s, keyword mix, no response cache" >&2
    for attempt in 1 2 3; do
      if out=$(searchd_run "$dir/vankho-index" "$mix.keyword.txt" "$dir/searchd"); then
        read -r h_rps h_p50 h_p99 h_err h_rss h_cpu <<<"$out"
        break
      fi
      echo "bench/scale: $n: searchd run $attempt failed" >&2
    done
  fi
  cat >"$dir/results.env" <<EOF
docs=$n
seconds=$(($(date +%s) - size_start))
index_s=$v_s
index_cpu_s=$(awk -v u="$v_user" -v s="$v_sys" 'BEGIN { printf "%.2f", u + s }')
index_rss_mb=$((v_kb / 1024))
index_mb=$v_mb
kw_p50=$(field p50_ms "$kw_v")
kw_p99=$(field p99_ms "$kw_v")
kw_found=$(field found "$kw_v")/$(field requests "$kw_v")
q_p50=$(field p50_ms "$qu_v")
q_p99=$(field p99_ms "$qu_v")
q_found=$(field found "$qu_v")/$(field requests "$qu_v")
kw_cpu_p50=$(field cpu_p50_ms "$kw_v")
kw_cpu_p99=$(field cpu_p99_ms "$kw_v")
kw_nofacets_cpu_p50=$(field cpu_p50_ms "$kw_nf")
kw_nofacets_cpu_p99=$(field cpu_p99_ms "$kw_nf")
q_cpu_p50=$(field cpu_p50_ms "$qu_v")
q_cpu_p99=$(field cpu_p99_ms "$qu_v")
http_rps=$h_rps
http_p50=$h_p50
http_p99=$h_p99
http_errors=$h_err
searchd_rss_mb=$h_rss
searchd_cpu_ms=$h_cpu
peer_index_s=$p_s
peer_index_cpu_s=$(awk -v u="$p_user" -v s="$p_sys" 'BEGIN { printf "%.2f", u + s }')
peer_rss_mb=$((p_kb / 1024))
peer_index_mb=$p_mb
peer_kw_p50=$(field p50_ms "$kw_p")
peer_kw_p99=$(field p99_ms "$kw_p")
peer_q_p50=$(field p50_ms "$qu_p")
peer_q_p99=$(field p99_ms "$qu_p")
peer_kw_cpu_p50=$(field cpu_p50_ms "$kw_p")
peer_kw_cpu_p99=$(field cpu_p99_ms "$kw_p")
peer_q_cpu_p50=$(field cpu_p50_ms "$qu_p")
peer_q_cpu_p99=$(field cpu_p99_ms "$qu_p")
load=$(cut -d' ' -f1-3 /proc/loadavg)
EOF
  echo "bench/scale: $n done in $(($(date +%s) - size_start)) s" >&2
done

result_files=()
for n in $SIZES; do result_files+=("$WORK/$n/results.env"); done
python3 bench/scale/report.py --md "$WORK/scale.md" --svg "$WORK/scale.svg" "${result_files[@]}"
echo "written: $WORK/scale.md, $WORK/scale.svg (per size: $WORK/N/)"
