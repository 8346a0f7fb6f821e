#!/usr/bin/env bash
# Hostile-input probes: a re-run of the probes of our reliability issue against the product's own
# commands (vankho-indexer, vankho-searchd, vankho-query), now that the fixes are in. For each
# defect it prints what was measured before the fixes ("before", fixed text) beside what this run
# measures ("after"), as one Markdown table: slow and half-sent connections, the listen backlog,
# symbolic links and FIFOs in an archive, facet values that do not filter, pipelined requests,
# queries without words, boolean and repeated parameters, a reversed period, the facets=false
# total, the indexer under a file size limit (SIGXFSZ) and stalled request bodies.
#
#   bash bench/probes/run.sh
#
# Needs the Release binaries already built in $BUILD_DIR (default build-bench; nothing is built
# here), curl and python3 (standard library only; the socket probes are in probes.py). Everything
# runs on 127.0.0.1 with ports the kernel picks (--listen 127.0.0.1:0), in a temporary folder under
# $BUILD_DIR/bench-probes that is removed at the end (KEEP=1 keeps it), with every process it starts
# stopped on exit. Takes about a minute. Run by hand; not run by CI (not a ctest).
# shellcheck disable=SC2016  # backquotes in single quotes are Markdown code, not commands
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1

BUILD_DIR=${BUILD_DIR:-build-bench}
INDEXER=$BUILD_DIR/indexer/vankho-indexer
SEARCHD=$BUILD_DIR/searchd/vankho-searchd
QUERY=$BUILD_DIR/query/vankho-query
for b in "$INDEXER" "$SEARCHD" "$QUERY"; do
  [[ -x $b ]] || { echo "bench/probes: $b is missing; build it first (see bench/README.md)" >&2; exit 1; }
done
for t in curl python3 timeout mkfifo; do
  command -v "$t" >/dev/null || { echo "bench/probes: needs $t" >&2; exit 1; }
done

mkdir -p "$BUILD_DIR/bench-probes"
WORK=$(mktemp -d "$BUILD_DIR/bench-probes/run.XXXXXX")
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null; done
  if [[ ${KEEP:-0} == 1 ]]; then echo "bench/probes: kept $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_searchd NAME INDEX [OPTIONS...]: starts searchd on a free port; sets PORT.
