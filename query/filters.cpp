#include "filters.h"

#include <algorithm>

#include "doc_code.h"
#include "fold.h"
#include "schema.h"
#include "terms.h"
#include "time_expr.h"

namespace vankho::query {
namespace {

using Q = Xapian::Query;

Q any_of(std::string_view prefix, const std::vector<std::string>& values) {
  std::vector<Q> terms;
  for (const auto& v : values) terms.emplace_back(schema::term(prefix, v));
  return Q(Q::OP_OR, terms.begin(), terms.end());
}

// The slug the indexer gives a supplied type that is no known type (extract.cpp, apply_type):
// folded, every run of other characters one '-', none at either end. "" if nothing is left.
std::string type_slug(std::string_view folded) {
  std::string slug;
  for (char c : folded) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      slug.push_back(c);
    } else if (!slug.empty() && slug.back() != '-') {
      slug.push_back('-');
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

}  // namespace

FilterSet resolve_filters(const std::vector<Filter>& syntax, const SearchRequest& req,
                          const extract::ThemeTaxonomy& themes, Interpretation& interp) {
  FilterSet fs;
  auto add = [&](const std::string& field, const std::string& value, const std::string& raw) {
    const std::string folded = text::fold(value);
    if (field == "type") {
      const extract::DocType* t = extract::doc_type_by_slug(value);
      if (!t) t = extract::doc_type_by_words(folded);
      if (!t) t = extract::doc_type_by_slug(folded);
      if (t) {
        fs.types.emplace_back(t->slug);
        interp.filters.push_back({"type", std::string(t->slug), std::string(t->label)});
        return;
      }
      // Not a known type: an index may still hold it (a supplied type is kept as its slug), so it
      // filters on that slug, labelled as given. The searcher warns when no document has it.
      std::string slug = type_slug(text::fold(value));
      if (slug.empty()) {
        interp.warnings.push_back({"unknown_type", "'" + raw + "': unknown document type (e.g. nghi-quyet, chi-thi, chuong-trinh)",
                                   {{"filter", raw}}});
        return;
      }
      fs.types.push_back(slug);
      interp.filters.push_back({"type", std::move(slug), value});
    } else if (field == "theme") {
      const extract::Theme* th = themes.find(value);
      if (!th) {
        interp.warnings.push_back({"unknown_theme", "'" + raw + "': unknown theme", {{"filter", raw}}});
        return;
      }
      fs.themes.push_back(th->id);
      interp.filters.push_back({"theme", th->id, th->label});
    } else if (field == "issuer") {
      fs.issuers.push_back(folded);
      interp.filters.push_back({"issuer", folded, value});
    } else if (field == "province") {
      fs.provinces.push_back(folded);
      interp.filters.push_back({"province", folded, value});
    } else if (field == "parent") {
      fs.parents.push_back(schema::parent_term(value).substr(schema::kParent.size()));
      interp.filters.push_back({"parent", value, value});
    } else if (field == "year") {
      if (parse_day_bound(value, false) == 0 || value.size() != 4) {
        interp.warnings.push_back({"bad_year", "'" + raw + "': expected a year such as 2023", {{"filter", raw}}});
        return;
      }
      fs.years.push_back(value);
      interp.filters.push_back({"year", value, value});
    } else if (field == "number") {
      auto code = text::parse_code(value);
      if (!code) {
        interp.warnings.push_back({"bad_code", "'" + raw + "': expected a document code such as 13-NQ/TW", {{"filter", raw}}});
        return;
      }
      fs.codes.push_back(code->key);
      interp.filters.push_back({"number", code->key, code->canonical});
    } else if (field == "from" || field == "to") {
      const int day = parse_day_bound(value, field == "to");
      if (day == 0) {
        interp.warnings.push_back({"bad_date", "'" + raw + "': expected a date YYYY-MM-DD, YYYY-MM or YYYY", {{"filter", raw}}});
        return;
      }
      (field == "from" ? fs.from : fs.to) = day;
      interp.filters.push_back({field, day_to_iso(day), value});
    }
  };
  for (const auto& f : syntax) add(f.field, f.value, f.raw);
  for (const auto& v : req.types) add("type", v, "type=" + v);
  for (const auto& v : req.themes) add("theme", v, "theme=" + v);
  for (const auto& v : req.issuers) add("issuer", v, "issuer=" + v);
  for (const auto& v : req.provinces) add("province", v, "province=" + v);
  for (const auto& v : req.years) add("year", v, "year=" + v);
  for (const auto& v : req.parents) add("parent", v, "parent=" + v);
  if (req.from) fs.from = fs.from ? std::max(fs.from, req.from) : req.from;
  if (req.to) fs.to = fs.to ? std::min(fs.to, req.to) : req.to;
  if (fs.from && fs.to && fs.from > fs.to) {
    interp.warnings.push_back({"dates_swapped",
                               "from " + day_to_iso(fs.from) + " is after to " + day_to_iso(fs.to) + "; the two dates were swapped",
                               {{"from", day_to_iso(fs.from)}, {"to", day_to_iso(fs.to)}}});
    std::swap(fs.from, fs.to);
  }
  return fs;
}

Q filter_query(Q main, const FilterSet& fs) {
  const std::pair<std::string_view, const std::vector<std::string>*> fields[] = {
      {schema::kType, &fs.types},
      {schema::kTheme, &fs.themes},
      {schema::kIssuer, &fs.issuers},
      {schema::kProvince, &fs.provinces},
      {schema::kYear, &fs.years},
      {schema::kParent, &fs.parents}};
  for (const auto& [prefix, values] : fields) {
    if (values->empty()) continue;
    Q filter = any_of(prefix, *values);
    main = main.empty() ? Q(Q::OP_SCALE_WEIGHT, filter, 0.0) : Q(Q::OP_FILTER, main, filter);
  }
  return main;
}

}  // namespace vankho::query
