#include "jsonl_reader.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include "test_support.h"

namespace vankho::ingest {
namespace {

using testing::Collected;
using testing::read_all;
using testing::TempDir;

TEST(Jsonl, RecordsFieldsAndMapping) {
  TempDir dir;
  const std::string file = dir.write(
      "export.jsonl",
      "{\"id\": \"a1\", \"title\": \" Điều 1.\\n Phạm vi \", \"text\": \"Nội dung  "
      "\\n\\n\\n\\nhết\","
      " \"source_number\": \"57/2020/QH14\", \"source_date\": null, \"source_type\": \"Luật\","
      " \"issuer\": \"Quốc hội\", \"extra\": \"bỏ qua\"}\n"
      "{\"id\": 42, \"text\": \"chỉ có text\", \"source_number\": 7, \"date\": \"ignored: "
      "mapped\"}\n");
  IngestOptions options;
  options.field_map = {
      {"number", "source_number"}, {"date", "source_date"}, {"type", "source_type"}};
  const Collected c = read_all({file}, options);
  EXPECT_TRUE(c.problems.empty()) << ::testing::PrintToString(c.lines());
  ASSERT_EQ(c.documents.size(), 2u);
  const SourceDocument& a = c.documents[0];
  EXPECT_EQ(a.id, "a1");
  EXPECT_EQ(a.source, file);
  EXPECT_EQ(a.line, 1u);
  EXPECT_EQ(a.title, "Điều 1. Phạm vi");
  EXPECT_EQ(a.text, "Nội dung\n\nhết");
  EXPECT_EQ(a.fields, (std::map<std::string, std::string>{
                          {"number", "57/2020/QH14"}, {"type", "Luật"}, {"issuer", "Quốc hội"}}));
  EXPECT_NE(a.content_hash, 0u);
  const SourceDocument& b = c.documents[1];
  EXPECT_EQ(b.id, "42");
  EXPECT_EQ(b.line, 2u);
  EXPECT_EQ(b.title, "");
  EXPECT_EQ(b.fields, (std::map<std::string, std::string>{{"number", "7"}}));
}

TEST(Jsonl, IdTitleAndTextCanBeMapped) {
  TempDir dir;
  const std::string file =
      dir.write("x.jsonl", "{\"key\": \"k\", \"name\": \"Tên\", \"body\": \"Thân\"}\n");
  IngestOptions options;
  options.field_map = {{"id", "key"}, {"title", "name"}, {"text", "body"}};
  const Collected c = read_all({file}, options);
  ASSERT_EQ(c.documents.size(), 1u);
  EXPECT_EQ(c.documents[0].id, "k");
  EXPECT_EQ(c.documents[0].title, "Tên");
  EXPECT_EQ(c.documents[0].text, "Thân");
  EXPECT_TRUE(c.documents[0].fields.empty());
}

TEST(Jsonl, MalformedLinesAreSkippedWithTheirLineNumbers) {
  TempDir dir;
  const std::string file =
      dir.write("dirty.jsonl",
                "{\"id\": \"1\", \"text\": \"tốt\"}\n"    // 1
                "{\"id\": \"2\", \"text\": \"thiếu\n"     // 2: bad JSON (a raw line break)
                "\n"                                      // 3: blank, ignored
                "[1, 2]\n"                                // 4: not an object
                "{\"title\": \"không id\"}\n"             // 5: no id
                "{\"id\": null, \"text\": \"x\"}\n"       // 6: null id
                "{\"id\": \"7\", \"text\": [\"a\"]}\n"    // 7: text not a string
                "{\"id\": \"8\"}\n"                       // 8: neither
                "{\"id\": \"9\", \"text\": \"   \"}\n"    // 9: blank text, no title
                "{\"id\": \" \", \"text\": \"x\"}\n"      // 10: blank id
                "{\"id\": \"11\", \"text\": \"cuối\"}");  // 11: no final newline
  const Collected c = read_all({file});
  const std::vector<std::string> expected = {
      "skipped " + file +
          ":2: bad JSON: parse error at line 1, column 29: syntax error while "
          "parsing value - invalid string: missing closing quote; last read: '\"thiếu'",
      "skipped " + file + ":4: not a JSON object (found an array)",
      "skipped " + file + ":5: no `id` field",
      "skipped " + file + ":6: `id` must be a string or a number (found null)",
      "skipped " + file + ":7: `text` is an array, expected a string",
      "skipped " + file + ":8: record 8 has neither title nor text",
      "skipped " + file + ":9: record 9 has neither title nor text",
      "skipped " + file + ":10: `id` is empty",
  };
  EXPECT_EQ(c.lines(), expected);
  ASSERT_EQ(c.documents.size(), 2u);
  EXPECT_EQ(c.documents[1].id, "11");
  EXPECT_EQ(c.documents[1].line, 11u);
  EXPECT_EQ(c.stats.skipped, 8u);
  EXPECT_EQ(c.problems[5].id, "8");
}

TEST(Jsonl, DuplicateIdsNameBothLinesAndTheLaterWins) {
  TempDir dir;
  const std::string file = dir.write("dup.jsonl",
                                     "{\"id\": \"a\", \"text\": \"cũ\"}\n"
                                     "{\"id\": \"b\", \"text\": \"b\"}\n"
                                     "{\"id\": \"a\", \"text\": \"mới\"}\n");
  const std::string other = dir.write("other.jsonl", "{\"id\": \"b\", \"text\": \"b2\"}\n");
  const Collected c = read_all({file, other});
  EXPECT_EQ(c.lines(),
            (std::vector<std::string>{
                "warning " + file + ":3: id a repeats line 1; the later one wins",
                "warning " + other + ":1: id b repeats " + file + ":2; the later one wins"}));
  ASSERT_EQ(c.documents.size(), 4u);  // the sink receives the repeated ids again
  EXPECT_EQ(c.documents[2].text, "mới");
  EXPECT_EQ(c.stats.duplicate_ids, 2u);
  EXPECT_EQ(c.stats.warnings, 2u);
}

TEST(Jsonl, TitleOnlyRecordsAreIndexedByTheirTitle) {
  TempDir dir;
  const std::string file =
      dir.write("t.jsonl",
                "{\"id\": \"1\", \"title\": \"Điều 5. Bãi bỏ\", \"text\": \"\"}\n"
                "{\"id\": \"2\", \"title\": \"Điều 6\", \"text\": null}\n");
  const Collected c = read_all({file});
  EXPECT_TRUE(c.problems.empty());
  ASSERT_EQ(c.documents.size(), 2u);
  EXPECT_EQ(c.documents[0].text, "Điều 5. Bãi bỏ");
  EXPECT_EQ(c.documents[1].text, "Điều 6");
  EXPECT_EQ(c.stats.title_only, 2u);
}

TEST(Jsonl, GzipWrittenWithZlib) {
  TempDir dir;
  const std::string path = (dir.path() / "e.jsonl.gz").string();
  gzFile f = gzopen(path.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  std::string content;
  for (int i = 1; i <= 1000; ++i) {
    content += "{\"id\": " + std::to_string(i) + ", \"title\": \"Điều " + std::to_string(i) +
               "\", \"text\": \"Nội dung điều " + std::to_string(i) + "\"}\n";
  }
  content += "not json\n";
  ASSERT_EQ(gzwrite(f, content.data(), static_cast<unsigned>(content.size())),
            static_cast<int>(content.size()));
  gzclose(f);
  const Collected c = read_all({path});
  ASSERT_EQ(c.documents.size(), 1000u);
  EXPECT_EQ(c.documents[999].id, "1000");
  EXPECT_EQ(c.documents[999].text, "Nội dung điều 1000");
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].line, 1001u);
  EXPECT_EQ(c.stats.bytes, content.size());
}

TEST(Jsonl, InvalidUtf8IsReplacedCountedAndReported) {
  TempDir dir;
  const std::string file = dir.write("u.jsonl",
                                     "{\"id\": \"1\", \"text\": \"tốt\"}\n"
                                     "{\"id\": \"2\", \"text\": \"h\xC3\x28ng \xFF\xFE\"}\n");
  const Collected c = read_all({file});
  ASSERT_EQ(c.documents.size(), 2u);
  EXPECT_EQ(c.documents[1].invalid_utf8, 3u);
  EXPECT_EQ(c.documents[1].text, "h\xEF\xBF\xBD(ng \xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(c.lines(), (std::vector<std::string>{
                           "warning " + file +
                           ":2: 3 invalid UTF-8 sequence(s) in 1 record(s) replaced with U+FFFD "
                           "(first here)"}));
}

