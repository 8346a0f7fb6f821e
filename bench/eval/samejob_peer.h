// The same-job peer of the load benchmark (bench/load): what a developer would write with Xapian
// directly to answer a search page as vankho does. Its index is the plain peer's (peers.h:
// TermGenerator, Stem("none"), title + text, the text as data) plus each record's type, year and
// issuer as boolean filter terms and values and its date as a value; a search is QueryParser
// (default OR, no stemming) over `q`, the request's filters as boolean terms and a value range,
// get_mset at the request's offset with one ValueCountMatchSpy per facet slot counting every match
// (exact facets, as vankho's), and MSet::snippet() of each hit's text.
#pragma once

#include <xapian.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "ingest.h"
#include "searcher.h"

namespace vankho::bench {

// The same-job peer's index, written once here. Value 0 is the id, as in the plain peer.
namespace samejob {
inline constexpr Xapian::valueno kSlotType = 1;    // type slug: "nghi-dinh"
inline constexpr Xapian::valueno kSlotYear = 2;    // year of the record's date: "2015"
inline constexpr Xapian::valueno kSlotIssuer = 3;  // issuer as its code writes it: "CP", "QH", "BTC"
inline constexpr Xapian::valueno kSlotDate = 4;    // date "YYYYMMDD" (sorts as a string)
inline constexpr char kTypePrefix[] = "XT";        // boolean terms of the same values
inline constexpr char kYearPrefix[] = "XY";
inline constexpr char kIssuerPrefix[] = "XI";      // folded issuer: "XIcp"
inline constexpr size_t kFacetValues = 20;         // values kept per facet, as vankho's
inline constexpr size_t kSnippetBytes = 260;       // as vankho's snippets
}  // namespace samejob

// The filter values of a record, as a developer reads them from the JSON-lines fields: type from
// `type` ("Nghị định" → "nghi-dinh": folded, other characters as '-'), year and date from `date`
// ("16/06/2020" or "2020-06-16"), issuer from the letters after the last '-' of the number's last
// part, or of that whole part without its digits ("91/2015/NĐ-CP" → "CP", "57/2020/QH14" → "QH").
// Empty when the record does not say.
struct SameJobFields {
  std::string type, year, issuer, date;
};
[[nodiscard]] SameJobFields samejob_fields(const ingest::SourceDocument& doc);

// What the same-job peer's index adds to the plain peer's document (PlainXapianIndexer's extras):
// type, year and issuer as filter terms and values, the date as a value.
void add_samejob_fields(Xapian::Document& xd, const ingest::SourceDocument& doc);

struct SameJobAnswer {
  struct Hit {
    std::string id, title, snippet;
  };
  Xapian::doccount total = 0;  // exact when facets were counted
  std::vector<Hit> hits;
  std::map<std::string, std::vector<std::pair<std::string, Xapian::doccount>>> facets;  // type, year, issuer
};

class SameJobXapianSearcher {
 public:
  explicit SameJobXapianSearcher(const std::string& dir);
  // `q` through QueryParser (an empty one matches everything); types, years and issuers as
  // boolean filters (any value of a field, every field), from/to as a range on the date, sort by
  // date (newest first) or relevance, offset and limit; facets and snippets when the request asks
  // for them. Themes, provinces, the suggestion and code or period reading are not done.
  [[nodiscard]] SameJobAnswer search(const query::SearchRequest& request);

 private:
  Xapian::Query parse(const std::string& q);
  Xapian::Database db_;
  Xapian::QueryParser qp_;
  Xapian::Enquire enquire_;
  Xapian::Stem stem_;
};

}  // namespace vankho::bench
