// One indexing run: every PATH read through ingest into the writer, with removal of documents whose
// files are gone, committed at the end. vankho-indexer, tests and benchmarks all index this way.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "extract.h"
#include "index_writer.h"
#include "ingest.h"

namespace vankho::index {

struct RunCallbacks {
  std::function<void(const ingest::Problem&)> problem;              // skipped files, warnings
  std::function<void(uint64_t documents, uint64_t bytes)> progress;  // after each document
  std::function<void(const std::string& path)> nothing_read;         // a PATH gave no document
};

// Indexes `paths` (which must exist) and commits. Returns the writer's statistics. A failure of the
// index itself is an IndexError (Xapian's errors do not leave the indexer's library).
RunStats index_paths(IndexWriter& writer, const std::vector<std::string>& paths,
                     const ingest::IngestOptions& options, const RunCallbacks& callbacks = {});

}  // namespace vankho::index
