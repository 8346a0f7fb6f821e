#include "corpus.h"

#include <algorithm>
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

std::string describe(const CorpusOptions& options) {
  std::string out;
  for (const auto& [ours, theirs] : options.extra_fields) out += "field " + ours + "=" + theirs + "\n";
  if (options.act_titles) out += std::string("parent titles ") + kActTitlePattern + "\n";
  return out;
}

std::optional<std::vector<ingest::SourceDocument>> load_corpus(const std::string& path,
                                                               const CorpusOptions& corpus_options) {
  if (!std::filesystem::exists(path)) {
    std::cerr << "corpus not found at " << path
              << " (it is not part of the project; pass --corpus FILE or set VANKHO_CORPUS)\n";
    return std::nullopt;
  }
  ingest::IngestOptions options;
  options.field_map = {{"number", "source_number"}, {"date", "source_date"}, {"type", "source_type"}};
  for (const auto& [ours, theirs] : corpus_options.extra_fields) options.field_map[ours] = theirs;
  if (corpus_options.act_titles) {
    options.field_map["parent"] = "source_number";
    options.field_map["parent_title"] = "source_note";
    options.parent_title_pattern = kActTitlePattern;
  }
  options.max_file_bytes = 1ull << 30;
  std::vector<ingest::SourceDocument> docs;
  ingest::read_paths({path}, options, [&](ingest::SourceDocument&& d) { docs.push_back(std::move(d)); },
                     [](const ingest::Problem&) {});
  if (corpus_options.act_titles) {
    const auto titled = std::count_if(docs.begin(), docs.end(), [](const auto& d) { return d.fields.contains("parent_title"); });
    std::cerr << titled << " of " << docs.size() << " records carry the title of their act\n";
  }
  return docs;
}

}  // namespace vankho::bench
