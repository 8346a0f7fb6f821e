#include "index_writer.h"

#include <filesystem>
#include <optional>

#include "index_metadata.h"
#include "schema.h"

namespace vankho::index {
namespace {

// The taxonomy of this run (WriterOptions::themes), recorded in the index with the analyzer.
extract::ThemeTaxonomy taxonomy_of_run(const WriterOptions& options, Xapian::WritableDatabase& db) {
  try {
    const bool fresh = options.rebuild || db.get_doccount() == 0;
    extract::ThemeTaxonomy themes = options.themes ? *options.themes
                                    : fresh        ? extract::ThemeTaxonomy::builtin()
                                                   : schema::recorded_taxonomy(db, options.index_dir);
    if (!fresh && options.themes) schema::check_taxonomy(db, options.index_dir, themes);
    schema::record_build(db, themes);
    return themes;
  } catch (const schema::IndexMismatch& e) {
    throw IndexError(e.what());
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot read index " + options.index_dir + ": " + e.get_description());
  }
}

std::string document_id(const Xapian::Document& doc) {
  Xapian::TermIterator t = doc.termlist_begin();
  t.skip_to(std::string(schema::kId));
  if (t != doc.termlist_end() && (*t).starts_with(schema::kId)) {
    return (*t).substr(schema::kId.size());
  }
  return {};
}

// The content hash of the indexed document with this id term, if there is one.
std::optional<std::string> stored_hash(Xapian::WritableDatabase& db, const std::string& id_term) {
  const Xapian::PostingIterator p = db.postlist_begin(id_term);
  if (p == db.postlist_end(id_term)) return std::nullopt;
  return db.get_document(*p).get_value(schema::kSlotContentHash);
}

}  // namespace

extract::DocumentMetadata extract_metadata(const ingest::SourceDocument& doc,
                                           const extract::ThemeTaxonomy& themes,
                                           const std::vector<text::Token>* tokens) {
  extract::ExtractInput input;
  input.tokens = tokens;
  input.id = doc.id;
  input.text = doc.text;
  input.title = doc.title;
  if (auto it = doc.fields.find("number"); it != doc.fields.end()) input.number = it->second;
  if (auto it = doc.fields.find("date"); it != doc.fields.end()) input.date = it->second;
  if (auto it = doc.fields.find("type"); it != doc.fields.end()) input.type = it->second;
  extract::DocumentMetadata meta = extract::extract(input, themes);
  // The title the file gives itself (docx core properties, PDF info) where the text says none. Its
  // dates are not the document's: a file is created when it is typed, exported or scanned, not
  // when the directive is issued (they stay in "file", for the reader to see).
  if (meta.title.empty()) meta.title = doc.file.properties.title;
  return meta;
}

std::string source_root_of(const std::string& path) {
  std::error_code ec;
  const auto abs = std::filesystem::absolute(path, ec);
  return (ec ? std::filesystem::path(path) : abs).lexically_normal().string();
}

IndexWriter::IndexWriter(const WriterOptions& options)
    : options_(options),
      target_(options.index_dir, options.rebuild),
      db_(target_.db()),
      themes_(taxonomy_of_run(options, db_)),
      started_empty_(db_.get_doccount() == 0) {
  options_.themes = nullptr;  // themes_ holds it now
  if (started_empty_) background_ = std::make_unique<BackgroundWriter>(db_);
}

void IndexWriter::begin_root(const std::string& root) {
  root_ = root;
  seen_.clear();
}

void IndexWriter::apply(BackgroundWriter::Change change, uint64_t bytes) {
  if (background_) {
    background_->post(std::move(change), bytes);
  } else {
    change(db_);
  }
}

void IndexWriter::add(const ingest::SourceDocument& doc) {
  stats_.bytes += doc.text.size();
  const bool duplicate = !seen_.insert(doc.id).second;  // the later record wins below
  if (duplicate) ++stats_.duplicates;
  if (!started_empty_ || duplicate) {
    replace_if_changed(doc);
    return;
  }
  // A fresh index cannot hold this id yet: no lookup, a plain add (much faster than a replace).
  tokenize_body(doc);
  const auto meta = extract_metadata(doc, themes_, &tokens_);
  apply([built = builder_.build(doc, meta, root_, tokens_)](Xapian::WritableDatabase& db) {
    db.add_document(built);
  }, doc.text.size());
  ++stats_.added;
  note_pending(doc);
}

void IndexWriter::replace_if_changed(const ingest::SourceDocument& doc) {
  std::string id_term = schema::term(schema::kId, doc.id);
  std::string hash = schema::hash_value(doc.content_hash);
  if (!background_) {  // look first, so that an unchanged document is not analysed at all
    const auto old = stored_hash(db_, id_term);
    if (old == hash) {
      ++stats_.unchanged;
      return;
    }
    tokenize_body(doc);
    db_.replace_document(id_term, builder_.build(doc, extract_metadata(doc, themes_, &tokens_), root_, tokens_));
    ++(old ? stats_.updated : stats_.added);
    note_pending(doc);
    return;
  }
  // A repeated id in a fresh run: its earlier record may still be queued, so the writer compares.
  tokenize_body(doc);
  auto built = builder_.build(doc, extract_metadata(doc, themes_, &tokens_), root_, tokens_);
  apply([this, id_term = std::move(id_term), hash = std::move(hash),
         built = std::move(built)](Xapian::WritableDatabase& db) {
    if (stored_hash(db, id_term) == hash) {
      ++stats_.unchanged;  // only the writer thread counts these two until the next commit()
    } else {
      db.replace_document(id_term, built);
      ++stats_.updated;
    }
  }, doc.text.size());
  note_pending(doc);
}

void IndexWriter::tokenize_body(const ingest::SourceDocument& doc) {
  tokens_.clear();
  text::tokenize(doc.text, tokens_);
}

void IndexWriter::note_pending(const ingest::SourceDocument& doc) {
  ++pending_docs_;
  pending_bytes_ += doc.text.size();
  maybe_commit();
}

void IndexWriter::end_root() {
  if (background_) background_->drain();
  const std::string root_term = schema::term(schema::kSource, root_);
  std::vector<Xapian::docid> gone;
  for (auto p = db_.postlist_begin(root_term); p != db_.postlist_end(root_term); ++p) {
    if (!seen_.contains(document_id(db_.get_document(*p)))) gone.push_back(*p);
  }
  for (Xapian::docid id : gone) db_.delete_document(id);
  stats_.removed += gone.size();
  pending_docs_ += gone.size();
  maybe_commit();
}

void IndexWriter::maybe_commit() {
  if (pending_docs_ < options_.batch_documents && pending_bytes_ < options_.batch_bytes) return;
  apply([](Xapian::WritableDatabase& db) { db.commit(); }, 0);
  pending_docs_ = 0;
  pending_bytes_ = 0;
}

void IndexWriter::commit() {
  if (background_) background_->drain();
  db_.commit();
  pending_docs_ = 0;
  pending_bytes_ = 0;
  target_.publish();
}

Xapian::doccount IndexWriter::document_count() {
  if (background_) background_->drain();
  return db_.get_doccount();
}

}  // namespace vankho::index
