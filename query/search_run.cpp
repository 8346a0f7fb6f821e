// One search, start to end: the query read (syntax, interpretation) and planned, run (with the
// any-word fallback), its facets counted, a question's first candidates reordered by title
// coverage, hits built with snippets, and the accent suggestion made.
#include <algorithm>
#include <chrono>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "decode.h"
#include "did_you_mean.h"
#include "hits.h"
#include "interpret.h"
#include "original_file.h"
#include "period_fit.h"
#include "planner.h"
#include "schema.h"
#include "searcher_impl.h"
#include "syntax.h"
#include "terms.h"
#include "title_rerank.h"
#include "utf8.h"
#include "vocabulary.h"

namespace vankho::query {
namespace {

using Q = Xapian::Query;

// How much of each hit's text the suggestion reads: enough to see how the documents write the
// query's words, without tokenizing whole long directives on every search.
constexpr size_t kSuggestContextBytes = 8 * 1024;

// The snippet scans a text until it has seen every query word (snippet.h); a word the document
// never uses would make it read all of a long text's opening. Above this size, each query word is
// first looked up in its posting list (cheaper than tokenizing up to 32 KB).
constexpr size_t kWordsCheckedAbove = 8 * 1024;

bool blank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

bool has_filters(const SearchRequest& r) {
  return !r.types.empty() || !r.themes.empty() || !r.issuers.empty() || !r.provinces.empty() ||
         !r.years.empty() || r.from || r.to;
}

// The first `max` bytes of s at most, cut back to a UTF-8 boundary.
std::string_view utf8_prefix(std::string_view s, size_t max) {
  return s.size() <= max ? s : s.substr(0, text::code_point_start(s, max));
}

size_t count_tokens(const InterpretedQuery& iq) {
  size_t n = 0;
  for (const auto& g : iq.groups) n += g.tokens.size();
  return n;
}

// Drops words past the token budget, keeping whole groups where possible.
void cap_tokens(InterpretedQuery& iq, size_t max, std::vector<Warning>& warnings) {
  if (count_tokens(iq) <= max) return;
  size_t kept = 0;
  std::vector<WordGroup> groups;
  for (auto& g : iq.groups) {
    if (kept >= max) break;
    if (kept + g.tokens.size() > max) g.tokens.resize(max - kept);
    kept += g.tokens.size();
    groups.push_back(std::move(g));
  }
  iq.groups = std::move(groups);
  warnings.push_back({"too_many_words",
                      "the query has more than " + std::to_string(max) + " words; only the first " + std::to_string(max) + " were used",
                      {{"max", std::to_string(max)}}});
}

struct Candidate {
  Xapian::MSetIterator it;
  double score;
};

// Reorders a question's candidates by score × (1 + title weight × title coverage + parent weight ×
// parent title coverage) (title_rerank.h).
void reorder_by_title(std::vector<Candidate>& candidates, const InterpretedQuery& iq, double documents,
                      const TermFrequency& df, const RankingWeights& weights) {
  std::unordered_map<std::string, double> idf;  // sibling articles share most title words
  const TitleCoverage coverage(iq.groups, [&](const std::string& term) {
    auto [it, added] = idf.try_emplace(term, 0.0);
    if (added) it->second = bm25_idf(documents, df(term));
    return it->second;
  });
  // Only the first kRerankDepth: every page is then cut from the same order, whatever its offset.
  const auto reordered =
      candidates.begin() + static_cast<std::ptrdiff_t>(std::min(candidates.size(), kRerankDepth));
  std::unordered_map<std::string, double> parent_coverage;  // sibling articles share their act's title
  for (auto c = candidates.begin(); c != reordered; ++c) {
    const Xapian::Document doc = c->it.get_document();
    double factor = 1 + weights.title_coverage * coverage(doc.get_value(schema::kSlotTitle));
    if (weights.parent_coverage > 0) {
      std::string parent = doc.get_value(schema::kSlotParentTitle);
      auto [it, added] = parent_coverage.try_emplace(std::move(parent), 0.0);
      if (added && !it->first.empty()) it->second = coverage(it->first);
      factor += weights.parent_coverage * it->second;
    }
    c->score *= factor;
  }
  std::stable_sort(candidates.begin(), reordered,
                   [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
}

// Adds each of the first kPeriodRerankDepth candidates' period fit (period_fit.h) × `weight` to its
// score, and reorders them.
void reorder_by_period(std::vector<Candidate>& candidates, const QueryPlan::Fit& asked, double weight) {
  const auto reordered =
      candidates.begin() + static_cast<std::ptrdiff_t>(std::min(candidates.size(), kPeriodRerankDepth));
  for (auto c = candidates.begin(); c != reordered; ++c) {
    c->score += weight * period_value_fit(c->it.get_document().get_value(schema::kSlotPeriod), asked.from, asked.to);
  }
  std::stable_sort(candidates.begin(), reordered,
                   [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
}

// The expansion terms of pseudo-relevance feedback: folded words and bigrams that the question
// does not already ask for and that more than one document has.
class FeedbackTerms : public Xapian::ExpandDecider {
 public:
  FeedbackTerms(const Xapian::Database& db, const Q& query)
      : db_(db), asked_(query.get_terms_begin(), query.get_terms_end()) {}
  bool operator()(const std::string& term) const override {
    return (term.starts_with(schema::kFolded) || term.starts_with(schema::kFoldedBigram)) &&
           !asked_.contains(term) && db_.get_termfreq(term) >= 2;
  }

 private:
  const Xapian::Database& db_;
  const std::unordered_set<std::string> asked_;
};

// `query` with weight added to the documents it matches that also have the best expansion terms
// of its first hits (RankingWeights::prf_terms).
Q with_feedback(const Xapian::Database& db, Xapian::Enquire& enquire, const Xapian::MSet& first,
                const Q& query, const RankingWeights& weights) {
  Xapian::RSet rset;
  size_t taken = 0;
  for (auto it = first.begin(); it != first.end() && taken < weights.prf_docs; ++it, ++taken) {
    rset.add_document(*it);
  }
  const FeedbackTerms decider(db, query);
  const auto wanted = static_cast<Xapian::termcount>(weights.prf_terms);
  const Xapian::ESet eset = enquire.get_eset(wanted, rset, &decider);
  std::vector<Q> terms;
  for (auto t = eset.begin(); t != eset.end(); ++t) terms.emplace_back(*t);
  if (terms.empty()) return query;
  const Q expansion(Q::OP_SCALE_WEIGHT, Q(Q::OP_OR, terms.begin(), terms.end()), weights.prf_weight);
  return and_maybe(query, expansion);
}

// An MSet of no documents over every word and pair of `iq` (typed_word_term, bigram_term): its
// get_termfreq() answers the planner without asking the index again.
Xapian::MSet term_statistics(const Xapian::Database& db, const InterpretedQuery& iq) {
  std::vector<std::string> terms;
  for (const auto& g : iq.groups) {
    for (size_t i = 0; i < g.tokens.size(); ++i) {
      terms.push_back(schema::typed_word_term(g.tokens[i]));
      if (i > 0) terms.push_back(schema::bigram_term(g.tokens[i - 1], g.tokens[i]));
    }
  }
  Xapian::Enquire enquire(db);
  enquire.set_query(Q(Q::OP_OR, terms.begin(), terms.end()));
  return enquire.get_mset(0, 0, Xapian::doccount{0});
}

}  // namespace

Searcher::Impl::Prepared Searcher::Impl::prepare(const SearchRequest& request) {
  Prepared p;
  std::vector<Warning>& warnings = p.warnings;
  std::string q = request.q;

  if (q.size() > kMaxQueryBytes) {
    q = std::string(utf8_prefix(q, kMaxQueryBytes));
    warnings.push_back({"query_too_long",
                        "the query is longer than " + std::to_string(kMaxQueryBytes) + " bytes; the rest was ignored",
                        {{"max_bytes", std::to_string(kMaxQueryBytes)}}});
  }
  const text::DecodedText decoded = text::decode(q);
  if (decoded.invalid_sequences) {
    warnings.push_back({"invalid_utf8",
                        "the query had " + std::to_string(decoded.invalid_sequences) + " invalid UTF-8 sequence(s); they were ignored",
                        {{"count", std::to_string(decoded.invalid_sequences)}}});
  }
  q = decoded.text;

  p.parsed = parse_query(q);
  const ParsedQuery& parsed = p.parsed;
  p.iq = interpret(parsed, request.interpret,
                   [&](const std::string& n, const std::string& t) { return resolve_partial(n, t); });
  InterpretedQuery& iq = p.iq;
  cap_tokens(iq, kMaxQueryTokens, warnings);
  p.effective = request;
  p.effective.q = q;
  p.effective.limit = std::min(request.limit, kMaxLimit);
  p.effective.offset = std::min(request.offset, kMaxOffset);
  p.documents = std::max<double>(1, db.get_doccount());
  const double documents = p.documents;
  std::unordered_map<std::string, double> fractions;  // the planner asks of most words twice
  // Over shards each get_termfreq is a round trip to every server: the words' and pairs' statistics
  // come first in one (an MSet of no documents gathers them).
  std::optional<Xapian::MSet> prefetched;
  if (sharded && documents >= weights.common_words_from_documents) prefetched = term_statistics(db, iq);
  const TermFraction fraction = [&](const std::string& term) {
    if (documents < weights.common_words_from_documents) return 0.0;
    auto [it, added] = fractions.try_emplace(term, 0.0);
    if (added) it->second = (prefetched ? prefetched->get_termfreq(term) : db.get_termfreq(term)) / documents;
    return it->second;
  };
  p.plan = plan_query(iq, parsed.filters, p.effective, {weights, fraction, themes});
  return p;
}

SearchResponse Searcher::Impl::search(const SearchRequest& request) {
  const auto started = std::chrono::steady_clock::now();
  Prepared prepared = prepare(request);
  const std::string& q = prepared.effective.q;
  const ParsedQuery& parsed = prepared.parsed;
  InterpretedQuery& iq = prepared.iq;
  SearchRequest& effective = prepared.effective;
  const double documents = prepared.documents;
  const std::vector<Warning>& warnings = prepared.warnings;
  QueryPlan& plan = prepared.plan;

  SearchResponse resp;
  resp.query = std::move(plan.interpretation);
  resp.query.warnings.insert(resp.query.warnings.begin(), warnings.begin(), warnings.end());
  if (request.limit > kMaxLimit) {
    resp.query.warnings.push_back({"limit_capped",
                                   "limit " + std::to_string(request.limit) + " is above the maximum " +
                                       std::to_string(kMaxLimit) + "; " + std::to_string(kMaxLimit) + " used",
                                   {{"limit", std::to_string(request.limit)}, {"max", std::to_string(kMaxLimit)}}});
  }

  // A type no known type names filters on its slug as given (filters.cpp): say so when no
  // document has it, as that is more likely a mistyped type than an empty one.
  for (const auto& f : resp.query.filters) {
    if (f.field == "type" && !extract::doc_type_by_slug(f.value) &&
        db.get_termfreq(schema::term(schema::kType, f.value)) == 0) {
      resp.query.warnings.push_back({"type_without_documents",
                                     "type '" + f.label + "': no document has this type (e.g. nghi-quyet, chi-thi, chuong-trinh)",
                                     {{"type", f.label}}});
    }
  }

  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::BM25Weight(weights.bm25_k1, 0, 1, weights.bm25_b, 0.5));
  // A query with nothing to search for (`((((`, an emoji, `---`) and no filter matches nothing,
  // rather than every document; filters alone (or no query at all) still browse.
  const bool nothing_to_search =
      plan.query.empty() && !blank(q) && parsed.filters.empty() && !has_filters(request);
  if (nothing_to_search) resp.query.warnings.push_back({"nothing_to_search", "no words to search for in the query", {}});
  const bool browse = plan.query.empty() && !nothing_to_search;
  enquire.set_query(nothing_to_search ? Q(Q::MatchNothing) : browse ? Q(Q::MatchAll) : plan.query);
  if (effective.sort == SortOrder::kDate || browse)
    enquire.set_sort_by_value_then_relevance(schema::kSlotDate, true);
  // A question's first candidates are reordered by title coverage (title_rerank.h), and those of a
  // query naming a period by its fit (period_fit.h); pages within them are cut after the
  // reordering, so that paging stays consistent.
  const bool ranked = !browse && effective.sort == SortOrder::kRelevance && effective.limit > 0;
  const bool rerank = (weights.title_coverage > 0 || weights.parent_coverage > 0) && ranked &&
                      !plan.all_words_required && iq.codes.empty() && effective.offset < kRerankDepth;
  const bool refit = plan.period_fit && weights.period_fit > 0 && ranked && effective.offset < kPeriodRerankDepth;
  const size_t depth = std::max(rerank ? kRerankDepth : 0, refit ? kPeriodRerankDepth : 0);
  const auto fetch_first = static_cast<Xapian::doccount>(depth > 0 ? 0 : effective.offset);
  const auto fetch_count =
      static_cast<Xapian::doccount>(depth > 0 ? std::max(effective.offset + effective.limit, depth) : effective.limit);
  // At least one match checked, so that "none" is known even with limit=0 (no hits wanted). Over
  // shards the facets are counted by match spies in this pass, which must see every match; locally
  // count_facets counts them in a pass of its own, without weights.
  const Xapian::doccount check_at_least = sharded && request.facets ? db.get_doccount() : 1;
  std::optional<FacetSpies> spies;  // over shards, the facets' count (facets.h)
  auto run = [&](const Q& query) {
    enquire.set_query(query);
    enquire.clear_matchspies();
    if (sharded && request.facets) spies.emplace().attach(enquire);
    return enquire.get_mset(fetch_first, fetch_count, check_at_least);
  };
  Xapian::MSet mset = run(enquire.get_query());
  Q matching = nothing_to_search ? Q(Q::MatchNothing) : browse ? Q(Q::MatchAll) : plan.match;
  if (mset.get_matches_estimated() == 0 && !plan.fallback.empty()) {
    resp.query.all_words_required = false;
    resp.query.warnings.push_back(
        {"some_words", "no document contains every word; showing documents with some of them", {}});
    mset = run(plan.fallback);
    matching = plan.fallback_match;
  }
  if (rerank && weights.prf_terms > 0 && !mset.empty()) {
    mset = run(with_feedback(db, enquire, mset, enquire.get_query(), weights));
  }
  if (request.facets) {  // counts every match, so the total is exact too
    if (!sharded && !facet_table) {
      const std::string key = index_dir + '\n' + served + '\n' + std::to_string(revision()) + '\n' +
                              std::to_string(static_cast<int>(clearance));
      facet_table = shared_facet_table(key, parts);
    }
    FacetCounts counts = sharded ? facets_of_spy(*spies, mset.get_matches_estimated(), themes)
                                 : count_facets(parts, *facet_table, facet_tally, themes, matching);
    resp.facets = std::move(counts.facets);
    resp.total = counts.matches;
    resp.total_exact = true;
    resp.total_min = resp.total_max = resp.total;
  } else {
    // Xapian's estimate, between the bounds it knows; total_exact says when it is a count. (Counting
    // every match costs what facets cost: with facets on, the total is exact.)
    resp.total = mset.get_matches_estimated();
    resp.total_min = mset.get_matches_lower_bound();
    resp.total_max = mset.get_matches_upper_bound();
    resp.total_exact = resp.total_min == resp.total_max;
  }

  for (size_t i = 0; i < iq.codes.size() && i < resp.query.codes.size(); ++i) {
    for (const auto& key : iq.codes[i].keys) {
      resp.query.codes[i].is_documents += db.get_termfreq(schema::term(schema::kNumber, key));
      resp.query.codes[i].cited_by += db.get_termfreq(schema::term(schema::kCites, key));
    }
  }

  std::vector<Candidate> candidates;
  if (depth > 0) mset.fetch();  // every candidate's values are read: one round trip per shard
  for (auto it = mset.begin(); it != mset.end(); ++it) candidates.push_back({it, it.get_weight()});
  if (refit) reorder_by_period(candidates, *plan.period_fit, weights.period_fit);
  // Term statistics from the search's own (remote shards are not asked again), each term once.
  std::unordered_map<std::string, double> frequencies;
  const TermFrequency df = [&](const std::string& term) {
    auto [it, added] = frequencies.try_emplace(term, 0.0);
    if (added) it->second = mset.get_termfreq(term);
    return it->second;
  };
  if (rerank) reorder_by_title(candidates, iq, documents, df, weights);
  if (depth > 0) {
    const size_t from = std::min(effective.offset, candidates.size());
    const size_t to = std::min(from + effective.limit, candidates.size());
    candidates = std::vector<Candidate>(candidates.begin() + from, candidates.begin() + to);
  }
  SnippetQuery& sq = plan.highlight;
  if (request.snippets) set_snippet_weights(documents, df, sq);
  // The suggestion reads how the hits write the query's words, in their first kSuggestContextBytes;
  // the snippet of a hit no longer than that needs the same tokens, so each is analysed once.
  const bool suggest = request.suggest && marks_of(iq).unmarked;
  std::vector<std::vector<text::Token>> context;
  context.reserve(candidates.size());
  for (const auto& c : candidates) {
    const schema::StoredDocument stored = schema::decode_stored(c.it.get_document().get_data());
    const std::vector<text::Token>* whole_text = nullptr;
    if (suggest) {
      const std::string_view prefix = utf8_prefix(stored.text, kSuggestContextBytes);
      text::tokenize(prefix, context.emplace_back());
      if (prefix.size() == stored.text.size()) whole_text = &context.back();
    }
    // When not every word is required, a long hit may lack some: the snippet then looks only for
    // those it has (words_in_document) instead of scanning its whole opening for the others.
    std::optional<SnippetQuery> own_words;
    // (Not over shards: a posting list of a remote database comes whole over the network.)
    if (request.snippets && !resp.query.all_words_required && !sharded &&
        stored.text.size() > kWordsCheckedAbove) {
      own_words = words_in_document(db, *c.it, sq);
    }
    resp.hits.push_back(make_hit(stored, c.score,
                                 !request.snippets ? nullptr
                                 : own_words       ? &*own_words
                                                   : &sq,
                                 whole_text));
    // A passage on a page of a PDF this server can hand out links to that page (a file check
    // for such hits only).
    Hit& hit = resp.hits.back();
    hit.original_pdf = hit.page > 0 && original_format(stored.meta) == "pdf" &&
                       original_path(stored.meta, source_root(*c.it)).has_value();
  }
  if (suggest) {
    if (!restorer) restorer = std::make_unique<AccentRestorer>(db);
    resp.suggestion = did_you_mean(q, iq, *restorer, context);
  }
  for (Warning& missing : missing_shards()) {
    resp.partial = true;
    resp.query.warnings.push_back(std::move(missing));
  }
  resp.took_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return resp;
}

}  // namespace vankho::query
