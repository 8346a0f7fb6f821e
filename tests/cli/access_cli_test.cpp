// Where vankho-indexer takes a document's access level from, as `--extract` shows it: the stamp in
// its text, else --default-level, overridden by the archive's metadata (rules file, sidecar,
// JSON-lines field, strongest last); bad rules and levels refused before any work.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "run_command.h"
#include "temp_dir.h"

namespace vankho {
namespace {

using testing::run_command;
const std::string kIndexer = VANKHO_INDEXER;

// A directive whose header holds `stamp_block` under its number.
std::string directive(const std::string& stamp_block) {
  return "TỈNH ỦY HẬU GIANG\nSố 12-NQ/TU\n" + stamp_block +
         "\nĐẢNG CỘNG SẢN VIỆT NAM\nHậu Giang, ngày 02 tháng 4 năm 2024\n\nNGHỊ QUYẾT\n"
         "về công tác bảo vệ bí mật nhà nước\n\nCác cấp ủy quán triệt, không để lộ tài liệu mật.\n";
}

nlohmann::json access(const std::string& level, const std::string& from, const nlohmann::json& stamp = nullptr) {
  return {{"level", level}, {"from", from}, {"stamp", stamp}};
}

// The "access" that `vankho-indexer --extract FILE [options]` prints.
nlohmann::json extract_access(const std::string& file, std::vector<std::string> options = {}) {
  std::vector<std::string> argv = {kIndexer, "--extract", file};
  argv.insert(argv.end(), options.begin(), options.end());
  const auto r = run_command(argv);
  EXPECT_EQ(r.exit_code, 0) << file << ": " << r.err;
  if (r.exit_code != 0) return nullptr;
  return nlohmann::json::parse(r.out)["access"];
}

TEST(AccessCli, EachStampIsRead) {
  testing::TempDir dir;
  const std::vector<std::pair<std::string, std::string>> stamps = {
      {"MẬT", "mat"}, {"Tối mật", "toi-mat"}, {"TUYỆT  MẬT", "tuyet-mat"}, {"LƯU HÀNH NỘI BỘ", "noi-bo"}};
  for (const auto& [stamp, slug] : stamps) {
    const std::string file = dir.write(slug + ".txt", directive(stamp));
    EXPECT_EQ(extract_access(file), access(slug, "stamp", slug)) << stamp;
  }
}

TEST(AccessCli, UrgencyIsNotClassification) {
  testing::TempDir dir;
  EXPECT_EQ(extract_access(dir.write("both.txt", directive("MẬT\nKHẨN"))), access("mat", "stamp", "mat"));
  EXPECT_EQ(extract_access(dir.write("urgent.txt", directive("HỎA TỐC"))), access("noi-bo", "default"));
}

TEST(AccessCli, UnmarkedDocumentsTakeTheDefaultLevel) {
  testing::TempDir dir;
  const std::string plain = dir.write("plain.txt", directive(""));
  const std::string stamped = dir.write("stamped.txt", directive("MẬT"));
  EXPECT_EQ(extract_access(plain), access("noi-bo", "default"));
  EXPECT_EQ(extract_access(plain, {"--default-level", "cong-khai"}), access("cong-khai", "default"));
  EXPECT_EQ(extract_access(plain, {"--default-level", "Tối mật"}), access("toi-mat", "default"));
  EXPECT_EQ(extract_access(stamped, {"--default-level", "cong-khai"}), access("mat", "stamp", "mat"));
}

TEST(AccessCli, FieldOverSidecarOverRulesOverStamp) {
  testing::TempDir dir;
  const std::string rules = dir.write("access.txt", "# levels of the archive\n*.txt toi-mat\nmo-*.txt cong-khai\n");
  // Rules over the stamp, either way: the archive knows better than its text.
  const std::string stamped = dir.write("docs/nq.txt", directive("MẬT"));
  EXPECT_EQ(extract_access(stamped, {"--access", rules}), access("toi-mat", "rules", "mat"));
  const std::string opened = dir.write("docs/mo-nq.txt", directive("TUYỆT MẬT"));
  EXPECT_EQ(extract_access(opened, {"--access", rules}), access("cong-khai", "rules", "tuyet-mat"));
  // A sidecar over the rules.
  dir.write("docs/nq.txt.meta.json", R"({"level": "tuyet-mat", "title": "Nghị quyết về bảo mật"})");
  EXPECT_EQ(extract_access(stamped, {"--access", rules}), access("tuyet-mat", "sidecar", "mat"));
  const auto r = run_command({kIndexer, "--extract", stamped});
  EXPECT_EQ(nlohmann::json::parse(r.out)["title"], "Nghị quyết về bảo mật");
  // A record's field over the rules (JSON-lines records have no sidecar).
  const std::string records = dir.write("export.jsonl",
                                        "{\"id\": \"nq.txt\", \"text\": \"Nội dung\", \"do_mat\": \"mat\"}\n");
  EXPECT_EQ(extract_access(records, {"--access", rules}), access("toi-mat", "rules"));
  EXPECT_EQ(extract_access(records, {"--access", rules, "--field", "level=do_mat"}), access("mat", "field"));
  const std::string own = dir.write("own.jsonl", "{\"id\": \"a.txt\", \"text\": \"Nội dung\", \"level\": \"Mật\"}\n");
  EXPECT_EQ(extract_access(own, {"--access", rules}), access("mat", "field"));
}

TEST(AccessCli, UnusableMetadataIsAWarningAndTheWeakerSourcesDecide) {
  testing::TempDir dir;
  const std::string doc = dir.write("docs/qd.txt", directive("MẬT"));
  dir.write("docs/qd.txt.meta.json", R"({"level": "secret"})");
  auto r = run_command({kIndexer, "--extract", doc});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["access"], access("mat", "stamp", "mat"));
  EXPECT_NE(r.err.find(dir.str("docs/qd.txt.meta.json") + ": unknown level `secret`"), std::string::npos) << r.err;
  const std::string records = dir.write("e.jsonl", "\n{\"id\": \"1\", \"text\": \"Nội dung\", \"level\": \"top\"}\n");
  r = run_command({kIndexer, "--extract", records});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["access"], access("noi-bo", "default"));
  EXPECT_NE(r.err.find("e.jsonl:2: `level`: unknown level `top`"), std::string::npos) << r.err;
}

