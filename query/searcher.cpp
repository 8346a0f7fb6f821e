#include "searcher.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <unordered_map>

#include "analyzer.h"
#include "facets.h"
#include "interpret.h"
#include "schema.h"
#include "snippet.h"
#include "stored_document.h"
#include "syntax.h"
#include "title_rerank.h"
#include "utf8.h"

namespace vankho::query {
namespace {

using Q = Xapian::Query;

Xapian::Database open_database(const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::exists(dir, ec)) {
    throw IndexUnavailable("no index at " + dir + "; build one with: vankho-indexer --index " + dir +
                           " PATH...");
  }
  try {
    Xapian::Database db(dir);
    schema::check_compatible(db, dir);
    return db;
  } catch (const schema::IndexMismatch& e) {
    throw IndexUnavailable(e.what());
  } catch (const Xapian::Error& e) {
    throw IndexUnavailable("cannot open index " + dir + ": " + e.get_description() +
                           "; rebuild it with: vankho-indexer --index " + dir + " --rebuild PATH...");
  }
}

std::string str(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The first `max` bytes of s at most, cut back to a UTF-8 boundary.
std::string_view utf8_prefix(std::string_view s, size_t max) {
  return s.size() <= max ? s : s.substr(0, text::code_point_start(s, max));
}

std::string cut_utf8(const std::string& s, size_t max) { return std::string(utf8_prefix(s, max)); }

// How much of each hit's text the suggestion reads: enough to see how the documents write the
// query's words, without tokenizing whole long directives on every search.
constexpr size_t kSuggestContextBytes = 8 * 1024;

size_t count_tokens(const InterpretedQuery& iq) {
  size_t n = 0;
  for (const auto& g : iq.groups) n += g.tokens.size();
  return n;
}

// Drops words past the token budget, keeping whole groups where possible.
void cap_tokens(InterpretedQuery& iq, size_t max, std::vector<std::string>& warnings) {
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
  warnings.push_back("the query has more than " + std::to_string(max) +
                     " words; only the first " + std::to_string(max) + " were used");
}

// Whether the query's words (codes aside) include words without marks (numbers aside), and words
// with marks: the first asks for a suggestion, the second says that its writer types marks.
struct Marks {
  bool unmarked = false, marked = false;
};

Marks marks_of(const InterpretedQuery& iq) {
  Marks m;
  for (const auto& g : iq.groups) {
    for (const auto& t : g.tokens) {
      if (t.is_code) continue;
      if (t.norm != t.folded) {
        m.marked = true;
      } else if (t.norm.find_first_not_of("0123456789") != std::string::npos) {
        m.unmarked = true;
      }
    }
  }
  return m;
}

// The suggestion: q with each word replaced by its restored form.
std::optional<std::string> rewrite_query(const std::string& q, const InterpretedQuery& iq,
                                         AccentRestorer& restorer,
                                         const std::vector<std::vector<text::Token>>& context) {
  struct Replacement {
    size_t start, end;
    std::string word;
  };
  std::vector<Replacement> replacements;
  const bool writer_types_marks = marks_of(iq).marked;
  size_t search_from = 0, group_pos = 0;
  const std::string* last_text = nullptr;
  for (const auto& g : iq.groups) {
    if (!last_text || *last_text != g.text) {
      const size_t at = q.find(g.text, search_from);
      if (at == std::string::npos) return std::nullopt;
      group_pos = at;
      search_from = at + g.text.size();
      last_text = &g.text;
    }
    if (g.phrase) continue;
    auto restored = restorer.restore(g.tokens, context, writer_types_marks);
    if (!restored) continue;
    for (size_t i = 0; i < g.tokens.size(); ++i) {
      if ((*restored)[i] != g.tokens[i].norm) {
        replacements.push_back({group_pos + g.tokens[i].start, group_pos + g.tokens[i].end, (*restored)[i]});
      }
    }
  }
  if (replacements.empty()) return std::nullopt;
  std::string out;
  size_t pos = 0;
  for (const auto& r : replacements) {
    out.append(q, pos, r.start - pos).append(r.word);
    pos = r.end;
  }
  out.append(q, pos);
  return out;
}

// The snippet scans a text until it has seen every query word (snippet.h); a word the document
// never uses would make it read all of a long text's opening. Above this size, each query word is
// first looked up in its posting list (cheaper than tokenizing up to 32 KB).
constexpr size_t kWordsCheckedAbove = 8 * 1024;

// Lucene's BM25 idf: positive even in an archive of a few documents.
double bm25_idf(const Xapian::Database& db, const std::string& term) {
  const double documents = std::max<double>(1, db.get_doccount());
  const double df = db.get_termfreq(term);
  return std::log(1.0 + (documents - df + 0.5) / (df + 0.5));
}

// SnippetWord::weight: each word's idf, the rarest word's 1.
void set_snippet_weights(const Xapian::Database& db, SnippetQuery& sq) {
  double top = 0;
  for (auto& w : sq.words) top = std::max(top, w.weight = bm25_idf(db, schema::term(schema::kFolded, w.folded)));
  for (auto& w : sq.words) w.weight = top > 0 ? w.weight / top : 1.0;
}

// The snippet query restricted to the words that document `did` has anywhere.
SnippetQuery words_in_document(const Xapian::Database& db, Xapian::docid did, const SnippetQuery& sq) {
  SnippetQuery out{{}, sq.codes, sq.pairs};
  for (const auto& w : sq.words) {
    const std::string term = schema::term(schema::kFolded, w.folded);
    auto p = db.postlist_begin(term);
    p.skip_to(did);
    if (p != db.postlist_end(term) && *p == did) out.words.push_back(w);
  }
  return out;
}

struct Candidate {
  Xapian::MSetIterator it;
  double score;
};

// Reorders a question's candidates by score × (1 + weight × title coverage) (title_rerank.h).
void reorder_by_title(std::vector<Candidate>& candidates, const InterpretedQuery& iq, const Xapian::Database& db,
                      double weight) {
  std::vector<text::Token> words;
  for (const auto& g : iq.groups) words.insert(words.end(), g.tokens.begin(), g.tokens.end());
  std::unordered_map<std::string, double> idf;  // sibling articles share most title words
  const TitleCoverage coverage(words, [&](const std::string& term) {
    auto [it, added] = idf.try_emplace(term, 0.0);
    if (added) it->second = bm25_idf(db, term);
    return it->second;
  });
  // Only the first kRerankDepth: every page is then cut from the same order, whatever its offset.
  const auto reordered = candidates.begin() + static_cast<std::ptrdiff_t>(std::min(candidates.size(), kRerankDepth));
  for (auto c = candidates.begin(); c != reordered; ++c) {
    c->score *= 1 + weight * coverage(c->it.get_document().get_value(schema::kSlotTitle));
  }
  std::stable_sort(candidates.begin(), reordered,
                   [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
}

}  // namespace

Searcher::Searcher(std::string index_dir, RankingWeights weights)
    : index_dir_(std::move(index_dir)), weights_(weights), db_(open_database(index_dir_)) {}

template <typename F>
auto Searcher::with_reopen(F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const Xapian::DatabaseModifiedError&) {
    // The indexer committed past what this reader can see: reopen and retry once.
    db_.reopen();
    restorer_.reset();
    facet_table_.reset();
    return f();
  }
}

bool Searcher::refresh() {
  const Xapian::rev before = db_.get_revision();
  db_.reopen();
  if (db_.get_revision() == before) return false;
  restorer_.reset();
  facet_table_.reset();
  return true;
}

IndexInfo Searcher::info() {
  return with_reopen([&] { return IndexInfo{index_dir_, db_.get_revision(), db_.get_doccount()}; });
}

std::vector<std::pair<std::string, std::string>> Searcher::resolve_partial(const std::string& number,
                                                                           const std::string& type_key) {
  const size_t first_digit = number.find_first_not_of('0');
  const std::string n = first_digit == std::string::npos ? "0" : number.substr(first_digit);
  std::vector<std::pair<std::string, std::string>> out;
  auto add = [&](const std::string& key) {
    for (const auto& [c, k] : out) {
      if (k == key) return;
    }
    out.emplace_back(key, key);
  };
  for (std::string_view prefix : {schema::kNumber, schema::kCites}) {
    // Party codes: N-TYPE/ISSUER
    const std::string party = schema::term(prefix, n + "-" + type_key + (type_key.empty() ? "" : "/"));
    for (auto t = db_.allterms_begin(party); t != db_.allterms_end(party); ++t) {
      add((*t).substr(prefix.size()));
    }
    // State codes: N/YYYY/TYPE-ISSUER, N/TYPE-ISSUER, N/YYYY/ISSUER
    const std::string state = schema::term(prefix, n + "/");
    for (auto t = db_.allterms_begin(state); t != db_.allterms_end(state); ++t) {
      const std::string key = (*t).substr(prefix.size());
      std::string rest = key.substr(n.size() + 1);
      if (rest.size() > 5 && rest[4] == '/') rest = rest.substr(5);  // skip the year
      const std::string type = rest.substr(0, rest.find('-'));
      if (type_key.empty() || (rest.find('-') != std::string::npos && type == type_key)) add(key);
    }
  }
  return out;
}

SearchResponse Searcher::search(const SearchRequest& request) {
  return with_reopen([&] { return run_search(request); });
}

SearchResponse Searcher::run_search(const SearchRequest& request) {
  const auto started = std::chrono::steady_clock::now();
  std::vector<std::string> warnings;
  std::string q = request.q;
  if (q.size() > kMaxQueryBytes) {
    q = cut_utf8(q, kMaxQueryBytes);
    warnings.push_back("the query is longer than " + std::to_string(kMaxQueryBytes) +
                       " bytes; the rest was ignored");
  }
  const text::DecodedText decoded = text::decode(q);
  if (decoded.invalid_sequences) {
    warnings.push_back("the query had " + std::to_string(decoded.invalid_sequences) +
                       " invalid UTF-8 sequence(s); they were ignored");
  }
  q = decoded.text;

  const ParsedQuery parsed = parse_query(q);
  InterpretedQuery iq = interpret(parsed, request.interpret, [&](const std::string& n, const std::string& t) {
    return resolve_partial(n, t);
  });
  cap_tokens(iq, kMaxQueryTokens, warnings);
  SearchRequest effective = request;
  effective.q = q;
  effective.limit = std::min(request.limit, kMaxLimit);
  effective.offset = std::min(request.offset, kMaxOffset);
  const double documents = std::max<double>(1, db_.get_doccount());
  std::unordered_map<std::string, double> fractions;  // the planner asks of most words twice
  QueryPlan plan = plan_query(iq, parsed.filters, effective, weights_, [&](const std::string& term) {
    if (documents < weights_.common_words_from_documents) return 0.0;
    auto [it, added] = fractions.try_emplace(term, 0.0);
    if (added) it->second = db_.get_termfreq(term) / documents;
    return it->second;
  });

  SearchResponse resp;
  resp.query = std::move(plan.interpretation);
  resp.query.warnings.insert(resp.query.warnings.begin(), warnings.begin(), warnings.end());
  if (request.limit > kMaxLimit) {
    resp.query.warnings.push_back("limit " + std::to_string(request.limit) + " is above the maximum " +
                                  std::to_string(kMaxLimit) + "; " + std::to_string(kMaxLimit) + " used");
  }

  Xapian::Enquire enquire(db_);
  enquire.set_weighting_scheme(Xapian::BM25Weight(weights_.bm25_k1, 0, 1, weights_.bm25_b, 0.5));
  const bool browse = plan.query.empty();
  enquire.set_query(browse ? Q::MatchAll : plan.query);
  if (effective.sort == SortOrder::kDate || browse) {
    enquire.set_sort_by_value_then_relevance(schema::kSlotDate, true);
  }
  // A question's first candidates are reordered by title coverage (title_rerank.h); pages within
  // them are cut after the reordering, so that paging stays consistent.
  const bool rerank = weights_.title_coverage > 0 && !browse && effective.sort == SortOrder::kRelevance &&
                      !plan.all_words_required && iq.codes.empty() && effective.limit > 0 &&
                      effective.offset < kRerankDepth;
  const auto fetch_first = static_cast<Xapian::doccount>(rerank ? 0 : effective.offset);
  const auto fetch_count = static_cast<Xapian::doccount>(
      rerank ? std::max(effective.offset + effective.limit, kRerankDepth) : effective.limit);
  // At least one match checked, so that "none" is known even with limit=0 (no hits wanted).
  Xapian::MSet mset = enquire.get_mset(fetch_first, fetch_count, 1);
  if (mset.get_matches_estimated() == 0 && !plan.fallback.empty()) {
    resp.query.all_words_required = false;
    resp.query.warnings.push_back("no document contains every word; showing documents with some of them");
    enquire.set_query(plan.fallback);
    mset = enquire.get_mset(fetch_first, fetch_count, 1);
  }
  if (request.facets) {  // counts every match, so the total is exact too
    if (!facet_table_) facet_table_ = std::make_unique<FacetTable>(db_);
    FacetCounts counts = count_facets(db_, *facet_table_, enquire.get_query());
    resp.facets = std::move(counts.facets);
    resp.total = counts.matches;
    resp.total_exact = true;
  } else {
    resp.total = mset.get_matches_estimated();
    resp.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  }

  for (size_t i = 0; i < iq.codes.size() && i < resp.query.codes.size(); ++i) {
    for (const auto& key : iq.codes[i].keys) {
      resp.query.codes[i].is_documents += db_.get_termfreq(schema::term(schema::kNumber, key));
      resp.query.codes[i].cited_by += db_.get_termfreq(schema::term(schema::kCites, key));
    }
  }

  std::vector<Candidate> candidates;
  for (auto it = mset.begin(); it != mset.end(); ++it) candidates.push_back({it, it.get_weight()});
  if (rerank) {
    reorder_by_title(candidates, iq, db_, weights_.title_coverage);
    const size_t from = std::min(effective.offset, candidates.size());
    const size_t to = std::min(from + effective.limit, candidates.size());
    candidates = std::vector<Candidate>(candidates.begin() + from, candidates.begin() + to);
  }
  SnippetQuery& sq = plan.highlight;
  if (request.snippets) set_snippet_weights(db_, sq);
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
    if (request.snippets && !resp.query.all_words_required && stored.text.size() > kWordsCheckedAbove) {
      own_words = words_in_document(db_, *c.it, sq);
    }
    resp.hits.push_back(
        make_hit(c.it, stored, !request.snippets ? nullptr : own_words ? &*own_words : &sq, whole_text));
    resp.hits.back().score = c.score;
  }
  if (suggest) {
    if (!restorer_) restorer_ = std::make_unique<AccentRestorer>(db_);
    resp.suggestion = rewrite_query(q, iq, *restorer_, context);
  }
  resp.took_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return resp;
}

Hit Searcher::make_hit(const Xapian::MSetIterator& it, const schema::StoredDocument& stored,
                       const SnippetQuery* sq, const std::vector<text::Token>* text_tokens) {
  const nlohmann::json& m = stored.meta;
  Hit h;
  h.id = str(m, "id");
  h.title = str(m, "title");
  h.type = str(m, "type");
  h.type_label = str(m, "type_label");
  h.number = str(m, "number");
  h.date = str(m, "date");
  h.issuer = str(m, "issuer");
  h.province = str(m, "province");
  if (auto p = m.find("period"); p != m.end() && p->is_object()) {
    h.period = std::make_pair(str(*p, "from"), str(*p, "to"));
  }
  if (auto th = m.find("themes"); th != m.end() && th->is_array()) {
    for (const auto& t : *th) h.themes.emplace_back(str(t, "id"), str(t, "label"));
  }
  h.score = it.get_weight();
  if (sq) {
    const Snippet s = text_tokens ? make_snippet(stored.text, *text_tokens, *sq) : make_snippet(stored.text, *sq);
    h.snippet = s.html;
    if (auto secs = m.find("sections"); secs != m.end() && secs->is_array()) {
      int best_level = 0;
      for (const auto& sec : *secs) {
        const size_t start = sec.value("start", size_t{0}), end = sec.value("end", size_t{0});
        const int level = sec.value("level", 1);
        if (start <= s.start && s.start < end && level >= best_level) {
          best_level = level;
          h.section = cut_utf8(str(sec, "heading"), 120);
        }
      }
    }
  }
  return h;
}

DocumentRef Searcher::make_ref(const Xapian::Document& doc) {
  const schema::StoredDocument stored = schema::decode_stored(doc.get_data());
  const auto& m = stored.meta;
  return {str(m, "id"), str(m, "title"), str(m, "type"), str(m, "type_label"), str(m, "number"),
          str(m, "date")};
}

std::optional<Xapian::docid> Searcher::find_id(const std::string& id) {
  const std::string term = schema::term(schema::kId, id);
  auto p = db_.postlist_begin(term);
  if (p == db_.postlist_end(term)) return std::nullopt;
  return *p;
}

std::optional<DocumentView> Searcher::document(const std::string& id, const std::string& q) {
  return with_reopen([&]() -> std::optional<DocumentView> {
    const auto docid = find_id(id);
    if (!docid) return std::nullopt;
    schema::StoredDocument stored = schema::decode_stored(db_.get_document(*docid).get_data());
    DocumentView view;
    if (!q.empty()) {
      const ParsedQuery parsed = parse_query(text::decode(q).text);
      const InterpretedQuery iq = interpret(parsed, true, [&](const std::string& n, const std::string& t) {
        return resolve_partial(n, t);
      });
      SnippetQuery sq;
      for (const auto& g : iq.groups) {
        for (const auto& t : g.tokens) {
          if (t.is_code) {
            sq.codes.push_back(t.folded);
          } else {
            sq.words.push_back({t.folded, t.norm != t.folded ? t.norm : std::string()});
          }
        }
      }
      for (const auto& c : iq.codes) sq.codes.insert(sq.codes.end(), c.keys.begin(), c.keys.end());
      view.highlighted_html = highlight_all(stored.text, sq);
    }
    if (auto own = text::parse_code(str(stored.meta, "number"))) {
      const std::string term = schema::term(schema::kCites, own->key);
      for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term); ++p) {
        if (*p != *docid) view.cited_by.push_back(make_ref(db_.get_document(*p)));
      }
    }
    view.meta = std::move(stored.meta);
    view.text = std::move(stored.text);
    return view;
  });
}

