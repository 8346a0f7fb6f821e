#include "planner.h"
#include "schema.h"

#include <gtest/gtest.h>

#include <map>

namespace vankho::query {
namespace {

QueryPlan plan(const std::string& q, const TermFraction& fraction) {
  SearchRequest request;
  request.q = q;
  const InterpretedQuery iq = interpret(parse_query(q), true, [](const std::string&, const std::string&) {
    return std::vector<std::pair<std::string, std::string>>{};
  });
  const RankingWeights weights;
  return plan_query(iq, {}, request, {weights, fraction, extract::ThemeTaxonomy::builtin()});
}

// The two sides of the outermost and_maybe(selects, weighs) in `q` (planner.h), as descriptions;
// empty when there is none.
std::pair<std::string, std::string> and_maybe_sides(const Xapian::Query& q) {
  using Q = Xapian::Query;
  if (q.get_type() == Q::OP_OR && q.get_num_subqueries() == 2) {
    const Q a = q.get_subquery(0), weighs = q.get_subquery(1);
    if (weighs.get_type() == Q::OP_AND && weighs.get_num_subqueries() == 2 &&
        weighs.get_subquery(1).get_type() == Q::OP_SCALE_WEIGHT &&
        weighs.get_subquery(1).get_subquery(0).get_description() == a.get_description()) {
      return {a.get_description(), weighs.get_subquery(0).get_description()};
    }
  }
  for (size_t i = 0; i < q.get_num_subqueries(); ++i) {
    auto sides = and_maybe_sides(q.get_subquery(i));
    if (!sides.first.empty()) return sides;
  }
  return {};
}

TEST(Planner, AndMaybeMatchesWhatItsFirstSideMatchesWithTheWeightOfBoth) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const std::string terms : {"a b", "a", "b"}) {
    Xapian::Document doc;
    for (const char t : terms) if (t != ' ') doc.add_term(std::string(1, t));
    db.add_document(doc);
  }
  Xapian::Enquire enquire(db);
  const auto weights = [&](const Xapian::Query& q) {
    enquire.set_query(q);
    std::map<Xapian::docid, double> out;
    const Xapian::MSet m = enquire.get_mset(0, 10);
    for (auto it = m.begin(); it != m.end(); ++it) out[*it] = it.get_weight();
    return out;
  };
  const Xapian::Query a("a"), b("b");
  EXPECT_EQ(weights(and_maybe(a, b)), weights(Xapian::Query(Xapian::Query::OP_AND_MAYBE, a, b)));
  EXPECT_EQ(weights(and_maybe(a, b)).size(), 2u);
  EXPECT_EQ(and_maybe_sides(and_maybe(a, b)), std::make_pair(std::string("Query(a)"), std::string("Query(b)")));
}

TEST(Planner, ShortQueriesRequireEveryWordExactOrFolded) {
  const QueryPlan p = plan("đường phố", [](const std::string&) { return 0.0; });
  EXPECT_TRUE(p.all_words_required);
  const std::string d = p.query.get_description();
  EXPECT_NE(d.find("AND"), std::string::npos) << d;
  EXPECT_NE(d.find("đường"), std::string::npos) << d;
  EXPECT_NE(d.find("Fduong"), std::string::npos) << d;   // other marks still match, lower
  EXPECT_NE(d.find("Gduong pho"), std::string::npos) << d;  // adjacency
  EXPECT_FALSE(p.fallback.empty());
}

TEST(Planner, AnAbbreviationAlsoMatchesWhatItStandsForAsAPhrase) {
  const auto none = [](const std::string&) { return 0.0; };
  for (const std::string q : {"HĐND tỉnh", "hdnd tỉnh", "Thời hạn HĐND tỉnh họp là bao lâu?"}) {
    const QueryPlan p = plan(q, none);
    ASSERT_EQ(p.interpretation.abbreviations.size(), 1u) << q;
    EXPECT_EQ(p.interpretation.abbreviations[0].also, "hội đồng nhân dân") << q;
    const std::string d = p.query.get_description();
    EXPECT_NE(d.find("Fhoi PHRASE 4 Fdong PHRASE 4 Fnhan PHRASE 4 Fdan"), std::string::npos) << q << ": " << d;
  }
  // Spelled out, it also matches the abbreviation: the span's words, or the abbreviation.
  for (const std::string q : {"ủy ban nhân dân tỉnh", "Trách nhiệm của uỷ ban nhân dân tỉnh là gì?"}) {
    const QueryPlan p = plan(q, none);
    ASSERT_EQ(p.interpretation.abbreviations.size(), 1u) << q;
    EXPECT_EQ(p.interpretation.abbreviations[0].also, "UBND") << q;
    EXPECT_NE(p.query.get_description().find("Fubnd"), std::string::npos) << p.query.get_description();
  }
  // Abbreviations that are also syllables count only in capitals; literal mode reads none.
  EXPECT_TRUE(plan("tha thứ", none).interpretation.abbreviations.empty());
  EXPECT_EQ(plan("THA hình sự", none).interpretation.abbreviations.size(), 1u);
  SearchRequest literal;
  literal.q = "HĐND";
  literal.interpret = false;
  const InterpretedQuery iq = interpret(parse_query(literal.q), false, [](const std::string&, const std::string&) {
    return std::vector<std::pair<std::string, std::string>>{};
  });
  const RankingWeights weights;
  const TermFraction fraction = none;
  EXPECT_TRUE(plan_query(iq, {}, literal, {weights, fraction, extract::ThemeTaxonomy::builtin()})
                  .interpretation.abbreviations.empty());
}

