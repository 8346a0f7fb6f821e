#!/usr/bin/env bash
# Shards against one index, same run: the archive of one size of bench/scale/run.sh (its single
# vankho index and plain-Xapian peer, kept in WORK_DIR/SIZE) split into three shards by
# `vankho-indexer --shard I/3`, searched as one archive through a Xapian stub file: three local
# shards (paths) and three remote shards (stock xapian-tcpsrv on loopback). Single-thread query
# latency in process (scale_bench --latency: the keyword and question mixes; facets and snippets
# on), every system beside the peer. On one 2-core machine this measures the overhead of shards,
# not a speed-up: the three servers share the cores with the client. Prints a table with each
# system's ratio to the single index, and writes it to WORK_DIR/SIZE/shards.md.
#
#   SIZE=100000 bash bench/scale/shards.sh      # after bench/scale/run.sh measured that size
#
# Environment: BUILD_DIR (default build-bench), WORK_DIR (default /tmp/vankho-scale), SIZE
# (default 1000000), SEED (default 1, as run.sh's), QUERY_COUNT (default 1000, as run.sh's).
set -euo pipefail
cd "$(dirname "$0")/../.."

BUILD_DIR=${BUILD_DIR:-build-bench}
WORK=${WORK_DIR:-/tmp/vankho-scale}
SIZE=${SIZE:-1000000}
SEED=${SEED:-1}
QUERY_COUNT=${QUERY_COUNT:-1000}
dir=$WORK/$SIZE
corpus=$dir/archive-s$SEED.jsonl.gz
mix=$dir/mix-s$SEED-q$QUERY_COUNT
for f in "$corpus" "$mix.keyword.txt" "$dir/vankho.done" "$dir/peer.done"; do
  [[ -e $f ]] || { echo "bench/scale/shards: $f is missing: run SIZES=$SIZE bash bench/scale/run.sh first" >&2; exit 1; }
done
command -v xapian-tcpsrv >/dev/null || { echo "bench/scale/shards: xapian-tcpsrv is needed (apt-get install xapian-tools)" >&2; exit 1; }
cmake --build "$BUILD_DIR" --target vankho-indexer scale_bench >/dev/null
INDEXER=$BUILD_DIR/indexer/vankho-indexer
SCALE=$BUILD_DIR/bench/scale_bench

servers=()
cleanup() { for pid in "${servers[@]}"; do kill -- -"$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

remote_stub="" local_stub=""
for i in 1 2 3; do
  shard=$dir/shard-$i
  if [[ ! -e $shard.done ]]; then
    echo "bench/scale/shards: $SIZE: vankho-indexer --shard $i/3" >&2
    rm -rf "$shard"
    /usr/bin/time -f "%e s, peak RSS %M KB" -o "$shard.time" "$INDEXER" -q --index "$shard" --shard "$i/3" "$corpus" >"$shard.log" 2>&1
    touch "$shard.done"
  fi
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  # Its own session: xapian-tcpsrv signals its whole process group when it stops.
  setsid xapian-tcpsrv --quiet --interface 127.0.0.1 --port "$port" "$shard" >"$shard.tcpsrv.log" 2>&1 &
  servers+=($!)
  for _ in $(seq 100); do (echo >/dev/tcp/127.0.0.1/"$port") 2>/dev/null && break; sleep 0.1; done
  remote_stub+="remote 127.0.0.1:$port"$'\n'
  local_stub+="$shard"$'\n'
done
printf '%s' "$remote_stub" >"$dir/remote.stub"
printf '%s' "$local_stub" >"$dir/local.stub"

field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<"$2"; }
table="| $SIZE documents | keyword p50 / p99 ms | × single | question p50 / p99 ms | × single | peer keyword p50 / p99 ms |
|---|---|---|---|---|---|"
declare -A base
for system in single local remote; do
  index=$dir/vankho-index
  [[ $system == local ]] && index=$dir/local.stub
  [[ $system == remote ]] && index=$dir/remote.stub
  echo "bench/scale/shards: $SIZE: $system" >&2
  row="| $system"
  peer=""
  for m in keyword question; do
    out=$("$SCALE" --latency --index "$index" --peer "$dir/peer-index" --mix "$mix.$m.txt")
    v=$(grep '^vankho ' <<<"$out")
    p50=$(field p50_ms "$v") p99=$(field p99_ms "$v")
    [[ $system == single ]] && base[$m]="$p50 $p99"
    read -r b50 b99 <<<"${base[$m]}"
    ratio=$(awk -v a="$p50" -v b="$p99" -v c="$b50" -v d="$b99" 'BEGIN { printf "%.2f / %.2f", a / c, b / d }')
    row+=" | $p50 / $p99 | $ratio"
    if [[ $m == keyword ]]; then
      pv=$(grep '^peer ' <<<"$out")
      peer="$(field p50_ms "$pv") / $(field p99_ms "$pv")"
    fi
  done
  table+=$'\n'"$row | $peer |"
done
printf '%s\n' "$table" | tee "$dir/shards.md"
