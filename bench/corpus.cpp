#include "corpus.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace vankho::bench {

std::string corpus_path(int argc, char** argv) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--corpus") return argv[i + 1];
  }
  if (const char* env = std::getenv("VANKHO_CORPUS")) return env;
  return std::string(VANKHO_SOURCE_DIR) + "/../shared/corpus/phapdien.jsonl.gz";
}

std::optional<std::vector<ingest::SourceDocument>> load_corpus(const std::string& path) {
  if (!std::filesystem::exists(path)) {
    std::cerr << "corpus not found at " << path
              << " (it is not part of the project; pass --corpus FILE or set VANKHO_CORPUS)\n";
    return std::nullopt;
  }
  ingest::IngestOptions options;
  options.field_map = {{"number", "source_number"}, {"date", "source_date"}, {"type", "source_type"}};
  options.max_file_bytes = 1ull << 30;
  std::vector<ingest::SourceDocument> docs;
  ingest::read_paths({path}, options, [&](ingest::SourceDocument&& d) { docs.push_back(std::move(d)); },
                     [](const ingest::Problem&) {});
  return docs;
}

}  // namespace vankho::bench
