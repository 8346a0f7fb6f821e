// vankho-indexer: reads an archive and writes the vankho index (see --help).
#include <unistd.h>

#include <csignal>

#include <filesystem>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

#include "access_rules.h"
#include "document_json.h"
#include "index_backup.h"
#include "extract.h"
#include "index_run.h"
#include "index_writer.h"
#include "ingest.h"
#include "options.h"
#include "walk.h"  // kLinkFollowedOutReason
#include "progress.h"

namespace fs = std::filesystem;
using namespace vankho;

namespace {

// Total bytes of plain-text inputs under the paths, for the ETA (compressed inputs: unknown → 0).
uint64_t plain_input_bytes(const std::vector<std::string>& paths) {
  uint64_t total = 0;
  std::error_code ec;
  for (const auto& p : paths) {
    if (fs::is_regular_file(p, ec)) {
      if (p.ends_with(".gz")) return 0;
      total += fs::file_size(p, ec);
      continue;
    }
    for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_regular_file(ec) || !ingest::is_supported_file(it->path().string())) continue;
      if (it->path().extension() == ".gz") return 0;
      total += it->file_size(ec);
    }
  }
  return total;
}

// "3 pdf (12 pages, 2 by OCR, 1 without text), 2 docx, 5 txt; legacy encodings converted in 1 file"
std::string formats_read(const index::RunStats& s) {
  std::string out;
  for (const auto& [format, count] : s.by_format) {
    out += (out.empty() ? "" : ", ") + std::to_string(count) + " " + format;
    if (format != "pdf" || s.pages == 0) continue;
    out += " (" + std::to_string(s.pages) + " pages";
    if (s.ocr_pages) out += ", " + std::to_string(s.ocr_pages) + " by OCR";
    if (s.pages_without_text) out += ", " + std::to_string(s.pages_without_text) + " without text";
    out += ")";
  }
  if (out.empty()) out = "no document";
  if (s.files_converted) {
    out += "; legacy encodings converted in " + std::to_string(s.files_converted) +
           (s.files_converted == 1 ? " file" : " files");
  }
  return out;
}

// "3 cong-khai, 7 noi-bo, 2 mat; ": the levels that hold documents.
std::string per_level(index::IndexWriter& writer) {
  std::string out;
  const auto counts = writer.documents_by_level();
  for (const extract::AccessLevel level : extract::kAccessLevels) {
    const auto n = counts[extract::level_index(level)];
    if (n == 0) continue;
    out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + std::string(extract::level_slug(level));
  }
  return out.empty() ? out : out + "; ";
}

int run_extract(const indexer_tool::ToolOptions& opts, const extract::ThemeTaxonomy& themes) {
  size_t printed = 0, problems = 0;
  ingest::read_paths(
      {opts.extract_file}, opts.ingest,
      [&](ingest::SourceDocument&& doc) {
        std::cout << index::document_json(doc, index::extract_metadata(doc, themes, opts.writer.default_level)).dump(2) << "\n";
        ++printed;
      },
      [&](const ingest::Problem& p) {
        std::cerr << "vankho-indexer: " << p.to_string() << "\n";
        ++problems;
      });
  return printed > 0 ? 0 : 1;
}

int run_index(const indexer_tool::ToolOptions& opts, const extract::ThemeTaxonomy* themes) {
  for (const auto& p : opts.paths) {
    std::error_code ec;
    if (!fs::exists(p, ec)) {
      std::cerr << "vankho-indexer: PATH " << p << " does not exist; nothing was changed\n";
      return 1;
    }
  }
  const auto started = std::chrono::steady_clock::now();
  index::WriterOptions writer_options = opts.writer;
  writer_options.themes = themes;
  index::IndexWriter writer(writer_options);
  const bool show_progress = !opts.quiet && (opts.progress || isatty(STDERR_FILENO));
  indexer_tool::Progress progress(show_progress, plain_input_bytes(opts.paths));
  index::RunCallbacks callbacks;
  callbacks.progress = [&](uint64_t documents, uint64_t bytes) { progress.update(documents, bytes); };
  size_t links_followed_out = 0;  // --follow-symlinks: each is also a warning line
  callbacks.problem = [&](const ingest::Problem& p) {
    if (!p.skipped && p.reason.starts_with(ingest::kLinkFollowedOutReason)) ++links_followed_out;
    if (opts.quiet && !p.skipped) return;
    if (show_progress) std::cerr << "\n";
    std::cerr << "vankho-indexer: " << (p.skipped ? "skipped " : "warning: ") << p.to_string() << "\n";
  };
  callbacks.nothing_read = [](const std::string& path) {
    std::cerr << "vankho-indexer: no document could be read from " << path
              << "; documents indexed from it before are kept\n";
  };
  index::index_paths(writer, opts.paths, opts.ingest, callbacks);
  progress.finish();
  const auto& s = writer.stats();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cerr << "vankho-indexer: " << opts.writer.index_dir << ": " << s.added << " added, "
            << s.updated << " updated, " << s.unchanged << " unchanged, " << s.removed
            << " removed, " << s.skipped << " skipped";
  if (s.duplicates) std::cerr << ", " << s.duplicates << " repeated ids (later record kept)";
  if (opts.writer.shard) {
    std::cerr << ", " << s.other_shards << " left to the other shards (this is shard " << opts.writer.shard->text() << ")";
  }
  if (links_followed_out) {
    std::cerr << ", " << links_followed_out << " symbolic link(s) followed out of the PATHs given";
  }
  std::cerr << "; read " << formats_read(s);
  std::cerr << "; " << writer.document_count() << " documents in the index (" << per_level(writer)
            << std::fixed << std::setprecision(1) << static_cast<double>(s.bytes) / 1e6 << " MB read in "
            << seconds << " s)\n";
  return 0;
}