TEST(Jsonl, OversizedRecordsAndExports) {
  TempDir dir;
  const std::string file =
      dir.write("big.jsonl", "{\"id\": \"1\", \"text\": \"" + std::string(2000, 'x') +
                                 "\"}\n{\"id\": \"2\", \"text\": \"nhỏ\"}\n");
  IngestOptions options;
  options.max_file_bytes = 1000;
  const Collected c = read_all({file}, options);
  ASSERT_EQ(c.documents.size(), 1u);
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].to_string(),
            file +
                ":1: record is 2.0 KiB (2023 bytes), over the limit of 1000 bytes; raise it "
                "with --max-file-size");
  options.max_export_bytes = 100;
  const Collected whole = read_all({file}, options);
  EXPECT_TRUE(whole.documents.empty());
  ASSERT_EQ(whole.problems.size(), 1u);
  EXPECT_NE(whole.problems[0].reason.find("--max-export-size"), std::string::npos);
}

TEST(Jsonl, EmptyAndBinaryExports) {
  TempDir dir;
  const Collected empty = read_all({dir.write("e.jsonl", "\n  \n")});
  ASSERT_EQ(empty.problems.size(), 1u);
  EXPECT_EQ(empty.problems[0].reason, "empty file");
  const Collected binary = read_all({dir.write("b.jsonl", std::string("\x1F\x8B\0\0junk", 8))});
  ASSERT_EQ(binary.problems.size(), 1u);
  EXPECT_TRUE(binary.problems[0].skipped);
}

}  // namespace
}  // namespace vankho::ingest
