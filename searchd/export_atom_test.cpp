#include "export_atom.h"

#include <gtest/gtest.h>

namespace vankho::searchd {
namespace {

TEST(ExportAtom, TextIsEscapedAndControlCharactersLeftOut) {
  EXPECT_EQ(xml_text("a < b & \"c\" > 'd'"), "a &lt; b &amp; &quot;c&quot; &gt; &apos;d&apos;");
  EXPECT_EQ(xml_text(std::string("x\x01y\tz\x1f", 6)), "xy\tz");
  EXPECT_EQ(xml_text("Nghị quyết"), "Nghị quyết");
}

TEST(ExportAtom, EachHitIsAnEntryLinkingToItsDocument) {
  query::Hit a;
  a.id = "2024/kh 5.txt";
  a.title = "Kế hoạch <thí điểm> & triển khai";
  a.type_label = "Kế hoạch";
  a.number = "5-KH/TU";
  a.issuer = "Tỉnh ủy";
  a.date = "2024-03-01";
  a.themes = {{"kinh-te", "Kinh tế"}};
  query::Hit b;
  b.id = "b.txt";
  b.type_label = "Công văn";
  b.date = "2019";  // a year only: no day to give
  AtomFeed feed{"Văn khố: kinh tế", "http://tim.example/api/search.atom?q=kinh%20te", "http://tim.example/",
                "http://tim.example/?q=kinh%20te"};
  const std::string xml = atom_feed(feed, {a, b});
  EXPECT_TRUE(xml.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
  EXPECT_NE(xml.find("<updated>2024-03-01T00:00:00Z</updated>\n  <author>"), std::string::npos) << xml;  // the newest
  EXPECT_NE(xml.find("<title>Kế hoạch &lt;thí điểm&gt; &amp; triển khai</title>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<id>http://tim.example/?doc=2024%2Fkh%205.txt</id>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<summary>Kế hoạch số 5-KH/TU của Tỉnh ủy, ngày 01/03/2024</summary>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<category term=\"kinh-te\" label=\"Kinh tế\"/>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<title>b.txt</title>"), std::string::npos) << xml;  // no title: its id
  EXPECT_NE(xml.find("<summary>Công văn, ngày 2019</summary>"), std::string::npos) << xml;
  EXPECT_LT(xml.find("2024%2Fkh"), xml.find("?doc=b.txt"));  // in the order given
  EXPECT_TRUE(xml.ends_with("</feed>\n"));
}

}  // namespace
}  // namespace vankho::searchd
