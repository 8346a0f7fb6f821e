#!/usr/bin/env bash
# Load benchmark of vankho-searchd on loopback: wrk cycles through a realistic request mix against
# an index of the legal corpus and one of seeds/, and reports requests/s, p50/p99 latency and
# searchd's peak RSS; beside it, the same requests run in-process through the query library
# (inprocess_bench, 1 and 2 threads), so that the figures say what HTTP costs; /api/health (a lease
# and two Xapian calls, no search) shows what the HTTP layer alone sustains. The peer: the same
# queries through plain Xapian (bench/eval's peer index, QueryParser, top 10, in-process, no facets,
# snippets or suggestion), beside vankho in-process without them: what the search itself costs.
# The same-job peer (bench/eval/samejob_peer.h): the job vankho does, written with Xapian directly
# (QueryParser, type/year/issuer filters, offset, a ValueCountMatchSpy per facet counting every
# match, MSet::snippet() of each hit), in-process, on its own index ($WORK_DIR/peer/xapian-samejob).
# Two mixes: the question mix (the dev questions and what --make-mix derives from them) and the
# portal mix (bench/load/portal-mix.txt, what people type into a search box; made by
# make_portal_mix.py), each against both peers, with the ratios and the targets.
#
#   bash bench/load/run.sh
#
# Environment: BUILD_DIR (default build), VANKHO_CORPUS (default ../shared/corpus/phapdien.jsonl.gz),
# VANKHO_EVAL_QUESTIONS (default ../shared/eval/legal-dev.jsonl), WORK_DIR (default
# $BUILD_DIR/bench-load; the legal index is kept there and reused, REINDEX=1 rebuilds it),
# DURATION (seconds of wrk per run, default 20), CONNECTIONS (default 8), WRK_THREADS (default 2),
# SEARCHD_THREADS (default: searchd's own, twice the cores; the RSS target is also measured with 8), PORTAL_MIX (default bench/load/portal-mix.txt; made into $WORK_DIR
# by make_portal_mix.py when missing), PORTAL_ROUNDS (passes over the portal mix in-process, default
# 3). Without the corpus it prints a message and exits 0.
set -euo pipefail
cd "$(dirname "$0")/../.."

BUILD_DIR=${BUILD_DIR:-build}
CORPUS=${VANKHO_CORPUS:-../shared/corpus/phapdien.jsonl.gz}
QUESTIONS=${VANKHO_EVAL_QUESTIONS:-../shared/eval/legal-dev.jsonl}
WORK=${WORK_DIR:-$BUILD_DIR/bench-load}
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-8}
WRK_THREADS=${WRK_THREADS:-2}
SEARCHD_THREADS=${SEARCHD_THREADS:-}
PORTAL_MIX=${PORTAL_MIX:-bench/load/portal-mix.txt}
PORTAL_ROUNDS=${PORTAL_ROUNDS:-3}
TARGET_RPS=2000 TARGET_P99_MS=50 TARGET_RSS_MB=300
# the issue's targets for the two mixes (in-process req/s as a multiple of a peer's; p99)
TARGET_PORTAL_SAMEJOB=1.5 TARGET_PORTAL_BARE=0.75 TARGET_PORTAL_P99_MS=25
TARGET_QUESTION_PLAIN=1.5 TARGET_QUESTION_P99_MS=50

if [[ ! -f $CORPUS ]]; then
  echo "bench/load: the legal corpus $CORPUS is not here (set VANKHO_CORPUS); skipping."
  exit 0
fi
if [[ ! -f $QUESTIONS ]]; then
  echo "bench/load: the dev questions $QUESTIONS are not here (set VANKHO_EVAL_QUESTIONS); skipping."
  exit 0
fi
if ! command -v wrk >/dev/null; then
  if [[ $(id -u) -eq 0 ]]; then
    echo "bench/load: installing wrk (Debian package)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null ||
      { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null; }
  else
    echo "bench/load: wrk is not installed (sudo apt-get install wrk); skipping."
    exit 0
  fi
fi

