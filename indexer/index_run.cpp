#include "index_run.h"

namespace vankho::index {
namespace {

RunStats index_paths_or_throw(IndexWriter& writer, const std::vector<std::string>& paths,
                              const ingest::IngestOptions& options, const RunCallbacks& callbacks) {
  uint64_t documents = 0;
  for (const auto& path : paths) {
    writer.begin_root(source_root_of(path));
    size_t from_this_root = 0;
    const ingest::IngestStats read = ingest::read_paths(
        {path}, options,
        [&](ingest::SourceDocument&& doc) {
          writer.add(doc);
          ++from_this_root;
          if (callbacks.progress) callbacks.progress(++documents, writer.stats().bytes);
        },
        [&](const ingest::Problem& p) {
          if (p.skipped) {
            ++writer.stats().skipped;
            if (!p.id.empty()) writer.keep(p.id);  // unreadable now is not deleted
          }
          if (callbacks.problem) callbacks.problem(p);
        });
    RunStats& stats = writer.stats();
    for (const auto& [format, count] : read.documents_by_format) stats.by_format[format] += count;
    stats.pages += read.pages;
    stats.ocr_pages += read.ocr_pages;
    stats.pages_without_text += read.pages_without_text;
    stats.files_converted += read.files_converted;
    // Without a single document read (an unreadable folder, say) nothing is removed: a transient
    // failure must not empty the index.
    if (from_this_root > 0) {
      writer.end_root();
    } else if (callbacks.nothing_read) {
      callbacks.nothing_read(path);
    }
  }
  writer.commit();
  return writer.stats();
}

}  // namespace

RunStats index_paths(IndexWriter& writer, const std::vector<std::string>& paths,
                     const ingest::IngestOptions& options, const RunCallbacks& callbacks) {
  try {
    return index_paths_or_throw(writer, paths, options, callbacks);
  } catch (const Xapian::Error& e) {  // a write failed mid-run (disk full, damaged index, ...)
    throw IndexError("index " + writer.index_dir() + ": " + e.get_description() +
                     "; the index keeps what its last commit held");
  }
}

}  // namespace vankho::index
