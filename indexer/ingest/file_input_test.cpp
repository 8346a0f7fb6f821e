#include "file_input.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace vankho::ingest {
namespace {

using testing::TempDir;

TEST(BinaryReason, GoldenTable) {
  struct Case {
    std::string head;
    bool binary;
  };
  const Case cases[] = {
      {"Nghị quyết\r\n\tsố 13\f", false},
      {"", false},
      {std::string("ab\0cd", 5), true},
      {"\xFF\xFEN\0g", true},
      {std::string(100, '\x01') + std::string(100, 'a'), true},
      {std::string(3, '\x1B') + std::string(1000, 'a'), false},  // a few escapes are still text
      {std::string(9000, 'a') + std::string(1, '\0'), false},    // only the first 8 KB count
  };
  for (const Case& c : cases) EXPECT_EQ(!binary_reason(c.head).empty(), c.binary) << c.head.size();
  EXPECT_EQ(binary_reason(std::string("\0", 1)), "binary file (NUL bytes in the first 8 KB)");
}

TEST(DescribeSize, Units) {
  EXPECT_EQ(describe_size(12), "12 bytes");
  EXPECT_EQ(describe_size(2048), "2.0 KiB (2048 bytes)");
  EXPECT_EQ(describe_size(64ull << 20), "64.0 MiB (67108864 bytes)");
  EXPECT_EQ(too_large_reason("file", 2048, 1024, "--max-file-size"),
            "file is 2.0 KiB (2048 bytes), over the limit of 1.0 KiB (1024 bytes); raise it with "
            "--max-file-size");
}

TEST(ReadFileBytes, ReadsRefusesAndExplains) {
  TempDir dir;
  const std::string file = dir.write("a.txt", "xin chào");
  EXPECT_EQ(read_file_bytes(file, 100).bytes, "xin chào");
  const FileBytes big = read_file_bytes(file, 4);
  EXPECT_TRUE(big.bytes.empty());
  EXPECT_NE(big.error.find("over the limit"), std::string::npos);
  EXPECT_EQ(read_file_bytes(dir.str() + "/none.txt", 100).error,
            "cannot read: No such file or directory");
  EXPECT_EQ(read_file_bytes(dir.str(), 100).error, "cannot read: Is a directory");
}

}  // namespace
}  // namespace vankho::ingest
