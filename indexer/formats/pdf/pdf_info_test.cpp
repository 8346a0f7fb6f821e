// PDF date strings to ISO dates.
#include "pdf_info.h"

#include <gtest/gtest.h>

namespace vankho::formats::pdf {
namespace {

TEST(PdfDate, ToIsoDateInTheWritersCalendar) {
  EXPECT_EQ(iso_date_of_pdf_date("D:20220402100000+07'00'"), "2022-04-02");
  EXPECT_EQ(iso_date_of_pdf_date("D:20201231230000Z"), "2020-12-31");  // no shift to UTC
  EXPECT_EQ(iso_date_of_pdf_date("D:2019"), "2019-01-01");
  EXPECT_EQ(iso_date_of_pdf_date("D:201905"), "2019-05-01");
  EXPECT_EQ(iso_date_of_pdf_date("20190517"), "2019-05-17");
  EXPECT_EQ(iso_date_of_pdf_date(""), "");
  EXPECT_EQ(iso_date_of_pdf_date("D:"), "");
  EXPECT_EQ(iso_date_of_pdf_date("hôm qua"), "");
  EXPECT_EQ(iso_date_of_pdf_date("D:20191301"), "");  // month 13
  EXPECT_EQ(iso_date_of_pdf_date("D:0000"), "");
}

}  // namespace
}  // namespace vankho::formats::pdf
