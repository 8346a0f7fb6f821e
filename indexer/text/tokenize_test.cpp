#include "tokenize.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "analyzer.h"

namespace vankho::text {
namespace {

std::vector<std::string> norms(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : analyze(text)) out.push_back(t.norm);
  return out;
}

using Strings = std::vector<std::string>;

TEST(Tokenize, SyllablesWithOffsetsIntoOriginal) {
  const std::string text = "Tỉnh ủy  HẬU GIANG";
  const auto tokens = analyze(text);
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[0].text(text), "Tỉnh");
  EXPECT_EQ(tokens[0].norm, "tỉnh");
  EXPECT_EQ(tokens[0].folded, "tinh");
  EXPECT_EQ(tokens[1].text(text), "ủy");
  EXPECT_EQ(tokens[1].norm, "uỷ");
  EXPECT_EQ(tokens[1].folded, "uy");
  EXPECT_EQ(tokens[2].text(text), "HẬU");
  EXPECT_EQ(tokens[3].pos, 3u);
  EXPECT_EQ(tokens[3].start, text.find("GIANG"));
  EXPECT_EQ(tokens[3].end, text.size());
}

TEST(Tokenize, GoldenTable) {
  const std::vector<std::pair<std::string, Strings>> cases = {
      {"", {}},
      {" \n\t ", {}},
      {"tăng 7,5% so với", {"tăng", "7,5%", "so", "với"}},
      {"đạt 1.850 tỷ, 2,617 USD.", {"đạt", "1.850", "tỷ", "2,617", "usd"}},
      {"năm 2022.", {"năm", "2022"}},
      {"GRDP/người", {"grdp", "người"}},
      {"Covid-19", {"covid", "19"}},
      {"QH14", {"qh14"}},
      {"ngày 02/4/2022", {"ngày", "02", "4", "2022"}},
      {"giai đoạn 2021-2030", {"giai", "đoạn", "2021", "2030"}},
      {"(2/9/1945 - 2/9/2022)", {"2", "9", "1945", "2", "9", "2022"}},
      {"Nghị quyết số 13-NQ/TW, ngày", {"nghị", "quyết", "số", "13-NQ/TW", "ngày"}},
      {"số 13 - NQ/TW", {"số", "13-NQ/TW"}},
      {"số 13–NQ/TW", {"số", "13-NQ/TW"}},
      {"số 13-nq/tw", {"số", "13-NQ/TW"}},
      {"4218-QÐ/TU", {"4218-QĐ/TU"}},
      {"08-HD/UBKTTW và 144-CT/TW", {"08-HD/UBKTTW", "và", "144-CT/TW"}},
      {"Nghị định số 07/2021/NĐ-CP ngày", {"nghị", "định", "số", "07/2021/NĐ-CP", "ngày"}},
      {"42/NQ-CP; 45/2019/QH14", {"42/NQ-CP", "45/2019/QH14"}},
      {"Số        -CTr/TU", {"số", "ctr", "tu"}},
      {"Hello Việt Nam", {"hello", "việt", "nam"}},
      {"chuy\xE1\xBB\x83n\xE2\x80\x8B đổi", {"chuyển", "đổi"}},
      {"chuy\xE1\xBB\x83n\xE2\x80\x8B" "đổi số", {"chuyển", "đổi", "số"}},  // zero-width space: two words
      {"ngh\xE2\x81\xA0" "ị quy\xEF\xBB\xBF" "ết", {"nghị", "quyết"}},      // word joiner, BOM: removed
      {std::string("a\0b", 3), {"a", "b"}},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(norms(in), want) << in;
}

TEST(Tokenize, CodesAreFlaggedWithKeys) {
  const auto tokens = analyze("theo 4218-QĐ/TU và 08-HD/UBKTTW");
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_TRUE(tokens[1].is_code);
  EXPECT_EQ(tokens[1].folded, "4218-QD/TU");
  EXPECT_EQ(tokens[3].folded, "8-HD/UBKTTW");
  EXPECT_FALSE(tokens[0].is_code);
}

TEST(Tokenize, NfdAndNfcGiveIdenticalTokens) {
  const std::string nfc = "Công tác quý I năm 2025 của Tỉnh ủy";
  const std::string nfd =
      "Co\xCC\x82ng ta\xCC\x81" "c quy\xCC\x81 I na\xCC\x86m 2025 cu\xCC\x89" "a Ti\xCC\x89nh u\xCC\x89y";
  const auto a = analyze(nfc), b = analyze(nfd);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].norm, b[i].norm);
    EXPECT_EQ(a[i].folded, b[i].folded);
    EXPECT_EQ(b[i].text(nfd).empty(), false);
  }
}

