#include "peers.h"

#include <cctype>
#include <filesystem>
#include <stdexcept>
#include <unordered_map>

namespace vankho::bench {
namespace {

constexpr Xapian::valueno kIdSlot = 0;
constexpr Xapian::termpos kTitleGap = 100;  // as vankho's schema: title, a gap, then the body

bool has_word_character(const std::string& w) {
  for (unsigned char c : w) {
    if (c >= 0x80 || std::isalnum(c)) return true;
  }
  return false;
}

// The headings a record was read with after its title (the act's title with --act-titles, then
// --field subject=...): the peers index them after the title, as vankho does, so that every
// system reads the same words.
std::string headings_of(const ingest::SourceDocument& doc) {
  std::string out;
  for (const char* name : {"parent_title", "subject"}) {
    const auto it = doc.fields.find(name);
    if (it == doc.fields.end()) continue;
    if (!out.empty()) out += "\n";
    out += it->second;
  }
  return out;
}

}  // namespace

std::vector<const ingest::SourceDocument*> latest_records(const std::vector<ingest::SourceDocument>& docs) {
  std::unordered_map<std::string_view, size_t> last;
  last.reserve(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) last[docs[i].id] = i;
  std::vector<const ingest::SourceDocument*> out;
  out.reserve(last.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    if (last[docs[i].id] == i) out.push_back(&docs[i]);
  }
  return out;
}

// ---- plain Xapian --------------------------------------------------------------------------

PlainXapianIndexer::PlainXapianIndexer(const std::string& dir, Extras extras)
    : db_(dir, Xapian::DB_CREATE_OR_OVERWRITE), extras_(std::move(extras)) {
  tg_.set_stemmer(Xapian::Stem("none"));
}

Xapian::Document plain_document(Xapian::TermGenerator& tg, const ingest::SourceDocument& doc) {
  Xapian::Document xd;
  tg.set_document(xd);
  tg.index_text(doc.title);
  if (const std::string s = headings_of(doc); !s.empty()) {
    tg.increase_termpos(kTitleGap);
    tg.index_text(s);
  }
  tg.increase_termpos(kTitleGap);
  tg.index_text(doc.text);
  xd.add_boolean_term("Q" + doc.id);
  xd.add_value(kIdSlot, doc.id);
  std::string data;
  data.reserve(doc.title.size() + 1 + doc.text.size());
  data.append(doc.title).append("\n").append(doc.text);
  xd.set_data(data);
  return xd;
}

void PlainXapianIndexer::add(const ingest::SourceDocument& doc) {
  Xapian::Document xd = plain_document(tg_, doc);
  if (extras_) extras_(xd, doc);
  if (seen_.insert(doc.id).second) {
    db_.add_document(xd);  // the index was created afresh: this id cannot be in it yet
  } else {
    db_.replace_document("Q" + doc.id, xd);  // a repeated id: the later record wins
  }
  if (++pending_ >= kPeerBatchDocuments) commit();
}

void PlainXapianIndexer::commit() {
  db_.commit();
  pending_ = 0;
}

PlainXapianSearcher::PlainXapianSearcher(const std::string& dir) : db_(dir), enquire_(db_) {
  qp_.set_stemmer(Xapian::Stem("none"));
  qp_.set_stemming_strategy(Xapian::QueryParser::STEM_NONE);
  qp_.set_default_op(Xapian::Query::OP_OR);
  qp_.set_database(db_);
  enquire_.set_weighting_scheme(Xapian::BM25Weight());  // Xapian's defaults: k1=1, b=0.5
}

Xapian::Query PlainXapianSearcher::parse(const std::string& q) {
  try {
    return qp_.parse_query(q);
  } catch (const Xapian::QueryParserError&) {
    return qp_.parse_query(q, 0);  // no operators: every word as a term
  }
}

std::vector<std::string> PlainXapianSearcher::search(const std::string& q, size_t k) {
  enquire_.set_query(parse(q));
  const Xapian::MSet mset = enquire_.get_mset(0, static_cast<Xapian::doccount>(k));
  std::vector<std::string> ids;
  for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(it.get_document().get_value(kIdSlot));
  return ids;
}

Xapian::doccount PlainXapianSearcher::match(const std::string& q, size_t k) {
  enquire_.set_query(parse(q));
  return enquire_.get_mset(0, static_cast<Xapian::doccount>(k)).size();
}

// ---- SQLite FTS5 ---------------------------------------------------------------------------

Fts5Index::Fts5Index(const std::string& path, bool create) {
  if (create) {
    std::error_code ec;
    std::filesystem::remove(path, ec);
    std::filesystem::remove(path + "-journal", ec);
  } else if (!std::filesystem::exists(path)) {
    throw std::runtime_error("no FTS5 database at " + path);
  }
  if (sqlite3_open_v2(path.c_str(), &db_, create ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY,
                      nullptr) != SQLITE_OK) {
    const std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw std::runtime_error("cannot open " + path + ": " + msg);
  }
  if (create) {
    exec("PRAGMA journal_mode=OFF");
    exec("PRAGMA synchronous=OFF");
    exec("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, text, "
         "tokenize = 'unicode61 remove_diacritics 2')");
    if (sqlite3_prepare_v2(db_, "INSERT INTO docs(id, title, text) VALUES (?, ?, ?)", -1, &insert_,
                           nullptr) != SQLITE_OK) {
      throw std::runtime_error(std::string("FTS5 insert: ") + sqlite3_errmsg(db_));
    }
  }
  if (sqlite3_prepare_v2(db_, "SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ?", -1,
                         &select_, nullptr) != SQLITE_OK) {
    throw std::runtime_error(std::string("FTS5 select: ") + sqlite3_errmsg(db_));
  }
}

Fts5Index::~Fts5Index() {
  if (in_transaction_) sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_finalize(insert_);
  sqlite3_finalize(select_);
  sqlite3_close(db_);
}

void Fts5Index::exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    const std::string msg = err ? err : "error";
    sqlite3_free(err);
    throw std::runtime_error(std::string(sql) + ": " + msg);
  }
}

