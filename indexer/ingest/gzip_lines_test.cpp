#include "gzip_lines.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include "test_support.h"

namespace vankho::ingest {
namespace {

using testing::TempDir;

constexpr LineLimits kLoose{1u << 20, 1ull << 30};

std::string write_gz(const TempDir& dir, const std::string& name, const std::string& content) {
  const std::string path = (dir.path() / name).string();
  gzFile f = gzopen(path.c_str(), "wb");
  EXPECT_NE(f, nullptr);
  EXPECT_EQ(gzwrite(f, content.data(), static_cast<unsigned>(content.size())),
            static_cast<int>(content.size()));
  gzclose(f);
  return path;
}

std::vector<std::string> all_lines(LineReader& r) {
  std::vector<std::string> out;
  Line line;
  while (r.next(line)) {
    EXPECT_EQ(line.number, out.size() + 1);
    out.push_back(line.too_long ? "<too long " + std::to_string(line.length) + ">"
                                : std::string(line.text));
  }
  return out;
}

TEST(LineReader, PlainAndGzipGiveTheSameLines) {
  TempDir dir;
  const std::string content = "một\r\nhai\n\nbốn không có xuống dòng";
  const std::vector<std::string> expected = {"một", "hai", "", "bốn không có xuống dòng"};
  LineReader plain(dir.write("a.jsonl", content), kLoose);
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(all_lines(plain), expected);
  EXPECT_EQ(plain.error(), "");
  LineReader gz(write_gz(dir, "a.jsonl.gz", content), kLoose);
  ASSERT_TRUE(gz.ok());
  EXPECT_EQ(gz.head(), content);
  EXPECT_EQ(all_lines(gz), expected);
  EXPECT_EQ(gz.error(), "");
  EXPECT_EQ(gz.decompressed_bytes(), content.size());
}

TEST(LineReader, LinesAcrossChunksAndOverLongLines) {
  TempDir dir;
  const std::string big(3u << 20, 'x');  // spans several 1 MiB chunks
  const std::string content = "a\n" + big + "\nb\n" + std::string(100, 'y') + "\nc";
  LineReader r(write_gz(dir, "b.gz", content), kLoose);
  const std::vector<std::string> lines = all_lines(r);
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[1], "<too long " + std::to_string(big.size()) + ">");
  EXPECT_EQ(lines[2], "b");
  EXPECT_EQ(lines[3], std::string(100, 'y'));
  LineReader wide(write_gz(dir, "c.gz", content), {8u << 20, 1ull << 30});
  const std::vector<std::string> whole = all_lines(wide);
  ASSERT_EQ(whole.size(), 5u);
  EXPECT_EQ(whole[1], big);
}

TEST(LineReader, TotalLimitStopsReading) {
  TempDir dir;
  std::string content;
  for (int i = 0; i < 400000; ++i) content += "{\"id\": " + std::to_string(i) + "}\n";
  LineReader r(write_gz(dir, "bomb.jsonl.gz", content), {1u << 20, 1u << 20});
  const std::vector<std::string> lines = all_lines(r);
  EXPECT_LT(lines.size(), 400000u);
  EXPECT_NE(r.error().find("--max-export-size"), std::string::npos) << r.error();
}

TEST(LineReader, TruncatedAndCorruptGzipAreReported) {
  TempDir dir;
  std::string content;
  for (int i = 0; i < 20000; ++i) content += "dòng số " + std::to_string(i) + "\n";
  const std::string path = write_gz(dir, "t.gz", content);
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  LineReader truncated(dir.write("cut.gz", bytes.substr(0, bytes.size() / 2)), kLoose);
  ASSERT_TRUE(truncated.ok());
  EXPECT_GT(all_lines(truncated).size(), 0u);
  EXPECT_NE(truncated.error().find("truncated"), std::string::npos) << truncated.error();

  std::string corrupt = bytes;
  for (size_t i = corrupt.size() / 3; i < corrupt.size() / 3 + 64; ++i) corrupt[i] ^= 0x5A;
  LineReader bad(dir.write("bad.gz", corrupt), kLoose);
  (void)all_lines(bad);
  EXPECT_NE(bad.error(), "");
}

TEST(LineReader, MissingFile) {
  TempDir dir;
  LineReader r((dir.path() / "none.jsonl").string(), kLoose);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.error(), "cannot read: No such file or directory");
  Line line;
  EXPECT_FALSE(r.next(line));
}

}  // namespace
}  // namespace vankho::ingest
