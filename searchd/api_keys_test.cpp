#include "api_keys.h"

#include <gtest/gtest.h>

#include "temp_dir.h"

namespace vankho::searchd {
namespace {

std::string hex(const Sha256& h) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (const unsigned char c : h) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

std::optional<KeyTable> parse(const std::string& text, std::string& error) {
  return KeyTable::parse(text, "keys.txt", error);
}

TEST(ApiKeys, Sha256IsWhatSha256sumPrints) {
  // printf %s abc | sha256sum
  EXPECT_EQ(hex(sha256("abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(ApiKeys, FindsEachKeyByItsHashWithItsNameAndLevel) {
  std::string error;
  const auto table = parse("# the archive's keys\n\n" + hex(sha256("key-of-lan")) + " lan mat\n" +
                               hex(sha256("key-of-minh")) + "\tminh  Tối mật  \r\n" + "  " +
                               hex(sha256("key-of-an")) + " an cong-khai",
                           error);
  ASSERT_TRUE(table) << error;
  EXPECT_EQ(table->size(), 3u);
  const ApiKey* lan = table->find("key-of-lan");
  ASSERT_NE(lan, nullptr);
  EXPECT_EQ(lan->name, "lan");
  EXPECT_EQ(lan->level, extract::AccessLevel::kMat);
  const ApiKey* minh = table->find("key-of-minh");
  ASSERT_NE(minh, nullptr);
  EXPECT_EQ(minh->level, extract::AccessLevel::kToiMat);
  EXPECT_EQ(table->find("key-of-an")->level, extract::AccessLevel::kCongKhai);
  EXPECT_EQ(table->find("key-of-lan "), nullptr);
  EXPECT_EQ(table->find(""), nullptr);
  EXPECT_EQ(table->find(hex(sha256("key-of-lan"))), nullptr);  // the hash is not the key
}

TEST(ApiKeys, ErrorsNameTheFileAndLineAndNeverEchoTheFirstField) {
  std::string error;
  EXPECT_FALSE(parse("# c\nsecret-key-pasted-here lan mat\n", error));
  EXPECT_EQ(error.rfind("keys.txt:2: expected the SHA-256 of the key as 64 hex digits", 0), 0u)
      << error;
  EXPECT_EQ(error.find("secret-key-pasted-here"), std::string::npos) << error;

  EXPECT_FALSE(parse(hex(sha256("k")) + " lan\n", error));
  EXPECT_EQ(error, "keys.txt:1: expected `SHA256-HEX NAME LEVEL`, got 2 fields");
  EXPECT_FALSE(parse(hex(sha256("k")) + " lan secret\n", error));
  EXPECT_EQ(error.rfind("keys.txt:1: LEVEL: expected one of cong-khai", 0), 0u) << error;
  EXPECT_FALSE(
      parse(hex(sha256("k")) + " lan mat\n\n" + hex(sha256("k")) + " minh noi-bo\n", error));
  EXPECT_EQ(error, "keys.txt:3: the same key as line 1");
  EXPECT_FALSE(parse(hex(sha256("")) + " nobody mat\n", error));
  EXPECT_EQ(error, "keys.txt:1: this is the SHA-256 of an empty key");
  EXPECT_FALSE(parse(hex(sha256("k")) + " l\x01n mat\n", error));
  EXPECT_EQ(error.rfind("keys.txt:1: NAME:", 0), 0u) << error;
}

TEST(ApiKeys, LoadReadsAFileAndSaysWhenItCannot) {
  testing::TempDir dir;
  dir.write("keys", hex(sha256("abc")) + " lan noi-bo\n");
  std::string error;
  const auto table = KeyTable::load(dir.str("keys"), error);
  ASSERT_TRUE(table) << error;
  EXPECT_NE(table->find("abc"), nullptr);
  EXPECT_FALSE(KeyTable::load(dir.str("missing"), error));
  EXPECT_EQ(error, dir.str("missing") + ": cannot read the file");
}

}  // namespace
}  // namespace vankho::searchd
