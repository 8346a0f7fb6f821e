// The Searcher's face (searcher.h) over its Impl: opening the index, reopening it at new revisions,
// and keeping Xapian's errors inside. The work itself: search_run.cpp, views.cpp, hits.cpp.
#include "searcher.h"

#include <filesystem>

#include "completion_index.h"
#include "index_layout.h"
#include "index_metadata.h"
#include "schema.h"
#include "searcher_impl.h"

namespace vankho::query {
namespace {

Xapian::Database open_database(const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::exists(dir, ec)) {
    throw IndexUnavailable("no index at " + dir + "; build one with: vankho-indexer --index " +
                           dir + " PATH...");
  }
  try {
    Xapian::Database db(dir);
    schema::check_compatible(db, dir);
    return db;
  } catch (const schema::IndexMismatch& e) {
    throw IndexUnavailable(e.what());
  } catch (const Xapian::Error& e) {
    throw IndexUnavailable("cannot open index " + dir + ": " + e.get_description() +
                           "; rebuild it with: vankho-indexer --index " + dir +
                           " --rebuild PATH...");
  }
}

// The taxonomy `db` records (an empty index, which records none yet, has the built-in one).
extract::ThemeTaxonomy taxonomy_of(const Xapian::Database& db, const std::string& dir) {
  if (db.get_doccount() == 0 && db.get_metadata(std::string(schema::kMetaThemes)).empty()) {
    return extract::ThemeTaxonomy::builtin();
  }
  try {
    return schema::recorded_taxonomy(db, dir);
  } catch (const schema::IndexMismatch& e) {
    throw IndexUnavailable(e.what());
  }
}

}  // namespace

Searcher::Impl::Impl(std::string dir, RankingWeights w)
    : index_dir(std::move(dir)),
      weights(w),
      served(schema::served_identity(index_dir)),  // read first: a switch after it is seen later
      db(open_database(index_dir)),
      themes(taxonomy_of(db, index_dir)) {}

bool Searcher::Impl::follow_switch() {
  std::string now = schema::served_identity(index_dir);
  if (now == served) return false;
  db = open_database(index_dir);
  served = std::move(now);
  return true;
}

void Searcher::Impl::reopen() {
  if (!follow_switch()) db.reopen();
  forget_revision();
}

void Searcher::Impl::forget_revision() {
  restorer.reset();
  facet_table.reset();
  themes = taxonomy_of(db, index_dir);  // a rebuild may have classified with other themes
}

bool Searcher::Impl::refresh() {
  if (follow_switch()) {  // a rebuilt index (index_layout.h): reopen() would stay on the old one
    forget_revision();
    return true;
  }
  const Xapian::rev before = db.get_revision();
  db.reopen();
  if (db.get_revision() == before) return false;
  try {
    schema::check_compatible(db, index_dir);
  } catch (const schema::IndexMismatch& e) {
    throw IndexUnavailable(e.what());
  }
  forget_revision();
  return true;
}

IndexInfo Searcher::Impl::info() { return {index_dir, db.get_revision(), db.get_doccount()}; }

std::optional<Xapian::docid> Searcher::Impl::find_id(const std::string& id) {
  const std::string term = schema::term(schema::kId, id);
  auto p = db.postlist_begin(term);
  if (p == db.postlist_end(term)) return std::nullopt;
  return *p;
}

std::vector<std::pair<std::string, std::string>> Searcher::Impl::resolve_partial(
    const std::string& number, const std::string& type_key) {
  const size_t first_digit = number.find_first_not_of('0');
  const std::string n = first_digit == std::string::npos ? "0" : number.substr(first_digit);
  std::vector<std::pair<std::string, std::string>> out;
  auto add = [&](const std::string& key) {
    for (const auto& [c, k] : out) {
      if (k == key) return;
    }
    out.emplace_back(key, key);
  };
  for (std::string_view prefix : {schema::kNumber, schema::kCites}) {
    // Party codes: N-TYPE/ISSUER
    const std::string party =
        schema::term(prefix, n + "-" + type_key + (type_key.empty() ? "" : "/"));
    for (auto t = db.allterms_begin(party); t != db.allterms_end(party); ++t)
      add((*t).substr(prefix.size()));
    // State codes: N/YYYY/TYPE-ISSUER, N/TYPE-ISSUER, N/YYYY/ISSUER
    const std::string state = schema::term(prefix, n + "/");
    for (auto t = db.allterms_begin(state); t != db.allterms_end(state); ++t) {
      const std::string key = (*t).substr(prefix.size());
      std::string rest = key.substr(n.size() + 1);
      if (rest.size() > 5 && rest[4] == '/') rest = rest.substr(5);  // skip the year
      const std::string type = rest.substr(0, rest.find('-'));
      if (type_key.empty() || (rest.find('-') != std::string::npos && type == type_key)) add(key);
    }
  }
  return out;
}

// ---- The public face --------------------------------------------------------------------------

Searcher::Searcher(std::string index_dir) : Searcher(std::move(index_dir), RankingWeights{}) {}

Searcher::Searcher(std::string index_dir, const RankingWeights& weights) {
  try {
    impl_ = std::make_unique<Impl>(std::move(index_dir), weights);
  } catch (const Xapian::Error& e) {  // reading the recorded taxonomy, say
    throw IndexUnavailable("cannot open index: " + e.get_description());
  }
}

Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

SearchResponse Searcher::search(const SearchRequest& request) {
  return impl_->guarded([&] { return impl_->search(request); });
}

std::optional<DocumentView> Searcher::document(const std::string& id, const std::string& q) {
  return impl_->guarded([&] { return impl_->document(id, q); });
}

std::optional<SimilarView> Searcher::similar(const std::string& id, size_t limit) {
  return impl_->guarded([&] { return impl_->similar(id, limit); });
}

CitationView Searcher::citations(const std::string& code_text, size_t limit) {
  return impl_->guarded([&] { return impl_->citations(code_text, limit); });
}

std::optional<OriginalFile> Searcher::original(const std::string& id) {
  return impl_->guarded([&] { return impl_->original(id); });
}

std::shared_ptr<const CompletionIndex> Searcher::completions() {
  return impl_->guarded([&] { return CompletionIndex::build(impl_->db); });
}

bool Searcher::refresh() {
  return impl_->guarded([&] { return impl_->refresh(); });
}

IndexInfo Searcher::info() {
  return impl_->guarded([&] { return impl_->info(); });
}

}  // namespace vankho::query
