// The index side and the query side pair words into bigrams by one rule (schema/terms.h): every
// bigram a query asks for is one a document with the same text could hold. Before the rule was
// shared, the planner paired across sentence punctuation (`Tỉnh ủy. Ban` asked for `ủy ban`).
#include <gtest/gtest.h>
#include <xapian.h>

#include <set>

#include "document_builder.h"
#include "index_writer.h"
#include "interpret.h"
#include "planner.h"
#include "schema.h"
#include "syntax.h"

namespace vankho {
namespace {

const std::vector<std::string> kTexts = {
    "Tỉnh ủy. Ban Thường vụ chỉ đạo",
    "phòng, chống tham nhũng; lãng phí! Kết luận? kinh tế - xã hội",
    "Ban Chấp hành (khóa XII) [dự thảo] nông thôn mới\nchuyển đổi số",
    "Thực hiện Nghị quyết 13-NQ/TW của Bộ Chính trị về cải cách hành chính ra sao?",
    "Ủy ban nhân dân tỉnh: giao thông, thủy lợi; y tế. Giáo dục! đào tạo (nghề) như thế nào?",
};

std::set<std::string> bigrams_of(Xapian::TermIterator t, const Xapian::TermIterator& end) {
  std::set<std::string> out;
  for (; t != end; ++t) {
    if ((*t).starts_with(schema::kFoldedBigram)) out.insert(*t);
  }
  return out;
}

// The bigram terms the indexer writes for a document whose text is `text`.
std::set<std::string> document_bigrams(const std::string& text) {
  ingest::SourceDocument source;
  source.id = "a.txt";
  source.text = text;
  std::vector<text::Token> tokens;
  text::tokenize(text, tokens);
  const extract::DocumentMetadata meta =
      index::extract_metadata(source, extract::ThemeTaxonomy::builtin(), extract::AccessLevel::kNoiBo, &tokens);
  index::DocumentBuilder builder;
  const Xapian::Document doc = builder.build(source, meta, "/archive", tokens);
  return bigrams_of(doc.termlist_begin(), doc.termlist_end());
}

// The bigram terms the planner asks for when `q` is typed (both its readings).
std::set<std::string> query_bigrams(const std::string& q) {
  query::SearchRequest request;
  request.q = q;
  const query::ParsedQuery parsed = query::parse_query(q);
  const query::InterpretedQuery iq =
      query::interpret(parsed, true, [](const std::string&, const std::string&) {
        return std::vector<std::pair<std::string, std::string>>{};
      });
  const query::RankingWeights weights;
  const query::TermFraction fraction = [](const std::string&) { return 0.0; };
  const query::QueryPlan plan = query::plan_query(
      iq, parsed.filters, request, {weights, fraction, extract::ThemeTaxonomy::builtin()});
  std::set<std::string> out = bigrams_of(plan.query.get_terms_begin(), plan.query.get_terms_end());
  const auto fallback = bigrams_of(plan.fallback.get_terms_begin(), plan.fallback.get_terms_end());
  out.insert(fallback.begin(), fallback.end());
  return out;
}

TEST(BigramAgreement, EveryBigramAQueryAsksForIsOneTheDocumentCouldHold) {
  for (const std::string& text : kTexts) {
    const std::set<std::string> written = document_bigrams(text);
    const std::set<std::string> asked = query_bigrams(text);
    EXPECT_FALSE(asked.empty()) << text;
    for (const std::string& b : asked)
      EXPECT_TRUE(written.contains(b)) << "'" << b << "' of: " << text;
  }
}

TEST(BigramAgreement, NoBigramAcrossASentenceBreakOnEitherSide) {
  const std::string text = "Tỉnh ủy. Ban";
  EXPECT_FALSE(document_bigrams(text).contains("Guy ban"));
  EXPECT_FALSE(query_bigrams(text).contains("Guy ban"));
  EXPECT_TRUE(query_bigrams(text).contains("Gtinh uy"));
  EXPECT_TRUE(query_bigrams("ủy ban").contains("Guy ban"));
}

}  // namespace
}  // namespace vankho
