#include "facets.h"

#include <algorithm>

#include "extract.h"

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
std::vector<FacetValue> labelled(const FacetSpy::Counts& counts, Label label) {
  std::vector<FacetValue> out;
  for (const auto& [value, count] : counts) out.push_back({value, label(value), count});
  return out;
}

}  // namespace

void FacetSpy::operator()(const Xapian::Document& doc, double) {
  ++combinations_[doc.get_value(schema::kSlotFacets)];
}

FacetSpy::Counts FacetSpy::counts(schema::FacetField field) const {
  Counts out;
  for (const auto& [combination, documents] : combinations_) {
    std::string_view rest = combination;
    for (int f = 0; f < field && !rest.empty(); ++f) {
      rest.remove_prefix(std::min(rest.find(schema::kFacetSeparator), rest.size() - 1) + 1);
    }
    std::string_view values = rest.substr(0, rest.find(schema::kFacetSeparator));
    while (!values.empty()) {
      const size_t cut = std::min(values.find(schema::kFacetValueSeparator), values.size());
      if (cut > 0) out[std::string(values.substr(0, cut))] += documents;
      values.remove_prefix(std::min(cut + 1, values.size()));
    }
  }
  return out;
}

FacetCollector::FacetCollector(Xapian::Enquire& enquire) : enquire_(enquire) { enquire_.add_matchspy(&spy_); }

FacetCollector::~FacetCollector() { enquire_.clear_matchspies(); }

std::map<std::string, std::vector<FacetValue>> FacetCollector::collect() const {
  std::map<std::string, std::vector<FacetValue>> out;
  auto same = [](const std::string& v) { return v; };
  out["type"] = top_values(labelled(spy_.counts(schema::kFacetType), [](const std::string& slug) {
    const auto* t = extract::doc_type_by_slug(slug);
    return t ? std::string(t->label) : slug;
  }));
  out["year"] = labelled(spy_.counts(schema::kFacetYear), same);  // every year, in order: the timeline draws them all
  out["issuer"] = top_values(labelled(spy_.counts(schema::kFacetIssuer), same));
  out["province"] = top_values(labelled(spy_.counts(schema::kFacetProvince), same));
  const auto& taxonomy = extract::ThemeTaxonomy::builtin();
  out["theme"] = top_values(labelled(spy_.counts(schema::kFacetTheme), [&](const std::string& id) {
    const auto* th = taxonomy.find(id);
    return th ? th->label : id;
  }));
  return out;
}

}  // namespace vankho::query
