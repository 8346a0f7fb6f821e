// The state of one read_paths() call that the readers share: options, boilerplate rules, the two
// sinks, the statistics and the ids seen so far (to report an id that repeats). Internal.
#pragma once

#include <exception>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "boilerplate.h"
#include "ingest.h"
#include "parent_titles.h"

namespace vankho::ingest {

// Wraps an exception thrown by the caller's sink, so that the per-file guard lets it through.
struct SinkFailure {
  std::exception_ptr error;
};

class Run {
 public:
  Run(const IngestOptions& options, const DocumentSink& sink, const ProblemSink& problems);

  [[nodiscard]] const IngestOptions& options() const { return options_; }
  [[nodiscard]] IngestStats& stats() { return stats_; }

  void skip(const std::string& file, size_t line, std::string reason, std::string id = "");
  void warn(const std::string& file, size_t line, std::string reason);
  void report(const Problem& problem);

  // Boilerplate lines removed, then whitespace tidied.
  [[nodiscard]] std::string clean_text(std::string_view text) const;

  // Applies the archive's metadata (access rules, sidecar), hashes the document, reports a
  // repeated id, counts it and hands it to the sink.
  void emit(SourceDocument&& doc);

  void progress();

  // The parent titles learned in this run (parent_titles.h).
  [[nodiscard]] ParentTitles& parents() { return parents_; }

 private:
  void apply_archive_metadata(SourceDocument& doc);

  struct Seen {
    size_t file;  // index into files_
    size_t line;
  };

  const IngestOptions& options_;
  const DocumentSink& sink_;
  const ProblemSink& problems_;
  Boilerplate boilerplate_;
  ParentTitles parents_;
  IngestStats stats_;
  std::vector<std::string> files_;
  std::unordered_map<std::string, Seen> ids_;
};

}  // namespace vankho::ingest
