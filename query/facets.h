// Facet counts of a search: type, year, issuer, province, theme and parent (the larger document a
// record is part of) over every matching document.
//
// Each document's facet fields are one value (kSlotFacets); a FacetTable reads them all once per
// index revision, numbers the distinct combinations (many documents share one) and the values each
// holds, so counting a match set costs an array lookup per document, then an addition per value of
// each combination met (a parent per act makes thousands of combinations on the legal index). The count is a second, unweighted pass over the
// query (count_facets), so it is exact. (Counting in the ranked pass saw only the documents that
// pass examined, lowest ids first, i.e. the archive's indexing order, and cost as much: on the
// legal mix the whole answer is 8 % faster this way; a query of words most documents have costs
// more, `quy định` 10 → 16 ms.)
//
// An index is searched as several sub-databases (one per access level up to the caller's), and a
// MatchSpy sees each document with its sub-database's own docid: the table is per sub-database and
// the count runs over each in turn.
//
// Shards over the remote backend (shards.h) run no class of ours: there the count is Xapian's own
// ValueCountMatchSpy, one per facet field's own slot (a spy over the combined slot would have each
// server send back nearly one combination per matching document), run by each xapian-tcpsrv in
// the ranked pass and merged by Xapian (facets_of_spy). The counts are the same.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>
#include <xapian.h>

#include "schema.h"
#include "searcher.h"
#include "vocabulary.h"

namespace vankho::query {

class FacetTable {
 public:
  explicit FacetTable(const std::vector<Xapian::Database>& parts);

  static constexpr uint32_t kNone = 0;  // a document without facet values (or unknown)
  // The combination number of document `did` of sub-database `part`.
  [[nodiscard]] uint32_t of(size_t part, Xapian::docid did) const {
    const auto& by_doc = by_doc_[part];
    return did < by_doc.size() ? by_doc[did] : kNone;
  }

  // A facet value, numbered: its field and text (for the parent, "KEY\tTITLE").
  struct Value {
    schema::FacetField field;
    std::string text;
  };
  [[nodiscard]] const std::vector<Value>& values() const { return values_; }
  // The numbers of the values combination `id` holds.
  [[nodiscard]] const std::vector<uint32_t>& values_of(uint32_t id) const { return combination_values_[id]; }
  // The months combination `id`'s documents cover, as month numbers (month_number); false when
  // they have no period.
  [[nodiscard]] bool months_of(uint32_t id, int& first, int& last) const {
    const uint32_t packed = combination_months_[id];
    first = static_cast<int>(packed >> 16) - 1;
    last = static_cast<int>(packed & 0xffff) - 1;
    return packed != 0;
  }

  [[nodiscard]] size_t combinations() const { return combination_values_.size(); }

 private:
  // The number of a kSlotFacets value, numbered now if it was not yet.
  // A document's combination is its kSlotFacets value and its period's months (`months`: packed
  // first + 1 << 16 | last + 1, 0 for none), so that the month facet costs nothing per document.
  uint32_t number(const std::string& facets, uint32_t months);

  std::vector<std::vector<uint32_t>> by_doc_;              // part → its docid → combination number
  std::vector<std::vector<uint32_t>> combination_values_;  // combination number → its values
  std::vector<uint32_t> combination_months_;               // combination number → its months, packed
  std::vector<Value> values_;                              // value number → field and text
  std::unordered_map<std::string, uint32_t> numbers_;      // combination → its number (while building)
  std::map<std::pair<int, std::string>, uint32_t> value_numbers_;  // (while building)
};

// The table of `parts` at one revision, shared by every reader that asks with the same
// `revision_key` (the index, its generation and revision, the clearance) while one of them holds
// it: searchd's worker threads each have a reader, and at a million documents a table is some
// 75 MB. The first asker builds it; the others asking meanwhile wait for it.
[[nodiscard]] std::shared_ptr<const FacetTable> shared_facet_table(const std::string& revision_key,
                                                                   const std::vector<Xapian::Database>& parts);

// One count's documents by combination number, and the numbers it met: reading them costs what was
// met, not the whole table (on a large archive nearly every document has its own combination).
// Kept by a reader between its counts (zeroed where used), so that a count allocates nothing.
struct FacetTally {
  std::vector<Xapian::doccount> counts;  // by combination number
  std::vector<uint32_t> met;
  void add(uint32_t id) {
    if (counts[id]++ == 0) met.push_back(id);
  }
  void clear() {
    for (const uint32_t id : met) counts[id] = 0;
    met.clear();
  }
};

// Months are numbered from January 1900 (0) to December 2199; a day YYYYMMDD outside that, -1.
[[nodiscard]] int month_number(int day);

struct FacetCounts {
  // type, year, issuer, province, theme, parent; and month (documents by the months their period
  // covers, "YYYY-MM"), only when the matches cover at most kMonthFacetYears years
  std::map<std::string, std::vector<FacetValue>> facets;
  Xapian::doccount matches = 0;                            // every document the query matches
};

// Runs `query` unweighted over every sub-database and counts the facets of every match; theme
// labels come from `themes` (the taxonomy the index records). `table` is of the same `parts`;
// `tally` is the caller's own.
[[nodiscard]] FacetCounts count_facets(const std::vector<Xapian::Database>& parts, const FacetTable& table,
                                       FacetTally& tally, const extract::ThemeTaxonomy& themes,
                                       const Xapian::Query& query);
// The same count with Xapian's own classes only (shards, remote ones included): a
// ValueCountMatchSpy per facet field (schema::facet_field_slot), attached to the ranked pass that
// checks every match, run by each xapian-tcpsrv and merged by Xapian.
class FacetSpies {
 public:
  FacetSpies() {
    for (int f = 0; f < schema::kFacetFieldCount; ++f) {
      spies_.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(schema::facet_field_slot(schema::FacetField(f))));
    }
  }
  void attach(Xapian::Enquire& enquire) {
    for (auto& spy : spies_) enquire.add_matchspy(spy.get());
    enquire.add_matchspy(&periods_);
  }
  [[nodiscard]] const Xapian::ValueCountMatchSpy& periods() const { return periods_; }
  [[nodiscard]] const Xapian::ValueCountMatchSpy& of(schema::FacetField field) const { return *spies_[field]; }

 private:
  std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies_;  // by field (a spy cannot move)
  Xapian::ValueCountMatchSpy periods_{schema::kSlotPeriod};         // the month facet's
};
[[nodiscard]] FacetCounts facets_of_spy(const FacetSpies& spies, Xapian::doccount matches,
                                        const extract::ThemeTaxonomy& themes);

}  // namespace vankho::query
