// The archive the soak run indexes and keeps changing: the legal corpus (or an even sample of it)
// split into JSON-lines shards, and the changes made to one shard before each indexer run.
#pragma once

#include <cstddef>
#include <string>

namespace vankho::soak {

struct PrepareOptions {
  std::string corpus;       // .jsonl or .jsonl.gz, one record a line with an "id"
  std::string archive_dir;  // receives shard-NN.jsonl
  size_t shards = 16;
  size_t sample = 0;       // 0: every record; N: N records evenly spread over the corpus
  std::string stable_ids;  // written: ids the mix requests as documents (never removed)
  std::string codes;       // written: document numbers (source_number) for /api/citations
};

// Returns 0, or 1 with a message on stderr.
int prepare_archive(const PrepareOptions& opts);

struct MutateOptions {
  std::string archive_dir;
  size_t cycle = 1;        // which change this is; picks the shard and seeds the choices
  std::string stable_ids;  // ids never removed
  size_t change = 20, remove = 10, add = 20;
};

// Rewrites one shard (atomically, by rename): `change` records get a new sentence, `remove`
// records go (never a stable id), `add` new records (ids soak-CYCLE-I) copy others' text plus the
// cycle's marker word. Prints "cycle C SHARD: changed X, removed Y, added Z, marker M" on stdout.
int mutate_archive(const MutateOptions& opts);

// Prints how many distinct ids the archive's shards hold (what the index should count).
int count_archive_ids(const std::string& archive_dir);

// The word only the documents added by `cycle` contain (letters only, one token): vksoakb, ...
[[nodiscard]] std::string cycle_marker(size_t cycle);

}  // namespace vankho::soak
