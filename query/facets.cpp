#include "facets.h"

#include <algorithm>

#include "extract.h"
#include "schema.h"

namespace vankho::query {
namespace {

constexpr size_t kMaxFacetValues = 20;

std::vector<FacetValue> top_values(std::vector<FacetValue> values) {
  std::sort(values.begin(), values.end(), [](const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  if (values.size() > kMaxFacetValues) values.resize(kMaxFacetValues);
  return values;
}

template <typename Label>
std::vector<FacetValue> from_spy(const Xapian::ValueCountMatchSpy& spy, Label label) {
  std::vector<FacetValue> out;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
    out.push_back({*it, label(*it), static_cast<size_t>(it.get_termfreq())});
  }
  return top_values(std::move(out));
}

}  // namespace

void MultiValueCountSpy::operator()(const Xapian::Document& doc, double) {
  const std::string v = doc.get_value(slot_);
  size_t start = 0;
  while (start < v.size()) {
    size_t end = v.find('\n', start);
    if (end == std::string::npos) end = v.size();
    if (end > start) ++counts_[v.substr(start, end - start)];
    start = end + 1;
  }
}

FacetCollector::FacetCollector(Xapian::Enquire& enquire)
    : enquire_(enquire),
      type_(schema::kSlotType),
      issuer_(schema::kSlotIssuer),
      province_(schema::kSlotProvince),
      year_(schema::kSlotYear),
      themes_(schema::kSlotThemes) {
  enquire_.add_matchspy(&type_);
  enquire_.add_matchspy(&year_);
  enquire_.add_matchspy(&issuer_);
  enquire_.add_matchspy(&province_);
  enquire_.add_matchspy(&themes_);
}

FacetCollector::~FacetCollector() { enquire_.clear_matchspies(); }

std::map<std::string, std::vector<FacetValue>> FacetCollector::collect() const {
  std::map<std::string, std::vector<FacetValue>> out;
  auto same = [](const std::string& v) { return v; };
  out["type"] = from_spy(type_, [](const std::string& slug) {
    const auto* t = extract::doc_type_by_slug(slug);
    return t ? std::string(t->label) : slug;
  });
  std::vector<FacetValue> years;
  for (const auto& [year, count] : year_.counts()) years.push_back({year, year, count});
  out["year"] = std::move(years);  // every year, in order: the timeline draws them all
  out["issuer"] = from_spy(issuer_, same);
  out["province"] = from_spy(province_, same);
  std::vector<FacetValue> themes;
  const auto& taxonomy = extract::ThemeTaxonomy::builtin();
  for (const auto& [id, count] : themes_.counts()) {
    const auto* th = taxonomy.find(id);
    themes.push_back({id, th ? th->label : id, count});
  }
  out["theme"] = top_values(std::move(themes));
  return out;
}

}  // namespace vankho::query
