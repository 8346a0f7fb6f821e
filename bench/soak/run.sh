#!/usr/bin/env bash
# Soak benchmark of vankho-searchd (issue 14): ten minutes of mixed load with vankho-indexer
# committing every 30 s and a slow-client attack in the middle. Prints, per minute, the requests,
# the failed ones (target 0), p50/p99 latency, searchd's RSS and open FDs (target: flat after the
# first minutes) and the index revision served; then a summary. Not run by CI; builds nothing.
#
#   bash bench/soak/run.sh [options]
#
# Options (or environment):
#   --build-dir DIR        BUILD_DIR         binaries (default build-bench): vankho-indexer, vankho-searchd,
#                                            bench/soak_driver, bench/inprocess_bench (it writes the search mix)
#   --duration S           DURATION          seconds of load (default 600)
#   --commit-interval S    COMMIT_INTERVAL   seconds between indexer runs (default 30)
#   --corpus FILE          VANKHO_CORPUS     default ../shared/corpus/phapdien.jsonl.gz
#   --questions FILE       VANKHO_EVAL_QUESTIONS  default ../shared/eval/legal-dev.jsonl (the search mix)
#   --sample N             SAMPLE            start from N records evenly spread over the corpus (default: all)
#   --work-dir DIR         WORK_DIR          default $BUILD_DIR/bench-soak
#   --port P               PORT              default 0: a free port, chosen by searchd
#   --concurrency N        CONCURRENCY       load connections (default 8)
#   --rate R               RATE              requests/s in all (default 0: closed loop, as fast as answered)
#   --attack-seconds S     ATTACK_SECONDS    default 60 (min(60, duration/3)); 0: no attack
#   --reindex              REINDEX=1         rebuild the start index even if the work dir has it
# SEARCHD_ARGS adds flags to vankho-searchd (e.g. "--cache-entries 0"); ACCESS_LOG=1 keeps the
# per-request access log (about 250 bytes a request: a gigabyte in ten minutes of cached answers).
#
# The start archive (the corpus split into 16 JSON-lines shards) and its index are built once and
# kept in $WORK_DIR/start; each run copies them to $WORK_DIR/run, which keeps everything it wrote:
# report.txt, commits.log (one line per indexer run), searchd.stderr (its events), archive/, index/.
set -euo pipefail
# The whole script is one block, read before it runs: editing the file during a run cannot break it.
{
cd "$(dirname "$0")/../.."

BUILD_DIR=${BUILD_DIR:-build-bench}
DURATION=${DURATION:-600}
COMMIT_INTERVAL=${COMMIT_INTERVAL:-30}
CORPUS=${VANKHO_CORPUS:-../shared/corpus/phapdien.jsonl.gz}
QUESTIONS=${VANKHO_EVAL_QUESTIONS:-../shared/eval/legal-dev.jsonl}
SAMPLE=${SAMPLE:-0}
WORK_DIR=${WORK_DIR:-}
PORT=${PORT:-0}
CONCURRENCY=${CONCURRENCY:-8}
RATE=${RATE:-0}
ATTACK_SECONDS=${ATTACK_SECONDS:-}
REINDEX=${REINDEX:-0}
while [[ $# -gt 0 ]]; do
  case $1 in
    --build-dir) BUILD_DIR=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --commit-interval) COMMIT_INTERVAL=$2; shift 2 ;;
    --corpus) CORPUS=$2; shift 2 ;;
    --questions) QUESTIONS=$2; shift 2 ;;
    --sample) SAMPLE=$2; shift 2 ;;
    --work-dir) WORK_DIR=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --concurrency) CONCURRENCY=$2; shift 2 ;;
    --rate) RATE=$2; shift 2 ;;
    --attack-seconds) ATTACK_SECONDS=$2; shift 2 ;;
    --reindex) REINDEX=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/soak: unknown option $1 (--help lists them)" >&2; exit 2 ;;
  esac
done
WORK=${WORK_DIR:-$BUILD_DIR/bench-soak}
[[ -n $ATTACK_SECONDS ]] || ATTACK_SECONDS=$(( DURATION / 3 < 60 ? DURATION / 3 : 60 ))

if [[ ! -f $CORPUS ]]; then
  echo "bench/soak: the legal corpus $CORPUS is not here (set VANKHO_CORPUS or --corpus); skipping."
  exit 0
fi
if [[ ! -f $QUESTIONS ]]; then
  echo "bench/soak: the dev questions $QUESTIONS are not here (set VANKHO_EVAL_QUESTIONS); skipping."
  exit 0
