// vankho-indexer and vankho-query as a person uses them: output, messages and exit codes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "run_command.h"
#include "temp_dir.h"
#include "test_index.h"

namespace vankho {
namespace {

using testing::run_command;
const std::string kIndexer = VANKHO_INDEXER;
const std::string kQuery = VANKHO_QUERY;

TEST(QueryCli, AnalyzePrintsTokensAsJson) {
  const auto r = run_command({kQuery, "--analyze", "Tỉnh ủy ban hành 13 - NQ/TW"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto tokens = nlohmann::json::parse(r.out);
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(tokens[1]["text"], "ủy");
  EXPECT_EQ(tokens[1]["norm"], "uỷ");
  EXPECT_EQ(tokens[1]["folded"], "uy");
  EXPECT_EQ(tokens[4]["norm"], "13-NQ/TW");
  EXPECT_EQ(tokens[4]["code"], true);
  EXPECT_EQ(tokens[4]["text"], "13 - NQ/TW");
  EXPECT_EQ(tokens[4]["start"], 22);
  for (const char* key : {"text", "norm", "folded", "pos", "start", "end", "code"}) {
    EXPECT_TRUE(tokens[0].contains(key)) << key;
  }
  const auto bad = run_command({kQuery, "--analyze", "a\xFF" "b"});
  EXPECT_EQ(bad.exit_code, 0);
  EXPECT_NE(bad.err.find("invalid UTF-8"), std::string::npos);
}

TEST(QueryCli, ExitCodesAndMessages) {
  testing::TempDir dir;
  auto r = run_command({kQuery, "--index", dir.str("none"), "nong thon"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("vankho-indexer --index"), std::string::npos) << r.err;
  r = run_command({kQuery, "--index", dir.str("none"), "--sort", "size", "x"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--sort"), std::string::npos) << r.err;
  r = run_command({kQuery, "--index", dir.str("none"), "--from", "2022-13-40", "x"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--from"), std::string::npos) << r.err;
  // Reversed bounds are a usage error, as searchd answers them with a 400 (not swapped).
  r = run_command({kQuery, "--index", dir.str("none"), "--from", "2023", "--to", "2022", "x"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--from: the start 2023-01-01 is after --to 2022-12-31"), std::string::npos) << r.err;
  r = run_command({kQuery, "--index", dir.str("none"), "--limit", "-1", "x"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--limit: expected 0 to 100, got -1"), std::string::npos) << r.err;
  r = run_command({kQuery, "--bogus"});
  EXPECT_EQ(r.exit_code, 2);
}

TEST(QueryCli, SearchesTheSeedsAsTextAndJson) {
  testing::TempDir dir;
  auto r = run_command({kIndexer, "--index", dir.str("index"), testing::seeds_dir()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("5 added"), std::string::npos) << r.err;

  r = run_command({kQuery, "--index", dir.str("index"), "--json", "NQ", "13"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["total"], 2);
  for (const char* key : {"query", "total", "hits", "facets", "suggestion", "took_ms"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  for (const char* key : {"id", "title", "type", "number", "date", "period", "issuer", "province",
                          "themes", "score", "snippet"}) {
    EXPECT_TRUE(j["hits"][0].contains(key)) << key;
  }
  EXPECT_EQ(j["query"]["codes"][0]["codes"][0], "13-NQ/TW");

  r = run_command({kQuery, "--index", dir.str("index"), "nong", "thon", "moi"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("**nông thôn mới**"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("did you mean: nông thôn mới"), std::string::npos) << r.out;

  r = run_command({kQuery, "--index", dir.str("index"), "khong co tu nay xyzzy"});
  EXPECT_EQ(r.exit_code, 0);  // no hits is not an error

  r = run_command({kQuery, "--index", dir.str("index"), "--cites", "13/NQ-TW", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["cited_by"].size(), 2u);
}

TEST(IndexerCli, BadFilesAreSkippedWithAReasonAndTheRunGoesOn) {
  testing::TempDir dir;
  dir.write("docs/good.txt", "Chương trình công tác năm 2024 của Tỉnh ủy.");
  dir.write("docs/empty.txt", "");
  dir.write("docs/blank.md", "   \n\n  ");
  dir.write("docs/binary.txt", std::string("\x00\x01\x02\x03PK\x00\x00", 8) + std::string(100, '\0'));
  dir.write("docs/latin1.txt", "caf\xE9" " r\xE9" "sum\xE9" " na\xEF" "ve, cr\xE8" "me br\xFB" "l\xE9" "e");
  dir.write("docs/export.jsonl",
            "{\"id\":\"r1\",\"title\":\"Điều 1\",\"text\":\"Phạm vi điều chỉnh.\"}\n"
            "not json at all\n"
            "{\"id\":\"r2\",\"title\":\"Chỉ có tiêu đề\",\"text\":\"\"}\n"
            "{\"id\":\"r3\"}\n"
            "{\"id\":\"r1\",\"title\":\"Điều 1\",\"text\":\"Phạm vi điều chỉnh mới.\"}\n");
  const auto r = run_command({kIndexer, "--index", dir.str("index"), dir.str("docs")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("empty.txt"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("binary.txt"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("latin1.txt: 1 line(s) neither UTF-8"), std::string::npos) << r.err;  // reported
  EXPECT_NE(r.err.find("export.jsonl:2"), std::string::npos) << r.err;  // malformed line named
  EXPECT_NE(r.err.find("export.jsonl:4"), std::string::npos) << r.err;  // neither title nor text
  EXPECT_NE(r.err.find("r1"), std::string::npos) << r.err;               // the repeated id

  const auto q = run_command({kQuery, "--index", dir.str("index"), "--json", "--document", "r1"});
  ASSERT_EQ(q.exit_code, 0) << q.err;
  EXPECT_NE(nlohmann::json::parse(q.out)["text"].get<std::string>().find("mới"), std::string::npos)
      << "the later record with a repeated id wins";
  const auto title_only = run_command({kQuery, "--index", dir.str("index"), "--json", "chỉ có tiêu đề"});
  EXPECT_EQ(nlohmann::json::parse(title_only.out)["hits"][0]["id"], "r2");
}

TEST(IndexerCli, AFileSizeLimitIsAReportedWriteErrorNotASilentKill) {
  testing::TempDir dir;
  std::string text;
  while (text.size() < 400000) text += "Nghị quyết về chuyển đổi số của Tỉnh ủy năm 2024, cải cách hành chính. ";
  for (int i = 0; i < 8; ++i) dir.write("docs/" + std::to_string(i) + ".txt", text + std::to_string(i));
  // ulimit -f 64: no file the indexer writes may pass 64 KiB (the kernel sends SIGXFSZ).
  const auto r = run_command({"/bin/sh", "-c",
                              "ulimit -f 64 && exec \"$0\" --index \"$1\" \"$2\"", kIndexer,
                              dir.str("index"), dir.str("docs")});
  EXPECT_EQ(r.exit_code, 1) << r.err;  // not killed by SIGXFSZ (run_command reports 128 + the signal)
  EXPECT_NE(r.err.find("vankho-indexer: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("index"), std::string::npos) << r.err;
}

TEST(IndexerCli, UsageErrorsNameTheOption) {
  testing::TempDir dir;
  auto r = run_command({kIndexer, testing::seeds_dir()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--index"), std::string::npos);
  r = run_command({kIndexer, "--index", dir.str("i"), "--max-file-size", "lots", testing::seeds_dir()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--max-file-size"), std::string::npos);
  r = run_command({kIndexer, "--index", dir.str("i"), "--field", "number", testing::seeds_dir()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--field"), std::string::npos);
  r = run_command({kIndexer, "--index", dir.str("i"), dir.str("missing")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("does not exist"), std::string::npos);
  r = run_command({kIndexer, "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("--rebuild"), std::string::npos);
}

TEST(IndexerCli, ExtractPrintsTheDocumentMetadata) {
  const auto r = run_command({kIndexer, "--extract", testing::seeds_dir() + "/001_36391affc1bfd663.txt"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  for (const char* key : {"id", "title", "type", "type_label", "number", "draft", "issuer", "province",
                          "date", "period", "term", "signer", "citations", "themes", "sections"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_EQ(j["period"]["from"], "2022-07-01");
  EXPECT_EQ(j["citations"][0]["code"], "13-NQ/TW");
}

}  // namespace
}  // namespace vankho