start_searchd() {
  local name=$1 index=$2
  shift 2
  "$SEARCHD" --index "$index" --listen 127.0.0.1:0 --log "$WORK/$name.log" "$@" \
    >"$WORK/$name.out" 2>"$WORK/$name.err" &
  PIDS+=($!)
  touch "$WORK/$name.out"
  PORT=
  for _ in $(seq 100); do
    PORT=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$WORK/$name.out")
    [[ -n $PORT ]] && break
    kill -0 "${PIDS[-1]}" 2>/dev/null || break
    sleep 0.05
  done
  if [[ -z $PORT ]]; then
    echo "bench/probes: searchd ($name) did not start:" >&2
    cat "$WORK/$name.err" >&2
    exit 1
  fi
}
# get PORT PATH: prints the body then a last line with the status (000 when no answer).
get() { curl -s --max-time 10 -w '\n%{http_code}' "http://127.0.0.1:$1$2"; }
status() { curl -s -o /dev/null --max-time 10 -w '%{http_code}' "http://127.0.0.1:$1$2"; }
# json EXPR: evaluates EXPR over `d`, the JSON body read from stdin (ERR when it is not JSON).
json() { python3 -c "import json,sys
try: d=json.load(sys.stdin)
except Exception: print('not JSON'); sys.exit()
print($1)" 2>&1; }
ERRMSG='d["error"]["code"] + ": " + d["error"]["message"] if isinstance(d.get("error"), dict) else "(no error)"'
cell() { tr '\n|' ' /' | sed 's/ *$//'; }  # one table cell: no newlines, no pipes

# probe NAME PORT [ARGS...]: one socket probe of probes.py, never more than a minute.
probe() {
  local out rc
  out=$(timeout 60 python3 bench/probes/probes.py "$@" 2>&1)
  rc=$?
  if [[ $rc == 0 && -n $out ]]; then echo "$out"; else echo "PROBE FAILED (exit $rc$([[ $rc == 124 ]] && echo ', timed out')): $out"; fi
}

ROWS=()
row() { ROWS+=("| $1 | $2 | $3 | $4 | $(cell <<<"$5") |"); }  # row # DEFECT PROBE BEFORE AFTER

echo "bench/probes: $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M:%S UTC'), $(uname -sr), binaries $BUILD_DIR, work $WORK"

# --- the seeds index and the main searchd (defaults but --cache-entries 0, so searches search)
"$INDEXER" --index "$WORK/seeds-index" --default-level cong-khai --quiet seeds/ 2>"$WORK/seeds-index.err" ||
  { echo "bench/probes: indexing seeds/ failed" >&2; exit 1; }
start_searchd main "$WORK/seeds-index" --cache-entries 0
MAIN=$PORT

# 1. Slow / idle connections
a1=$(probe idle "$MAIN" 100)
a1b=$(probe idle "$MAIN" 200)
a1c=$(probe halfsent "$MAIN")
row 1 "slow/idle connections hold workers" \
  '100, then 200 conns send `GET / HTTP/1.1\r\nHost: x\r\n` then nothing; then one such conn alone' \
  "/api/health from another client waits 25–70 s; 8 such connections add 5 s to every request" \
  "$a1 <br> $a1b <br> $a1c"

# 2. Listen backlog
a2=$(probe burst "$MAIN" 64)
row 2 "listen backlog 5" "64 concurrent connects + GET /api/health in one burst" \
  "eight concurrent clients overflow it (kernel ListenOverflows rises, client retries after 1 s)" "$a2"

# 3. Symbolic links and FIFOs in the archive
arch=$WORK/archive
mkdir -p "$arch"
printf '%s\n' "NGHỊ QUYẾT về xây dựng nông thôn mới giai đoạn 2021-2025" \
  "Ban Thường vụ Tỉnh ủy thống nhất chủ trương đẩy mạnh chương trình xây dựng nông thôn mới, nâng cao đời sống người dân ở các xã vùng sâu." \
  >"$arch/that.txt"
ln -s /etc/passwd "$arch/passwd.txt"
mkfifo "$arch/pipe.txt"
timeout 30 "$INDEXER" --index "$WORK/archive-index" --default-level cong-khai "$arch" >"$WORK/archive.stdout" 2>"$WORK/archive.stderr"
irc=$?
start_searchd archive "$WORK/archive-index"
ARCH=$PORT
s_passwd=$(status "$ARCH" /api/documents/passwd.txt)
s_pipe=$(status "$ARCH" /api/documents/pipe.txt)
s_real=$(status "$ARCH" /api/documents/that.txt)
about() {  # what the indexer said about NAME (its lines, or "nothing")
  local said
  said=$(grep -h -- "$1" "$WORK/archive.stdout" "$WORK/archive.stderr" | sed "s|$arch/||g" | cell)
  echo "${said:-nothing}"
}
summary=$(grep -h 'added' "$WORK/archive.stdout" "$WORK/archive.stderr" | tail -1 | sed "s|$WORK/||g" | cell)
row 3 "symbolic links published" '`ln -s /etc/passwd archive/passwd.txt` (+ a FIFO `pipe.txt`, + one real .txt)' \
  '`ln -s /etc/passwd archive/passwd.txt` is indexed and /api/documents/passwd.txt returns /etc/passwd' \
  "indexer exit $irc$([[ $irc == 124 ]] && echo ' (HUNG, killed after 30 s)'); on passwd.txt: \`$(about passwd.txt)\`; on pipe.txt: \`$(about pipe.txt)\`; summary: \`$summary\` <br> /api/documents/passwd.txt → $s_passwd, pipe.txt → $s_pipe, that.txt (the real one) → $s_real"

# 4. Facet values that do not filter
a4=$(probe facets "$MAIN" "t%E1%BB%89nh")
a4b=$(probe facets "$MAIN" "")
row 4 "facet values that do not filter" "every facet value offered, requested back as its filter" \
  'type `thong` (a cut-off type) offered as a facet value but rejected as a filter; every document came back' \
  "$a4 <br> $a4b"

# 5. Pipelining
a5=$(probe pipeline "$MAIN")
row 5 "pipelined request dropped" "two GET /api/health in one write, one connection" \
  "a second pipelined request is dropped without an answer" "$a5"

# 6. Queries without words
a6=""
for q in '%28%28%28%28' '%F0%9F%98%80'; do
  a6+="q=\`$(python3 -c 'import sys,urllib.parse; print(urllib.parse.unquote(sys.argv[1]))' "$q")\`: $(get "$MAIN" "/api/search?q=$q&limit=0" |
    { body=$(sed '$d'); echo "$body" | json '"total %s, warnings %s" % (d["total"], json.dumps(d["query"]["warnings"]))'; }) <br> "