std::optional<std::vector<Hit>> Searcher::similar(const std::string& id, size_t limit) {
  return with_reopen([&]() -> std::optional<std::vector<Hit>> {
    const auto docid = find_id(id);
    if (!docid) return std::nullopt;
    Xapian::RSet rset;
    rset.add_document(*docid);
    Xapian::Enquire enquire(db_);
    // Expand on canonical words and bigrams that carry the document's subject and that some other
    // document shares (a term only this document has cannot find anything similar).
    struct Words : Xapian::ExpandDecider {
      const Xapian::Database& db;
      explicit Words(const Xapian::Database& d) : db(d) {}
      bool operator()(const std::string& term) const override {
        if (term.empty()) return false;
        const unsigned char c = static_cast<unsigned char>(term[0]);
        if (c >= '0' && c <= '9') return false;
        return (c >= 'a' || term.starts_with(schema::kFoldedBigram)) && db.get_termfreq(term) >= 2;
      }
    } words(db_);
    const Xapian::ESet eset = enquire.get_eset(30, rset, &words);
    std::vector<Q> terms;
    for (auto t = eset.begin(); t != eset.end(); ++t) terms.emplace_back(*t);
    if (terms.empty()) return std::vector<Hit>{};
    enquire.set_query(Q(Q::OP_AND_NOT, Q(Q::OP_OR, terms.begin(), terms.end()),
                        Q(schema::term(schema::kId, id))));
    const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(std::min(limit, kMaxLimit)));
    std::vector<Hit> hits;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      hits.push_back(make_hit(it, schema::decode_stored(it.get_document().get_data()), nullptr, nullptr));
    }
    return hits;
  });
}

