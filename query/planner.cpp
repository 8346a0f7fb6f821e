#include "planner.h"

#include <algorithm>
#include <unordered_map>

#include "filters.h"
#include "schema.h"
#include "terms.h"

namespace vankho::query {
namespace {

using Q = Xapian::Query;

bool accented(const text::Token& t) { return t.norm != t.folded; }

// What a query is built for: to rank the documents it matches, or only to say which documents
// match (QueryPlan::match). The second leaves out what only adds to a score: it selects the same
// documents and reads fewer posting lists.
enum class Purpose { kRank, kMatch };

// A word that must match: exact, or with other marks (ranked lower: `đường` above `dương`). Every
// document with the exact word has its folded form too (document_builder.cpp), so the folded term
// alone matches the same documents.
Q required_word_query(const text::Token& t, const RankingWeights& w, Purpose purpose) {
  Q folded(schema::folded_term(t));
  if (!accented(t) || purpose == Purpose::kMatch) return folded;
  return Q(Q::OP_OR, Q(schema::word_term(t)), Q(Q::OP_SCALE_WEIGHT, folded, w.folded));
}

// Adjacency evidence: the folded bigram (exact accents already count through the unigrams).
Q bigram_query(const text::Token& a, const text::Token& b, const RankingWeights& w) {
  return Q(Q::OP_SCALE_WEIGHT, Q(schema::bigram_term(a, b)), w.bigram);
}

// A quoted phrase: adjacent folded syllables, and every word typed with marks present exactly.
Q phrase_query(const WordGroup& g) {
  std::vector<Q> positional, exact;
  for (const auto& t : g.tokens) {
    if (t.is_code) {
      exact.emplace_back(schema::term(schema::kCites, t.folded));
      continue;
    }
    positional.emplace_back(schema::folded_term(t));
    if (accented(t)) exact.emplace_back(schema::word_term(t));
  }
  Q phrase;
  if (positional.size() == 1) phrase = positional.front();
  if (positional.size() > 1) {
    phrase = Q(Q::OP_PHRASE, positional.begin(), positional.end(),
               static_cast<Xapian::termcount>(positional.size()));
  }
  if (exact.empty()) return phrase;
  Q all_exact(Q::OP_AND, exact.begin(), exact.end());
  return phrase.empty() ? all_exact : Q(Q::OP_AND, phrase, all_exact);
}

// Abbreviations typed or spelled out in one group (abbreviations.h): the first token of each
// span → the span's end and the other form, a word or a phrase.
struct AbbreviationSpan {
  size_t last;
  Q other_form;
};
using AbbreviationSpans = std::unordered_map<size_t, AbbreviationSpan>;

std::vector<AbbreviationSpans> abbreviation_spans(const InterpretedQuery& iq) {
  std::vector<AbbreviationSpans> out(iq.groups.size());
  for (const auto& use : iq.abbreviations) {
    std::vector<std::string> terms;
    for (const auto& f : use.also_folded) terms.push_back(schema::folded_term(f));
    Q q = terms.size() == 1 ? Q(terms[0]) : Q(Q::OP_PHRASE, terms.begin(), terms.end(), terms.size());
    out[use.group].emplace(use.first, AbbreviationSpan{use.last, std::move(q)});
  }
  return out;
}

// Words of a group: required (AND) or any (OR); bigrams always add adjacency evidence. An
// any-word group (a question) searches each word exactly as typed — the folded alternative of every
// accented word would double the postings read for little — and leaves out the words most documents
// have, keeping their bigrams.
Q words_query(const WordGroup& g, bool require_all, const RankingWeights& w,
              const TermFraction& fraction, const AbbreviationSpans& spans, Purpose purpose) {
  if (g.phrase) return phrase_query(g);
  std::vector<Q> words, frequent, common, bigrams, other_forms;
  std::vector<std::pair<double, Q>> rare;  // any-word: words and bigrams that select, by fraction
  size_t in_span_until = 0;  // tokens of an abbreviation span already required as a whole
  for (size_t i = 0; i < g.tokens.size(); ++i) {
    const auto& t = g.tokens[i];
    const auto span = spans.find(i);
    if (span != spans.end() && require_all) {  // the span's words, or the other form
      std::vector<Q> required;
      for (size_t k = i; k < span->second.last; ++k) {
        required.push_back(required_word_query(g.tokens[k], w, purpose));
      }
      words.emplace_back(Q::OP_OR, Q(Q::OP_AND, required.begin(), required.end()), span->second.other_form);
      in_span_until = span->second.last;
    } else if (span != spans.end()) {  // the other form selects beside the words (below)
      other_forms.push_back(span->second.other_form);
    }
    const bool required_in_span = i < in_span_until;
    if (t.is_code) {
      words.emplace_back(schema::term(schema::kCites, t.folded));
    } else if (require_all) {
      if (!required_in_span) words.push_back(required_word_query(t, w, purpose));
    } else {
      const std::string term = schema::typed_word_term(t);
      const double f = fraction(term);
      if (f > w.common_word_fraction) {
        common.emplace_back(term);
      } else if (f > w.frequent_word_fraction) {
        frequent.emplace_back(term);
      } else {
        rare.emplace_back(f, Q(term));
      }
    }
    if (i > 0 && schema::adjacent(g.text, g.tokens[i - 1], t)) {
      Q bigram = bigram_query(g.tokens[i - 1], t, w);
      if (require_all) {
        bigrams.push_back(std::move(bigram));
        continue;
      }
      const double f = fraction(schema::bigram_term(g.tokens[i - 1], t));
      if (f > w.frequent_word_fraction) {
        frequent.push_back(std::move(bigram));
      } else {
        rare.emplace_back(f, std::move(bigram));
      }
    }
  }
  if (require_all) {
    Q base(Q::OP_AND, words.begin(), words.end());
    return bigrams.empty() || purpose == Purpose::kMatch ? base : and_maybe(base, Q(Q::OP_OR, bigrams.begin(), bigrams.end()));
  }
  // Rare words and bigrams select (codes and abbreviations too); frequent words only add to the
  // score of what they selected, so that their long posting lists are skipped through rather than
  // read. Of a long question's rare terms, only the rarest max_selective select.
  if (w.max_selective > 0 && rare.size() > w.max_selective) {
    std::stable_sort(rare.begin(), rare.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  }
  std::vector<Q> selective = std::move(words);
  for (size_t k = 0; k < rare.size(); ++k) {
    (w.max_selective == 0 || k < w.max_selective ? selective : frequent).push_back(std::move(rare[k].second));
  }
  if (selective.empty()) {  // nothing rare: every word and bigram selects after all
    selective = std::move(frequent);
    frequent.clear();
    selective.insert(selective.end(), common.begin(), common.end());
  }
  // An abbreviation's other form selects too, but never alone: `chỉ số cải cách hành chính`, all
  // frequent words, must not find only the documents that write CCHC.
  selective.insert(selective.end(), other_forms.begin(), other_forms.end());
  Q base(Q::OP_OR, selective.begin(), selective.end());
  if (frequent.empty() || purpose == Purpose::kMatch) return base;
  return and_maybe(base, Q(Q::OP_OR, frequent.begin(), frequent.end()));
}

// Groups joined by OR where the user wrote OR; the resulting alternatives combined by `op`.
Q text_query(const std::vector<WordGroup>& groups, bool require_all, const RankingWeights& w,
             const TermFraction& fraction, Purpose purpose,
             const std::vector<AbbreviationSpans>& spans = {}) {
  std::vector<Q> alternatives;
  std::vector<Q> current;
  auto close = [&] {
    if (current.empty()) return;
    alternatives.push_back(current.size() == 1 ? current.front()
                                               : Q(Q::OP_OR, current.begin(), current.end()));
    current.clear();
  };
  for (size_t gi = 0; gi < groups.size(); ++gi) {
    const auto& g = groups[gi];
    if (!g.or_with_previous) close();
    current.push_back(words_query(g, require_all, w, fraction,
                                  gi < spans.size() ? spans[gi] : AbbreviationSpans{}, purpose));
  }
  close();
  if (alternatives.empty()) return Q();
  return Q(require_all ? Q::OP_AND : Q::OP_OR, alternatives.begin(), alternatives.end());
}

bool is_question(std::string_view q) {
  while (!q.empty() && (q.back() == ' ' || q.back() == '\t' || q.back() == '\n')) q.remove_suffix(1);
  return q.ends_with('?');
}

// The documents whose covered days [a, b] overlap [from, to]: a <= to (kSlotPeriod begins with a)
// and b >= from (kSlotPeriodEnd).
Q overlap_query(int from, int to) {
  return Q(Q::OP_AND, Q(Q::OP_VALUE_LE, schema::kSlotPeriod, schema::period_value(to, 99999999)),
           Q(Q::OP_VALUE_GE, schema::kSlotPeriodEnd, schema::period_end_value(from)));
}

Q code_query(const CodeQuery& c, double code_is) {
  std::vector<Q> parts;
  for (const auto& key : c.keys) {
    parts.emplace_back(Q::OP_SCALE_WEIGHT, Q(schema::term(schema::kNumber, key)), code_is);
    parts.emplace_back(schema::term(schema::kCites, key));
  }
  return Q(Q::OP_OR, parts.begin(), parts.end());
}

}  // namespace

Q and_maybe(const Q& a, const Q& b) {
  return Q(Q::OP_OR, a, Q(Q::OP_AND, b, Q(Q::OP_SCALE_WEIGHT, a, 0.0)));
}

QueryPlan plan_query(const InterpretedQuery& iq, const std::vector<Filter>& filters,
                     const SearchRequest& request, const PlanContext& context) {
  const RankingWeights& w = context.weights;
  const TermFraction& fraction = context.fraction;
  QueryPlan plan;
  Interpretation& interp = plan.interpretation;
  interp.q = request.q;
  interp.warnings = iq.warnings;
  plan.highlight = highlight_query(iq, filters);

  size_t word_count = 0;
  for (const auto& g : iq.groups) {
    if (g.phrase) {
      interp.phrases.push_back(g.text);
    } else {
      for (const auto& t : g.tokens) interp.words.push_back(t.norm);
      word_count += g.tokens.size();
    }
  }
  for (const auto& g : iq.excluded) interp.excluded.push_back(g.text);
  for (const auto& use : iq.abbreviations) {
    if (std::none_of(interp.abbreviations.begin(), interp.abbreviations.end(),
                     [&](const AbbreviationInterpretation& a) { return a.text == use.text; })) {
      interp.abbreviations.push_back({use.text, use.also});
    }
  }

  const FilterSet fs = resolve_filters(filters, request, context.themes, interp);

  // Codes: required; the document that is the code first, then its citers.
  const double code_is = word_count > w.all_words_up_to ? w.code_is_among_words : w.code_is;
  std::vector<Q> code_parts;
  for (const auto& c : iq.codes) {
    code_parts.push_back(code_query(c, code_is));
    interp.codes.push_back({c.text, c.codes, 0, 0});
  }
  for (const auto& key : fs.codes) code_parts.push_back(code_query({key, {key}, {key}}, code_is));

  // A question ("... có phải bồi thường?") is natural language however short: its words are
  // evidence, not requirements. Keywords in a search box must all match.
  const bool question = is_question(request.q);
  const bool require_all =
      word_count > 0 && word_count <= w.all_words_up_to && code_parts.empty() && !question;
  const bool period_ranks_only = word_count > w.all_words_up_to;
  if (!require_all) mark_common_words_in_pairs_only(plan.highlight, iq.groups, w.common_word_fraction, fraction);
  const std::vector<AbbreviationSpans> spans = abbreviation_spans(iq);

  auto assemble = [&](bool all_words, Purpose purpose) -> Q {
    const Q text = text_query(iq.groups, all_words, w, fraction, purpose, spans);
    Q main = text;
    if (!code_parts.empty()) {
      Q codes(Q::OP_AND, code_parts.begin(), code_parts.end());
      main = text.empty() || purpose == Purpose::kMatch ? codes : and_maybe(codes, text);
    }
    // Period from the query text and from/to bounds: an overlap filter; the fit ranks afterwards.
    std::vector<std::pair<int, int>> ranges;
    if (iq.period) ranges.emplace_back(iq.period->from, iq.period->to);
    if (fs.from || fs.to) ranges.emplace_back(fs.from ? fs.from : 10000101, fs.to ? fs.to : 99991231);
    for (size_t i = 0; i < ranges.size(); ++i) {
      const auto [from, to] = ranges[i];
      // In a question, a period among many words is a hint, not a limit ("từ tháng 7/2020" in a
      // question about a rule in force since then): its fit ranks without excluding.
      if (iq.period && i == 0 && period_ranks_only) continue;
      const Q period = overlap_query(from, to);
      main = main.empty() ? period : Q(Q::OP_FILTER, main, period);
    }
    main = filter_query(main, fs);
    if (!iq.excluded.empty()) {
      if (main.empty()) main = Q::MatchAll;
      std::vector<Q> out;
      for (const auto& g : iq.excluded) {
        out.push_back(g.phrase ? phrase_query(g) : text_query({g}, true, w, fraction, Purpose::kMatch));
      }
      main = Q(Q::OP_AND_NOT, main, Q(Q::OP_OR, out.begin(), out.end()));
    }
    return main;
  };
  plan.query = assemble(require_all, Purpose::kRank);
  plan.match = assemble(require_all, Purpose::kMatch);
  if (require_all) {
    plan.fallback = assemble(false, Purpose::kRank);
    plan.fallback_match = assemble(false, Purpose::kMatch);
  }
  plan.all_words_required = require_all;
  interp.all_words_required = require_all;
  if (iq.period) {
    plan.period_fit = QueryPlan::Fit{iq.period->from, iq.period->to};
    interp.period = iq.period;
    interp.period->filters = !period_ranks_only;
  }
  return plan;
}

}  // namespace vankho::query
