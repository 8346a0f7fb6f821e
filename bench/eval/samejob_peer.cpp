#include "samejob_peer.h"

#include <cctype>
#include <memory>

#include "fold.h"
#include "peers.h"

namespace vankho::bench {
namespace {

using Q = Xapian::Query;

std::string field(const ingest::SourceDocument& doc, const char* name) {
  const auto it = doc.fields.find(name);
  return it == doc.fields.end() ? std::string() : it->second;
}

bool digits(std::string_view s) {
  if (s.empty()) return false;
  for (unsigned char c : s) {
    if (!std::isdigit(c)) return false;
  }
  return true;
}

// "16/06/2020", "6/6/2020" or "2020-06-16" → "20200616"; "" otherwise.
std::string day_of(const std::string& date) {
  std::string_view d = date;
  std::string_view y, m, day;
  if (const size_t a = d.find('/'), b = d.rfind('/'); a != std::string_view::npos && b > a) {
    day = d.substr(0, a), m = d.substr(a + 1, b - a - 1), y = d.substr(b + 1);
  } else if (const size_t c = d.find('-'), e = d.rfind('-'); c != std::string_view::npos && e > c) {
    y = d.substr(0, c), m = d.substr(c + 1, e - c - 1), day = d.substr(e + 1);
  } else {
    return "";
  }
  if (!digits(y) || y.size() != 4 || !digits(m) || m.size() > 2 || !digits(day) || day.size() > 2) return "";
  std::string out(y);
  out += std::string(2 - m.size(), '0').append(m);
  out += std::string(2 - day.size(), '0').append(day);
  return out;
}

std::string slug(std::string_view text) {
  std::string out;
  for (char c : text::fold(text)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out.push_back(c);
    } else if (!out.empty() && out.back() != '-') {
      out.push_back('-');
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string issuer_of(std::string_view number) {
  const size_t slash = number.rfind('/');
  std::string_view last = slash == std::string_view::npos ? std::string_view() : number.substr(slash + 1);
  if (const size_t dash = last.rfind('-'); dash != std::string_view::npos) last = last.substr(dash + 1);
  std::string out;
  for (char c : last) {
    if (!std::isdigit(static_cast<unsigned char>(c))) out.push_back(c);
  }
  return out;
}

Q any_of(const char* prefix, const std::vector<std::string>& values, std::string (*norm)(std::string_view)) {
  std::vector<Q> terms;
  for (const auto& v : values) terms.emplace_back(prefix + norm(v));
  return Q(Q::OP_OR, terms.begin(), terms.end());
}

std::string as_is(std::string_view v) { return std::string(v); }
std::string folded(std::string_view v) { return text::fold(v); }

}  // namespace

SameJobFields samejob_fields(const ingest::SourceDocument& doc) {
  SameJobFields f;
  f.type = slug(field(doc, "type"));
  f.date = day_of(field(doc, "date"));
  if (!f.date.empty()) f.year = f.date.substr(0, 4);
  f.issuer = issuer_of(field(doc, "number"));
  return f;
}

// ---- index -----------------------------------------------------------------------------------

void add_samejob_fields(Xapian::Document& xd, const ingest::SourceDocument& doc) {
  const SameJobFields f = samejob_fields(doc);
  if (!f.type.empty()) {
    xd.add_boolean_term(samejob::kTypePrefix + f.type);
    xd.add_value(samejob::kSlotType, f.type);
  }
  if (!f.year.empty()) {
    xd.add_boolean_term(samejob::kYearPrefix + f.year);
    xd.add_value(samejob::kSlotYear, f.year);
    xd.add_value(samejob::kSlotDate, f.date);
  }
  if (!f.issuer.empty()) {
    xd.add_boolean_term(samejob::kIssuerPrefix + text::fold(f.issuer));
    xd.add_value(samejob::kSlotIssuer, f.issuer);
  }
}

// ---- search ----------------------------------------------------------------------------------

SameJobXapianSearcher::SameJobXapianSearcher(const std::string& dir) : db_(dir), enquire_(db_), stem_("none") {
  qp_.set_stemmer(stem_);
  qp_.set_stemming_strategy(Xapian::QueryParser::STEM_NONE);
  qp_.set_default_op(Q::OP_OR);
  qp_.set_database(db_);
  enquire_.set_weighting_scheme(Xapian::BM25Weight());
}

Q SameJobXapianSearcher::parse(const std::string& q) {
  if (q.find_first_not_of(" \t\r\n") == std::string::npos) return Q::MatchAll;
  try {
    return qp_.parse_query(q);
  } catch (const Xapian::QueryParserError&) {
    return qp_.parse_query(q, 0);
  }
}

SameJobAnswer SameJobXapianSearcher::search(const query::SearchRequest& r) {
  Q query = parse(r.q);
  if (query.empty()) query = Q::MatchNothing;  // only stop characters: no word to search
  const Q filters[] = {r.types.empty() ? Q() : any_of(samejob::kTypePrefix, r.types, slug),
                       r.years.empty() ? Q() : any_of(samejob::kYearPrefix, r.years, as_is),
                       r.issuers.empty() ? Q() : any_of(samejob::kIssuerPrefix, r.issuers, folded)};
  for (const Q& filter : filters) {
    if (!filter.empty()) query = Q(Q::OP_FILTER, query, filter);
  }
  if (r.from || r.to) {
    const std::string from = r.from ? std::to_string(r.from) : "00000000", to = r.to ? std::to_string(r.to) : "99999999";
    query = Q(Q::OP_FILTER, query, Q(Q::OP_VALUE_RANGE, samejob::kSlotDate, from, to));
  }
  enquire_.set_query(query);
  if (r.sort == query::SortOrder::kDate) {
    enquire_.set_sort_by_value_then_relevance(samejob::kSlotDate, true);
  } else {
    enquire_.set_sort_by_relevance();
  }
  const Xapian::valueno slots[] = {samejob::kSlotType, samejob::kSlotYear, samejob::kSlotIssuer};
  const char* names[] = {"type", "year", "issuer"};
  std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
  enquire_.clear_matchspies();  // none left by a request that threw
  if (r.facets) {
    for (const auto slot : slots) {
      spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(slot));
      enquire_.add_matchspy(spies.back().get());
    }
  }
  // With facets every match is counted (check_at_least = all documents), so they and the total are exact.
  const Xapian::MSet mset = enquire_.get_mset(static_cast<Xapian::doccount>(r.offset), static_cast<Xapian::doccount>(r.limit),
                                              r.facets ? db_.get_doccount() : 0);
  enquire_.clear_matchspies();
  SameJobAnswer answer;
  answer.total = mset.get_matches_estimated();
  for (size_t i = 0; i < spies.size(); ++i) {
    auto& values = answer.facets[names[i]];
    for (auto v = spies[i]->top_values_begin(samejob::kFacetValues); v != spies[i]->top_values_end(samejob::kFacetValues); ++v) {
      values.emplace_back(*v, v.get_termfreq());
    }
  }
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const Xapian::Document doc = it.get_document();
    const std::string data = doc.get_data();
    const size_t nl = data.find('\n');
    SameJobAnswer::Hit hit{doc.get_value(0), data.substr(0, nl), ""};
    if (r.snippets) {
      hit.snippet = mset.snippet(nl == std::string::npos ? std::string() : data.substr(nl + 1), samejob::kSnippetBytes,
                                 stem_, Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE,
                                 "<mark>", "</mark>", "…");
    }
    answer.hits.push_back(std::move(hit));
  }
  return answer;
}

}  // namespace vankho::bench