void Fts5Index::add(const ingest::SourceDocument& doc) {
  if (!in_transaction_) {
    exec("BEGIN");
    in_transaction_ = true;
  }
  std::string title = doc.title;
  if (const std::string s = headings_of(doc); !s.empty()) title.append("\n").append(s);
  sqlite3_bind_text(insert_, 1, doc.id.data(), static_cast<int>(doc.id.size()), SQLITE_STATIC);
  sqlite3_bind_text(insert_, 2, title.data(), static_cast<int>(title.size()), SQLITE_STATIC);
  sqlite3_bind_text(insert_, 3, doc.text.data(), static_cast<int>(doc.text.size()), SQLITE_STATIC);
  if (sqlite3_step(insert_) != SQLITE_DONE) {
    throw std::runtime_error("FTS5 insert of " + doc.id + ": " + sqlite3_errmsg(db_));
  }
  sqlite3_reset(insert_);
  if (++pending_ >= kPeerBatchDocuments) commit();
}

void Fts5Index::commit() {
  if (in_transaction_) exec("COMMIT");
  in_transaction_ = false;
  pending_ = 0;
}

std::string Fts5Index::or_query(const std::string& q) {
  std::string out, word;
  auto flush = [&] {
    if (!word.empty() && has_word_character(word)) {
      if (!out.empty()) out += " OR ";
      out += '"';
      for (char c : word) {
        if (c == '"') out += '"';  // FTS5 string escape
        out += c;
      }
      out += '"';
    }
    word.clear();
  };
  for (char c : q) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      flush();
    } else {
      word += c;
    }
  }
  flush();
  return out;
}

std::vector<std::string> Fts5Index::search(const std::string& q, size_t k) {
  std::vector<std::string> ids;
  const std::string match = or_query(q);
  if (match.empty()) return ids;
  sqlite3_bind_text(select_, 1, match.data(), static_cast<int>(match.size()), SQLITE_TRANSIENT);
  sqlite3_bind_int(select_, 2, static_cast<int>(k));
  int rc;
  while ((rc = sqlite3_step(select_)) == SQLITE_ROW) {
    ids.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(select_, 0)));
  }
  sqlite3_reset(select_);
  if (rc != SQLITE_DONE) throw std::runtime_error("FTS5 query " + match + ": " + sqlite3_errmsg(db_));
  return ids;
}

}  // namespace vankho::bench
