// Writes source documents into a Xapian index incrementally and crash-safely: unchanged documents
// (same content hash) are skipped, documents gone from a PATH are removed, and changes are committed
// in batches, so a killed run leaves the index at its last commit and the next run completes it.
// Into an index that starts empty (a first run, --rebuild), documents are built on the caller's
// thread and written on a background one (background_writer.h): about 1.5 times faster on 2 cores.
#pragma once

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_set>
#include <xapian.h>

#include "background_writer.h"
#include "document_builder.h"
#include "extract.h"
#include "index_target.h"
#include "shard.h"
#include "ingest.h"

namespace vankho::index {

struct WriterOptions {
  std::string index_dir;
  bool rebuild = false;  // start afresh: beside the served index, switched to at commit()
  // The theme taxonomy to classify with (--themes). Null: the one the index records, or the
  // built-in one for a new index. One that differs from what a non-empty index records is refused
  // (IndexError) unless `rebuild`: an index's documents are all classified alike.
  const extract::ThemeTaxonomy* themes = nullptr;
  // The level of a document that neither the archive's metadata nor a stamp in its text gives.
  extract::AccessLevel default_level = extract::AccessLevel::kNoiBo;
  // --shard I/N: only the documents of this shard are written (the others are counted in
  // RunStats::other_shards); none: every document.
  std::optional<Shard> shard;
  size_t batch_documents = 500;          // commit after this many changed documents...
  size_t batch_bytes = 64ull << 20;      // ...or this many bytes of changed text
};

struct RunStats {
  size_t added = 0, updated = 0, unchanged = 0, removed = 0, skipped = 0, duplicates = 0;
  size_t other_shards = 0;  // documents read that belong to another shard (WriterOptions::shard)
  uint64_t bytes = 0;  // text bytes seen
  // What was read (index_paths): documents by format ("pdf", "docx", "jsonl", ...), their pages,
  // pages recognised by OCR or left without text, and files whose legacy encodings were converted.
  std::map<std::string, size_t> by_format;
  size_t pages = 0, ocr_pages = 0, pages_without_text = 0, files_converted = 0;
};

// A failure of the run itself (index unusable, locked, incompatible): the tool exits non-zero.
struct IndexError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class IndexWriter {
 public:
  explicit IndexWriter(const WriterOptions& options);  // throws IndexError

  // Documents read from `root` (a PATH given by the user) follow until end_root().
  void begin_root(const std::string& root);
  void add(const ingest::SourceDocument& doc);
  // A document of the current root that could not be read this run: its indexed version is kept.
  void keep(const std::string& id) { seen_.insert(id); }
  // Removes the documents of the current root that this run did not see.
  void end_root();
  // Applies everything queued and commits; the end of a run: a rebuild is served from here on.
  void commit();

  // Counts of added/updated/unchanged may lag behind add() until commit().
  [[nodiscard]] RunStats& stats() { return stats_; }
  [[nodiscard]] Xapian::doccount document_count();
  [[nodiscard]] std::array<Xapian::doccount, extract::kAccessLevelCount> documents_by_level();
  [[nodiscard]] const std::string& index_dir() const { return options_.index_dir; }
  // The taxonomy documents are classified with (and the index records).
  [[nodiscard]] const extract::ThemeTaxonomy& themes() const { return themes_; }

 private:
  // Runs `change` on the background writer when there is one, else at once.
  void apply(BackgroundWriter::Change change, uint64_t bytes);
  // Writes `doc` unless the index holds it with the same content hash.
  void replace_if_changed(const ingest::SourceDocument& doc);
  void maybe_commit();
  void note_pending(const ingest::SourceDocument& doc);
  void tokenize_body(const ingest::SourceDocument& doc);
  // Records which ids repeated in this run (kMetaRepeatedIds), if that changed.
  void record_repeated_ids();

  WriterOptions options_;
  IndexTarget target_;
  LevelDatabases& dbs_;  // target_'s, one per access level
  extract::ThemeTaxonomy themes_;
  bool started_empty_;  // nothing to look up or replace: plain adds are much faster
  DocumentBuilder builder_;
  std::vector<text::Token> tokens_;  // the body's tokens, shared by extraction and the builder
  RunStats stats_;
  std::string root_;
  std::unordered_set<std::string> seen_;  // ids of the current root seen in this run
  // Ids that several records of a root carried, as {root, id}: in the last run (from the index)
  // and in this one. A record with an id that repeated last time is held until its root ends and
  // only the last one is compared and written: else every run would write the first record and
  // then the last one again, two changes and a commit for nothing.
  std::set<std::pair<std::string, std::string>> repeated_before_, repeated_now_;
  std::set<std::string> roots_;                          // the roots of this run
  std::map<std::string, ingest::SourceDocument> held_;   // by id: the current root's held records
  size_t pending_docs_ = 0;
  uint64_t pending_bytes_ = 0;
  std::unique_ptr<BackgroundWriter> background_;  // after db_: stopped before it closes
};

// The metadata of a source document: supplied JSONL fields win over what extraction reads from the
// text, which wins over the title the file gives itself (a docx's core title, a PDF's Title). Its
// access level: the archive's metadata (doc.access), else the stamp in its text, else `default_level`.
// `tokens` (optional) are the tokens of doc.text, so that extraction does not tokenize again.
[[nodiscard]] extract::DocumentMetadata extract_metadata(const ingest::SourceDocument& doc,
                                                         const extract::ThemeTaxonomy& themes,
                                                         extract::AccessLevel default_level,
                                                         const std::vector<text::Token>* tokens = nullptr);

// The identity of a PATH argument in the index (its absolute, normalized form).
[[nodiscard]] std::string source_root_of(const std::string& path);

}  // namespace vankho::index
