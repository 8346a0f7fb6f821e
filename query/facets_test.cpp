#include "facets.h"

#include <gtest/gtest.h>

#include <map>

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
  FacetTally tally;
  const FacetCounts all = count_facets(parts, table, tally, extract::ThemeTaxonomy::builtin(), Xapian::Query("nam"));
  EXPECT_EQ(all.matches, 2001u);
  EXPECT_EQ(count_of(all, "type", "chi-thi"), 1499u);
  EXPECT_EQ(count_of(all, "type", "nghi-quyet"), 501u);  // the last document counts too
  EXPECT_EQ(count_of(all, "year", "2022"), 1000u);        // even i among the multiples of 3
  EXPECT_EQ(count_of(all, "year", "2021"), 1000u);
  EXPECT_EQ(count_of(all, "theme", "kinh-te"), 2000u);
  EXPECT_EQ(count_of(all, "province", ""), 0u);  // an empty field is no value
  const FacetCounts none = count_facets(parts, table, tally, extract::ThemeTaxonomy::builtin(), Xapian::Query("dong"));
  EXPECT_EQ(none.matches, 0u);
  EXPECT_TRUE(none.facets.at("type").empty());
}

// Documents by the months their period covers, when the matches cover at most two years.
TEST(FacetCount, MonthsCountEachDocumentOncePerMonthItCovers) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const auto add = [&](int from, int to, const std::string& years, const std::string& term) {
    Xapian::Document doc;
    doc.add_term(term);
    doc.add_value(schema::kSlotFacets, facet_value("chi-thi", years));
    doc.add_value(schema::kSlotPeriod, schema::period_value(from, to));
    db.add_document(doc);
  };
  add(20230101, 20230331, "2023", "a");             // the first quarter
  add(20230315, 20230320, "2023", "a");             // days in March
  add(20221201, 20230131, "2022\n2023", "a");       // across the new year
  add(20200101, 20251231, "2020\n2021\n2022\n2023\n2024\n2025", "b");  // six years
  const std::vector<Xapian::Database> parts = {db};
  const FacetTable table(parts);
  FacetTally tally;
  const FacetCounts c = count_facets(parts, table, tally, extract::ThemeTaxonomy::builtin(), Xapian::Query("a"));
  ASSERT_TRUE(c.facets.contains("month"));
  std::map<std::string, size_t> months;
  for (const auto& v : c.facets.at("month")) months[v.value] = v.count;
  EXPECT_EQ(months, (std::map<std::string, size_t>{{"2022-12", 1}, {"2023-01", 2}, {"2023-02", 1}, {"2023-03", 2}}));
  EXPECT_EQ(c.facets.at("month")[0].label, "12/2022");
  // Matches covering more than two years: no month facet (the timeline shows years).
  const FacetCounts all = count_facets(parts, table, tally, extract::ThemeTaxonomy::builtin(),
                                       Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("a"), Xapian::Query("b")));
  EXPECT_FALSE(all.facets.contains("month"));
}

TEST(FacetCount, ReadersAtOneRevisionShareOneTableWhileOneHoldsIt) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::Document doc;
  doc.add_term("nam");
  doc.add_value(schema::kSlotFacets, facet_value("chi-thi", "2021"));
  db.add_document(doc);
  const std::vector<Xapian::Database> parts = {db};
  auto first = shared_facet_table("index\ngen-1\n1\n0", parts);
  auto second = shared_facet_table("index\ngen-1\n1\n0", parts);
  EXPECT_EQ(first.get(), second.get());
  const auto other_revision = shared_facet_table("index\ngen-1\n2\n0", parts);
  EXPECT_NE(other_revision.get(), first.get());
  // Two readers count with the one table, each with its own tally.
  FacetTally a, b;
  for (FacetTally* t : {&a, &b}) {
    const FacetCounts c = count_facets(parts, *first, *t, extract::ThemeTaxonomy::builtin(), Xapian::Query("nam"));
    EXPECT_EQ(count_of(c, "type", "chi-thi"), 1u);
  }
  // Once no reader holds it, it is freed: the next asker builds a new one.
  const std::weak_ptr<const FacetTable> held = first;
  first.reset();
  EXPECT_FALSE(held.expired());  // `second` still holds it
  second.reset();
  EXPECT_TRUE(held.expired());
}

}  // namespace
}  // namespace vankho::query