TEST(Planner, AQuestionsCommonWordsAreHighlightedOnlyBesideTheWordsTypedNextToThem) {
  // `được`, `cấp`, `giấy`, `trong`, `là` and `gì` are in most documents; `chứng` is not.
  const auto fraction = [](const std::string& term) {
    for (const std::string& common : std::vector<std::string>{"được", "cấp", "giấy", schema::term(schema::kFolded, "trong"), "là", "gì"}) {
      if (term == common) return 0.6;
    }
    return 0.001;
  };
  const QueryPlan p = plan("Giấy chứng được cấp trong thời hạn là gì?", fraction);
  ASSERT_FALSE(p.all_words_required);
  std::map<std::string, bool> words;  // folded → only in pairs
  for (const auto& w : p.highlight.words) words[w.folded] = w.only_in_pairs;
  // Every common word was typed beside another word, so each is kept, marked only in pairs.
  EXPECT_EQ(words, (std::map<std::string, bool>{{"giay", true}, {"chung", false}, {"duoc", true}, {"cap", true},
                                                {"trong", true}, {"thoi", false}, {"han", false}, {"la", true},
                                                {"gi", true}}));
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"giay", "chung"}, {"chung", "duoc"}, {"duoc", "cap"}, {"cap", "trong"}, {"trong", "thoi"}, {"han", "la"}, {"la", "gi"}};
  EXPECT_EQ(p.highlight.pairs, pairs);
  // A common word typed next to no other is not highlighted at all.
  const QueryPlan alone = plan("thời hạn OR được?", fraction);
  ASSERT_EQ(alone.highlight.words.size(), 2u);
  EXPECT_EQ(alone.highlight.words[1].folded, "han");
  // Keywords (every word required) and questions of common words only mark every word wherever it is.
  for (const std::string q : {"giấy chứng", "được là gì?"}) {
    const QueryPlan all = plan(q, fraction);
    EXPECT_TRUE(all.highlight.pairs.empty()) << q;
    for (const auto& w : all.highlight.words) EXPECT_FALSE(w.only_in_pairs) << q << ": " << w.folded;
  }
}

TEST(Planner, AShortQuestionIsNotAnAndOfItsWords) {
  const auto none = [](const std::string&) { return 0.0; };
  EXPECT_FALSE(plan("Ngành mây tre là gì? ", none).all_words_required);
  EXPECT_TRUE(plan("Ngành mây tre là gì", none).all_words_required);
}

TEST(Planner, QuestionsLeaveOutCommonWordsButKeepTheirBigrams) {
  const std::string q = "thời hạn cấp giấy chứng nhận đăng ký hoạt động được quy định như thế nào";
  const QueryPlan p = plan(q, [](const std::string& term) { return term == "được" || term == "như" ? 0.6 : 0.01; });
  EXPECT_FALSE(p.all_words_required);
  const std::string d = p.query.get_description();
  EXPECT_EQ(d.find(" được "), std::string::npos) << d;
  EXPECT_EQ(d.find("Fduoc@"), std::string::npos) << d;
  EXPECT_NE(d.find("Gduoc quy"), std::string::npos) << d;
  EXPECT_NE(d.find("giấy"), std::string::npos) << d;
  // Only common words: they are searched after all.
  const QueryPlan common = plan("được như là của và các có một những cho trong để", [](const std::string&) { return 0.9; });
  EXPECT_NE(common.query.get_description().find("được"), std::string::npos);
}

TEST(Planner, FrequentWordsAndBigramsOnlyAddWeightToWhatRarerOnesMatched) {
  const std::string q = "thời hạn cấp giấy chứng nhận đăng ký hoạt động được quy định như thế nào";
  const QueryPlan p = plan(q, [](const std::string& term) {
    return term == "Fquy" || term == "Gquy dinh" ? 0.1 : term == "được" || term == "như" ? 0.6 : 0.001;
  });
  const auto [selects, weighs] = and_maybe_sides(p.query);
  ASSERT_FALSE(selects.empty()) << p.query.get_description();
  EXPECT_NE(weighs.find("Gquy dinh"), std::string::npos) << weighs;  // on the weight-only side
  EXPECT_EQ(selects.find("Gquy dinh"), std::string::npos) << selects;
  EXPECT_NE(selects.find("giấy"), std::string::npos) << selects;  // rare: selects
  EXPECT_NE(selects.find("Gchung nhan"), std::string::npos) << selects;
}

