#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "extract.h"

namespace vankho::extract {
namespace {

std::set<std::string> keys(const nlohmann::json& j) {
  std::set<std::string> out;
  for (const auto& [k, v] : j.items()) out.insert(k);
  return out;
}

TEST(Json, EmptyMetadataHasEveryKeyWithNulls) {
  const nlohmann::json j = to_json(DocumentMetadata{});
  EXPECT_EQ(keys(j), (std::set<std::string>{"id", "title", "type", "type_label", "number", "draft",
                                            "issuer", "province", "date", "period", "term",
                                            "signer", "citations", "themes", "sections",
                                            "access"}));
  EXPECT_EQ(j["access"], (nlohmann::json{{"level", "noi-bo"}, {"from", "default"}, {"stamp", nullptr}}));
  EXPECT_TRUE(j["date"].is_null());
  EXPECT_TRUE(j["period"].is_null());
  EXPECT_TRUE(j["signer"].is_null());
  EXPECT_EQ(j["number"], "");
  EXPECT_EQ(j["draft"], false);
  EXPECT_TRUE(j["citations"].is_array() && j["citations"].empty());
  EXPECT_TRUE(j["themes"].is_array());
  EXPECT_TRUE(j["sections"].is_array());
}

TEST(Json, FullShape) {
  DocumentMetadata m;
  m.id = "001.txt";
  m.date = Date{2024, 0, 0};
  m.period = Period{Date{2025, 1, 1}, Date{2025, 3, 31}};
  m.signer = Signer{"Mai Văn Huỳnh", "PHÓ BÍ THƯ THƯỜNG TRỰC"};
  Citation c;
  c.code = "13-NQ/TW";
  c.key = "13-NQ/TW";
  c.type = "nghi-quyet";
  c.number = "13";
  c.issuer = "TW";
  c.date = Date{2022, 4, 2};
  c.body = "Bộ Chính trị";
  m.citations.push_back(c);
  m.citations.push_back(Citation{"42/NQ-CP", "42/NQ-CP", "nghi-quyet", "42", "CP", {}, "", ""});
  m.themes.push_back({"y-te", "Y tế", 1.5});
  m.sections.push_back({"I- MỤC TIÊU", 1, 10, 99});
  const nlohmann::json j = to_json(m);
  EXPECT_EQ(j["date"], "2024");
  EXPECT_EQ(j["period"], (nlohmann::json{{"from", "2025-01-01"}, {"to", "2025-03-31"}}));
  EXPECT_EQ(j["signer"]["name"], "Mai Văn Huỳnh");
  EXPECT_EQ(keys(j["citations"][0]),
            (std::set<std::string>{"code", "type", "number", "issuer", "date", "body", "subject"}));
  EXPECT_EQ(j["citations"][0]["date"], "2022-04-02");
  EXPECT_TRUE(j["citations"][1]["date"].is_null());
  EXPECT_EQ(j["themes"][0], (nlohmann::json{{"id", "y-te"}, {"label", "Y tế"}, {"score", 1.5}}));
  EXPECT_EQ(j["sections"][0],
            (nlohmann::json{{"heading", "I- MỤC TIÊU"}, {"level", 1}, {"start", 10}, {"end", 99}}));
}

TEST(Json, SuppliedMetadataWins) {
  const std::string text = "CHƯƠNG TRÌNH\nCông tác quý I năm 2025\n\nNội dung.";
  ExtractInput in;
  in.id = "x";
  in.text = text;
  in.title = "Điều 1. Phạm vi";
  in.number = "13/nq-tw";
  in.date = "2022-04-02";
  in.type = "Thông tư";
  const DocumentMetadata m = extract(in, ThemeTaxonomy::builtin());
  EXPECT_EQ(m.title, "Điều 1. Phạm vi");
  EXPECT_EQ(m.number, "13-NQ/TW");
  EXPECT_EQ(m.date.iso(), "2022-04-02");
  EXPECT_EQ(m.type, "thong-tu");
  EXPECT_EQ(m.type_label, "Thông tư");
  in.type = "Pháp lệnh thuế";
  EXPECT_EQ(extract(in, ThemeTaxonomy::builtin()).type, "phap-lenh-thue");
  in.type = "ke-hoach";
  EXPECT_EQ(extract(in, ThemeTaxonomy::builtin()).type_label, "Kế hoạch");
}

TEST(Json, AccessSaysTheLevelWhatGaveItAndTheStamp) {
  DocumentMetadata m;
  m.stamp = AccessLevel::kMat;
  m.access = {AccessLevel::kToiMat, "rules"};
  EXPECT_EQ(to_json(m)["access"], (nlohmann::json{{"level", "toi-mat"}, {"from", "rules"}, {"stamp", "mat"}}));
  ExtractInput in;
  const std::string text = "TỈNH ỦY HẬU GIANG\nSố 12-NQ/TU\nTỐI MẬT\n\nNGHỊ QUYẾT\nvề công tác cán bộ\n\nNội dung.";
  in.text = text;
  // extract() alone gives the stamp's level; the indexer then weighs the archive's metadata.
  EXPECT_EQ(to_json(extract(in, ThemeTaxonomy::builtin()))["access"],
            (nlohmann::json{{"level", "toi-mat"}, {"from", "stamp"}, {"stamp", "toi-mat"}}));
}

TEST(Json, SuppliedTokensGiveTheSameResult) {
  const std::string text =
      "CHƯƠNG TRÌNH\nchỉ đạo tháng 7/2022 của Ban Thường vụ Tỉnh ủy\n\n1. Thực hiện Nghị quyết số "
      "13-NQ/TW, ngày 02/4/2022 của Bộ Chính trị về phát triển.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\n"
      "Mai Văn Huỳnh";
  std::vector<text::Token> tokens;
  text::tokenize(text, tokens);
  ExtractInput a;
  a.text = text;
  ExtractInput b = a;
  b.tokens = &tokens;
  EXPECT_EQ(to_json(extract(a, ThemeTaxonomy::builtin())),
            to_json(extract(b, ThemeTaxonomy::builtin())));
}

}  // namespace
}  // namespace vankho::extract
