// Searcher::Impl::explain: why a document is a result of a request, read from the request's own
// plan (the terms Xapian finds of it in the document) rather than worked out again.
#include <algorithm>
#include <cctype>

#include "fold.h"
#include "period_fit.h"
#include "schema.h"
#include "searcher_impl.h"
#include "stored_document.h"
#include "terms.h"
#include "time_expr.h"
#include "tokenize.h"

namespace vankho::query {
namespace {

// Where a position of a document lies: its title, then the larger document's title, then the text
// (document_builder.cpp writes them in this order, kTitleGap apart). A subject heading a JSON-lines
// export supplied is not stored: its positions count as text.
struct Regions {
  Xapian::termpos parent_from = 0, text_from = 0;
  [[nodiscard]] const char* of(Xapian::termpos pos) const {
    return pos >= text_from ? "text" : pos >= parent_from ? "parent" : "title";
  }
};

Xapian::termpos token_count(std::string_view text) {
  std::vector<text::Token> tokens;
  text::tokenize(text, tokens);
  return static_cast<Xapian::termpos>(tokens.size());
}

std::vector<Xapian::termpos> positions(const Xapian::Database& db, Xapian::docid did, const std::string& term) {
  std::vector<Xapian::termpos> out;
  for (auto p = db.positionlist_begin(did, term); p != db.positionlist_end(did, term); ++p) out.push_back(*p);
  return out;
}

void add_where(Explanation::Term& t, const Regions& regions, const std::vector<Xapian::termpos>& at) {
  for (const Xapian::termpos p : at) {
    const std::string region = regions.of(p);
    if (std::find(t.where.begin(), t.where.end(), region) == t.where.end()) t.where.push_back(region);
  }
  std::sort(t.where.begin(), t.where.end(), [](const std::string& a, const std::string& b) {
    const auto rank = [](const std::string& r) { return r == "title" ? 0 : r == "parent" ? 1 : 2; };
    return rank(a) < rank(b);
  });
}

}  // namespace

std::optional<Explanation> Searcher::Impl::explain(const SearchRequest& request, const std::string& id) {
  const std::optional<Xapian::docid> did = find_id(id);
  if (!did) return std::nullopt;
  const Prepared prepared = prepare(request);
  const QueryPlan& plan = prepared.plan;
  Explanation out;
  out.id = id;
  const Xapian::Document doc = db.get_document(*did);
  const schema::StoredDocument stored = schema::decode_stored(doc.get_data());

  // Whether it is a match: the plan's match query (else the any-word reading the search falls back
  // to), with the document's own id term, matches something.
  const auto matches = [&](const Xapian::Query& q) {
    if (q.empty()) return false;
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, q, Xapian::Query(schema::term(schema::kId, id))));
    return enquire.get_mset(0, 1).size() > 0;
  };
  out.matches = matches(plan.match.empty() ? Xapian::Query::MatchAll : plan.match) ||
                (!plan.fallback_match.empty() && matches(plan.fallback_match));

  Regions regions;
  const std::string title = stored.meta.value("title", std::string());
  const Xapian::termpos title_end = title.empty() ? 0 : token_count(title) + schema::kTitleGap;
  const std::string parent_title = doc.get_value(schema::kSlotParentTitle);
  regions.parent_from = title_end;
  regions.text_from = title_end + (parent_title.empty() ? 0 : token_count(parent_title) + schema::kTitleGap);

  // The plan's terms the document has, as Xapian finds them (the query as run, fallback included).
  Xapian::Enquire enquire(db);
  const Xapian::Query run = plan.fallback.empty() ? plan.query : Xapian::Query(Xapian::Query::OP_OR, plan.query, plan.fallback);
  if (!run.empty()) enquire.set_query(run);
  for (auto t = run.empty() ? Xapian::TermIterator() : enquire.get_matching_terms_begin(*did);
       t != enquire.get_matching_terms_end(*did); ++t) {
    const std::string term = *t;
    Explanation::Term e;
    if (term.starts_with(schema::kNumber) || term.starts_with(schema::kCites)) {
      const bool is = term.starts_with(schema::kNumber);
      e.kind = is ? "code" : "cites";
      e.text = term.substr(is ? schema::kNumber.size() : schema::kCites.size());
      e.count = is ? 1 : t.get_wdf();
    } else if (term.starts_with(schema::kFoldedBigram)) {
      e.kind = "pair";
      e.text = term.substr(schema::kFoldedBigram.size());
      const size_t space = e.text.find(' ');
      if (space != std::string::npos) {  // where: the first word's places followed by the second's
        const auto first = positions(db, *did, schema::folded_term(e.text.substr(0, space)));
        const auto second = positions(db, *did, schema::folded_term(e.text.substr(space + 1)));
        std::vector<Xapian::termpos> at;
        for (const Xapian::termpos p : first) {
          if (std::binary_search(second.begin(), second.end(), p + 1)) at.push_back(p);
        }
        add_where(e, regions, at);
        e.count = at.size();
      }
    } else if (term.starts_with(schema::kFolded)) {
      e.kind = "folded";
      e.text = term.substr(schema::kFolded.size());
      const auto at = positions(db, *did, term);
      add_where(e, regions, at);
      e.count = at.size();
    } else if (!term.empty() && !std::isupper(static_cast<unsigned char>(term[0]))) {  // prefixes are capitals
      e.kind = "word";  // the canonical syllable (no positions): its places are its folded form's
      e.text = term;
    } else {
      continue;  // filters (type, year, level...) say nothing a person asked about
    }
    out.terms.push_back(std::move(e));
  }
  // A canonical word's places: those of its folded form that the word itself accounts for.
  for (auto& e : out.terms) {
    if (e.kind != "word") continue;
    for (const auto& f : out.terms) {
      if (f.kind == "folded" && !f.where.empty() && text::fold(e.text) == f.text) e.where = f.where;
    }
  }

  if (plan.period_fit) {
    const auto& asked = *plan.period_fit;
    out.period_asked = {{day_to_iso(asked.from), day_to_iso(asked.to)}};
    int from = 0, to = 0;
    const std::string value = doc.get_value(schema::kSlotPeriod);
    if (schema::parse_period_value(value, from, to)) {
      out.period_document = {{day_to_iso(from), day_to_iso(to)}};
      out.period_fit = period_value_fit(value, asked.from, asked.to);
    }
  }
  return out;
}

}  // namespace vankho::query