fi
INDEXER=$BUILD_DIR/indexer/vankho-indexer
SEARCHD=$BUILD_DIR/searchd/vankho-searchd
DRIVER=$BUILD_DIR/bench/soak_driver
MIXER=$BUILD_DIR/bench/inprocess_bench
for bin in "$INDEXER" "$SEARCHD" "$DRIVER" "$MIXER"; do
  if [[ ! -x $bin ]]; then
    echo "bench/soak: $bin is missing; build it first:" >&2
    echo "  cmake -S . -B $BUILD_DIR -G Ninja -DCMAKE_BUILD_TYPE=Release" >&2
    echo "  cmake --build $BUILD_DIR --target vankho-indexer vankho-searchd soak_driver inprocess_bench" >&2
    exit 1
  fi
done
# The corpus is public law: cong-khai, so that the anonymous load reads all of it.
FIELDS=(--field number=source_number --field date=source_date --field type=source_type --default-level cong-khai)
now_ms() { date +%s%3N; }

# The start archive and its index, built once per corpus and sample, in $RUN (the indexer records
# the folder it read each document from, and removes only what disappears from that folder: an
# index built from another path would never lose the records the run removes), then kept in $START
# and copied back to $RUN for every run.
START=$WORK/start
RUN=$WORK/run
stamp="corpus=$(realpath "$CORPUS") sample=$SAMPLE shards=16 run=$(realpath -m "$RUN") indexer=$(stat -c %Y "$INDEXER")"
if [[ $REINDEX == 1 || ! -f $START/stamp || $(cat "$START/stamp") != "$stamp" ]]; then
  rm -rf "$START" "$RUN"
  mkdir -p "$START" "$RUN"
  echo "bench/soak: splitting $CORPUS into $RUN/archive" >&2
  "$DRIVER" prepare --corpus "$CORPUS" --archive "$RUN/archive" --shards 16 --sample "$SAMPLE" \
    --stable-ids "$START/stable-ids.txt" --codes "$START/codes.txt" >&2
  echo "bench/soak: indexing the start archive into $RUN/index" >&2
  t=$(now_ms)
  "$INDEXER" --index "$RUN/index" --rebuild --quiet "${FIELDS[@]}" "$RUN/archive" >&2
  echo "bench/soak: indexed in $(( ($(now_ms) - t) / 1000 )) s" >&2
  "$MIXER" --make-mix --index "$RUN/index" --questions "$QUESTIONS" --out "$START/search-mix.txt" --count 1000 2>/dev/null
  "$MIXER" --make-mix --suggest --index "$RUN/index" --questions "$QUESTIONS" --out "$START/suggest-mix.txt" \
    --count 1000 2>/dev/null
  cp -a "$RUN/archive" "$START/archive"
  cp -a "$RUN/index" "$START/index"
  echo "$stamp" >"$START/stamp"
else
  rm -rf "$RUN"
  mkdir -p "$RUN"
  cp -a "$START/archive" "$RUN/archive"
  cp -a "$START/index" "$RUN/index"
fi

log=off
[[ ${ACCESS_LOG:-0} == 1 ]] && log=$RUN/access.log
# shellcheck disable=SC2086
"$SEARCHD" --index "$RUN/index" --listen "127.0.0.1:$PORT" --web web --log "$log" ${SEARCHD_ARGS:-} \
  >"$RUN/searchd.stdout" 2>"$RUN/searchd.stderr" &
searchd_pid=$!
indexer_pid=""
cleanup() {
  [[ -n $indexer_pid ]] && kill "$indexer_pid" 2>/dev/null
  kill -0 "$searchd_pid" 2>/dev/null && kill -TERM "$searchd_pid" 2>/dev/null
  return 0
}
trap cleanup EXIT
port=""
for _ in $(seq 600); do
  port=$(sed -n 's/^listening on 127.0.0.1:\([0-9]*\)$/\1/p' "$RUN/searchd.stdout" 2>/dev/null | head -1)
  [[ -n $port ]] && break
  kill -0 "$searchd_pid" 2>/dev/null || { echo "bench/soak: searchd did not start:" >&2; cat "$RUN/searchd.stderr" >&2; exit 1; }
  sleep 0.1
done
[[ -n $port ]] || { echo "bench/soak: searchd did not say its port within 60 s" >&2; exit 1; }

