#include "facets.h"

#include <gtest/gtest.h>

namespace vankho::query {
namespace {

// The kSlotFacets value of a document of `type` issued in `year`.
std::string facet_value(const std::string& type, const std::string& year) {
  std::string v = type;
  for (const std::string& field : {year, std::string("Tỉnh ủy"), std::string(), std::string("kinh-te")}) {
    v += schema::kFacetSeparator;
    v += field;
  }
  return v;
}

size_t count_of(const FacetCounts& c, const std::string& facet, const std::string& value) {
  for (const auto& f : c.facets.at(facet)) {
    if (f.value == value) return f.count;
  }
  return 0;
}

TEST(FacetCount, CountsEveryMatchOfALargeSetAndNothingElse) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::Document bare;  // no facet value
  bare.add_term("nam");
  db.add_document(bare);
  for (int i = 0; i <= 6000; ++i) {  // many more matches than a sample would read
    Xapian::Document doc;
    doc.add_term(i % 3 == 0 ? "nam" : "bac");
    doc.add_value(schema::kSlotFacets, facet_value(i < 4500 ? "chi-thi" : "nghi-quyet", i % 2 ? "2021" : "2022"));
    db.add_document(doc);
  }
  db.delete_document(2);  // i = 0: document ids now run past the document count
  const std::vector<Xapian::Database> parts = {db};
  const FacetTable table(parts);
  const FacetCounts all = count_facets(parts, table, extract::ThemeTaxonomy::builtin(), Xapian::Query("nam"));
  EXPECT_EQ(all.matches, 2001u);
  EXPECT_EQ(count_of(all, "type", "chi-thi"), 1499u);
  EXPECT_EQ(count_of(all, "type", "nghi-quyet"), 501u);  // the last document counts too
  EXPECT_EQ(count_of(all, "year", "2022"), 1000u);        // even i among the multiples of 3
  EXPECT_EQ(count_of(all, "year", "2021"), 1000u);
  EXPECT_EQ(count_of(all, "theme", "kinh-te"), 2000u);
  EXPECT_EQ(count_of(all, "province", ""), 0u);  // an empty field is no value
  const FacetCounts none = count_facets(parts, table, extract::ThemeTaxonomy::builtin(), Xapian::Query("dong"));
  EXPECT_EQ(none.matches, 0u);
  EXPECT_TRUE(none.facets.at("type").empty());
}

}  // namespace
}  // namespace vankho::query
