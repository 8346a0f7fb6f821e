#include "export_csv.h"

#include <gtest/gtest.h>

namespace vankho::searchd {
namespace {

TEST(ExportCsv, FieldsAreQuotedOnlyWhereRfc4180NeedsIt) {
  EXPECT_EQ(csv_field("Nghị quyết"), "Nghị quyết");
  EXPECT_EQ(csv_field("a, b"), "\"a, b\"");
  EXPECT_EQ(csv_field("say \"x\""), "\"say \"\"x\"\"\"");
  EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv_field(""), "");
}

TEST(ExportCsv, AFieldASpreadsheetWouldRunAsAFormulaIsPrefixed) {
  EXPECT_EQ(csv_field("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(csv_field("+1"), "'+1");
  EXPECT_EQ(csv_field("-a"), "'-a");
  EXPECT_EQ(csv_field("@SUM"), "'@SUM");
  EXPECT_EQ(csv_field("13-NQ/TW"), "13-NQ/TW");  // only the first character counts
}

TEST(ExportCsv, ARowHoldsTheDocumentsFieldsAndItsLink) {
  query::Hit hit;
  hit.id = "2022/nq 13.txt";
  hit.number = "13-NQ/TW";
  hit.type_label = "Nghị quyết";
  hit.title = "Về phương hướng phát triển, bảo đảm quốc phòng";
  hit.issuer = "Bộ Chính trị";
  hit.date = "2022-04-02";
  hit.period = {{"2022-01-01", "2030-12-31"}};
  hit.themes = {{"kinh-te", "Kinh tế"}, {"quoc-phong-an-ninh", "Quốc phòng, an ninh"}};
  CsvOptions options;
  options.page_url = "https://tim.example/";
  EXPECT_EQ(csv_row(hit, options),
            "13-NQ/TW,Nghị quyết,\"Về phương hướng phát triển, bảo đảm quốc phòng\",Bộ Chính trị,02/04/2022,"
            "01/01/2022 – 31/12/2030,\"Kinh tế; Quốc phòng, an ninh\",https://tim.example/?doc=2022%2Fnq%2013.txt\r\n");
  EXPECT_TRUE(csv_header(options).starts_with("Số hiệu,Loại,"));
  options.excel = true;
  EXPECT_EQ(csv_header(options).substr(0, 3), "\xEF\xBB\xBF");  // Excel then reads UTF-8
}

}  // namespace
}  // namespace vankho::searchd