TEST(Tokenize, LongRunIsCutNotCrashed) {
  const std::string run(1 << 20, 'a');
  const auto tokens = analyze(run + " xong");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].norm.size(), kMaxTokenBytes);
  EXPECT_EQ(tokens[0].end, kMaxTokenBytes);
  EXPECT_EQ(tokens[1].norm, "xong");
  EXPECT_EQ(tokens[1].pos, 1u);

  std::string accented;
  while (accented.size() < (1 << 20)) accented += "ệ";  // 3-byte letters: cut on a boundary
  const auto t2 = analyze(accented);
  ASSERT_EQ(t2.size(), 1u);
  EXPECT_LE(t2[0].end, kMaxTokenBytes);
  EXPECT_EQ(t2[0].end % 3, 0u);
}

TEST(Tokenize, MixedVietnameseAndAscii) {
  EXPECT_EQ(norms("Đẩy mạnh e-Government và AI"),
            (Strings{"đẩy", "mạnh", "e", "government", "và", "ai"}));
}

std::string read_seed(const std::string& name) {
  std::ifstream in(std::string(VANKHO_SOURCE_DIR) + "/seeds/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(Tokenize, SeedsAnalyzeCleanlyAndAgreeAcrossToneStyles) {
  const std::vector<std::string> seeds = {
      "000_b0635ad2fd7fc13e.txt", "001_36391affc1bfd663.txt", "002_d93671f2cbad73a6.txt",
      "003_aabf41006b262e9c.txt", "004_d18117e02a6e2a66.txt"};
  std::vector<std::vector<Token>> analyzed;
  for (const auto& name : seeds) {
    const std::string raw = read_seed(name);
    ASSERT_FALSE(raw.empty()) << name;
    const DecodedText d = decode(raw);
    EXPECT_EQ(d.invalid_sequences, 0u) << name;
    const auto tokens = analyze(d.text);
    EXPECT_GT(tokens.size(), 100u) << name;
    for (const Token& t : tokens) {
      EXPECT_EQ(t.norm.find("\xEF\xBF\xBD"), std::string::npos) << name;
      EXPECT_EQ(t.folded.find("\xEF\xBF\xBD"), std::string::npos) << name;
    }
    analyzed.push_back(tokens);
  }
  // `Tỉnh ủy` (seed 000, old style) and `Tỉnh uỷ` (seed 004, new style) give the same token.
  auto find_uy = [](const std::vector<Token>& tokens, const std::string& text, const std::string& w) {
    for (size_t i = 0; i + 1 < tokens.size(); ++i) {
      if (tokens[i].norm == "tỉnh" && tokens[i + 1].text(text) == w) return tokens[i + 1].norm;
    }
    return std::string("<not found>");
  };
  const std::string t0 = decode(read_seed(seeds[0])).text, t4 = decode(read_seed(seeds[4])).text;
  EXPECT_EQ(find_uy(analyzed[0], t0, "ủy"), "uỷ");
  EXPECT_EQ(find_uy(analyzed[4], t4, "uỷ"), "uỷ");
}

}  // namespace
}  // namespace vankho::text
