#include "facets.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <mutex>
#include <string_view>
#include <unordered_map>

#include "vocabulary.h"

namespace vankho::query {
namespace {

constexpr size_t kMaxFacetValues = 20;
constexpr int kMonths = 300 * 12;     // month_number's range
constexpr size_t kMonthFacetYears = 2;  // the month facet is there when the matches cover at most this many years

// Counts documents per combination number.
class CombinationSpy : public Xapian::MatchSpy {
 public:
  CombinationSpy(const FacetTable& table, FacetTally& tally, size_t part) : table_(table), tally_(tally), part_(part) {}
  void operator()(const Xapian::Document& doc, double) override { tally_.add(table_.of(part_, doc.get_docid())); }

 private:
  const FacetTable& table_;
  FacetTally& tally_;
  const size_t part_;
};

// The terms whose documents `query` matches when it matches exactly the documents having all of
// them: a term, MatchAll (""), or AND / FILTER / SCALE_WEIGHT of such. False for anything else
// (OR, phrases, AND_NOT, posting sources), which Xapian's matcher counts.
bool conjunction_terms(const Xapian::Query& query, std::vector<std::string>& terms) {
  switch (query.get_type()) {
    case Xapian::Query::LEAF_TERM:
      terms.push_back(*query.get_terms_begin());
      return true;
    case Xapian::Query::LEAF_MATCH_ALL:
      terms.emplace_back();  // Xapian's name for the list of every document
      return true;
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_SCALE_WEIGHT:
      for (size_t i = 0; i < query.get_num_subqueries(); ++i) {
        if (!conjunction_terms(query.get_subquery(i), terms)) return false;
      }
      return true;
    default:
      return false;
  }
}

// Counts the documents of `db` having every one of `terms`, by walking their posting lists
// (rarest first, the others skipped forward to it): on a common word three to five times faster
// than the matcher, which weighs and checks each document even for a boolean count.
Xapian::doccount count_conjunction(const Xapian::Database& db, std::vector<std::string> terms,
                                   const FacetTable& table, FacetTally& tally, size_t part) {
  std::sort(terms.begin(), terms.end(), [&](const std::string& a, const std::string& b) {
    return (a.empty() ? db.get_doccount() : db.get_termfreq(a)) <
           (b.empty() ? db.get_doccount() : db.get_termfreq(b));
  });
  std::vector<Xapian::PostingIterator> lists;
  for (const std::string& term : terms) lists.push_back(db.postlist_begin(term));
  const Xapian::PostingIterator end;
  Xapian::PostingIterator& lead = lists.front();
  Xapian::doccount matches = 0;
  while (lead != end) {
    const Xapian::docid did = *lead;
    Xapian::docid ahead = did;  // where a list without `did` went on to
    for (size_t i = 1; i < lists.size() && ahead == did; ++i) {
      lists[i].skip_to(did);
      ahead = lists[i] == end ? 0 : *lists[i];
    }
    if (ahead == did) {
      tally.add(table.of(part, did));
      ++matches;
      ++lead;
    } else if (ahead == 0) {
      break;  // a list ran out
    } else {
      lead.skip_to(ahead);
    }
  }
  return matches;
}

using Counts = std::map<std::string, size_t>;

// Documents by the months they cover: each adds its count to every month from its first to its
// last, as a difference array, so that a document covering ten years costs what one month does.
class MonthCounts {
 public:
  void add(int first, int last, size_t count) {
    if (first < 0 || last < first) return;
    diff_[static_cast<size_t>(first)] += static_cast<long long>(count);
    diff_[static_cast<size_t>(std::min(last, kMonths - 1)) + 1] -= static_cast<long long>(count);
  }
  [[nodiscard]] Counts result() const {  // "YYYY-MM" → documents
    Counts out;
    long long running = 0;
    for (int m = 0; m < kMonths; ++m) {
      running += diff_[static_cast<size_t>(m)];
      if (running <= 0) continue;
      char key[8];
      std::snprintf(key, sizeof key, "%04d-%02d", 1900 + m / 12, m % 12 + 1);
      out.emplace(key, static_cast<size_t>(running));
    }
    return out;
  }

