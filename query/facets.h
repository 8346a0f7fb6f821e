// Facet counting over the whole match set (or the first kFacetDocuments of it): one match spy
// reads each matching document's kSlotFacets value and counts type, year, issuer, province and
// theme; years covered and themes are multi-valued. Many documents share the same combination, so
// the spy counts whole values (one hash lookup per document) and splits them once, in collect().
#pragma once

#include <map>
#include <string>
#include <unordered_map>
#include <vector>
#include <xapian.h>

#include "schema.h"
#include "search_types.h"

namespace vankho::query {

class FacetSpy : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double wt) override;
  using Counts = std::map<std::string, size_t>;
  // The count of each value of one field.
  [[nodiscard]] Counts counts(schema::FacetField field) const;

 private:
  std::unordered_map<std::string, size_t> combinations_;  // kSlotFacets value → documents
};

// Owns the spy for one search: attaches it to the Enquire on construction, detaches it on
// destruction (before the spy dies); collect() after get_mset.
class FacetCollector {
 public:
  explicit FacetCollector(Xapian::Enquire& enquire);
  ~FacetCollector();
  FacetCollector(const FacetCollector&) = delete;
  FacetCollector& operator=(const FacetCollector&) = delete;

  [[nodiscard]] std::map<std::string, std::vector<FacetValue>> collect() const;

 private:
  Xapian::Enquire& enquire_;
  FacetSpy spy_;
};

}  // namespace vankho::query
