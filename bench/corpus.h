// Loads the legal corpus (../shared/corpus/phapdien.jsonl.gz) for benchmarks through the real
// ingest path. The corpus is not part of the project: callers say so and stop when it is absent.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ingest.h"

namespace vankho::bench {

// The corpus path: argv-style override, else $VANKHO_CORPUS, else ../shared beside the source tree.
[[nodiscard]] std::string corpus_path(int argc, char** argv);

// Reads every record (title+text), or nullopt with a message on stderr when the file is missing.
[[nodiscard]] std::optional<std::vector<ingest::SourceDocument>> load_corpus(const std::string& path);

}  // namespace vankho::bench
