// Damaged and hostile input never crashes a reader: flipped bytes in the package and in the XML,
// and nesting deep enough to overflow a naive recursive walk.
#include <gtest/gtest.h>

#include <cstdint>

#include "docx_test_fixture.h"
#include "office_reader.h"

namespace vankho::formats {
namespace {

using office::testing::DocxParts;
using office::testing::ScratchDir;

uint32_t next_random(uint32_t& state) {
  state = state * 1664525u + 1013904223u;
  return state >> 8;
}

DocxParts sample() {
  DocxParts parts;
  parts.document = office::testing::document_xml(
      office::testing::para("Nghị quyết về công tác cán bộ") + "<w:tbl><w:tr><w:tc>" +
      office::testing::para("Số") + "</w:tc><w:tc>" + office::testing::para("Nội dung") +
      "</w:tc></w:tr></w:tbl>" + office::testing::para("Trang", "<w:pageBreakBefore/>"));
  parts.styles = office::testing::styles_xml("", ".VnTime");
  parts.core = office::testing::core_xml("Tiêu đề", "Tác giả");
  return parts;
}

// Every result is either text (valid: no leading, trailing or doubled '\f') or an error.
void expect_sane(const ReadResult& r) {
  if (!r.doc) {
    EXPECT_FALSE(r.error.empty());
    return;
  }
  const std::string& t = r.doc->text;
  if (t.empty()) return;
  EXPECT_NE(t.front(), '\f');
  EXPECT_EQ(t.back(), '\n');
  EXPECT_EQ(t.find("\f\f"), std::string::npos);
  EXPECT_EQ(t.find("\f\n"), std::string::npos);
  EXPECT_EQ(t.find("\n\f"), std::string::npos);
}

TEST(OfficeRobustnessTest, SurvivesFlippedBytesInThePackage) {
  ScratchDir dir;
  office::testing::write_zip(dir.str("ok.docx"), office::testing::docx_entries(sample()));
  const std::string good = office::testing::read_bytes(dir.str("ok.docx"));
  uint32_t state = 7;
  for (int round = 0; round < 200; ++round) {
    std::string bad = good;
    for (int flips = 1 + next_random(state) % 8; flips > 0; --flips) {
      bad[next_random(state) % bad.size()] = static_cast<char>(next_random(state));
    }
    office::testing::write_bytes(dir.str("bad.docx"), bad);
    expect_sane(read_docx(dir.str("bad.docx"), ReadLimits{}));
    expect_sane(read_odt(dir.str("bad.docx"), ReadLimits{}));
  }
}

TEST(OfficeRobustnessTest, SurvivesFlippedBytesInTheXml) {
  ScratchDir dir;
  const DocxParts good = sample();
  uint32_t state = 11;
  for (int round = 0; round < 200; ++round) {
    DocxParts parts = good;
    for (int flips = 1 + next_random(state) % 6; flips > 0; --flips) {
      const char pool[] = "<>/=\"&;: \x01\x80\xC3\xFFwpt";
      parts.document[next_random(state) % parts.document.size()] =
          pool[next_random(state) % (sizeof pool - 1)];
    }
    office::testing::write_zip(dir.str("x.docx"), office::testing::docx_entries(parts));
    expect_sane(read_docx(dir.str("x.docx"), ReadLimits{}));
  }
}

TEST(OfficeRobustnessTest, StopsWalkingAtADepthLimitAndSaysSo) {
  ScratchDir dir;
  std::string open, close;
  for (int i = 0; i < 20000; ++i) {
    open += "<w:sdt><w:sdtContent>";
    close += "</w:sdtContent></w:sdt>";
  }
  DocxParts parts;
  parts.document = office::testing::document_xml(office::testing::para("Trên") + open +
                                                 office::testing::para("Sâu") + close +
                                                 office::testing::para("Dưới"));
  office::testing::write_zip(dir.str("deep.docx"), office::testing::docx_entries(parts));
  const ReadResult r = read_docx(dir.str("deep.docx"), ReadLimits{});
  ASSERT_TRUE(r.doc) << r.error;
  EXPECT_EQ(r.doc->text, "Trên\nDưới\n");
  ASSERT_EQ(r.doc->warnings.size(), 1u);
  EXPECT_NE(r.doc->warnings[0].find("nested deeper"), std::string::npos);
}

}  // namespace
}  // namespace vankho::formats
