// The zip layer: entries read under the zip-bomb caps, lying sizes, corrupt and non-zip files.
#include "zip_archive.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstring>

#include "allocation_probe.h"
#include "office_test_util.h"

namespace vankho::formats::office {
namespace {

using testing::Entries;
using testing::ScratchDir;

constexpr uint64_t kMiB = 1u << 20;

std::unique_ptr<ZipArchive> open_ok(const std::string& path, const ReadLimits& limits = {}) {
  std::string error;
  auto zip = ZipArchive::open(path, limits, error);
  EXPECT_TRUE(zip) << error;
  return zip;
}

std::string open_error(const std::string& path) {
  std::string error;
  auto zip = ZipArchive::open(path, ReadLimits{}, error);
  EXPECT_FALSE(zip);
  return error;
}

void put_le32(std::string& bytes, size_t at, uint32_t value) {
  for (int i = 0; i < 4; ++i) bytes[at + i] = static_cast<char>((value >> (8 * i)) & 0xFF);
}

// Text that deflate cannot shrink much (so a flipped byte lands in real compressed data).
std::string noisy_text(size_t size) {
  std::string s(size, ' ');
  uint32_t x = 12345;
  for (char& c : s) {
    x = x * 1103515245u + 12345u;
    c = static_cast<char>('a' + (x >> 16) % 26);
  }
  return s;
}

TEST(ZipArchiveTest, ReadsNamedEntriesAndCountsInflatedBytes) {
  ScratchDir dir;
  testing::write_zip(dir.str("a.zip"), {{"a.txt", "alpha"}, {"dir/b.xml", "<b/>"}});
  auto zip = open_ok(dir.str("a.zip"));
  ASSERT_TRUE(zip);
  EXPECT_TRUE(zip->contains("dir/b.xml"));
  EXPECT_FALSE(zip->contains("c.txt"));
  Entry a = zip->read("a.txt");
  EXPECT_EQ(a.status, EntryStatus::kOk);
  EXPECT_EQ(a.data, "alpha");
  EXPECT_EQ(zip->read("dir/b.xml").data, "<b/>");
  EXPECT_EQ(zip->inflated_bytes(), 9u);
  const Entry missing = zip->read("c.txt");
  EXPECT_EQ(missing.status, EntryStatus::kMissing);
  EXPECT_NE(missing.error.find("c.txt"), std::string::npos);
}

TEST(ZipArchiveTest, TellsNonZipTruncatedAndOleFilesApart) {
  ScratchDir dir;
  testing::write_bytes(dir.str("plain.docx"), "Nghị quyết, just text");
  EXPECT_NE(open_error(dir.str("plain.docx")).find("not a zip"), std::string::npos);
  testing::write_bytes(dir.str("empty.docx"), "");
  EXPECT_FALSE(open_error(dir.str("empty.docx")).empty());
  EXPECT_NE(open_error(dir.str("absent.docx")).find("cannot open"), std::string::npos);

  testing::write_zip(dir.str("whole.zip"), {{"word/document.xml", noisy_text(50000)}});
  const std::string whole = testing::read_bytes(dir.str("whole.zip"));
  testing::write_bytes(dir.str("cut.docx"), whole.substr(0, whole.size() / 2));
  EXPECT_EQ(open_error(dir.str("cut.docx")).rfind("corrupt zip: ", 0), 0u);

  std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  ole.resize(4096, '\0');
  std::string encrypted = ole;
  for (char c : std::string("EncryptedPackage")) encrypted += {c, '\0'};
  testing::write_bytes(dir.str("locked.docx"), encrypted);
  EXPECT_EQ(open_error(dir.str("locked.docx")), "encrypted or password-protected document");
  testing::write_bytes(dir.str("old.docx"), ole);
  EXPECT_NE(open_error(dir.str("old.docx")).find("OLE compound file"), std::string::npos);
}

TEST(ZipArchiveTest, RefusesAZipBombByItsDeclaredSizeWithoutBufferingIt) {
  ScratchDir dir;
  testing::write_zip(dir.str("bomb.docx"), {{"word/document.xml", std::string(4 * kMiB, '\0')}});
  ReadLimits limits;
  limits.max_entry_bytes = kMiB;
  auto zip = open_ok(dir.str("bomb.docx"), limits);
  ASSERT_TRUE(zip);
  const auto start = std::chrono::steady_clock::now();
  Entry entry;
  size_t largest = 0;
  {
    testing::AllocationProbe probe;
    entry = zip->read("word/document.xml");
    largest = probe.largest();
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(200));
  EXPECT_EQ(entry.status, EntryStatus::kTooLarge);
  EXPECT_NE(entry.error.find("zip bomb"), std::string::npos) << entry.error;
  EXPECT_LT(largest, 64u << 10);
  EXPECT_EQ(zip->inflated_bytes(), 0u);
}

TEST(ZipArchiveTest, CountsAllEntriesAgainstTheFileBudget) {
  ScratchDir dir;
  const std::string part(600 << 10, 'x');
  testing::write_zip(dir.str("two.docx"), {{"a.xml", part}, {"b.xml", part}});
  ReadLimits limits;
  limits.max_entry_bytes = kMiB;
  limits.max_inflated_bytes = kMiB;
  auto zip = open_ok(dir.str("two.docx"), limits);
  ASSERT_TRUE(zip);
  EXPECT_EQ(zip->read("a.xml").status, EntryStatus::kOk);
  const Entry second = zip->read("b.xml");
  EXPECT_EQ(second.status, EntryStatus::kTooLarge);
  EXPECT_NE(second.error.find("inflated bytes"), std::string::npos) << second.error;
}

TEST(ZipArchiveTest, StopsAtTheDeclaredSizeWhenTheHeadersLie) {
  ScratchDir dir;
  testing::write_zip(dir.str("liar.docx"), {{"word/document.xml", std::string(4 * kMiB, 'a')}});
  std::string bytes = testing::read_bytes(dir.str("liar.docx"));
  // Claim 100 bytes in both the local header and the central directory (consistent, so the
  // archive opens even with ZIP_CHECKCONS).
  const size_t local = bytes.find("PK\x03\x04");
  const size_t central = bytes.find("PK\x01\x02");
  ASSERT_NE(local, std::string::npos);
  ASSERT_NE(central, std::string::npos);
  put_le32(bytes, local + 22, 100);
  put_le32(bytes, central + 24, 100);
  testing::write_bytes(dir.str("liar.docx"), bytes);

  auto zip = open_ok(dir.str("liar.docx"));
  ASSERT_TRUE(zip);
  Entry entry;
  size_t largest = 0;
  {
    testing::AllocationProbe probe;
    entry = zip->read("word/document.xml");
    largest = probe.largest();
  }
  EXPECT_EQ(entry.status, EntryStatus::kCorrupt);
  EXPECT_EQ(entry.error.rfind("corrupt zip: word/document.xml: ", 0), 0u) << entry.error;
  EXPECT_TRUE(entry.data.empty());
  EXPECT_LT(largest, 64u << 10);
  EXPECT_LE(zip->inflated_bytes(), 101u);
}

TEST(ZipArchiveTest, ReportsDamagedCompressedData) {
  ScratchDir dir;
  testing::write_zip(dir.str("bad.docx"), {{"word/document.xml", noisy_text(200000)}});
  std::string bytes = testing::read_bytes(dir.str("bad.docx"));
  const size_t local = bytes.find("PK\x03\x04");
  const auto le16 = [&](size_t at) {
    return static_cast<size_t>(static_cast<unsigned char>(bytes[at])) |
           static_cast<size_t>(static_cast<unsigned char>(bytes[at + 1])) << 8;
  };
  const size_t data = local + 30 + le16(local + 26) + le16(local + 28);
  for (size_t i = 0; i < 64; ++i)
    bytes[data + 1000 + i] = static_cast<char>(bytes[data + 1000 + i] ^ 0x5A);
  testing::write_bytes(dir.str("bad.docx"), bytes);
  auto zip = open_ok(dir.str("bad.docx"));
  ASSERT_TRUE(zip);
  const Entry entry = zip->read("word/document.xml");
  EXPECT_EQ(entry.status, EntryStatus::kCorrupt);
  EXPECT_EQ(entry.error.rfind("corrupt zip: ", 0), 0u) << entry.error;
}

TEST(ZipArchiveTest, RefusesEncryptedEntries) {
  ScratchDir dir;
  const std::string path = dir.str("aes.docx");
  const std::string xml = "<w:document/>";
  int error = 0;
  zip_t* writer = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  ASSERT_NE(writer, nullptr);
  zip_source_t* source = zip_source_buffer(writer, xml.data(), xml.size(), 0);
  const zip_int64_t index = zip_file_add(writer, "word/document.xml", source, 0);
  ASSERT_GE(index, 0);
  if (zip_file_set_encryption(writer, static_cast<zip_uint64_t>(index), ZIP_EM_AES_256, "pw") !=
      0) {
    zip_discard(writer);
    GTEST_SKIP() << "this libzip cannot write AES entries";
  }
  ASSERT_EQ(zip_close(writer), 0);
  auto zip = open_ok(path);
  ASSERT_TRUE(zip);
  const Entry entry = zip->read("word/document.xml");
  EXPECT_EQ(entry.status, EntryStatus::kEncrypted);
  EXPECT_EQ(entry.error.rfind("encrypted or password-protected document", 0), 0u) << entry.error;
}

}  // namespace
}  // namespace vankho::formats::office