 private:
  std::vector<long long> diff_ = std::vector<long long>(kMonths + 1, 0);
};

struct FieldCounts {
  std::array<Counts, schema::kFacetFieldCount> fields;
  MonthCounts months;
};

// The count of each value of every field, from a tally of the table's combinations (zeroed after).
FieldCounts field_counts(const FacetTable& table, FacetTally& tally) {
  FieldCounts out;
  std::vector<size_t> by_value(table.values().size(), 0);  // the distinct values: a few thousand
  for (const uint32_t id : tally.met) {
    for (const uint32_t v : table.values_of(id)) by_value[v] += tally.counts[id];
    int first = 0, last = 0;
    if (table.months_of(id, first, last)) out.months.add(first, last, tally.counts[id]);
  }
  tally.clear();
  for (uint32_t v = 0; v < by_value.size(); ++v) {
    if (by_value[v] > 0) out.fields[table.values()[v].field].emplace(table.values()[v].text, by_value[v]);
  }
  return out;
}

std::vector<FacetValue> top_values(std::vector<FacetValue> values) {
  std::sort(values.begin(), values.end(), [](const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  if (values.size() > kMaxFacetValues) values.resize(kMaxFacetValues);
  return values;
}

// The parent facet: "KEY\tTITLE" values counted by key, labelled with the title ("" when no record
// of it had one; of two titles, the one more records carry).
std::vector<FacetValue> parents(const Counts& counts) {
  std::map<std::string, FacetValue> by_key;
  std::map<std::string, size_t> label_count;  // the count behind each key's label
  for (const auto& [value, count] : counts) {
    const size_t tab = value.find(schema::kFacetLabelSeparator);
    const std::string key = value.substr(0, tab);
    const std::string title = tab == std::string::npos ? "" : value.substr(tab + 1);
    FacetValue& v = by_key[key];
    v.value = key;
    v.count += count;
    if (!title.empty() && count > label_count[key]) {
      v.label = title;
      label_count[key] = count;
    }
  }
  std::vector<FacetValue> out;
  for (auto& [key, v] : by_key) out.push_back(std::move(v));
  return out;
}

template <typename Label>
std::vector<FacetValue> labelled(const Counts& counts, Label label) {
  std::vector<FacetValue> out;
  for (const auto& [value, count] : counts) out.push_back({value, label(value), count});
  return out;
}

// The facets of `out` from the count of each value of every field.
void label_facets(const FieldCounts& counted, const extract::ThemeTaxonomy& themes, FacetCounts& out) {
  const auto& fields = counted.fields;
  auto counts = [&](schema::FacetField field) -> const Counts& { return fields[field]; };
  auto same = [](const std::string& v) { return v; };
  out.facets["type"] = top_values(labelled(counts(schema::kFacetType), [](const std::string& slug) {
    const auto* t = extract::doc_type_by_slug(slug);
    return t ? std::string(t->label) : slug;
  }));
  out.facets["year"] = labelled(counts(schema::kFacetYear), same);  // every year: the timeline draws them all
  out.facets["issuer"] = top_values(labelled(counts(schema::kFacetIssuer), same));
  out.facets["province"] = top_values(labelled(counts(schema::kFacetProvince), same));
  out.facets["theme"] = top_values(labelled(counts(schema::kFacetTheme), [&](const std::string& id) {
    const auto* th = themes.find(id);
    return th ? th->label : id;
  }));
  out.facets["parent"] = top_values(parents(counts(schema::kFacetParent)));
  if (!fields[schema::kFacetYear].empty() && fields[schema::kFacetYear].size() <= kMonthFacetYears) {
    out.facets["month"] = labelled(counted.months.result(), [](const std::string& ym) {  // "04/2023"
      return ym.substr(5, 2) + "/" + ym.substr(0, 4);
    });
  }
}

}  // namespace

FacetTable::FacetTable(const std::vector<Xapian::Database>& parts) : combination_values_(1), combination_months_(1, 0) {
  for (const Xapian::Database& db : parts) {
    auto& by_doc = by_doc_.emplace_back(db.get_lastdocid() + 1, kNone);
    std::vector<uint32_t> months(by_doc.size(), 0);  // packed as combination_months_
    for (auto v = db.valuestream_begin(schema::kSlotPeriod); v != db.valuestream_end(schema::kSlotPeriod); ++v) {
      int from = 0, to = 0;
      if (v.get_docid() >= months.size() || !schema::parse_period_value(*v, from, to)) continue;
      const int first = month_number(from), last = month_number(to);
      if (first >= 0 && last >= first) months[v.get_docid()] = static_cast<uint32_t>(first + 1) << 16 | static_cast<uint32_t>(last + 1);
    }
    for (auto v = db.valuestream_begin(schema::kSlotFacets); v != db.valuestream_end(schema::kSlotFacets); ++v) {
      if (v.get_docid() < by_doc.size()) by_doc[v.get_docid()] = number(*v, months[v.get_docid()]);
    }
  }
  numbers_ = {};  // only for building: nearly a string per document on a large archive
  value_numbers_ = {};
}

std::shared_ptr<const FacetTable> shared_facet_table(const std::string& revision_key,
                                                   const std::vector<Xapian::Database>& parts) {
  struct Entry {
    std::mutex building;
    std::weak_ptr<const FacetTable> table;
  };
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<Entry>> entries;
  std::shared_ptr<Entry> entry;
  {
    const std::lock_guard lock(mutex);
    std::erase_if(entries, [](const auto& e) { return e.second.use_count() == 1 && e.second->table.expired(); });
    auto& slot = entries[revision_key];
    if (!slot) slot = std::make_shared<Entry>();
    entry = slot;
  }
  const std::lock_guard lock(entry->building);
  if (auto table = entry->table.lock()) return table;
  auto table = std::make_shared<const FacetTable>(parts);
  entry->table = table;
  return table;
}

int month_number(int day) {
  const int year = day / 10000, month = day / 100 % 100;
  if (year < 1900 || year >= 1900 + kMonths / 12 || month < 1 || month > 12) return -1;
  return (year - 1900) * 12 + month - 1;
}

uint32_t FacetTable::number(const std::string& facets, uint32_t months) {
  std::string key = facets;
  key.append(reinterpret_cast<const char*>(&months), sizeof months);
  const auto [it, added] = numbers_.try_emplace(std::move(key), static_cast<uint32_t>(combination_values_.size()));
  if (!added) return it->second;
  combination_months_.push_back(months);
  const std::string& combination = facets;
  // The values of one kSlotFacets value: fields split by kFacetSeparator, values by kFacetValueSeparator.
  std::vector<uint32_t> values;
  std::string_view rest = combination;
  for (int field = 0; field < schema::kFacetFieldCount && !rest.empty(); ++field) {
    const size_t end = std::min(rest.find(schema::kFacetSeparator), rest.size());
    std::string_view text = rest.substr(0, end);
    rest.remove_prefix(std::min(end + 1, rest.size()));
    while (!text.empty()) {
      const size_t cut = std::min(text.find(schema::kFacetValueSeparator), text.size());
      if (cut > 0) {
        const auto [v, new_value] = value_numbers_.try_emplace({field, std::string(text.substr(0, cut))},
                                                                static_cast<uint32_t>(values_.size()));
        if (new_value) values_.push_back({static_cast<schema::FacetField>(field), v->first.second});
        values.push_back(v->second);
      }
      text.remove_prefix(std::min(cut + 1, text.size()));
    }
  }
  combination_values_.push_back(std::move(values));
  return it->second;
}

FacetCounts count_facets(const std::vector<Xapian::Database>& parts, const FacetTable& table, FacetTally& tally,
                         const extract::ThemeTaxonomy& themes, const Xapian::Query& query) {
  tally.clear();  // what a count that failed half-way left
  if (tally.counts.size() < table.combinations()) tally.counts.resize(table.combinations(), 0);
  FacetCounts out;
  std::vector<std::string> terms;
  const bool conjunction = conjunction_terms(query, terms);
  for (size_t part = 0; part < parts.size(); ++part) {
    const Xapian::Database& db = parts[part];
    if (db.get_doccount() == 0) continue;
    if (conjunction) {
      out.matches += count_conjunction(db, terms, table, tally, part);
      continue;
    }
    CombinationSpy spy(table, tally, part);
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.add_matchspy(&spy);
    out.matches += enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
    enquire.clear_matchspies();
  }

  label_facets(field_counts(table, tally), themes, out);
  return out;
}

FacetCounts facets_of_spy(const FacetSpies& spies, Xapian::doccount matches, const extract::ThemeTaxonomy& themes) {
  FacetCounts out;
  out.matches = matches;
  FieldCounts counted;
  auto& fields = counted.fields;
  for (auto v = spies.periods().values_begin(); v != spies.periods().values_end(); ++v) {
    int from = 0, to = 0;
    const std::string period = *v;  // a copy: the iterator gives a temporary
    if (schema::parse_period_value(period, from, to)) counted.months.add(month_number(from), month_number(to), v.get_termfreq());
  }
  for (int f = 0; f < schema::kFacetFieldCount; ++f) {
    const Xapian::ValueCountMatchSpy& spy = spies.of(static_cast<schema::FacetField>(f));
    for (auto v = spy.values_begin(); v != spy.values_end(); ++v) {  // '\n'-joined values of one field
      const std::string values = *v;  // a copy: the iterator gives a temporary
      std::string_view text = values;
      while (!text.empty()) {
        const size_t cut = std::min(text.find(schema::kFacetValueSeparator), text.size());
        if (cut > 0) fields[f][std::string(text.substr(0, cut))] += v.get_termfreq();
        text.remove_prefix(std::min(cut + 1, text.size()));
      }
    }
  }
  label_facets(counted, themes, out);
  return out;
}

}  // namespace vankho::query
