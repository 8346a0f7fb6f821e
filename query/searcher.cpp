// The Searcher's face (searcher.h) over its Impl: opening the index, reopening it at new revisions,
// and keeping Xapian's errors inside. The work itself: search_run.cpp, views.cpp, hits.cpp.
#include "searcher.h"

#include <algorithm>

#include "completion_index.h"
#include "index_layout.h"
#include "index_metadata.h"
#include "schema.h"
#include "searcher_impl.h"

namespace vankho::query {
namespace {

[[noreturn]] void throw_unusable(const std::string& dir, const std::string& why) {
  throw IndexUnavailable("cannot open index " + dir + ": " + why + "; rebuild it with: vankho-indexer --index " +
                         dir + " --rebuild PATH...");
}

// The index's databases up to `clearance` as the stub text `identity` names them, into `parts`.
void open_levels(const std::string& dir, const std::string& identity, AccessLevel clearance,
                 std::vector<Xapian::Database>& parts) {
  std::vector<std::string> paths = schema::served_databases(dir, identity, clearance);
  if (paths.empty()) {
    const schema::IndexLayout layout = schema::inspect_layout(dir);
    if (layout.kind == schema::LayoutKind::kMissing || layout.kind == schema::LayoutKind::kEmpty) {
      throw IndexUnavailable("no index at " + dir + "; build one with: vankho-indexer --index " + dir + " PATH...");
    }
    if (layout.kind == schema::LayoutKind::kForeign) {
      throw IndexUnavailable("no vankho index at " + dir + ": " + layout.detail);
    }
    paths.push_back(dir);  // a database from before levels: check_compatible says what to do
  }
  for (const std::string& path : paths) {
    parts.emplace_back(path);
    schema::check_compatible(parts.back(), dir);
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

Searcher::Impl::Impl(std::string dir, RankingWeights w, AccessLevel level)
    : index_dir(std::move(dir)), weights(w), clearance(level), sharded(is_shard_stub(index_dir)) {
  open_afresh(current_identity());
  themes = taxonomy_of(db, index_dir);
}

std::string Searcher::Impl::current_identity() const {
  return sharded ? shard_identity(index_dir, read_shard_stub(index_dir)) : schema::served_identity(index_dir);
}

void Searcher::Impl::open_shards(std::string identity) {
  std::vector<ShardState> opened;
  for (ShardLine& line : read_shard_stub(index_dir)) {
    opened.push_back({std::move(line)});
    open_shard(opened.back(), clearance);
  }
  bool any_up = false, any_down = false;
  std::string problems;
  for (const auto& shard : opened) {
    any_up = any_up || shard.db || shard.above_clearance;
    any_down = any_down || (!shard.db && !shard.above_clearance);
    if (!shard.db && !shard.above_clearance) problems += "; " + shard.line.name + ": " + shard.problem;
  }
  if (!any_up && any_down) throw IndexUnavailable("no database of " + index_dir + " could be opened" + problems);
  shards = std::move(opened);
  served = std::move(identity);
  combine_shards();
}

void Searcher::Impl::combine_shards() {
  std::vector<Xapian::Database> up;
  Xapian::Database combined;
  for (const auto& shard : shards) {
    if (!shard.db) continue;
    up.push_back(*shard.db);
    combined.add_database(*shard.db);
  }
  parts = std::move(up);
  db = std::move(combined);
}

bool Searcher::Impl::retry_shards(ShardRetry retry) {
  const auto now = std::chrono::steady_clock::now();
  bool back = false;
  for (auto& shard : shards) {
    if (shard.db || shard.above_clearance || (retry == ShardRetry::kWhenDue && now < shard.retry_at)) continue;
    open_shard(shard, clearance);
    back = back || shard.db.has_value();
  }
  if (back) combine_shards();
  return back;
}

bool Searcher::Impl::shard_rebuilt() {
  // A new connection per remote shard to ask: every few seconds, not at every check.
  constexpr auto kProbeEvery = std::chrono::seconds(3);
  const auto now = std::chrono::steady_clock::now();
  if (now < probe_at) return false;
  probe_at = now + kProbeEvery;
  return std::any_of(shards.begin(), shards.end(), [](const ShardState& s) { return remote_shard_replaced(s); });
}

void Searcher::Impl::recover_shards() {
  for (auto& shard : shards) {
    if (!shard.db || !shard.line.remote) continue;
    try {
      shard.db->keep_alive();  // a round trip: fails on a connection the server closed or a hung server
    } catch (const Xapian::Error&) {
      open_shard(shard, clearance);  // a fresh connection, else down until its retry time
    }
  }
  combine_shards();
  forget_revision();
}

std::vector<Warning> Searcher::Impl::missing_shards() const {
  std::vector<Warning> out;
  if (!sharded) return out;
  size_t up = 0;
  for (const auto& shard : shards) up += shard.db ? 1 : 0;
  for (const auto& shard : shards) {
    if (shard.db || shard.above_clearance) continue;
    out.push_back({"shard_unavailable",
                   "shard '" + shard.line.name + "' is unavailable (" + shard.problem + "); these results are from the other " +
                       std::to_string(up) + " of " + std::to_string(shards.size()),
                   {{"shard", shard.line.name}, {"problem", shard.problem}, {"searched", std::to_string(up)},
                    {"shards", std::to_string(shards.size())}}});
  }
  return out;
}

void Searcher::Impl::open_afresh(std::string identity) {
  if (sharded) {
    open_shards(std::move(identity));
    return;
  }
  for (int attempt = 0;; ++attempt) {
    std::vector<Xapian::Database> opened;
    try {
      open_levels(index_dir, identity, clearance, opened);
    } catch (const Xapian::DatabaseOpeningError& e) {
      // A rebuild switched generations between reading the stub and opening what it named.
      std::string now = current_identity();
      if (attempt == 0 && now != identity) {
        identity = std::move(now);
        continue;
      }
      throw_unusable(index_dir, e.get_description());
    } catch (const schema::IndexMismatch& e) {
      throw IndexUnavailable(e.what());
    } catch (const Xapian::Error& e) {
      throw_unusable(index_dir, e.get_description());
    }
    Xapian::Database combined;
    for (const auto& part : opened) combined.add_database(part);
    parts = std::move(opened);
    db = std::move(combined);
    served = std::move(identity);
    return;
  }
}

Xapian::rev Searcher::Impl::revision() const {
  if (sharded) return sharded_revision;  // a remote database has no revision to read
  Xapian::rev sum = 0;
  for (const auto& part : parts) sum += part.get_revision();
  return sum;
}

bool Searcher::Impl::follow_switch() {
  std::string now = current_identity();
  if (now == served) return false;
  open_afresh(std::move(now));
  return true;
}

void Searcher::Impl::reopen() {
  if (!follow_switch()) db.reopen();
  forget_revision();
}

void Searcher::Impl::forget_revision() {
  ++sharded_revision;
  restorer.reset();
  facet_table.reset();
  themes = taxonomy_of(db, index_dir);  // a rebuild may have classified with other themes
}

bool Searcher::Impl::refresh(ShardRetry retry) {
  // A rebuilt index (index_layout.h) or a replica that switched (shards.h): reopen() would stay on
  // the old one.
  if (follow_switch() || (sharded && retry_shards(retry))) {
    forget_revision();
    return true;
  }
  if (sharded && shard_rebuilt()) {
    open_shards(served);
    forget_revision();
    return true;
  }
  if (sharded) {
    try {
      if (!db.reopen()) return false;  // true when a shard changed (remote ones say so, having no revision)
    } catch (const Xapian::Error&) {
      // A shard down, or rebuilt under its xapian-tcpsrv (the server's process for this connection
      // holds the generation that is gone): new connections open what DIR/current now names, and
      // a shard that does not answer is left out until it does.
    }
    open_shards(served);  // afresh, levels checked again: a shard may now hold documents above the clearance
    forget_revision();
    return true;
  }
  const Xapian::rev before = revision();
  db.reopen();  // reopens the parts too (they share their internals)
  if (revision() == before) return false;
  try {
    for (const auto& part : parts) schema::check_compatible(part, index_dir);
  } catch (const schema::IndexMismatch& e) {
    throw IndexUnavailable(e.what());
  }
  forget_revision();
  return true;
}

IndexInfo Searcher::Impl::info() {
  if (sharded && retry_shards()) forget_revision();
  IndexInfo out{index_dir, revision(), db.get_doccount(), {}};
  for (const auto& shard : shards) out.shards.push_back({shard.line.name, shard.db.has_value(), shard.above_clearance, shard.problem});
  return out;
}

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

Searcher::Searcher(std::string index_dir, AccessLevel clearance)
    : Searcher(std::move(index_dir), RankingWeights{}, clearance) {}

Searcher::Searcher(std::string index_dir, const RankingWeights& weights, AccessLevel clearance) {
  try {
    impl_ = std::make_unique<Impl>(std::move(index_dir), weights, clearance);
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

std::optional<Explanation> Searcher::explain(const SearchRequest& request, const std::string& id) {
  return impl_->guarded([&] { return impl_->explain(request, id); });
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

bool Searcher::refresh(ShardRetry retry) {
  return impl_->guarded([&] { return impl_->refresh(retry); });
}

IndexInfo Searcher::info() {
  return impl_->guarded([&] { return impl_->info(); });
}

AccessLevel Searcher::clearance() const { return impl_->clearance; }

}  // namespace vankho::query