// --backup / --restore: one line saying what the copy holds.
int run_backup(const indexer_tool::ToolOptions& opts) {
  const bool backup = !opts.backup_dir.empty();
  const index::BackupReport r = backup ? index::backup_index(opts.writer.index_dir, opts.backup_dir)
                                       : index::restore_index(opts.writer.index_dir, opts.restore_dir);
  Xapian::doccount total = 0;
  std::string levels;
  for (extract::AccessLevel level : extract::kAccessLevels) {
    const Xapian::doccount n = r.documents[extract::level_index(level)];
    total += n;
    if (n) levels += (levels.empty() ? "" : ", ") + std::to_string(n) + " " + std::string(extract::level_slug(level));
  }
  std::cerr << "vankho-indexer: " << (backup ? "backed up " + opts.writer.index_dir + " into " + opts.backup_dir
                                             : "restored " + opts.restore_dir + " into " + opts.writer.index_dir)
            << ": " << total << " documents" << (levels.empty() ? "" : " (" + levels + ")") << ", "
            << std::fixed << std::setprecision(1) << static_cast<double>(r.bytes) / 1e6
            << " MB; opened and checked\n";
  return 0;
}

// --compact: one line saying what the compaction gave.
int run_compact(const indexer_tool::ToolOptions& opts) {
  const auto started = std::chrono::steady_clock::now();
  const index::BackupReport r = index::compact_index(opts.writer.index_dir);
  Xapian::doccount total = 0;
  for (const Xapian::doccount n : r.documents) total += n;
  std::cerr << "vankho-indexer: compacted " << opts.writer.index_dir << ": " << total << " documents, "
            << std::fixed << std::setprecision(1) << static_cast<double>(r.bytes_before) / 1e6 << " MB → "
            << static_cast<double>(r.bytes) / 1e6 << " MB in "
            << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()
            << " s; searchd follows without a restart\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  // Past a file size limit (ulimit -f) a write fails with EFBIG and is reported, instead of the
  // kernel killing the indexer without a word.
  std::signal(SIGXFSZ, SIG_IGN);
  try {
    int exit_code = 0;
    auto opts = indexer_tool::parse_options(argc, argv, exit_code);
    if (!opts) return exit_code;
    std::optional<extract::ThemeTaxonomy> user_themes;
    if (!opts->themes_file.empty()) {
      std::string error;
      user_themes = extract::ThemeTaxonomy::load(opts->themes_file, error);
      if (!user_themes) {
        std::cerr << "vankho-indexer: --themes: " << error << "\n";
        return 2;
      }
    }
    if (!opts->ingest.boilerplate_file.empty()) {
      const auto problems = ingest::check_boilerplate_file(opts->ingest.boilerplate_file);
      for (const auto& p : problems) std::cerr << "vankho-indexer: --boilerplate: " << p.to_string() << "\n";
      if (!problems.empty()) return 2;
    }
    std::optional<ingest::AccessRules> access_rules;
    if (!opts->access_file.empty()) {
      std::vector<ingest::Problem> problems;
      access_rules = ingest::AccessRules::load(opts->access_file, problems);
      for (const auto& p : problems) std::cerr << "vankho-indexer: --access: " << p.to_string() << "\n";
      if (!access_rules) return 2;
      opts->ingest.access_rules = &*access_rules;
    }
    if (!opts->extract_file.empty()) {
      return run_extract(*opts, user_themes ? *user_themes : extract::ThemeTaxonomy::builtin());
    }
    if (!opts->backup_dir.empty() || !opts->restore_dir.empty()) return run_backup(*opts);
    if (!opts->paths.empty()) {
      const int indexed = run_index(*opts, user_themes ? &*user_themes : nullptr);
      if (indexed != 0 || !opts->compact) return indexed;
    }
    return run_compact(*opts);
  } catch (const index::IndexError& e) {
    std::cerr << "vankho-indexer: " << e.what() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "vankho-indexer: " << e.what() << "\n";
  }
  return 1;
}
