// The three indexes the eval and latency benchmarks query (vankho, plain Xapian, FTS5), kept in one
// work folder so that a second run can reuse them (--reuse) instead of indexing the corpus again;
// and the load benchmark's same-job Xapian peer (samejob_peer.h), built only when asked for.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "ingest.h"

namespace vankho::bench {

struct IndexPaths {
  std::string vankho, xapian, fts5;
  std::string xapian_samejob;  // WORK/xapian-samejob: the plain peer's index plus filter values
};

[[nodiscard]] IndexPaths index_paths(const std::string& work_dir);

enum class Reuse { kRebuild, kReuseComplete };

struct WantedIndexes {
  bool vankho = true, xapian = true, fts5 = true;
  bool xapian_samejob = false;
};

// Builds each wanted index (all of them afresh with kRebuild; with kReuseComplete only those that
// a previous run did not finish, or finished with another `config`) and logs what it did with
// timings. `corpus` is the corpus path (vankho records it as the documents' source root); `config`
// names what the documents were read with (bench/corpus.h describe()), kept beside each index.
// Throws on an index error.
void ensure_indexes(const IndexPaths& paths, const WantedIndexes& wanted,
                    const std::vector<ingest::SourceDocument>& docs, const std::string& corpus,
                    Reuse reuse, std::ostream& log, const std::string& config = "");

// True when a previous run finished the index at `path` with this `config`.
[[nodiscard]] bool index_complete(const std::string& path, const std::string& config = "");

// Command-line helpers shared by the bench tools: the value after `name`, or `fallback`.
[[nodiscard]] std::string arg_value(int argc, char** argv, const std::string& name,
                                    const std::string& fallback);
[[nodiscard]] bool has_arg(int argc, char** argv, const std::string& name);

}  // namespace vankho::bench
