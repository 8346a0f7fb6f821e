#!/usr/bin/env bash
# Quick-start command 1: install what is missing, build, index seeds/ and serve search on
# http://127.0.0.1:8080 (PORT overrides the port). Ctrl-C stops the server.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
build_dir=${BUILD_DIR:-build}
index_dir="$build_dir/seeds-index"
# --rebuild: the seeds index takes a moment, and an index from an older schema is replaced. The
# seeds are articles published on provincial portals: public (cong-khai), not internal.
"$build_dir/indexer/vankho-indexer" --index "$index_dir" --rebuild --default-level cong-khai seeds/
echo
echo "Sample query: nong thon moi"
"$build_dir/query/vankho-query" --index "$index_dir" --limit 3 nong thon moi
echo "Serving search on http://127.0.0.1:${PORT:-8080}/ (Ctrl-C to stop)"
exec "$build_dir/searchd/vankho-searchd" --index "$index_dir" --web web --listen "127.0.0.1:${PORT:-8080}"