TEST(AccessCli, BadRulesAndLevelsAreRefusedBeforeAnyWork) {
  testing::TempDir dir;
  const std::string doc = dir.write("docs/a.txt", directive(""));
  const std::string rules = dir.write("access.txt", "ok/** mat\nsecret/**   topsecret\n**\n");
  auto r = run_command({kIndexer, "--index", dir.str("index"), "--access", rules, dir.str("docs")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--access: " + rules + ":2: unknown level `topsecret` (expected one of cong-khai, noi-bo, "
                       "mat, toi-mat, tuyet-mat)"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find(rules + ":3: expected GLOB LEVEL"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "index"));
  r = run_command({kIndexer, "--extract", doc, "--access", dir.str("missing.txt")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("missing.txt: cannot read the access rules file"), std::string::npos) << r.err;
  r = run_command({kIndexer, "--index", dir.str("index"), "--default-level", "secret", dir.str("docs")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--default-level: expected one of cong-khai, noi-bo, mat, toi-mat, tuyet-mat, got 'secret'"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "index"));
  r = run_command({kIndexer, "--help"});
  EXPECT_NE(r.out.find("--access FILE"), std::string::npos);
  EXPECT_NE(r.out.find("--default-level LEVEL"), std::string::npos);
}

TEST(AccessCli, TheSummaryCountsLevelsAndAChangedRuleReindexes) {
  testing::TempDir dir;
  dir.write("docs/mat.txt", directive("MẬT"));
  dir.write("docs/plain.txt", directive(""));
  dir.write("docs/public/tin.txt", directive(""));
  const std::string rules = dir.write("access.txt", "public/** cong-khai\n");
  auto r = run_command({kIndexer, "--index", dir.str("index"), "--access", rules, dir.str("docs")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("3 documents in the index (1 cong-khai, 1 noi-bo, 1 mat; "), std::string::npos) << r.err;
  dir.write("access.txt", "public/** toi-mat\n");
  r = run_command({kIndexer, "--index", dir.str("index"), "--access", rules, dir.str("docs")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("0 added, 1 updated, 2 unchanged"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("3 documents in the index (1 noi-bo, 1 mat, 1 toi-mat; "), std::string::npos) << r.err;
}

}  // namespace
}  // namespace vankho
