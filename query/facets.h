// Facet counting over the whole match set: one match spy per facet (type, year, issuer, province,
// theme); years covered and themes are multi-valued ('\n'-joined in their slots).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>
#include <xapian.h>

#include "search_types.h"

namespace vankho::query {

// Counts every value of a slot holding '\n'-separated values.
class MultiValueCountSpy : public Xapian::MatchSpy {
 public:
  explicit MultiValueCountSpy(Xapian::valueno slot) : slot_(slot) {}
  void operator()(const Xapian::Document& doc, double wt) override;
  [[nodiscard]] const std::map<std::string, size_t>& counts() const { return counts_; }

 private:
  Xapian::valueno slot_;
  std::map<std::string, size_t> counts_;
};

// Owns the spies for one search; attach() before get_mset, collect() after, and detach() (or the
// destructor) clears them from the Enquire before the spies die.
class FacetCollector {
 public:
  explicit FacetCollector(Xapian::Enquire& enquire);
  ~FacetCollector();
  FacetCollector(const FacetCollector&) = delete;
  FacetCollector& operator=(const FacetCollector&) = delete;

  [[nodiscard]] std::map<std::string, std::vector<FacetValue>> collect() const;

 private:
  Xapian::Enquire& enquire_;
  Xapian::ValueCountMatchSpy type_, issuer_, province_;
  MultiValueCountSpy year_, themes_;
};

}  // namespace vankho::query
