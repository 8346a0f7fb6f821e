#include "doc_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

#include "converters_test_util.h"
#include "utf8.h"

namespace vankho::formats {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// Made by testdata/make_doc_fixtures.py (LibreOffice): Vietnamese on three pages with hard page
// breaks, and a document too small for antiword.
std::string fixture(const std::string& name) {
  return std::string(VANKHO_SOURCE_DIR) + "/indexer/formats/converters/testdata/" + name;
}

constexpr std::string_view kSentence = "Nghị quyết để tăng cường sự lãnh đạo của Đảng.";

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

TEST(ReadDoc, AntiwordReadsVietnamese) {
  const ReadResult r = read_doc(fixture("pages.doc"), {});
  ASSERT_TRUE(r.doc) << r.error;
  EXPECT_EQ(r.doc->format, "doc");
  EXPECT_EQ(r.doc->converter, "antiword");
  EXPECT_EQ(r.doc->markup, Markup::kPlain);
  EXPECT_TRUE(r.doc->warnings.empty());
  const std::string& text = r.doc->text;
  EXPECT_TRUE(text.starts_with("Trang 1, đoạn 1: " + std::string(kSentence)))
      << text.substr(0, 200);
  EXPECT_TRUE(contains(text, "\nTrang 3, đoạn 6: "));
  EXPECT_TRUE(text::valid_utf8(text));
  // antiword's text mode never marks a page break: a hard break is an empty line.
  EXPECT_EQ(text.find('\f'), std::string::npos);
  EXPECT_TRUE(contains(text, std::string(kSentence) + "\n\nTrang 2, đoạn 1: "));
  EXPECT_TRUE(contains(text, "\nTrang 1, đoạn 2: "));  // one paragraph a line
}

TEST(ReadDoc, CatdocReadsWhatAntiwordRefuses) {
  const ReadResult r = read_doc(fixture("tiny.doc"), {});
  ASSERT_TRUE(r.doc) << r.error;
  EXPECT_EQ(r.doc->converter, "catdoc");
  EXPECT_EQ(r.doc->text, "Nghị quyết Đảng");
  ASSERT_EQ(r.doc->warnings.size(), 1u);
  EXPECT_TRUE(
      contains(r.doc->warnings[0], "antiword could not read it (I'm afraid the text stream"))
      << r.doc->warnings[0];
}

TEST(ReadDoc, CatdocKeepsPageBreaksWhenAntiwordIsMissing) {
  testing::ScratchDir bin;
  std::filesystem::create_symlink("/usr/bin/catdoc", bin.str("catdoc"));
  testing::ScopedPath path(bin.str());
  const ReadResult r = read_doc(fixture("pages.doc"), {});
  ASSERT_TRUE(r.doc) << r.error;
  EXPECT_EQ(r.doc->converter, "catdoc");
  ASSERT_EQ(r.doc->warnings.size(), 1u);
  EXPECT_TRUE(contains(r.doc->warnings[0], "antiword is not installed"));
  const std::string& text = r.doc->text;
  EXPECT_EQ(std::count(text.begin(), text.end(), '\f'), 2);
  EXPECT_TRUE(contains(text, std::string(kSentence) + "\fTrang 2, đoạn 1: "));
  EXPECT_TRUE(contains(text, std::string(kSentence) + "\fTrang 3, đoạn 1: "));
}

TEST(ReadDoc, NoConverterInstalled) {
  testing::ScratchDir empty;
  testing::ScopedPath path(empty.str());
  const ReadResult r = read_doc(fixture("pages.doc"), {});
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(contains(r.error, "antiword: antiword is not installed")) << r.error;
  EXPECT_TRUE(contains(r.error, "catdoc: catdoc is not installed")) << r.error;
}

TEST(ReadDoc, PlainTextOrGarbageIsNotAWordDocument) {
  testing::ScratchDir dir;
  std::string garbage(5000, '\0');
  std::mt19937 rng(7);
  for (char& c : garbage) c = static_cast<char>(rng());
  for (const std::string& content :
       {std::string("Nghị quyết, chỉ là văn bản thường.\n"), garbage}) {
    const ReadResult r = read_doc(dir.write("fake.doc", content), {});
    EXPECT_FALSE(r.doc);
    EXPECT_TRUE(contains(r.error, "not a Word document")) << r.error;
    EXPECT_TRUE(contains(r.error, "antiword: ") && contains(r.error, "is not a Word Document"))
        << r.error;
    EXPECT_TRUE(contains(r.error, "catdoc: not run")) << r.error;
  }
}

TEST(ReadDoc, ABrokenOleFileNamesBothConverters) {
  testing::ScratchDir dir;
  std::string broken = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
  broken += std::string(600, '\x01');
  const ReadResult r = read_doc(dir.write("broken.doc", broken), {});
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(r.error.starts_with("antiword: ")) << r.error;
  EXPECT_TRUE(contains(r.error, "; catdoc: ")) << r.error;
}

TEST(ReadDoc, AnRtfFileNamedDocIsReadAsRtf) {
  testing::ScratchDir dir;
  const ReadResult r =
      read_doc(dir.write("x.doc", R"({\rtf1\ansi \pard Ngh\u7883? quy\u7871?t\par})"), {});
  ASSERT_TRUE(r.doc) << r.error;
  EXPECT_EQ(r.doc->text, "Nghị quyết");
  EXPECT_EQ(r.doc->format, "rtf");
  ASSERT_FALSE(r.doc->warnings.empty());
  EXPECT_TRUE(contains(r.doc->warnings[0], "RTF"));
}

TEST(ReadDoc, AMissingFile) {
  testing::ScratchDir dir;
  const ReadResult r = read_doc(dir.str("nope.doc"), {});
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(contains(r.error, "cannot open")) << r.error;
}

// Fake converters, in place of the real ones, for what the real ones do not do on demand.
class FakeConverter : public ::testing::Test {
 protected:
  // `body` becomes the fake antiword; there is no catdoc.
  ReadResult read_with(const std::string& body, const ReadLimits& limits = {}) {
    testing::write_script(bin_, "antiword", body);
    testing::ScopedPath path(bin_.str());
    return read_doc(fixture("pages.doc"), limits);
  }
  testing::ScratchDir bin_;
};

TEST_F(FakeConverter, AHangIsStoppedAtTheTimeLimit) {
  ReadLimits limits;
  limits.time_limit = 300ms;
  const auto start = Clock::now();
  const ReadResult r = read_with("/bin/sleep 30", limits);
  EXPECT_LT(std::chrono::duration<double>(Clock::now() - start).count(), 3.0);
  EXPECT_FALSE(r.doc);
  EXPECT_EQ(r.error, "antiword: took longer than the time limit (0.3 s) and was stopped");
}

TEST_F(FakeConverter, AFloodIsCutAtTheTextLimit) {
  ReadLimits limits;
  limits.max_text_bytes = 100000;
  const ReadResult r = read_with("exec /usr/bin/yes 'Dòng văn bản'", limits);
  ASSERT_TRUE(r.doc) << r.error;
  EXPECT_LE(r.doc->text.size(), 100000u);
  EXPECT_GT(r.doc->text.size(), 99000u);
  EXPECT_TRUE(r.doc->text.ends_with("\nDòng văn bản"));
  ASSERT_EQ(r.doc->warnings.size(), 1u);
  EXPECT_TRUE(contains(r.doc->warnings[0], "antiword's output were read (the text limit)"));
}

TEST_F(FakeConverter, ACrashNamesTheSignalAndStderr) {
  const ReadResult r = read_with("echo 'Segmentation fault ahead' >&2; kill -SEGV $$");
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(r.error.starts_with("antiword: crashed (signal 11): Segmentation fault ahead"))
      << r.error;
  EXPECT_TRUE(contains(r.error, "catdoc: catdoc is not installed")) << r.error;
}

TEST_F(FakeConverter, AFailureGivesTheFirstLineOfStderr) {
  const ReadResult r =
      read_with("printf '\\nEncrypted files are not supported\\nmore\\n' >&2; exit 1");
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(r.error.starts_with("antiword: Encrypted files are not supported (exit code 1)"))
      << r.error;
}

TEST_F(FakeConverter, OutputThatIsNotUtf8IsRepaired) {
  const ReadResult r = read_with("printf 'caf\\351 ok\\n\\n\\nend\\n'");
  ASSERT_TRUE(r.doc) << r.error;
  EXPECT_EQ(r.doc->text, "caf\xEF\xBF\xBD ok\n\nend");
  ASSERT_EQ(r.doc->warnings.size(), 1u);
  EXPECT_TRUE(contains(r.doc->warnings[0], "1 bytes of antiword's output were not UTF-8"));
}

TEST_F(FakeConverter, TheFileIsPassedAsOneArgumentAfterTheOptions) {
  const ReadResult r = read_with("for a in \"$@\"; do echo \"[$a]\"; done");
  ASSERT_TRUE(r.doc) << r.error;
  EXPECT_EQ(r.doc->text, "[-m]\n[UTF-8.txt]\n[-w]\n[0]\n[" + fixture("pages.doc") + "]");
}

// Lines with text, each with its whitespace runs as one space: what survives any converter.
std::vector<std::string> text_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::string line;
  for (size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : '\n';
    if (c == '\n' || c == '\f') {
      if (!line.empty() && line.back() == ' ') line.pop_back();
      if (!line.empty()) lines.push_back(line);
      line.clear();
    } else if (c == ' ' || c == '\t') {
      if (!line.empty() && line.back() != ' ') line.push_back(' ');
    } else {
      line.push_back(c);
    }
  }
  return lines;
}

