#include "bench_indexes.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "extract.h"
#include "index_writer.h"
#include "peers.h"
#include "samejob_peer.h"

namespace fs = std::filesystem;

namespace vankho::bench {
namespace {

using Clock = std::chrono::steady_clock;

// A marker beside an index says that its build ran to the end, and with which config.
std::string marker(const std::string& path) { return path + ".complete"; }

std::string marker_text(const std::string& config) { return "complete\n" + config; }

template <typename Build>
void build(const std::string& name, const std::string& path, const std::string& config, Reuse reuse,
           std::ostream& log, Build&& f) {
  if (reuse == Reuse::kReuseComplete && index_complete(path, config)) {
    log << name << " index: reusing " << path << "\n";
    return;
  }
  std::error_code ec;
  fs::remove(marker(path), ec);
  fs::remove_all(path, ec);
  log << name << " index: building " << path << " ..." << std::flush;
  const auto t0 = Clock::now();
  f();
  log << " " << std::chrono::duration<double>(Clock::now() - t0).count() << " s\n";
  std::ofstream(marker(path)) << marker_text(config);
}

}  // namespace

bool index_complete(const std::string& path, const std::string& config) {
  std::ifstream in(marker(path));
  if (!in || !fs::exists(path)) return false;
  std::stringstream text;
  text << in.rdbuf();
  return text.str() == marker_text(config);
}

IndexPaths index_paths(const std::string& work_dir) {
  return {work_dir + "/vankho", work_dir + "/xapian", work_dir + "/fts5.sqlite", work_dir + "/xapian-samejob"};
}

void ensure_indexes(const IndexPaths& paths, const WantedIndexes& wanted,
                    const std::vector<ingest::SourceDocument>& docs, const std::string& corpus,
                    Reuse reuse, std::ostream& log, const std::string& config) {
  fs::create_directories(fs::path(paths.vankho).parent_path());
  if (wanted.vankho) {
    build("vankho", paths.vankho, config, reuse, log, [&] {
      index::WriterOptions options;
      options.index_dir = paths.vankho;
      options.rebuild = true;
      index::IndexWriter writer(options);
      writer.begin_root(index::source_root_of(corpus));
      for (const auto& d : docs) writer.add(d);
      writer.end_root();
      writer.commit();
    });
  }
  const auto latest = latest_records(docs);
  if (wanted.xapian) {
    build("plain Xapian", paths.xapian, config, reuse, log, [&] {
      PlainXapianIndexer indexer(paths.xapian);
      for (const auto* d : latest) indexer.add(*d);
      indexer.commit();
    });
  }
  if (wanted.xapian_samejob) {
    build("same-job Xapian", paths.xapian_samejob, config, reuse, log, [&] {
      PlainXapianIndexer indexer(paths.xapian_samejob, add_samejob_fields);
      for (const auto* d : latest) indexer.add(*d);
      indexer.commit();
    });
  }
  if (wanted.fts5) {
    build("SQLite FTS5", paths.fts5, config, reuse, log, [&] {
      Fts5Index index(paths.fts5, true);
      for (const auto* d : latest) index.add(*d);
      index.commit();
    });
  }
}

std::string arg_value(int argc, char** argv, const std::string& name, const std::string& fallback) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (name == argv[i]) return argv[i + 1];
  }
  return fallback;
}

bool has_arg(int argc, char** argv, const std::string& name) {
  for (int i = 1; i < argc; ++i) {
    if (name == argv[i]) return true;
  }
  return false;
}

}  // namespace vankho::bench