# Every COMMIT_INTERVAL seconds: change one shard, run the indexer over the whole archive (it
# re-indexes what changed and commits), then time how long until searchd serves the new records.
indexer_loop() {
  local t0=$1 cycle=0 at wait start took rc out mutation added marker visible done_at
  while :; do
    cycle=$((cycle + 1))
    at=$((t0 + cycle * COMMIT_INTERVAL * 1000))
    (( at < t0 + DURATION * 1000 - 5000 )) || break
    wait=$((at - $(now_ms)))
    (( wait > 0 )) && sleep "$(printf '%d.%03d' $((wait / 1000)) $((wait % 1000)))"
    start=$(now_ms)
    mutation=$("$DRIVER" mutate --archive "$RUN/archive" --cycle "$cycle" --stable-ids "$START/stable-ids.txt")
    rc=0
    out=$("$INDEXER" --index "$RUN/index" "${FIELDS[@]}" "$RUN/archive" 2>&1) || rc=$?
    took=$(($(now_ms) - start))
    done_at=$(date -u +%H:%M:%S.%3NZ)  # to set beside searchd's reload events (UTC)
    added=$(sed -n 's/.*added \([0-9]*\),.*/\1/p' <<<"$mutation")
    marker=$(sed -n 's/.*marker \([a-z]*\)$/\1/p' <<<"$mutation")
    visible=$("$DRIVER" wait-visible --port "$port" --word "$marker" --expect "$added" --timeout-ms 10000) || true
    printf 'commit %d at %ds: indexer %d ms, exit %d, served after %s ms | exited %s | %s | %s\n' "$cycle" \
      $(((start - t0) / 1000)) "$took" "$rc" "$visible" "$done_at" "$mutation" "$(tail -1 <<<"$out")" >>"$RUN/commits.log"
  done
}

echo "vankho-searchd soak — $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); searchd pid $searchd_pid on" \
  "127.0.0.1:$port${SEARCHD_ARGS:+ ($SEARCHD_ARGS)}; archive $("$DRIVER" count-ids --archive "$RUN/archive") documents;" \
  "indexer every ${COMMIT_INTERVAL}s over the whole archive; work dir $RUN" | tee "$RUN/report.txt"
: >"$RUN/commits.log"
indexer_loop "$(now_ms)" &
indexer_pid=$!
rc=0
"$DRIVER" load --port "$port" --pid "$searchd_pid" --duration "$DURATION" --concurrency "$CONCURRENCY" --rate "$RATE" \
  --attack-seconds "$ATTACK_SECONDS" --search-mix "$START/search-mix.txt" --suggest-mix "$START/suggest-mix.txt" \
  --stable-ids "$START/stable-ids.txt" --codes "$START/codes.txt" | tee -a "$RUN/report.txt" || rc=$?
wait "$indexer_pid" || true
indexer_pid=""

searchd_alive=1
kill -0 "$searchd_pid" 2>/dev/null || searchd_alive=0
searchd_rc=0
kill -TERM "$searchd_pid" 2>/dev/null || true
wait "$searchd_pid" || searchd_rc=$?
records=$("$DRIVER" count-ids --archive "$RUN/archive")
indexed=$(sed -n 's/.* \([0-9]*\) documents in the index.*/\1/p' "$RUN/commits.log" | tail -1)
events() { grep -c "\"event\":\"$1\"" "$RUN/searchd.stderr" || true; }
{
  echo
  echo "indexer runs (every ${COMMIT_INTERVAL}s; $RUN/commits.log):"
  cat "$RUN/commits.log"
  awk '/^commit/ { n++; ms = $6 + 0; sum += ms; if (ms > max) max = ms; if ($9 != "0,") bad++;
                   v = $12; if (v ~ /^never/) unseen++; else { vs += v; if (v + 0 > vmax) vmax = v + 0; if (v + 0 > 2000) slow++ } }
       END { if (n) printf "%d indexer runs: %.1f s mean, %.1f s max; failed %d; new records served %.0f ms mean, %.0f ms max after the indexer exited, %d of them after more than 2 s; never served within 10 s: %d\n",
             n, sum / n / 1000, max / 1000, bad, (n - unseen) ? vs / (n - unseen) : 0, vmax, slow + 0, unseen + 0 }' "$RUN/commits.log"
  if [[ -n $indexed ]]; then
    echo "archive at the end: $records distinct ids; index after the last indexer run: $indexed documents" \
      "$([[ $records == "$indexed" ]] && echo "(equal)" || echo "(NOT EQUAL: the indexer kept or lost documents)")"
  fi
  echo "searchd events: $(events reload) reloads, $(events reload_failed) failed reloads, $(events error) errors;" \
    "exit status after SIGTERM: $searchd_rc$([[ $searchd_alive == 1 ]] || echo ' (it had died during the run)')"
  grep '"event":"\(error\|reload_failed\)"' "$RUN/searchd.stderr" | head -5 || true
  echo "machine load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared: latencies are only comparable on a quiet one)"
} | tee -a "$RUN/report.txt"
# Exit 1 when a request failed, RSS or FDs grew (the driver says), an indexer run failed or its
# records were never served, the index and the archive disagree, or searchd died or stopped badly.
if grep '^commit' "$RUN/commits.log" | grep -qv ', exit 0, served after [0-9]'; then rc=1; fi
[[ -z $indexed || $records == "$indexed" ]] || rc=1
[[ $searchd_rc == 0 && $searchd_alive == 1 ]] || rc=1
exit "$rc"
}
