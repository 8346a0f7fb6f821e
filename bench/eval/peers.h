// The peers that vankho is measured against, built from the same source documents: a plain Xapian
// index (TermGenerator, Stem("none"), no extraction, no folding; searched with QueryParser, default
// OR, BM25 with Xapian's default parameters) and SQLite FTS5 (unicode61 remove_diacritics 2, bm25(),
// the question's words OR-ed). Shared by bench/eval, bench/index and bench/latency.
#pragma once

#include <sqlite3.h>
#include <xapian.h>

#include <functional>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "index_writer.h"
#include "ingest.h"

namespace vankho::bench {

// Commits as often as vankho's writer does by default.
inline const size_t kPeerBatchDocuments = index::WriterOptions{}.batch_documents;

// The document the plain peer indexes for a record: title (+ subject) + text through `tg` (which
// has no stemmer), the id as the unique `Q` term and value 0, title + "\n" + text as the data.
// (The same-job peer, bench/eval/samejob_peer.h, adds its filter terms and values to it.)
[[nodiscard]] Xapian::Document plain_document(Xapian::TermGenerator& tg, const ingest::SourceDocument& doc);

// Indexes title + text with Xapian's TermGenerator (no stemmer); the id is the unique `Q` term and
// value 0; the document data is title + "\n" + text (vankho stores its text too, for snippets).
// Commits every kPeerBatchDocuments documents, as vankho's writer does; like it, adds into the
// fresh index without an id lookup and replaces only an id seen before in this run. `extras`, when
// given, adds to each document what another peer needs (the same-job peer's filter terms and values).
class PlainXapianIndexer {
 public:
  using Extras = std::function<void(Xapian::Document&, const ingest::SourceDocument&)>;
  explicit PlainXapianIndexer(const std::string& dir, Extras extras = {});
  void add(const ingest::SourceDocument& doc);
  void commit();

 private:
  Xapian::WritableDatabase db_;
  Xapian::TermGenerator tg_;
  Extras extras_;
  std::unordered_set<std::string> seen_;
  size_t pending_ = 0;
};

class PlainXapianSearcher {
 public:
  explicit PlainXapianSearcher(const std::string& dir);
  // QueryParser (default OR, Stem("none"), default flags) + get_mset(0, k): the ids, best first.
  [[nodiscard]] std::vector<std::string> search(const std::string& q, size_t k);
  // The same without reading ids back (what the latency peer times: parse + match).
  [[nodiscard]] Xapian::doccount match(const std::string& q, size_t k);

 private:
  Xapian::Query parse(const std::string& q);
  Xapian::Database db_;
  Xapian::QueryParser qp_;
  Xapian::Enquire enquire_;
};

// One FTS5 table `docs(id UNINDEXED, title, text)` in a SQLite file.
class Fts5Index {
 public:
  // Opens (create=true: creates afresh, replacing the file) the database; throws std::runtime_error.
  Fts5Index(const std::string& path, bool create);
  ~Fts5Index();
  Fts5Index(const Fts5Index&) = delete;
  Fts5Index& operator=(const Fts5Index&) = delete;

  // Inserts in transactions of kPeerBatchDocuments rows. Callers pass each id once.
  void add(const ingest::SourceDocument& doc);
  void commit();
  // The question's words (split at white space, each one quoted) OR-ed, ordered by bm25(): ids.
  [[nodiscard]] std::vector<std::string> search(const std::string& q, size_t k);

  // The FTS5 MATCH expression used by search() (empty when q has no word).
  [[nodiscard]] static std::string or_query(const std::string& q);

 private:
  void exec(const char* sql);
  sqlite3* db_ = nullptr;
  sqlite3_stmt* insert_ = nullptr;
  sqlite3_stmt* select_ = nullptr;
  size_t pending_ = 0;
  bool in_transaction_ = false;
};

// The records of `docs` with each id once, the later record kept (what the ingest's "later record
// wins" means for an index keyed by id); order otherwise kept.
[[nodiscard]] std::vector<const ingest::SourceDocument*> latest_records(
    const std::vector<ingest::SourceDocument>& docs);

}  // namespace vankho::bench