if [[ ! -f $BUILD_DIR/build.ninja && ! -f $BUILD_DIR/Makefile ]]; then
  cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$BUILD_DIR" --target vankho-indexer vankho-searchd inprocess_bench >/dev/null
INDEXER=$BUILD_DIR/indexer/vankho-indexer
SEARCHD=$BUILD_DIR/searchd/vankho-searchd
INPROCESS=$BUILD_DIR/bench/inprocess_bench
mkdir -p "$WORK"

legal_index=$WORK/legal-index
if [[ ! -f $legal_index/XAPIANDB && ! -f $legal_index/iamglass || ${REINDEX:-0} == 1 ]]; then
  echo "bench/load: indexing the legal corpus into $legal_index (a few minutes)" >&2
  "$INDEXER" --index "$legal_index" --rebuild --compact --quiet --default-level cong-khai --field number=source_number --field date=source_date \
    --field type=source_type "$CORPUS"
fi
echo "bench/load: the plain Xapian peer index in $WORK/peer (built once, a few minutes)" >&2
"$INPROCESS" --make-peer --corpus "$CORPUS" --work-dir "$WORK/peer"
peer_index=$WORK/peer/xapian
echo "bench/load: the same-job Xapian peer index in $WORK/peer (built once, a few minutes)" >&2
"$INPROCESS" --make-samejob-peer --corpus "$CORPUS" --work-dir "$WORK/peer"
samejob_index=$WORK/peer/xapian-samejob
if [[ ! -f $PORTAL_MIX ]]; then
  PORTAL_MIX=$WORK/portal-mix.txt
  python3 bench/load/make_portal_mix.py --corpus "$CORPUS" --seeds seeds --out "$PORTAL_MIX" >&2
fi
sed 's/$/\&facets=false\&snippets=false\&suggest=false/' "$PORTAL_MIX" >"$WORK/portal-mix-bare.txt"
seeds_index=$WORK/seeds-index
"$INDEXER" --index "$seeds_index" --rebuild --quiet --default-level cong-khai seeds/

"$INPROCESS" --make-mix --index "$legal_index" --questions "$QUESTIONS" --out "$WORK/legal-mix.txt" --count 1000 2>/dev/null
"$INPROCESS" --make-mix --suggest --index "$legal_index" --questions "$QUESTIONS" --out "$WORK/suggest-mix.txt" \
  --count 1000 2>/dev/null
sed 's/$/\&facets=false\&snippets=false\&suggest=false/' "$WORK/legal-mix.txt" >"$WORK/legal-mix-bare.txt"
enc() { printf '%s' "$1" | od -An -tx1 -v | tr -d ' \n' | sed 's/../%&/g'; }
: >"$WORK/seeds-mix.txt"
for q in "nong thon moi" "nông thôn mới" "NQ 13" "nghị quyết 13" "13-NQ/TW" "chuyển đổi số" "chuyen doi so" \
  "quý I năm 2025" "tháng 7/2022" "cải cách hành chính" "tham nhũng" "Ban Thường vụ Tỉnh ủy" "xây dựng Đảng" \
  "kinh te xa hoi" "giải ngân vốn đầu tư công" "\"nông thôn mới\"" "OCOP" "dịch bệnh" "an sinh xã hội" "2023"; do
  echo "/api/search?q=$(enc "$q")" >>"$WORK/seeds-mix.txt"
done
echo "/api/search?q=$(enc "chương trình")&type=chuong-trinh&sort=date" >>"$WORK/seeds-mix.txt"
echo "/api/search?q=$(enc "nông thôn")&from=2022-07&to=2022-12" >>"$WORK/seeds-mix.txt"

