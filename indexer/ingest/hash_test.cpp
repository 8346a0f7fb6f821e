#include "hash.h"

#include <gtest/gtest.h>

#include "ingest.h"

namespace vankho::ingest {
namespace {

TEST(ContentHasher, LengthPrefixSeparatesPieces) {
  ContentHasher a, b;
  a.add("ab");
  a.add("c");
  b.add("a");
  b.add("bc");
  EXPECT_NE(a.value(), b.value());
}

// The hash is stored in indexes: these values (computed by an independent Python model of
// hash.cpp) must never change.
TEST(ContentHasher, GoldenValues) {
  EXPECT_EQ(ContentHasher().value(), 0xef46db3751d8e999ull);
  ContentHasher empty;
  empty.add("");
  EXPECT_EQ(empty.value(), 0xd177c6a3f06bc4b6ull);
  ContentHasher words;
  words.add("Nghị quyết");
  EXPECT_EQ(words.value(), 0xeaaa3b3b45ab1272ull);
  SourceDocument doc;
  doc.title = "Chương trình";
  doc.text = "Nội dung";
  doc.fields["number"] = "13";
  EXPECT_EQ(content_hash(doc), 0x2f029f15ececf40full);
}

TEST(ContentHash, CoversTitleTextAndFields) {
  SourceDocument doc;
  doc.id = "a";
  doc.title = "Chương trình";
  doc.text = "Nội dung";
  const uint64_t base = content_hash(doc);
  SourceDocument other = doc;
  other.id = "b";  // the id and source are not content
  other.source = "x/y.txt";
  EXPECT_EQ(content_hash(other), base);
  other.title = "Chương trinh";
  EXPECT_NE(content_hash(other), base);
  other = doc;
  other.text += " ";
  EXPECT_NE(content_hash(other), base);
  other = doc;
  other.fields["number"] = "13";
  EXPECT_NE(content_hash(other), base);
  other = doc;
  other.file.format = "pdf";
  const uint64_t pdf = content_hash(other);
  EXPECT_NE(pdf, base);
  other.page_starts = {0, 40};  // how a file was read: its pages, properties, OCR
  EXPECT_NE(content_hash(other), pdf);
  other.page_starts.clear();
  other.file.properties.title = "Tiêu đề";
  EXPECT_NE(content_hash(other), pdf);
  SourceDocument moved = doc;  // title/text boundary matters
  moved.title = "Chương trìnhNội";
  moved.text = " dung";
  EXPECT_NE(content_hash(moved), base);
}

}  // namespace
}  // namespace vankho::ingest
