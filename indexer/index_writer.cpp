#include "index_writer.h"

#include <filesystem>
#include <optional>

#include "index_metadata.h"
#include "schema.h"

namespace vankho::index {
namespace {

Xapian::doccount total_documents(LevelDatabases& dbs) {
  Xapian::doccount n = 0;
  for (auto& db : dbs) n += db.get_doccount();
  return n;
}

// The taxonomy of this run (WriterOptions::themes), recorded in every level's database with the
// analyzer (each level's database describes itself).
extract::ThemeTaxonomy taxonomy_of_run(const WriterOptions& options, LevelDatabases& dbs) {
  try {
    Xapian::WritableDatabase& first = dbs.front();
    const bool fresh = options.rebuild || total_documents(dbs) == 0;
    extract::ThemeTaxonomy themes = options.themes ? *options.themes
                                    : fresh        ? extract::ThemeTaxonomy::builtin()
                                                   : schema::recorded_taxonomy(first, options.index_dir);
    if (!fresh && options.themes) schema::check_taxonomy(first, options.index_dir, themes);
    for (auto& db : dbs) schema::record_build(db, themes);
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

// The indexed copies of the document with this id term: one normally; more only after a run died
// between the commits of two levels while the document changed level.
struct StoredCopy {
  extract::AccessLevel level;
  std::string hash, access;  // kSlotContentHash, kSlotAccess
  std::string root;          // the PATH it was indexed from (kSource)
};

std::string root_of(const Xapian::Document& doc) {
  Xapian::TermIterator t = doc.termlist_begin();
  t.skip_to(std::string(schema::kSource));
  return t != doc.termlist_end() && (*t).starts_with(schema::kSource) ? (*t).substr(schema::kSource.size()) : "";
}

std::vector<StoredCopy> copies_of(LevelDatabases& dbs, const std::string& id_term) {
  std::vector<StoredCopy> out;
  for (extract::AccessLevel level : extract::kAccessLevels) {
    Xapian::WritableDatabase& db = dbs[level_index(level)];
    const Xapian::PostingIterator p = db.postlist_begin(id_term);
    if (p == db.postlist_end(id_term)) continue;
    const Xapian::Document doc = db.get_document(*p);
    out.push_back({level, doc.get_value(schema::kSlotContentHash), doc.get_value(schema::kSlotAccess), root_of(doc)});
  }
  return out;
}

// Unchanged: one copy, same content hash, read from the same PATH (an archive folder that moved is
// written again under its new PATH, or its later deletions would never be applied), and a level
// that cannot have changed (only a level from --default-level can change without the content hash:
// it is compared).
bool unchanged(const std::vector<StoredCopy>& copies, const std::string& hash, const std::string& root,
               extract::AccessLevel default_level) {
  if (copies.size() != 1 || copies[0].hash != hash || copies[0].root != root) return false;
  const auto access = schema::parse_access_value(copies[0].access);
  return access && (access->from != "default" || access->level == default_level);
}

// Puts `built` at `level` and removes the copies at any other level.
void put(LevelDatabases& dbs, const std::string& id_term, extract::AccessLevel level, const Xapian::Document& built) {
  for (extract::AccessLevel other : extract::kAccessLevels) {
    if (other != level) dbs[level_index(other)].delete_document(id_term);
  }
  dbs[level_index(level)].replace_document(id_term, built);
}

// kMetaRepeatedIds: length-prefixed, as an id or a folder name may hold any byte.
std::string encode_repeated(const std::set<std::pair<std::string, std::string>>& ids) {
  std::string out;
  for (const auto& [root, id] : ids) {
    out += std::to_string(root.size()) + ':' + root + std::to_string(id.size()) + ':' + id;
  }
  return out;
}

std::set<std::pair<std::string, std::string>> decode_repeated(std::string_view value) {
  std::set<std::pair<std::string, std::string>> out;
  auto take = [&value](std::string& part) {
    const size_t colon = value.find(':');
    if (colon == std::string_view::npos) return false;
    size_t size = 0;
    for (char c : value.substr(0, colon)) {
      if (c < '0' || c > '9') return false;
      size = size * 10 + static_cast<size_t>(c - '0');
    }
    if (colon == 0 || size > value.size() - colon - 1) return false;
    part = value.substr(colon + 1, size);
    value.remove_prefix(colon + 1 + size);
    return true;
  };
  std::string root, id;
  while (!value.empty() && take(root) && take(id)) out.emplace(root, id);
  return out;  // a damaged value only costs the writes it would have saved
}

}  // namespace

extract::DocumentMetadata extract_metadata(const ingest::SourceDocument& doc,
                                           const extract::ThemeTaxonomy& themes,
                                           extract::AccessLevel default_level,
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
  if (doc.access) {
    meta.access = *doc.access;
  } else if (meta.stamp) {
    meta.access = {*meta.stamp, "stamp"};
  } else {
    meta.access = {default_level, "default"};
  }
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
      dbs_(target_.databases()),
      themes_(taxonomy_of_run(options, dbs_)),
      started_empty_(total_documents(dbs_) == 0) {
  options_.themes = nullptr;  // themes_ holds it now
  if (started_empty_) background_ = std::make_unique<BackgroundWriter>();
  repeated_before_ = decode_repeated(dbs_.back().get_metadata(std::string(schema::kMetaRepeatedIds)));
}

void IndexWriter::begin_root(const std::string& root) {
  root_ = root;
  roots_.insert(root);
  seen_.clear();
  held_.clear();
}

void IndexWriter::apply(BackgroundWriter::Change change, uint64_t bytes) {
  if (background_) {
    background_->post(std::move(change), bytes);
  } else {
    change();
  }
}

void IndexWriter::add(const ingest::SourceDocument& doc) {
  if (options_.shard && !options_.shard->holds(doc.id)) {
    ++stats_.other_shards;  // never seen by this index: a copy written by an earlier run goes at end_root()
    return;
  }
  stats_.bytes += doc.text.size();
  const bool duplicate = !seen_.insert(doc.id).second;  // the later record wins below
  if (duplicate) {
    ++stats_.duplicates;
    repeated_now_.emplace(root_, doc.id);
  }
  if (const auto held = held_.find(doc.id); held != held_.end()) {
    held->second = doc;
    return;
  }
  if (!duplicate && repeated_before_.contains({root_, doc.id})) {
    held_.emplace(doc.id, doc);
    return;
  }
  if (!started_empty_ || duplicate) {
    replace_if_changed(doc);
    return;
  }
  // A fresh index cannot hold this id yet: no lookup, a plain add (much faster than a replace).
  tokenize_body(doc);
  const auto meta = extract_metadata(doc, themes_, options_.default_level, &tokens_);
  apply([&db = target_.database(meta.access.level), built = builder_.build(doc, meta, root_, tokens_)] {
    db.add_document(built);
  }, doc.text.size());
  ++stats_.added;
  note_pending(doc);
}

void IndexWriter::replace_if_changed(const ingest::SourceDocument& doc) {
  std::string id_term = schema::term(schema::kId, doc.id);
  std::string hash = schema::hash_value(doc.content_hash);
  if (!background_) {  // look first, so that an unchanged document is not analysed at all
    const auto copies = copies_of(dbs_, id_term);
    if (unchanged(copies, hash, root_, options_.default_level)) {
      ++stats_.unchanged;
      return;
    }
    tokenize_body(doc);
    const auto meta = extract_metadata(doc, themes_, options_.default_level, &tokens_);
    put(dbs_, id_term, meta.access.level, builder_.build(doc, meta, root_, tokens_));
    ++(copies.empty() ? stats_.added : stats_.updated);
    note_pending(doc);
    return;
  }
  // A repeated id in a fresh run: its earlier record may still be queued, so the writer compares.
  tokenize_body(doc);
  const auto meta = extract_metadata(doc, themes_, options_.default_level, &tokens_);
  auto built = builder_.build(doc, meta, root_, tokens_);
  apply([this, id_term = std::move(id_term), hash = std::move(hash), level = meta.access.level, root = root_,
         built = std::move(built)] {
    if (unchanged(copies_of(dbs_, id_term), hash, root, options_.default_level)) {
      ++stats_.unchanged;  // only the writer thread counts these two until the next commit()
    } else {
      put(dbs_, id_term, level, built);
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
  for (const auto& [id, doc] : held_) replace_if_changed(doc);
  held_.clear();
  if (background_) background_->drain();
  const std::string root_term = schema::term(schema::kSource, root_);
  size_t removed = 0;
  for (auto& db : dbs_) {
    std::vector<Xapian::docid> gone;
    for (auto p = db.postlist_begin(root_term); p != db.postlist_end(root_term); ++p) {
      if (!seen_.contains(document_id(db.get_document(*p)))) gone.push_back(*p);
    }
    for (Xapian::docid id : gone) db.delete_document(id);
    removed += gone.size();
  }
  stats_.removed += removed;
  pending_docs_ += removed;
  maybe_commit();
}

void IndexWriter::maybe_commit() {
  if (pending_docs_ < options_.batch_documents && pending_bytes_ < options_.batch_bytes) return;
  apply([this] { target_.commit(); }, 0);
  pending_docs_ = 0;
  pending_bytes_ = 0;
}

void IndexWriter::record_repeated_ids() {
  // The roots this run did not read keep what they had.
  auto now = repeated_now_;
  for (const auto& entry : repeated_before_) {
    if (!roots_.contains(entry.first)) now.insert(entry);
  }
  if (now == repeated_before_) return;  // a run that changes nothing writes nothing
  dbs_.back().set_metadata(std::string(schema::kMetaRepeatedIds), encode_repeated(now));
  repeated_before_ = std::move(now);
}

void IndexWriter::commit() {
  if (background_) background_->drain();
  record_repeated_ids();
  target_.commit();
  pending_docs_ = 0;
  pending_bytes_ = 0;
  target_.publish();
}

Xapian::doccount IndexWriter::document_count() {
  if (background_) background_->drain();
  return total_documents(dbs_);
}

std::array<Xapian::doccount, extract::kAccessLevelCount> IndexWriter::documents_by_level() {
  if (background_) background_->drain();
  std::array<Xapian::doccount, extract::kAccessLevelCount> out{};
  for (size_t i = 0; i < out.size(); ++i) out[i] = dbs_[i].get_doccount();
  return out;
}

}  // namespace vankho::index