TEST(Planner, OnlyTheRarestTermsOfALongQuestionSelect) {
  // Sixteen rare words (with marks: the plan searches them as typed), each rarer than the one
  // before; their bigrams are frequent.
  const std::vector<std::string> words = {"ả", "bê", "cá", "dế", "ẹp", "gà", "hề", "ím",
                                          "kẻ", "lê", "mô", "nơ", "ốc", "pê", "quà", "rể"};
  std::string q = "UBND";
  for (const auto& w : words) q += " " + w;
  q += "?";
  const QueryPlan p = plan(q, [&](const std::string& term) {
    for (size_t i = 0; i < words.size(); ++i) {
      if (term == words[i]) return 0.0001 * double(words.size() - i);
    }
    return 0.05;
  });
  const auto [selects, weighs] = and_maybe_sides(p.query);
  ASSERT_FALSE(selects.empty()) << p.query.get_description();
  ASSERT_EQ(RankingWeights{}.max_selective, 12u);
  const auto has_term = [](const std::string& d, const std::string& w) {  // its own term
    return d.find(" " + w + " ") != std::string::npos || d.find(" " + w + ")") != std::string::npos ||
           d.find("(" + w + " ") != std::string::npos;
  };
  for (size_t i = 0; i < words.size(); ++i) {
    // The four least rare only add weight; the twelve rarest select.
    EXPECT_EQ(has_term(weighs, words[i]), i < 4) << words[i] << ": " << weighs;
    EXPECT_EQ(has_term(selects, words[i]), i >= 4) << words[i] << ": " << selects;
  }
  EXPECT_NE(selects.find("Fuy PHRASE"), std::string::npos) << selects;  // the abbreviation's other form always selects
}

// Every word of the question frequent: they select (with CCHC), not the abbreviation alone.
TEST(Planner, AnAbbreviationNeverSelectsAloneWhenEveryWordIsFrequent) {
  const QueryPlan p = plan("chỉ số cải cách hành chính là gì", [](const std::string&) { return 0.1; });
  ASSERT_FALSE(p.all_words_required);
  const std::string d = p.match.get_description();
  EXPECT_NE(d.find(" cách "), std::string::npos) << d;
  EXPECT_NE(d.find("Fcchc"), std::string::npos) << d;
  EXPECT_TRUE(and_maybe_sides(p.match).first.empty()) << d;  // the match: every word selects
}

TEST(Planner, APeriodFiltersAShortQueryAndRanksInALongQuestion) {
  const auto none = [](const std::string&) { return 0.0; };
  const QueryPlan short_query = plan("chương trình quý I năm 2025", none);
  ASSERT_TRUE(short_query.interpretation.period.has_value());
  EXPECT_TRUE(short_query.interpretation.period->filters);
  const std::string d = short_query.query.get_description();
  // The overlap: the period starts by 31/3/2025 and ends from 1/1/2025 on.
  EXPECT_NE(d.find("VALUE_LE 1 2025033199999999"), std::string::npos) << d;
  EXPECT_NE(d.find("VALUE_GE 6 20250101"), std::string::npos) << d;
  ASSERT_TRUE(short_query.period_fit.has_value());
  EXPECT_EQ(short_query.period_fit->from, 20250101);
  EXPECT_EQ(short_query.period_fit->to, 20250331);
  const QueryPlan question =
      plan("liên thông trong giáo dục từ tháng 7/2020 được thực hiện theo những hình thức nào", none);
  ASSERT_TRUE(question.interpretation.period.has_value());
  EXPECT_FALSE(question.interpretation.period->filters);
  EXPECT_EQ(question.query.get_description().find("VALUE_"), std::string::npos)
      << question.query.get_description();
  EXPECT_TRUE(question.period_fit.has_value());  // it still ranks
}

// A stock xapian-tcpsrv runs only Xapian's own classes: no plan may hold a posting source, match
// decider or key maker of ours (shards over the remote backend, issue 19).
TEST(Planner, PlansHoldOnlyXapiansOwnClasses) {
  const auto none = [](const std::string&) { return 0.0; };
  for (const char* q : {"chương trình quý I năm 2025", "NQ 13 năm 2022 chuyển đổi số", "\"kinh tế\" -biển",
                        "liên thông trong giáo dục từ tháng 7/2020 được thực hiện theo những hình thức nào"}) {
    const QueryPlan p = plan(q, none);
    for (const auto* query : {&p.query, &p.match, &p.fallback, &p.fallback_match}) {
      EXPECT_EQ(query->get_description().find("PostingSource"), std::string::npos) << q;
      // Serialisable without a registry of ours: what the remote backend sends to the server.
      EXPECT_NO_THROW((void)Xapian::Query::unserialise(query->serialise())) << q;
    }
  }
}

TEST(Planner, CodesArePreferredAsTheDocumentThenItsCiters) {
  const QueryPlan p = plan("13-NQ/TW", [](const std::string&) { return 0.0; });
  const std::string d = p.query.get_description();
  EXPECT_NE(d.find("XN13-NQ/TW"), std::string::npos) << d;
  EXPECT_NE(d.find("XC13-NQ/TW"), std::string::npos) << d;
  EXPECT_NE(d.find("20 *"), std::string::npos) << d;  // the document that is the code, scaled up
}

}  // namespace
}  // namespace vankho::query
