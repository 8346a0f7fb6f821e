// Ingest: turns the files a user points vankho-indexer at into clean source documents. Owns the
// readers (.txt, .md, .html/.htm, .jsonl, .jsonl.gz), the walk over folders, portal boilerplate
// removal (boilerplate.h) and the reporting of every file or line it had to skip.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace vankho::ingest {

struct SourceDocument {
  std::string id;         // path relative to the PATH given (forward slashes), or the JSONL `id`
  std::string source;     // the file it came from, as given on the command line
  size_t line = 0;        // JSONL line number (1-based); 0 for whole files
  std::string title;      // supplied by the source (JSONL `title`, HTML <title>), else ""
  std::string text;       // decoded, cleaned UTF-8 text (markup and boilerplate removed)
  std::map<std::string, std::string> fields;  // mapped JSONL metadata: number, date, type, ...
  uint64_t content_hash = 0;  // hash of title + text + fields: unchanged documents are skipped
  size_t invalid_utf8 = 0;    // U+FFFD substitutions made while decoding (reported as a warning)
};

// Something skipped or worth telling the user: "file:line: reason".
struct Problem {
  std::string file;
  size_t line = 0;  // 0 when it concerns the whole file
  std::string reason;
  bool skipped = true;  // false for warnings (document still indexed)
  [[nodiscard]] std::string to_string() const;
};

struct IngestOptions {
  uint64_t max_file_bytes = 64ull << 20;  // larger files are skipped (gz: limit on decompressed size)
  // JSONL field mapping: our name → the export's name, e.g. {"number","source_number"}.
  std::map<std::string, std::string> field_map;
  std::string boilerplate_file;  // extra boilerplate rules (see boilerplate.h), "" for builtin only
};

struct IngestStats {
  size_t files = 0, documents = 0, skipped = 0, warnings = 0;
  uint64_t bytes = 0;
};

using DocumentSink = std::function<void(SourceDocument&&)>;
using ProblemSink = std::function<void(const Problem&)>;

// Reads every supported file under each path (recursively, in sorted order for reproducible runs)
// and calls `sink` for each document. Never throws for bad input: it reports through `problems`.
// A JSONL id repeated within one run is reported with both line numbers; the later record wins
// (the sink simply receives it again).
IngestStats read_paths(const std::vector<std::string>& paths, const IngestOptions& options,
                       const DocumentSink& sink, const ProblemSink& problems);

// True for the file extensions read_paths understands.
[[nodiscard]] bool is_supported_file(const std::string& path);

}  // namespace vankho::ingest
