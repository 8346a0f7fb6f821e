// The state behind a Searcher (searcher.h): one reader of the index at one revision, the ranking
// weights, and what is built from that revision at first use and dropped on reopen (the accent
// vocabulary, the facet table). Internal to query/, where a Searcher's Xapian objects live.
#pragma once

#include <xapian.h>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "accent_restorer.h"
#include "facets.h"
#include "planner.h"
#include "ranking.h"
#include "shards.h"
#include "searcher.h"
#include "vocabulary.h"

namespace vankho::query {

class Searcher::Impl {
 public:
  Impl(std::string index_dir, RankingWeights weights, AccessLevel clearance);  // throws IndexUnavailable

  // Runs `f`, reopening and retrying once when the indexer committed past this reader; turns
  // Xapian's errors into IndexUnavailable / IndexReadError.
  // A remote shard that fails mid-request is reconnected (a connection the server timed out) or
  // left out, and `f` runs once more over the others.
  template <typename F>
  auto guarded(F&& f) -> decltype(f());

  SearchResponse search(const SearchRequest& request);  // search_run.cpp
  std::optional<Explanation> explain(const SearchRequest& request, const std::string& id);  // explain.cpp
  std::optional<DocumentView> document(const std::string& id, const std::string& q);  // views.cpp
  std::optional<SimilarView> similar(const std::string& id, size_t limit);            // views.cpp
  CitationView citations(const std::string& code_text, size_t limit);                 // views.cpp
  std::optional<OriginalFile> original(const std::string& id);                        // views.cpp
  bool refresh(ShardRetry retry);
  IndexInfo info();

  // The canonical codes → keys in the archive that a partial code names (interpret.h's
  // PartialCodeResolver): `13` + `NQ` → 13-NQ/TW, 13-NQ/TU, ...
  std::vector<std::pair<std::string, std::string>> resolve_partial(const std::string& number,
                                                                   const std::string& type_key);
  std::optional<Xapian::docid> find_id(const std::string& id);
  // The PATH (absolute) a document was indexed from (its kSource term), "" when none.
  std::string source_root(Xapian::docid did);

  // Read by the search and the views (search_run.cpp, views.cpp, hits.cpp).
  const std::string index_dir;
  const RankingWeights weights;
  const AccessLevel clearance;
  std::string served;  // the index folder's served identity when db was opened (index_layout.h)
  // The sub-databases of the levels up to the clearance (index_layout.h), and `db` combining them:
  // every statistic a search uses (frequencies, lengths, the vocabulary) is theirs alone.
  std::vector<Xapian::Database> parts;
  Xapian::Database db;
  extract::ThemeTaxonomy themes;             // the taxonomy the index records
  std::unique_ptr<AccentRestorer> restorer;  // both read the index as of its revision:
  std::shared_ptr<const FacetTable> facet_table;  // shared with readers at the same revision (facets.h)
  FacetTally facet_tally;                          // this reader's own
  // An index given as a stub file (shards.h): its databases, each searched or not, and why.
  const bool sharded;
  std::vector<ShardState> shards;
  Xapian::rev sharded_revision = 1;  // revision() of a stub index: grows with every change seen
  std::chrono::steady_clock::time_point probe_at{};  // when remote shards are next asked if rebuilt
  // Warnings for an answer that lacks shards that are down (empty when none is).
  [[nodiscard]] std::vector<Warning> missing_shards() const;

 private:
  // A request read, interpreted and planned, as search() runs it and explain() explains it.
  struct Prepared {
    ParsedQuery parsed;
    InterpretedQuery iq;
    SearchRequest effective;  // q as searched (cut, decoded), limit and offset within bounds
    QueryPlan plan;
    std::vector<Warning> warnings;
    double documents = 1;
  };
  Prepared prepare(const SearchRequest& request);  // search_run.cpp

  // Opens the databases the stub text `identity` names (once more if a switch raced it).
  void open_afresh(std::string identity);
  // Opens the index afresh when the folder now serves another generation (a rebuild switched it).
  bool follow_switch();
  [[nodiscard]] Xapian::rev revision() const;  // the sum of the parts' revisions
  void reopen();            // at the newest revision, following a switch
  void forget_revision();   // drops what was built from the previous revision
  [[nodiscard]] std::string current_identity() const;  // what follow_switch compares to `served`
  void open_shards(std::string identity);
  void combine_shards();    // `parts` and `db` from the shards that are up
  // Reopens shards that are down (those whose time has come, or all); true when one is back.
  bool retry_shards(ShardRetry retry = ShardRetry::kWhenDue);
  bool shard_rebuilt();     // whether a remote shard was rebuilt under its server (every few seconds)
  void recover_shards();    // after a network error: reconnects or leaves out the failing shards
};

template <typename F>
auto Searcher::Impl::guarded(F&& f) -> decltype(f()) {
  try {
    for (size_t attempt = 0;; ++attempt) {
      try {
        return f();
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt > 0) throw;
        reopen();  // the indexer committed past what this reader can see: reopen and retry once
      } catch (const Xapian::NetworkError&) {
        if (!sharded || attempt > shards.size()) throw;
        recover_shards();  // each failing shard reconnected or left out, then once more
      }
    }
  } catch (const Xapian::DatabaseOpeningError& e) {
    throw IndexUnavailable("cannot open index " + index_dir + ": " + e.get_description());
  } catch (const Xapian::Error& e) {
    throw IndexReadError("cannot read index " + index_dir + ": " + e.get_description());
  }
}

}  // namespace vankho::query