CitationView Searcher::citations(const std::string& code_text, size_t limit) {
  return with_reopen([&] {
    CitationView view;
    view.query = code_text;
    std::vector<std::string> keys;
    const std::string decoded = text::decode(code_text).text;
    if (auto code = text::parse_code(decoded)) {
      keys.push_back(code->key);
      view.codes.push_back(code->canonical);
    } else {
      const InterpretedQuery iq = interpret(parse_query(decoded), true, [&](const std::string& n, const std::string& t) {
        return resolve_partial(n, t);
      });
      for (const auto& c : iq.codes) {
        keys.insert(keys.end(), c.keys.begin(), c.keys.end());
        view.codes.insert(view.codes.end(), c.codes.begin(), c.codes.end());
      }
      if (keys.empty()) view.warning = "'" + decoded + "' is not a document code (e.g. 13-NQ/TW, NQ 13)";
    }
    auto collect = [&](std::string_view prefix, std::vector<DocumentRef>& out) {
      Xapian::Enquire enquire(db_);
      std::vector<Q> terms;
      for (const auto& k : keys) terms.emplace_back(schema::term(prefix, k));
      if (terms.empty()) return;
      enquire.set_query(Q(Q::OP_OR, terms.begin(), terms.end()));
      enquire.set_sort_by_value_then_relevance(schema::kSlotDate, true);
      const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit));
      for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back(make_ref(it.get_document()));
    };
    collect(schema::kNumber, view.is);
    collect(schema::kCites, view.citing);
    return view;
  });
}

}  // namespace vankho::query