// The seeds as LibreOffice saved them (tests/fixtures/formats/make-seed-fixtures.sh): the text
// read from each .doc is the seed's, line for line.
TEST(ReadDoc, SeedFixturesReadAsTheSeeds) {
  const std::filesystem::path root = VANKHO_SOURCE_DIR;
  size_t read = 0;
  std::error_code ec;
  for (const auto& entry :
       std::filesystem::directory_iterator(root / "tests/fixtures/formats", ec)) {
    if (entry.path().extension() != ".doc") continue;
    const ReadResult r = read_doc(entry.path().string(), {});
    ASSERT_TRUE(r.doc) << entry.path() << ": " << r.error;
    EXPECT_EQ(r.doc->converter, "antiword");
    EXPECT_TRUE(text::valid_utf8(r.doc->text)) << entry.path();
    std::ifstream seed(root / "seeds" / (entry.path().stem().string() + ".txt"), std::ios::binary);
    ASSERT_TRUE(seed) << "no seed for " << entry.path();
    const std::string expected{std::istreambuf_iterator<char>(seed), {}};
    EXPECT_EQ(text_lines(r.doc->text), text_lines(expected)) << entry.path();
    ++read;
  }
  EXPECT_EQ(read, 5u) << "the five seed .doc fixtures are committed in tests/fixtures/formats";
}

}  // namespace
}  // namespace vankho::formats
