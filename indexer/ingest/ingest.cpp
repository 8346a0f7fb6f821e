#include "ingest.h"

#include <exception>

#include "boilerplate.h"
#include "document_reader.h"
#include "format_sniff.h"
#include "jsonl_reader.h"
#include "run.h"
#include "walk.h"

namespace vankho::ingest {
namespace {

bool is_jsonl(std::string_view path) {
  return ends_with_nocase(path, ".jsonl") || ends_with_nocase(path, ".jsonl.gz");
}

// One file, guarded: whatever goes wrong inside the readers becomes a skipped file, while an
// exception from the caller's own sinks goes back to the caller.
void read_one(const InputFile& file, Run& run) {
  try {
    if (is_jsonl(file.path)) {
      read_jsonl_file(file, run);
    } else {
      read_document_file(file, run);
    }
  } catch (const SinkFailure&) {
    throw;
  } catch (const std::exception& e) {
    run.skip(file.path, 0, std::string("could not be read: ") + e.what(), file.id);
  }
}

}  // namespace

std::string Problem::to_string() const {
  std::string out = file;
  if (line != 0) out += ":" + std::to_string(line);
  out += ": ";
  out += reason;
  return out;
}

bool is_supported_file(const std::string& path) { return is_candidate_name(path); }

std::vector<Problem> check_boilerplate_file(const std::string& path) {
  Boilerplate rules;
  return rules.add_rules_file(path);
}

IngestStats read_paths(const std::vector<std::string>& paths, const IngestOptions& options,
                       const DocumentSink& sink, const ProblemSink& problems) {
  try {
    Run run(options, sink, problems);
    std::vector<InputFile> files;
    const WalkOptions walk_opts = walk_options(paths, options);
    for (const std::string& path : paths) {
      WalkResult found = walk(path, walk_opts);
      for (const Problem& p : found.problems) run.report(p);
      for (InputFile& f : found.files) files.push_back(std::move(f));
    }
    run.stats().files_total = files.size();
    for (const InputFile& f : files) run.stats().input_bytes_total += f.size;
    run.progress();
    if (options.field_map.contains("parent") && options.field_map.contains("parent_title")) {
      for (const InputFile& file : files) {
        if (is_jsonl(file.path)) learn_parent_titles(file, run);
      }
    }
    for (const InputFile& file : files) {
      const uint64_t input_before = run.stats().input_bytes;
      read_one(file, run);
      ++run.stats().files;
      run.stats().input_bytes = input_before + file.size;
      run.progress();
    }
    return run.stats();
  } catch (const SinkFailure& failure) {
    std::rethrow_exception(failure.error);
  }
}

}  // namespace vankho::ingest
