#include "ingest.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "test_support.h"

namespace vankho::ingest {
namespace {

using testing::Collected;
using testing::read_all;
using testing::TempDir;
namespace fs = std::filesystem;

TEST(Problem, ToString) {
  EXPECT_EQ((Problem{"a.jsonl", 12, "bad JSON"}).to_string(), "a.jsonl:12: bad JSON");
  EXPECT_EQ((Problem{"a.txt", 0, "empty file"}).to_string(), "a.txt: empty file");
}

TEST(IsSupportedFile, Extensions) {
  for (const char* yes : {"a.txt", "a.md", "a.html", "A.HTM", "x/y.jsonl", "e.JSONL.GZ", "a.pdf", "b.docx",
                          "c.odt", "d.doc", "e.rtf", "f.png", "jsonl", "txt"}) {
    EXPECT_TRUE(is_supported_file(yes)) << yes;
  }
  for (const char* no : {"a.gz", "a.txt.gz", "a.json", "a.xls"}) {
    EXPECT_FALSE(is_supported_file(no)) << no;
  }
}

TEST(ReadPaths, NestedFolderDocumentsWithRelativeIds) {
  TempDir dir;
  dir.write("archive/2022/ct-09.md", "# CHƯƠNG TRÌNH\n\n**làm việc** tháng 9");
  dir.write("archive/2022/tin.html",
            "<title>Tin &amp; bài</title><p>Hội nghị</p><script>x()</script><p>lần thứ XII</p>");
  dir.write("archive/ghi-chu.txt", "Ghi chú");
  const Collected c = read_all({dir.str() + "/archive"});
  EXPECT_TRUE(c.problems.empty()) << ::testing::PrintToString(c.lines());
  ASSERT_EQ(c.documents.size(), 3u);
  EXPECT_EQ(c.documents[0].id, "2022/ct-09.md");
  EXPECT_EQ(c.documents[0].source, dir.str() + "/archive/2022/ct-09.md");
  EXPECT_EQ(c.documents[0].text, "CHƯƠNG TRÌNH\n\nlàm việc tháng 9");
  EXPECT_EQ(c.documents[0].line, 0u);
  EXPECT_EQ(c.documents[1].id, "2022/tin.html");
  EXPECT_EQ(c.documents[1].title, "Tin & bài");
  EXPECT_EQ(c.documents[1].text, "Hội nghị\n\nlần thứ XII");
  EXPECT_EQ(c.documents[2].id, "ghi-chu.txt");
  EXPECT_EQ(c.stats.files, 3u);
  EXPECT_EQ(c.stats.files_total, 3u);
  EXPECT_EQ(c.stats.documents, 3u);
}

TEST(ReadPaths, BadFilesAreSkippedWithOneClearReasonEach) {
  TempDir dir;
  dir.write("1-empty.txt", "");
  dir.write("2-blank.md", " \n\t\n");
  dir.write("3-binary.txt", std::string("PK\3\4\0\0binary", 12));
  dir.write("4-big.txt", std::string(2048, 'a'));
  dir.write("5-only-markup.html", "<script>x</script><!-- -->");
  dir.write("6-ok.txt", "Nội dung");
  IngestOptions options;
  options.max_file_bytes = 1024;
  const Collected c = read_all({dir.str()}, options);
  const std::string d = dir.str() + "/";
  EXPECT_EQ(
      c.lines(),
      (std::vector<std::string>{
          "skipped " + d + "1-empty.txt: empty file",
          "skipped " + d + "2-blank.md: empty file (only whitespace)",
          "skipped " + d + "3-binary.txt: binary file (NUL bytes in the first 8 KB)",
          "skipped " + d +
              "4-big.txt: file is 2.0 KiB (2048 bytes), over the limit of 1.0 KiB (1024 "
              "bytes); raise it with --max-file-size",
          "skipped " + d + "5-only-markup.html: no text left after removing markup and boilerplate",
      }));
  EXPECT_EQ(c.problems[0].id, "1-empty.txt");
  ASSERT_EQ(c.documents.size(), 1u);
  EXPECT_EQ(c.stats.skipped, 5u);
  EXPECT_EQ(c.stats.files, 6u);
}

TEST(ReadPaths, DamagedUtf8IsReplacedAndCounted) {
  TempDir dir;
  const std::string file = dir.write("damaged.txt", "Nghị quyết \xC3\x28 số \xE1\xBA ok");
  const Collected c = read_all({file});
  ASSERT_EQ(c.documents.size(), 1u);
  EXPECT_EQ(c.documents[0].invalid_utf8, 3u);
  EXPECT_EQ(c.documents[0].text, "Nghị quyết \uFFFD( số \uFFFD\uFFFD ok");
  EXPECT_EQ(c.lines(), (std::vector<std::string>{"warning " + file +
                                                 ": 3 invalid UTF-8 sequence(s) replaced with U+FFFD (is the file UTF-8?)"}));
  EXPECT_EQ(c.stats.warnings, 1u);
}

TEST(ReadPaths, EightBitTextIsReadInTheLegacyEncodingThatMakesItVietnamese) {
  TempDir dir;
  // CP1258 (Windows Vietnamese, as iconv writes it).
  const std::string file = dir.write("legacy.txt",
                                     "Nghi\xDE" "a vu\xF2" " v\xE0" " vi\xEA\xF2" "c l\xE0" "m cu\xD2" "a c\xE1"
                                     "n b\xF4\xF2");
  Collected c = read_all({file});
  ASSERT_EQ(c.documents.size(), 1u);
  EXPECT_EQ(c.documents[0].text, "Nghĩa vụ và việc làm của cán bộ");
  EXPECT_EQ(c.documents[0].file.conversions, std::vector<std::string>{"CP1258: 1 line"});
  EXPECT_TRUE(c.lines().empty());
  // French in Latin-1 is no legacy Vietnamese: read as Windows-1252, and said so.
  const std::string french = dir.write("french.txt", "caf\xE9" " r\xE9" "sum\xE9" " na\xEF" "ve");
  c = read_all({french});
  ASSERT_EQ(c.documents.size(), 1u);
  EXPECT_EQ(c.documents[0].text, "café résumé naïve");
  EXPECT_EQ(c.lines(), (std::vector<std::string>{
                           "warning " + french +
                           ": 1 line(s) neither UTF-8 nor Vietnamese in a legacy encoding (TCVN3, VNI, VIQR, "
                           "CP1258) were read as Windows-1252; --encoding NAME reads them as NAME"}));
}

TEST(ReadPaths, UnreadableFileGivesTheOsReason) {
  TempDir dir;
  const std::string file = dir.write("secret.txt", "bí mật");
  fs::permissions(file, fs::perms::none);
  if (::access(file.c_str(), R_OK) == 0) {
    GTEST_SKIP() << "running as root (or with CAP_DAC_OVERRIDE): chmod 000 does not prevent "
                    "reading, so the unreadable case cannot be produced here";
  }
  const Collected c = read_all({dir.str()});
  EXPECT_TRUE(c.documents.empty());
  EXPECT_EQ(c.lines(),
            (std::vector<std::string>{"skipped " + file + ": cannot read: Permission denied"}));
}

TEST(ReadPaths, UnreadableFolderIsReportedAndTheRestIsRead) {
  TempDir dir;
  dir.write("closed/a.txt", "a");
  dir.write("open/b.txt", "b");
  fs::permissions(dir.path() / "closed", fs::perms::none);
  if (::access((dir.path() / "closed").c_str(), R_OK) == 0) {
    GTEST_SKIP() << "running as root: chmod 000 does not prevent reading a folder";
  }
  const Collected c = read_all({dir.str()});
  ASSERT_EQ(c.documents.size(), 1u);
  EXPECT_EQ(c.documents[0].id, "open/b.txt");
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_NE(c.problems[0].reason.find("Permission denied"), std::string::npos);
}

TEST(ReadPaths, SameIdFromTwoPathsIsReported) {
  TempDir dir;
  const std::string a = dir.write("a/x.txt", "một");
  const std::string b = dir.write("b/x.txt", "hai");
  const Collected c = read_all({dir.str() + "/a", dir.str() + "/b"});
  ASSERT_EQ(c.documents.size(), 2u);
  EXPECT_EQ(c.lines(), (std::vector<std::string>{"warning " + b + ": id x.txt repeats " + a +
                                                 "; the later one wins"}));
}

TEST(ReadPaths, ProgressIsCalledAndSinkExceptionsReachTheCaller) {
  TempDir dir;
  dir.write("a.txt", "a");
  dir.write("b.txt", "b");
  IngestOptions options;
  size_t calls = 0;
  uint64_t last_total = 0;
  options.progress = [&](const IngestStats& s) {
    ++calls;
    last_total = s.input_bytes_total;
  };
  const Collected c = read_all({dir.str()}, options);
  EXPECT_EQ(calls, 3u);
  EXPECT_EQ(last_total, 2u);
  EXPECT_EQ(c.stats.input_bytes, 2u);
  EXPECT_THROW(read_paths(
                   {dir.str()}, {}, [](SourceDocument&&) { throw std::runtime_error("disk"); },
                   [](const Problem&) {}),
               std::runtime_error);
  EXPECT_THROW(read_paths(
                   {dir.str()}, {}, [](SourceDocument&&) { throw 42; }, [](const Problem&) {}),
               int);
}

TEST(ReadPaths, BoilerplateFileOptionExtendsTheRules) {
  TempDir dir;
  const std::string rules = dir.write("rules/extra.txt", "line: Trang chủ\n");
  const std::string doc = dir.write("docs/a.txt", "Trang chủ\nTăng cỡ chữ\nNội dung\n");
  IngestOptions options;
  options.boilerplate_file = rules;
  const Collected c = read_all({doc}, options);
  ASSERT_EQ(c.documents.size(), 1u);
  EXPECT_EQ(c.documents[0].text, "Nội dung");
  options.boilerplate_file = dir.str() + "/rules/missing.txt";
  const Collected missing = read_all({doc}, options);
  ASSERT_EQ(missing.problems.size(), 1u);
  EXPECT_FALSE(missing.problems[0].skipped);
  EXPECT_EQ(missing.documents.size(), 1u);
}

TEST(ReadPaths, SeedsReadCleanly) {
  const std::string seeds = std::string(VANKHO_SOURCE_DIR) + "/seeds";
  const Collected c = read_all({seeds});
  EXPECT_TRUE(c.problems.empty()) << ::testing::PrintToString(c.lines());
  ASSERT_EQ(c.documents.size(), 5u);
  const SourceDocument* s000 = c.find("000_b0635ad2fd7fc13e.txt");
  ASSERT_NE(s000, nullptr);
  EXPECT_TRUE(
      s000->text.starts_with("CHƯƠNG TRÌNH\nlàm việc tháng 9 năm 2022 của Ban Thường vụ Tỉnh ủy\n"))
      << s000->text.substr(0, 300);
  EXPECT_NE(s000->text.find("\nII- NHỮNG CÔNG TÁC TRỌNG TÂM"), std::string::npos);
  EXPECT_EQ(s000->text.find("**"), std::string::npos);
  const SourceDocument* s004 = c.find("004_d18117e02a6e2a66.txt");
  ASSERT_NE(s004, nullptr);
  EXPECT_NE(s004->text.find("\n* Về kinh tế\n"), std::string::npos);
  const SourceDocument* s003 = c.find("003_aabf41006b262e9c.txt");
  ASSERT_NE(s003, nullptr);
  EXPECT_NE(s003->text.find("TỈNH ỦY HẬU GIANG\n\n*\n"), std::string::npos)
      << s003->text.substr(0, 200);
  for (const auto& d : c.documents) {
    EXPECT_EQ(d.text.find("\n\n\n"), std::string::npos) << d.id;
    EXPECT_EQ(d.text.find(" \n"), std::string::npos) << d.id;
  }
}

}  // namespace
}  // namespace vankho::ingest
