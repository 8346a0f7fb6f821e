// read_odt on fixtures built here: reading order, spaces, lists, tables, notes, page-break
// styles (soft page breaks ignored), text boxes, tracked changes, meta, legacy fonts, bad input.
#include <gtest/gtest.h>

#include "office_reader.h"
#include "office_test_util.h"

namespace vankho::formats {
namespace {

using office::testing::Entries;
using office::testing::ScratchDir;

const char* const kNamespaces =
    " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
    " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
    " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
    " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
    " xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\""
    " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""
    " xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\""
    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
    " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" office:version=\"1.3\"";

std::string content_xml(const std::string& body, const std::string& automatic_styles = "") {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content") +
         kNamespaces +
         ">\n<office:font-face-decls><style:font-face style:name=\"VnTime1\" "
         "svg:font-family=\"&apos;.VnTime&apos;\"/></office:font-face-decls>\n"
         "<office:automatic-styles>" +
         automatic_styles +
         "</office:automatic-styles>\n"
         "<office:body>\n<office:text>\n" +
         body +
         "\n</office:text>\n</office:body>\n"
         "</office:document-content>";
}

const char* const kStyles =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-styles"
    " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
    " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
    " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""
    " xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\">"
    "<office:font-face-decls><style:font-face style:name=\"Liberation Serif\" svg:font-family="
    "\"&apos;Liberation Serif&apos;\"/><style:font-face style:name=\"VnTime\" svg:font-family="
    "\".VnTime\"/></office:font-face-decls><office:styles><style:default-style "
    "style:family=\"paragraph\"><style:text-properties style:font-name=\"Liberation Serif\"/>"
    "</style:default-style><style:style style:name=\"Standard\" style:family=\"paragraph\"/>"
    "<style:style style:name=\"Chuong\" style:family=\"paragraph\" style:parent-style-name="
    "\"Standard\"><style:paragraph-properties fo:break-before=\"page\"/></style:style>"
    "<style:style style:name=\"VnBody\" style:family=\"paragraph\" style:parent-style-name="
    "\"Standard\"><style:text-properties style:font-name=\"VnTime\"/></style:style>"
    "</office:styles></office:document-styles>";

const char* const kMeta =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-meta"
    " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
    " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\""
    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" office:version=\"1.3\"><office:meta>"
    "<meta:initial-creator>Văn phòng Tỉnh ủy</meta:initial-creator><dc:creator>Người sửa"
    "</dc:creator><meta:creation-date>2022-04-02T10:00:00</meta:creation-date><dc:date>"
    "2022-04-03T08:30:00</dc:date><dc:title>Nghị quyết 13</dc:title></office:meta>"
    "</office:document-meta>";

const char* const kAutomaticStyles =
    "<style:style style:name=\"P1\" style:family=\"paragraph\" style:parent-style-name="
    "\"Standard\"><style:paragraph-properties fo:break-before=\"page\"/></style:style>"
    "<style:style style:name=\"P2\" style:family=\"paragraph\" style:parent-style-name="
    "\"Chuong\"><style:text-properties fo:font-weight=\"bold\"/></style:style>"
    "<style:style style:name=\"T1\" style:family=\"text\"><style:text-properties "
    "style:font-name=\"VnTime1\"/></style:style>"
    "<style:style style:name=\"T2\" style:family=\"text\"><style:text-properties "
    "fo:font-weight=\"bold\"/></style:style>";

const char* const kBody =
    "<text:tracked-changes><text:changed-region text:id=\"ct1\"><text:deletion>"
    "<office:change-info><dc:creator>A</dc:creator></office:change-info><text:p>đã xóa</text:p>"
    "</text:deletion></text:changed-region></text:tracked-changes>\n"
    "<text:sequence-decls><text:sequence-decl text:display-outline-level=\"0\" text:name="
    "\"Table\"/></text:sequence-decls>\n"
    "<text:h text:style-name=\"Heading_20_1\" text:outline-level=\"1\">NGHỊ QUYẾT</text:h>\n"
    "<text:p text:style-name=\"Standard\">Về   công tác<text:s text:c=\"2\"/>cán bộ<text:note "
    "text:id=\"ftn1\" text:note-class=\"footnote\"><text:note-citation>1</text:note-citation>"
    "<text:note-body><text:p>Chú thích một</text:p></text:note-body></text:note> năm 2022"
    "</text:p>\n"
    "<text:list text:style-name=\"L1\">\n  <text:list-item><text:p>Mục một</text:p>"
    "</text:list-item>\n  <text:list-item><text:p>Mục hai</text:p></text:list-item>\n"
    "</text:list>\n"
    "<table:table table:name=\"Bảng1\"><table:table-column table:number-columns-repeated=\"2\"/>"
    "\n<table:table-header-rows><table:table-row><table:table-cell office:value-type=\"string\">"
    "<text:p>Số</text:p></table:table-cell><table:table-cell><text:p>Nội dung</text:p>"
    "</table:table-cell></table:table-row></table:table-header-rows>\n<table:table-row>"
    "<table:table-cell><text:p>1</text:p></table:table-cell><table:table-cell><text:p>Tổng kết"
    "</text:p><text:p>năm</text:p></table:table-cell><table:covered-table-cell/></table:table-row>"
    "</table:table>\n"
    "<text:p>Trước<text:soft-page-break/> vẫn trang này</text:p>\n"
    "<text:p>A<text:tab/>B<text:line-break/>C <text:span text:style-name=\"T2\">in đậm</text:span>"
    "<office:annotation><dc:creator>X</dc:creator><text:p>Bình luận</text:p></office:annotation>"
    "</text:p>\n"
    "<text:p>Neo<draw:frame draw:name=\"Khung1\" text:anchor-type=\"as-char\"><svg:desc>mô tả"
    "</svg:desc><draw:text-box><text:p>Hộp chữ</text:p></draw:text-box></draw:frame> tiếp"
    "</text:p>\n"
    "<text:p text:style-name=\"P1\">Trang hai</text:p>\n"
    "<text:p>Có<text:change text:change-id=\"ct1\"/> sửa</text:p>\n"
    "<text:p text:style-name=\"P2\">Chương II</text:p>";

Entries odt_entries(const std::string& content, const std::string& manifest_extra = "") {
  return {{"mimetype", "application/vnd.oasis.opendocument.text"},
          {"content.xml", content},
          {"styles.xml", kStyles},
          {"meta.xml", kMeta},
          {"META-INF/manifest.xml",
           "<?xml version=\"1.0\"?><manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:"
           "opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\"><manifest:file-entry "
           "manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument."
           "text\"/><manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type="
           "\"text/xml\">" +
               manifest_extra + "</manifest:file-entry></manifest:manifest>"}};
}

ReadResult read(const ScratchDir& dir, const Entries& entries,
                std::optional<Encoding> forced = {}) {
  office::testing::write_zip(dir.str("t.odt"), entries);
  return read_odt(dir.str("t.odt"), ReadLimits{}, forced);
}

TEST(OdtReaderTest, ReadsTheBodyInReadingOrderThenTheNotes) {
  ScratchDir dir;
  const ReadResult r = read(dir, odt_entries(content_xml(kBody, kAutomaticStyles)));
  ASSERT_TRUE(r.doc) << r.error;
  EXPECT_EQ(r.doc->text,
            "NGHỊ QUYẾT\n"
            "Về công tác  cán bộ năm 2022\n"
            "- Mục một\n"
            "- Mục hai\n"
            "Số | Nội dung\n"
            "1 | Tổng kết năm\n"
            "Trước vẫn trang này\n"
            "A\tB\nC in đậm\n"
            "Neo tiếp\n"
            "Hộp chữ\f"
            "Trang hai\n"
            "Có sửa\f"
            "Chương II\n"
            "Chú thích một\n");
  EXPECT_EQ(r.doc->format, "odt");
  EXPECT_EQ(r.doc->converter, "libzip+pugixml");
  EXPECT_TRUE(r.doc->warnings.empty());
  EXPECT_TRUE(r.doc->conversions.empty());
  EXPECT_EQ(r.doc->properties.title, "Nghị quyết 13");
  EXPECT_EQ(r.doc->properties.creator, "Văn phòng Tỉnh ủy");
  EXPECT_EQ(r.doc->properties.created, "2022-04-02T10:00:00");
  EXPECT_EQ(r.doc->properties.modified, "2022-04-03T08:30:00");
}

TEST(OdtReaderTest, RepairsLegacyFontSpansAndStyles) {
  ScratchDir dir;
  const std::string body =
      "<text:p>Đầu <text:span text:style-name=\"T1\">NghÞ </text:span><text:span "
      "text:style-name=\"T1\">quyÕt</text:span></text:p>"
      "<text:p text:style-name=\"VnBody\">®¶ng ñy</text:p>";
  const ReadResult r = read(dir, odt_entries(content_xml(body, kAutomaticStyles)));
  ASSERT_TRUE(r.doc) << r.error;
  EXPECT_EQ(r.doc->text, "Đầu Nghị quyết\nđảng ủy\n");
  EXPECT_EQ(r.doc->conversions, std::vector<std::string>{"TCVN3: 2 runs"});
  const ReadResult kept =
      read(dir, odt_entries(content_xml(body, kAutomaticStyles)), Encoding::kUnicode);
  ASSERT_TRUE(kept.doc) << kept.error;
  EXPECT_EQ(kept.doc->text, "Đầu NghÞ quyÕt\n®¶ng ñy\n");
}

TEST(OdtReaderTest, RefusesWhatIsNotAReadableOdt) {
  ScratchDir dir;
  ReadResult r = read(dir, {{"mimetype", "application/vnd.oasis.opendocument.text"}});
  EXPECT_FALSE(r.doc);
  EXPECT_EQ(r.error, "missing content.xml (not an OpenDocument file?)");

  // ODF encryption: content.xml is ciphertext, the manifest says how it was encrypted.
  std::string cipher(4096, '\0');
  for (size_t i = 0; i < cipher.size(); ++i) cipher[i] = static_cast<char>((i * 7919) >> 3);
  r = read(dir, odt_entries(cipher,
                            "<manifest:encryption-data manifest:checksum-type=\"SHA1/1K\""
                            " manifest:checksum=\"x\"/>"));
  EXPECT_FALSE(r.doc);
  EXPECT_EQ(r.error, "encrypted or password-protected document");

  r = read(dir, odt_entries(std::string("<office:document-content") + kNamespaces +
                            "><office:body><office:spreadsheet/></office:body>"
                            "</office:document-content>"));
  EXPECT_FALSE(r.doc);
  EXPECT_NE(r.error.find("no office:text"), std::string::npos) << r.error;

  office::testing::write_bytes(dir.str("x.odt"), "PK\x03\x04 not really");
  r = read_odt(dir.str("x.odt"), ReadLimits{});
  EXPECT_FALSE(r.doc);
  EXPECT_EQ(r.error.rfind("corrupt zip: ", 0), 0u) << r.error;
}

}  // namespace
}  // namespace vankho::formats
