#include "format_sniff.h"

#include <gtest/gtest.h>

#include <string>

namespace vankho::ingest {
namespace {

TEST(FormatSniff, TheBytesDecideNotTheName) {
  EXPECT_EQ(sniff_format("a.pdf", "%PDF-1.7\n..."), FileFormat::kPdf);
  EXPECT_EQ(sniff_format("scan", "%PDF-1.4"), FileFormat::kPdf);  // no extension
  EXPECT_EQ(sniff_format("a.doc", "{\\rtf1\\ansi\\ansicpg1258"), FileFormat::kRtf);
  EXPECT_EQ(sniff_format("a.doc", "<!DOCTYPE html><html><body>Nghị quyết"), FileFormat::kHtml);
  EXPECT_EQ(sniff_format("a.doc", "\xEF\xBB\xBF  <HTML><body>"), FileFormat::kHtml);
  EXPECT_EQ(sniff_format("a.doc", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + "rest"), FileFormat::kDoc);
  EXPECT_EQ(sniff_format("a.pdf", "Nghị quyết số 13-NQ/TW, plain text after all"), FileFormat::kText);
  EXPECT_EQ(sniff_format("a.txt", std::string("\x89PNG\r\n\x1A\n", 8) + "IHDR"), FileFormat::kImage);
  EXPECT_EQ(sniff_format("x", "\xFF\xD8\xFF\xE0"), FileFormat::kImage);
  EXPECT_EQ(sniff_format("x.tif", std::string("II*\0", 4)), FileFormat::kImage);
  EXPECT_EQ(sniff_format("x", std::string("\x01\x02\x00\x00\x05", 5)), FileFormat::kUnknown);
}

TEST(FormatSniff, ZipsAndOleContainers) {
  const std::string zip = "PK\x03\x04";
  EXPECT_EQ(sniff_format("a", zip + "....mimetypeapplication/vnd.oasis.opendocument.textPK"), FileFormat::kOdt);
  EXPECT_EQ(sniff_format("a", zip + "....[Content_Types].xml...word/document.xml"), FileFormat::kDocx);
  EXPECT_EQ(sniff_format("a.docm", zip + "...."), FileFormat::kDocx);
  EXPECT_EQ(sniff_format("a.zip", zip + "....other.txt"), FileFormat::kUnknown);
  const std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  EXPECT_EQ(sniff_format("secret.docx", ole + "EncryptedPackage"), FileFormat::kDocx);  // its reader says why
}

TEST(FormatSniff, TextFormatsByName) {
  EXPECT_EQ(sniff_format("a.md", "# Tiêu đề"), FileFormat::kMarkdown);
  EXPECT_EQ(sniff_format("a.htm", "<p>x"), FileFormat::kHtml);
  EXPECT_EQ(sniff_format("a.jsonl", "{\"id\":1}"), FileFormat::kJsonl);
  EXPECT_EQ(sniff_format("a.jsonl.gz", "\x1F\x8B"), FileFormat::kJsonl);
  EXPECT_EQ(sniff_format("README", "Văn bản"), FileFormat::kText);
}

TEST(FormatSniff, CandidateNames) {
  for (const char* yes : {"a.txt", "b.PDF", "c.docx", "d.odt", "e.doc", "f.rtf", "g.jpg", "h.TIFF", "scan", "x.jsonl.gz"}) {
    EXPECT_TRUE(is_candidate_name(yes)) << yes;
  }
  for (const char* no : {"a.xls", "b.zip", "c.exe", "d.gz", "e.pptx"}) EXPECT_FALSE(is_candidate_name(no)) << no;
}

}  // namespace
}  // namespace vankho::ingest