to_ms() {  # wrk latency "635.91us" / "1.20ms" / "1.02s" → milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

# run_http NAME INDEX MIX [SEARCHD FLAGS...]: starts searchd, warms up, runs wrk; prints
# "rps p50 p99 errors rss_mb".
run_http() {
  local name=$1 index=$2 mix=$3 out=$WORK/$1
  shift 3
  "$SEARCHD" --index "$index" --listen 127.0.0.1:0 ${SEARCHD_THREADS:+--threads "$SEARCHD_THREADS"} --log "$out.access.log" "$@" \
    >"$out.stdout" 2>"$out.stderr" &
  local pid=$!
  local port=""
  for _ in $(seq 600); do
    port=$(sed -n 's/^listening on 127.0.0.1:\([0-9]*\)$/\1/p' "$out.stdout" 2>/dev/null | head -1)
    [[ -n $port ]] && break
    kill -0 "$pid" 2>/dev/null || { cat "$out.stderr" >&2; return 1; }
    sleep 0.1
  done
  # its suggestions are built in the background after it listens: measured once they are
  for _ in $(seq 6000); do
    grep -q '"event":"suggest_built"' "$out.access.log" 2>/dev/null && break
    sleep 0.1
  done
  local url=http://127.0.0.1:$port
  # warm-up, with as many connections as the run, so that every worker has opened its searcher
  wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d3s -s bench/load/mix.lua "$url" -- "$mix" >/dev/null
  wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/load/mix.lua "$url" -- "$mix" >"$out.wrk"
  local rss_kb
  rss_kb=$(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status")
  kill -TERM "$pid"
  wait "$pid" || { echo "bench/load: searchd exited with $? after SIGTERM" >&2; }
  local rps p50 p99 errors
  rps=$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' "$out.wrk")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out.wrk")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out.wrk")")
  errors=$(awk '/Non-2xx or 3xx responses/ { n += $NF } /Socket errors/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' "$out.wrk")
  echo "$rps $p50 $p99 $errors $((rss_kb / 1024))"
}

# run_inprocess INDEX MIX THREADS [ROUNDS] [--peer|--samejob-peer]: prints "rps p50 p99".
run_inprocess() {
  local face=--index
  [[ -n ${5:-} ]] && face=$5
  "$INPROCESS" "$face" "$1" --mix "$2" --threads "$3" --rounds "${4:-1}" |
    sed -n 's/.*rps=\([0-9.]*\) p50_ms=\([0-9.]*\) p99_ms=\([0-9.]*\).*/\1 \2 \3/p'
}

echo
echo "vankho-searchd load benchmark — $(nproc) cores, wrk -t$WRK_THREADS -c$CONNECTIONS -d${DURATION}s on loopback," \
  "searchd --threads ${SEARCHD_THREADS:-default}; $(wc -l <"$WORK/legal-mix.txt") legal requests, $(wc -l <"$WORK/seeds-mix.txt") seeds requests"
printf '%-34s %10s %9s %9s %8s %8s\n' "run" "req/s" "p50 ms" "p99 ms" "errors" "RSS MB"
echo "-- question mix (dev questions as written and unaccented, keywords, codes, periods, filters)"
read -r l_rps l_p50 l_p99 l_err l_rss < <(run_http legal "$legal_index" "$WORK/legal-mix.txt")
printf '%-34s %10s %9s %9s %8s %8s\n' "HTTP  legal mix (searchd + wrk)" "$l_rps" "$l_p50" "$l_p99" "$l_err" "$l_rss"
# wrk cycles through the mix, so after the first pass every answer above came from the response
# cache; without it, every request is searched:
read -r n_rps n_p50 n_p99 n_err n_rss < <(run_http legal-nocache "$legal_index" "$WORK/legal-mix.txt" --cache-entries 0)
printf '%-34s %10s %9s %9s %8s %8s\n' "HTTP  legal mix, --cache-entries 0" "$n_rps" "$n_p50" "$n_p99" "$n_err" "$n_rss"
read -r i1_rps i1_p50 i1_p99 < <(run_inprocess "$legal_index" "$WORK/legal-mix.txt" 1)
printf '%-34s %10s %9s %9s\n' "in-process legal mix, 1 thread" "$i1_rps" "$i1_p50" "$i1_p99"
read -r i2_rps i2_p50 i2_p99 < <(run_inprocess "$legal_index" "$WORK/legal-mix.txt" 2)
printf '%-34s %10s %9s %9s\n' "in-process legal mix, 2 threads" "$i2_rps" "$i2_p50" "$i2_p99"
read -r b2_rps b2_p50 b2_p99 < <(run_inprocess "$legal_index" "$WORK/legal-mix-bare.txt" 2)
printf '%-34s %10s %9s %9s\n' "  the same, no facets/snippets/sugg." "$b2_rps" "$b2_p50" "$b2_p99"
read -r p1_rps p1_p50 p1_p99 < <(run_inprocess "$peer_index" "$WORK/legal-mix.txt" 1 1 --peer)
printf '%-34s %10s %9s %9s\n' "peer: plain Xapian, 1 thread" "$p1_rps" "$p1_p50" "$p1_p99"
read -r p2_rps p2_p50 p2_p99 < <(run_inprocess "$peer_index" "$WORK/legal-mix.txt" 2 1 --peer)
printf '%-34s %10s %9s %9s\n' "peer: plain Xapian, 2 threads" "$p2_rps" "$p2_p50" "$p2_p99"
read -r q1_rps q1_p50 q1_p99 < <(run_inprocess "$samejob_index" "$WORK/legal-mix.txt" 1 1 --samejob-peer)
printf '%-34s %10s %9s %9s\n' "peer: same-job Xapian, 1 thread" "$q1_rps" "$q1_p50" "$q1_p99"
read -r q2_rps q2_p50 q2_p99 < <(run_inprocess "$samejob_index" "$WORK/legal-mix.txt" 2 1 --samejob-peer)
printf '%-34s %10s %9s %9s\n' "peer: same-job Xapian, 2 threads" "$q2_rps" "$q2_p50" "$q2_p99"
echo "-- portal mix ($(wc -l <"$PORTAL_MIX") requests of $PORTAL_MIX: words, codes, periods, filter clicks, second pages)"
read -r ph_rps ph_p50 ph_p99 ph_err ph_rss < <(run_http portal "$legal_index" "$PORTAL_MIX")
printf '%-34s %10s %9s %9s %8s %8s\n' "HTTP  portal mix (searchd + wrk)" "$ph_rps" "$ph_p50" "$ph_p99" "$ph_err" "$ph_rss"
read -r pn_rps pn_p50 pn_p99 pn_err pn_rss < <(run_http portal-nocache "$legal_index" "$PORTAL_MIX" --cache-entries 0)
printf '%-34s %10s %9s %9s %8s %8s\n' "HTTP  portal mix, --cache-entries 0" "$pn_rps" "$pn_p50" "$pn_p99" "$pn_err" "$pn_rss"
read -r p8_rps p8_p50 p8_p99 p8_err p8_rss < <(run_http portal-8threads "$legal_index" "$PORTAL_MIX" --cache-entries 0 --threads 8)
printf '%-34s %10s %9s %9s %8s %8s\n' "HTTP  portal, no cache, --threads 8" "$p8_rps" "$p8_p50" "$p8_p99" "$p8_err" "$p8_rss"
read -r pi1_rps pi1_p50 pi1_p99 < <(run_inprocess "$legal_index" "$PORTAL_MIX" 1 "$PORTAL_ROUNDS")
printf '%-34s %10s %9s %9s\n' "in-process portal mix, 1 thread" "$pi1_rps" "$pi1_p50" "$pi1_p99"
read -r pi2_rps pi2_p50 pi2_p99 < <(run_inprocess "$legal_index" "$PORTAL_MIX" 2 "$PORTAL_ROUNDS")
printf '%-34s %10s %9s %9s\n' "in-process portal mix, 2 threads" "$pi2_rps" "$pi2_p50" "$pi2_p99"
read -r pb2_rps pb2_p50 pb2_p99 < <(run_inprocess "$legal_index" "$WORK/portal-mix-bare.txt" 2 "$PORTAL_ROUNDS")
printf '%-34s %10s %9s %9s\n' "  the same, no facets/snippets/sugg." "$pb2_rps" "$pb2_p50" "$pb2_p99"
read -r pp1_rps pp1_p50 pp1_p99 < <(run_inprocess "$peer_index" "$PORTAL_MIX" 1 "$PORTAL_ROUNDS" --peer)
printf '%-34s %10s %9s %9s\n' "peer: plain Xapian, 1 thread" "$pp1_rps" "$pp1_p50" "$pp1_p99"
read -r pp2_rps pp2_p50 pp2_p99 < <(run_inprocess "$peer_index" "$PORTAL_MIX" 2 "$PORTAL_ROUNDS" --peer)
printf '%-34s %10s %9s %9s\n' "peer: plain Xapian, 2 threads" "$pp2_rps" "$pp2_p50" "$pp2_p99"
read -r ps1_rps ps1_p50 ps1_p99 < <(run_inprocess "$samejob_index" "$PORTAL_MIX" 1 "$PORTAL_ROUNDS" --samejob-peer)
printf '%-34s %10s %9s %9s\n' "peer: same-job Xapian, 1 thread" "$ps1_rps" "$ps1_p50" "$ps1_p99"
read -r ps2_rps ps2_p50 ps2_p99 < <(run_inprocess "$samejob_index" "$PORTAL_MIX" 2 "$PORTAL_ROUNDS" --samejob-peer)
printf '%-34s %10s %9s %9s\n' "peer: same-job Xapian, 2 threads" "$ps2_rps" "$ps2_p50" "$ps2_p99"
echo "-- other"
read -r s_rps s_p50 s_p99 s_err s_rss < <(run_http suggest "$legal_index" "$WORK/suggest-mix.txt")
printf '%-34s %10s %9s %9s %8s %8s\n' "HTTP  legal /api/suggest keystrokes" "$s_rps" "$s_p50" "$s_p99" "$s_err" "$s_rss"
echo "/api/health" >"$WORK/health-mix.txt"
read -r h_rps h_p50 h_p99 h_err h_rss < <(run_http health "$seeds_index" "$WORK/health-mix.txt")
printf '%-34s %10s %9s %9s %8s %8s\n' "HTTP  /api/health (HTTP alone)" "$h_rps" "$h_p50" "$h_p99" "$h_err" "$h_rss"
read -r d_rps d_p50 d_p99 d_err d_rss < <(run_http seeds "$seeds_index" "$WORK/seeds-mix.txt")
printf '%-34s %10s %9s %9s %8s %8s\n' "HTTP  seeds mix (searchd + wrk)" "$d_rps" "$d_p50" "$d_p99" "$d_err" "$d_rss"
read -r j1_rps j1_p50 j1_p99 < <(run_inprocess "$seeds_index" "$WORK/seeds-mix.txt" 1 20)
printf '%-34s %10s %9s %9s\n' "in-process seeds mix, 1 thread" "$j1_rps" "$j1_p50" "$j1_p99"
read -r j2_rps j2_p50 j2_p99 < <(run_inprocess "$seeds_index" "$WORK/seeds-mix.txt" 2 20)
printf '%-34s %10s %9s %9s\n' "in-process seeds mix, 2 threads" "$j2_rps" "$j2_p50" "$j2_p99"

echo
verdict() {
  if [[ -n $1 ]] && awk -v a="$1" -v b="$2" -v op="$3" 'BEGIN { exit !(op == ">=" ? a >= b : op == "<=" ? a <= b : a < b) }'; then
    echo met
  else
    echo MISSED
  fi
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { r = 0; if (b > 0) r = a / b; printf "%.2f", r }'; }
echo "HTTP cost on the legal mix (no cache): $(awk -v h="$n_rps" -v i="$i2_rps" 'BEGIN { r = 0; if (i > 0) r = 100 * (h / i - 1); printf "%+.0f%%", r }') req/s against in-process with 2 threads;" \
  "HTTP alone: $(awk -v h="$h_rps" 'BEGIN { r = 0; if (h > 0) r = 1000 / h; printf "%.3f", r }') ms per request at $h_rps req/s"
echo "search alone, 2 threads in-process: vankho without facets/snippets/suggestion $b2_rps req/s," \
  "plain Xapian $p2_rps req/s ($(awk -v v="$b2_rps" -v p="$p2_rps" 'BEGIN { r = 0; if (p > 0) r = v / p; printf "%.2f", r }')×);" \
  "vankho's whole answer $i2_rps req/s ($(awk -v v="$i2_rps" -v p="$p2_rps" 'BEGIN { r = 0; if (p > 0) r = v / p; printf "%.2f", r }')× the peer)"
echo "vankho / peer, in-process req/s, 1 thread / 2 threads (whole answer: facets, snippets, suggestion; bare: none):"
echo "  question mix: whole answer / plain Xapian $(ratio "$i1_rps" "$p1_rps")× / $(ratio "$i2_rps" "$p2_rps")×," \
  "whole answer / same-job Xapian $(ratio "$i1_rps" "$q1_rps")× / $(ratio "$i2_rps" "$q2_rps")×, bare / plain Xapian - / $(ratio "$b2_rps" "$p2_rps")×"
echo "  portal mix:   whole answer / plain Xapian $(ratio "$pi1_rps" "$pp1_rps")× / $(ratio "$pi2_rps" "$pp2_rps")×," \
  "whole answer / same-job Xapian $(ratio "$pi1_rps" "$ps1_rps")× / $(ratio "$pi2_rps" "$ps2_rps")×, bare / plain Xapian - / $(ratio "$pb2_rps" "$pp2_rps")×"
echo "machine load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg) (figures are only comparable on a quiet machine)"
echo "targets (legal mix, cache on / off): req/s >= $TARGET_RPS: $(verdict "$l_rps" $TARGET_RPS ">=") / $(verdict "$n_rps" $TARGET_RPS ">=")," \
  "p99 < $TARGET_P99_MS ms: $(verdict "$l_p99" $TARGET_P99_MS "<") / $(verdict "$n_p99" $TARGET_P99_MS "<"), RSS < $TARGET_RSS_MB MB: $(verdict "$l_rss" $TARGET_RSS_MB "<") / $(verdict "$n_rss" $TARGET_RSS_MB "<");" \
  "with 8 worker threads (portal, no cache): $(verdict "$p8_rss" $TARGET_RSS_MB "<") (${p8_rss} MB)"
echo "targets, portal mix (vankho's whole answer in-process, 2 threads): >= ${TARGET_PORTAL_SAMEJOB}× the same-job peer:" \
  "$(verdict "$(ratio "$pi2_rps" "$ps2_rps")" $TARGET_PORTAL_SAMEJOB ">=") ($(ratio "$pi2_rps" "$ps2_rps")×; over HTTP without the cache $(ratio "$pn_rps" "$ps2_rps")×)," \
  ">= ${TARGET_PORTAL_BARE}× the plain Xapian peer: $(verdict "$(ratio "$pi2_rps" "$pp2_rps")" $TARGET_PORTAL_BARE ">=") ($(ratio "$pi2_rps" "$pp2_rps")×; over HTTP without the cache $(ratio "$pn_rps" "$pp2_rps")×)," \
  "p99 <= $TARGET_PORTAL_P99_MS ms (in-process / HTTP cache on / off): $(verdict "$pi2_p99" $TARGET_PORTAL_P99_MS "<=") / $(verdict "$ph_p99" $TARGET_PORTAL_P99_MS "<=") / $(verdict "$pn_p99" $TARGET_PORTAL_P99_MS "<=")"
echo "targets, question mix (vankho's whole answer in-process, 2 threads): >= ${TARGET_QUESTION_PLAIN}× plain Xapian:" \
  "$(verdict "$(ratio "$i2_rps" "$p2_rps")" $TARGET_QUESTION_PLAIN ">=") ($(ratio "$i2_rps" "$p2_rps")×)," \
  "p99 <= $TARGET_QUESTION_P99_MS ms (in-process / HTTP cache on / off): $(verdict "$i2_p99" $TARGET_QUESTION_P99_MS "<=") / $(verdict "$l_p99" $TARGET_QUESTION_P99_MS "<=") / $(verdict "$n_p99" $TARGET_QUESTION_P99_MS "<=")"
echo "wrk output and access logs: $WORK/"
