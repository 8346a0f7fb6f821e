// An index given as a Xapian stub file instead of a vankho index folder: each line one database,
// in Xapian's own stub format (`remote HOST:PORT` for a shard served by a stock xapian-tcpsrv,
// `auto PATH` / `glass PATH` / a bare PATH for a local one, relative to the stub's folder; `#`
// comments). So are a folder whose XAPIANDB vankho did not write (a replica made by
// xapian-replicate, which switches databases by rewriting it) and a stub file naming such folders.
//
// The databases are opened one by one, so that one that is down or times out leaves the others
// searchable (the answer then says it is partial) and is tried again later. A local line naming a
// vankho index folder opens its levels up to the reader's clearance; any other database is searched
// only by readers cleared for every document in it (its level terms, schema kLevel, say which), so
// that nothing above a caller — hits, counts, words, statistics — comes from it. For a portal, serve
// each level of each shard on its own port (`xapian-tcpsrv DIR/current/cong-khai`).
#pragma once

#include <xapian.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "vocabulary.h"

namespace vankho::query {

// True when `index_path` is a stub file, or a folder with a stub vankho did not write.
[[nodiscard]] bool is_shard_stub(const std::string& index_path);

struct ShardLine {
  std::string name;  // the line as written ("remote 10.0.0.2:7001"), for messages and health
  bool remote = false;
  std::string host;
  unsigned port = 0;
  std::string path;  // local: absolute or relative to the stub's folder, resolved
};

// The lines of the stub at `index_path` (a file, or DIR/XAPIANDB). Throws IndexUnavailable naming
// the file and line of anything it cannot read.
[[nodiscard]] std::vector<ShardLine> read_shard_stub(const std::string& index_path);

// What changes when the stub or a local replica's own stub is rewritten: their texts.
[[nodiscard]] std::string shard_identity(const std::string& index_path, const std::vector<ShardLine>& lines);

struct ShardState {
  ShardLine line;
  std::optional<Xapian::Database> db;  // open and searched
  bool above_clearance = false;        // open, but it holds documents above the reader's clearance
  std::string problem;                 // why it is not searched ("" when it is)
  std::chrono::steady_clock::time_point retry_at{};  // when a shard that is down is tried again
  std::string uuid;  // a remote shard's database when opened: a rebuild under its server changes it
};

// Whether a remote shard's server now serves another database than `state` has open (the shard was
// rebuilt: an open connection stays on the old one, a new connection opens what DIR/current
// names). Opens a new connection to ask; false when that fails (the next search will tell).
[[nodiscard]] bool remote_shard_replaced(const ShardState& state);

// How long a remote shard may take to answer (VANKHO_REMOTE_TIMEOUT_MS, default 10000) and to
// accept a connection (a fifth of it).
[[nodiscard]] unsigned remote_timeout_ms();

// Opens `state`'s database (on failure: `problem`, and a retry time); checks its levels.
void open_shard(ShardState& state, extract::AccessLevel clearance);

}  // namespace vankho::query
