#include "doc_code.h"

#include <gtest/gtest.h>

namespace vankho::text {
namespace {

struct CodeCase {
  std::string input, canonical, key;
};

TEST(DocCode, RecognizesVariants) {
  const std::vector<CodeCase> cases = {
      {"13-NQ/TW", "13-NQ/TW", "13-NQ/TW"},
      {"13 - NQ/TW", "13-NQ/TW", "13-NQ/TW"},
      {"13\xE2\x80\x93NQ/TW", "13-NQ/TW", "13-NQ/TW"},  // en dash
      {"13-nq/tw", "13-NQ/TW", "13-NQ/TW"},
      {"13/NQ-TW", "13-NQ/TW", "13-NQ/TW"},              // State syntax, Party issuer
      {"28-KL/TU", "28-KL/TU", "28-KL/TU"},
      {"4218-QĐ/TU", "4218-QĐ/TU", "4218-QD/TU"},
      {"4218-Q\xC3\x90/TU", "4218-QĐ/TU", "4218-QD/TU"},  // Ð U+00D0
      {"4218-QD/TU", "4218-QD/TU", "4218-QD/TU"},
      {"08-HD/UBKTTW", "08-HD/UBKTTW", "8-HD/UBKTTW"},
      {"144-CT/TW", "144-CT/TW", "144-CT/TW"},
      {"05-CTr/TU", "05-CTr/TU", "5-CTR/TU"},
      {"07/2021/NĐ-CP", "07/2021/NĐ-CP", "7/2021/ND-CP"},
      {"07/2021/nd-cp", "07/2021/ND-CP", "7/2021/ND-CP"},  // as typed; same key
      {"42/NQ-CP", "42/NQ-CP", "42/NQ-CP"},
      {"45/2019/QH14", "45/2019/QH14", "45/2019/QH14"},
      {"123/QĐ-TTg", "123/QĐ-TTg", "123/QD-TTG"},
      // A type no Party code has (digits, six letters or more) stays a State code.
      {"007/H4-DU", "007/H4-DU", "7/H4-DU"},
      {"13/NQABCD-TW", "13/NQABCD-TW", "13/NQABCD-TW"},
  };
  for (const auto& c : cases) {
    const auto code = parse_code(c.input);
    ASSERT_TRUE(code.has_value()) << c.input;
    EXPECT_EQ(code->canonical, c.canonical) << c.input;
    EXPECT_EQ(code->key, c.key) << c.input;
    // The canonical form reads back as the same code (the citations API is given it).
    const auto again = parse_code(code->canonical);
    ASSERT_TRUE(again.has_value()) << c.input;
    EXPECT_EQ(again->key, c.key) << c.input;
  }
}

TEST(DocCode, PartsAndFamilies) {
  const auto party = parse_code("13-NQ/TW");
  ASSERT_TRUE(party);
  EXPECT_EQ(party->family, CodeFamily::kParty);
  EXPECT_EQ(party->number, "13");
  EXPECT_EQ(party->type, "NQ");
  EXPECT_EQ(party->issuer, "TW");
  const auto state = parse_code("07/2021/NĐ-CP");
  ASSERT_TRUE(state);
  EXPECT_EQ(state->family, CodeFamily::kState);
  EXPECT_EQ(state->year, "2021");
  EXPECT_EQ(state->type, "NĐ");
  EXPECT_EQ(state->issuer, "CP");
  // The same number under another issuer is a different document.
  EXPECT_NE(parse_code("42-KL/TW")->key, parse_code("42/NQ-CP")->key);
}

TEST(DocCode, RejectsNonCodes) {
  for (const std::string s : {"02/4/2022", "2021-2030", "2/9/1945 - 2/9/2022", "7/2022", "-CTr/TU",
                              "13", "13-", "13-NQ", "13-NQ/", "123456-NQ/TW", "2020-2025",
                              "27/7/1947-27/7/2022", "13-NQ/TWX1234567890", ""}) {
    EXPECT_FALSE(parse_code(s).has_value()) << s;
  }
}

TEST(DocCode, MatchStopsAtCodeEnd) {
  const std::string text = "Nghị quyết số 13-NQ/TW, ngày 02/4/2022";
  const size_t at = text.find("13");
  const auto m = match_code_at(text, at);
  ASSERT_TRUE(m);
  EXPECT_EQ(text.substr(at, m->end - at), "13-NQ/TW");
}

}  // namespace
}  // namespace vankho::text
