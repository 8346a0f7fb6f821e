// The levels an archive gives its documents through read_paths: rules, sidecars and JSON-lines
// fields, strongest last; warnings for the ones that cannot be used; the content hash.
#include <gtest/gtest.h>

#include "access_rules.h"
#include "test_support.h"

namespace vankho::ingest {
namespace {

using extract::AccessAssignment;
using extract::AccessLevel;
using testing::Collected;
using testing::read_all;
using testing::TempDir;

AccessRules rules_of(std::string_view text) {
  std::vector<Problem> problems;
  auto rules = AccessRules::parse(text, "access.txt", problems);
  EXPECT_TRUE(rules.has_value());
  return rules ? *rules : AccessRules{};
}

std::optional<AccessAssignment> access_of(const Collected& c, std::string_view id) {
  const SourceDocument* d = c.find(id);
  EXPECT_NE(d, nullptr) << id;
  return d ? d->access : std::nullopt;
}

TEST(ArchiveAccess, FieldOverSidecarOverRules) {
  TempDir dir;
  dir.write("a/rule-only.txt", "Văn bản A");
  dir.write("a/with-sidecar.txt", "Văn bản B");
  dir.write("a/with-sidecar.txt.meta.json", R"({"level": "toi-mat", "title": "Tiêu đề B", "number": "12-NQ/TU"})");
  dir.write("a/export.jsonl",
            "{\"id\": \"r1\", \"text\": \"Bản ghi 1\", \"level\": \"tuyet-mat\"}\n"
            "{\"id\": \"r2\", \"text\": \"Bản ghi 2\"}\n"
            "{\"id\": \"r3\", \"text\": \"Bản ghi 3\", \"level\": \"secret\"}\n");
  dir.write("b/free.md", "Văn bản C");
  const AccessRules rules = rules_of("*.txt mat\nr? cong-khai\n");
  IngestOptions options;
  options.access_rules = &rules;
  const Collected c = read_all({dir.str("a"), dir.str("b")}, options);
  // The sidecar is no document of its own.
  EXPECT_EQ(c.documents.size(), 6u);
  EXPECT_EQ(access_of(c, "rule-only.txt"), (AccessAssignment{AccessLevel::kMat, "rules"}));
  EXPECT_EQ(access_of(c, "with-sidecar.txt"), (AccessAssignment{AccessLevel::kToiMat, "sidecar"}));
  EXPECT_EQ(c.find("with-sidecar.txt")->title, "Tiêu đề B");
  EXPECT_EQ(c.find("with-sidecar.txt")->fields.at("number"), "12-NQ/TU");
  EXPECT_EQ(access_of(c, "r1"), (AccessAssignment{AccessLevel::kTuyetMat, "field"}));
  EXPECT_EQ(access_of(c, "r2"), (AccessAssignment{AccessLevel::kCongKhai, "rules"}));
  EXPECT_EQ(access_of(c, "r3"), (AccessAssignment{AccessLevel::kCongKhai, "rules"}));
  EXPECT_EQ(access_of(c, "free.md"), std::nullopt);
  ASSERT_EQ(c.problems.size(), 1u) << ::testing::PrintToString(c.lines());
  EXPECT_EQ(c.lines()[0], "warning " + dir.str("a/export.jsonl") +
                              ":3: `level`: unknown level `secret` (expected one of cong-khai, noi-bo, mat, "
                              "toi-mat, tuyet-mat); the record takes its level from the rules, its stamp or "
                              "the default");
}

TEST(ArchiveAccess, RulesMatchIdsRelativeToThePathGiven) {
  TempDir dir;
  dir.write("kho/mat/a.txt", "Văn bản A");
  dir.write("kho/cong-bo/b.txt", "Văn bản B");
  const AccessRules rules = rules_of("** noi-bo\nmat/** mat\ncong-bo cong-khai\n");
  IngestOptions options;
  options.access_rules = &rules;
  const Collected c = read_all({dir.str("kho")}, options);
  EXPECT_EQ(access_of(c, "mat/a.txt"), (AccessAssignment{AccessLevel::kMat, "rules"}));
  EXPECT_EQ(access_of(c, "cong-bo/b.txt"), (AccessAssignment{AccessLevel::kCongKhai, "rules"}));
}

TEST(ArchiveAccess, ALevelFieldMappedFromTheExportsName) {
  TempDir dir;
  dir.write("e.jsonl",
            "{\"id\": \"1\", \"text\": \"x\", \"do_mat\": \"Mật\", \"level\": \"cong-khai\"}\n"
            "{\"id\": \"2\", \"text\": \"x\", \"do_mat\": null}\n"
            "{\"id\": \"3\", \"text\": \"x\", \"do_mat\": 4}\n");
  IngestOptions options;
  options.field_map["level"] = "do_mat";
  const Collected c = read_all({dir.str("e.jsonl")}, options);
  EXPECT_EQ(access_of(c, "1"), (AccessAssignment{AccessLevel::kMat, "field"}));
  EXPECT_TRUE(c.find("1")->fields.empty());  // the level is no metadata field
  EXPECT_EQ(access_of(c, "2"), std::nullopt);
  EXPECT_EQ(access_of(c, "3"), std::nullopt);
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_NE(c.lines()[0].find("e.jsonl:3: `do_mat`: unknown level `4`"), std::string::npos) << c.lines()[0];
}

TEST(ArchiveAccess, ABadSidecarLeavesTheWeakerSources) {
  TempDir dir;
  dir.write("d/qd.txt", "Quyết định");
  dir.write("d/qd.txt.meta.json", R"({"level": "bí mật"})");
  const AccessRules rules = rules_of("** mat\n");
  IngestOptions options;
  options.access_rules = &rules;
  const Collected c = read_all({dir.str("d")}, options);
  ASSERT_EQ(c.documents.size(), 1u);
  EXPECT_EQ(access_of(c, "qd.txt"), (AccessAssignment{AccessLevel::kMat, "rules"}));
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_TRUE(c.lines()[0].starts_with("warning " + dir.str("d/qd.txt.meta.json") + ": unknown level `bí mật`"))
      << c.lines()[0];
  EXPECT_EQ(c.stats.warnings, 1u);
  EXPECT_EQ(c.stats.skipped, 0u);
}

TEST(ArchiveAccess, ASidecarThatDescribesNoDocumentIsSaid) {
  TempDir dir;
  dir.write("d/qd.pdf.txt", "Quyết định");
  dir.write("d/qd.meta.json", R"({"level": "mat"})");  // named after the stem: not read
  dir.write("d/e.jsonl", "{\"id\": \"1\", \"text\": \"x\"}\n");
  dir.write("d/e.jsonl.meta.json", R"({"level": "mat"})");
  dir.write("d/ho-so/a.txt", "Hồ sơ");
  dir.write("d/ho-so.meta.json", R"({"level": "mat"})");
  const Collected c = read_all({dir.str("d")});
  EXPECT_EQ(c.documents.size(), 3u);
  for (const SourceDocument& d : c.documents) EXPECT_EQ(d.access, std::nullopt) << d.id;
  const auto lines = c.lines();
  ASSERT_EQ(lines.size(), 3u) << ::testing::PrintToString(lines);
  EXPECT_TRUE(lines[0].starts_with("warning " + dir.str("d/e.jsonl.meta.json") +
                                   ": the records of a JSON-lines export take their level from a field"))
      << lines[0];
  EXPECT_TRUE(lines[1].starts_with("warning " + dir.str("d/ho-so.meta.json") +
                                   ": a sidecar describes one file, not the folder ho-so"))
      << lines[1];
  EXPECT_EQ(lines[2], "warning " + dir.str("d/qd.meta.json") +
                          ": no file qd beside this sidecar: a sidecar is named after the whole file name "
                          "(quyet-dinh.pdf.meta.json for quyet-dinh.pdf); not used");
}

TEST(ArchiveAccess, TheContentHashCoversTheLevel) {
  TempDir dir;
  dir.write("d/a.txt", "Văn bản");
  auto hash_with = [&](const std::string& rules_text) {
    const AccessRules rules = rules_of(rules_text);
    IngestOptions options;
    options.access_rules = &rules;
    const Collected c = read_all({dir.str("d")}, options);
    EXPECT_EQ(c.documents.size(), 1u);
    return c.documents.empty() ? 0 : c.documents[0].content_hash;
  };
  const uint64_t none = read_all({dir.str("d")}).documents.at(0).content_hash;
  EXPECT_EQ(hash_with(""), none);  // no level given: the hash it always had
  EXPECT_NE(hash_with("** mat"), none);
  EXPECT_NE(hash_with("** mat"), hash_with("** toi-mat"));
  EXPECT_EQ(hash_with("** mat"), hash_with("a.txt mat"));
  const uint64_t from_rules = hash_with("** mat");
  dir.write("d/a.txt.meta.json", R"({"level": "mat"})");
  EXPECT_NE(hash_with(""), from_rules);  // the same level from elsewhere: stored as such
}

}  // namespace
}  // namespace vankho::ingest