done
row 6 'queries without words' '`q=((((` and `q=😀`' "returned every document with no warning" "${a6% <br> }"

# 7. Boolean spelling
r7=$(get "$MAIN" "/api/search?q=t%E1%BB%89nh&facets=TRUE&limit=0")
row 7 "boolean spelling" '`facets=TRUE`' '`facets=TRUE` rejected while the message says true or false' \
  "status $(tail -1 <<<"$r7")"

# 8. Repeated single-valued parameter
# The variants tell a repetition refused by searchd from one dropped before it sees the request.
a8=""
for qs in 'sort=date&sort=date' 'sort=date&sort=dat%65' 'sort=date&sort=relevance' 'limit=1&limit=1' 'facets=true&facets=true'; do
  r8=$(get "$MAIN" "/api/search?q=t%E1%BB%89nh&$qs")
  a8+="\`$qs\` → $(tail -1 <<<"$r8")$([[ $(tail -1 <<<"$r8") != 200 ]] && echo " ($(sed '$d' <<<"$r8" | json "$ERRMSG"))") <br> "
done
row 8 "repeated parameter" '`sort=date&sort=date` (and variants)' "passes" "${a8% <br> }"

# 9. Reversed period
r9=$(get "$MAIN" "/api/search?q=t%E1%BB%89nh&from=2025&to=2020")
timeout 30 "$QUERY" --index "$WORK/seeds-index" --from 2025 --to 2020 tỉnh >"$WORK/q9.out" 2>"$WORK/q9.err"
q9_rc=$?
row 9 '`--from/--to` reversed' 'HTTP `from=2025&to=2020`; `vankho-query --from 2025 --to 2020 tỉnh`' \
  "CLI swaps with a warning, HTTP answers 400" \
  "HTTP $(tail -1 <<<"$r9"): $(sed '$d' <<<"$r9" | json "$ERRMSG") <br> CLI exit $q9_rc: \`$(head -2 "$WORK/q9.err" | cell)\`$([[ -s $WORK/q9.out ]] && echo " (stdout: $(head -1 "$WORK/q9.out" | cut -c1-80 | cell) …)")"

# 10. facets=false total
a10=""
for q in 't%E1%BB%89nh' 'n%C3%B4ng%20th%C3%B4n'; do
  a10+="q=\`$(python3 -c 'import sys,urllib.parse; print(urllib.parse.unquote(sys.argv[1]))' "$q")\`: $(get "$MAIN" "/api/search?q=$q&facets=false&limit=0" |
    { body=$(sed '$d'); echo "$body" | json '", ".join("%s %s" % (k, json.dumps(d.get(k))) for k in ("total", "total_exact", "total_min", "total_max"))'; }); "
done
exact=$(get "$MAIN" "/api/search?q=t%E1%BB%89nh&facets=true&limit=0" | sed '$d' | json 'd["total"]')
row 10 '`facets=false` total' 'a search with `facets=false` on the seeds' \
  '`total` says 2,000 for 1,035 exact matches' "${a10}(with facets, q=\`tỉnh\`: total $exact)"

# 11. SIGXFSZ
(
  ulimit -f 64
  timeout 60 "$INDEXER" --index "$WORK/xfsz-index" --default-level cong-khai seeds/ >"$WORK/xfsz.out" 2>"$WORK/xfsz.err"
  echo $? >"$WORK/xfsz.rc"
)
x_rc=$(cat "$WORK/xfsz.rc")
x_sig=""
((x_rc > 128 && x_rc != 124)) && x_sig=" (signal $(kill -l $((x_rc - 128)) 2>/dev/null || echo $((x_rc - 128))))"
x_last=$(grep -v '^[[:space:]]*$' "$WORK/xfsz.err" | tail -1 | sed "s|$WORK/||g" | cell)
row 11 "SIGXFSZ kills the indexer silently" 'indexer on seeds/ into a fresh folder under `ulimit -f 64`' \
  "the indexer killed by SIGXFSZ dies without a message" \
  "exit $x_rc$x_sig; last stderr line: \`${x_last:-(empty)}\`"

# 12. Slow request body
start_searchd slowbody "$WORK/seeds-index" --threads 2
a12=$(probe slowbody "$PORT" 4)
row 12 "stalled request body holds a worker" \
  '4 conns send `POST /api/search` with `Content-Length: 1000` and 3 bytes of body, then nothing' \
  "a POST with Content-Length whose body never comes holds a worker until --timeout" "$a12"

echo
echo "| # | defect | probe | before | after |"
echo "|---|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"
