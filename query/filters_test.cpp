#include "filters.h"

#include <gtest/gtest.h>

namespace vankho::query {
namespace {

FilterSet resolve_types(const std::vector<std::string>& types, Interpretation& interp) {
  SearchRequest r;
  r.types = types;
  return resolve_filters({}, r, extract::ThemeTaxonomy::builtin(), interp);
}

TEST(ResolveFilters, AKnownTypeBySlugOrLabel) {
  Interpretation interp;
  const FilterSet fs = resolve_types({"nghi-quyet", "Chương trình"}, interp);
  EXPECT_EQ(fs.types, (std::vector<std::string>{"nghi-quyet", "chuong-trinh"}));
  ASSERT_EQ(interp.filters.size(), 2u);
  EXPECT_EQ(interp.filters[1].label, "Chương trình");
  EXPECT_TRUE(interp.warnings.empty());
}

TEST(ResolveFilters, ATypeNoKnownTypeNamesIsItsSlugAsTheIndexerMakesIt) {
  // An index may hold types that are no known type (a supplied type is kept as its slug).
  Interpretation interp;
  const FilterSet fs = resolve_types({"thong", "THÔNG", "Pháp lệnh  thuế!", "a-b-"}, interp);
  EXPECT_EQ(fs.types, (std::vector<std::string>{"thong", "thong", "phap-lenh-thue", "a-b"}));
  ASSERT_EQ(interp.filters.size(), 4u);
  EXPECT_EQ(interp.filters[0].value, "thong");
  EXPECT_EQ(interp.filters[1].label, "THÔNG");
  EXPECT_TRUE(interp.warnings.empty());
}

TEST(ResolveFilters, AValueThatCanBeNoTypeIsDroppedWithAWarning) {
  Interpretation interp;
  const FilterSet fs = resolve_types({"!!!", "  "}, interp);
  EXPECT_TRUE(fs.types.empty());
  ASSERT_EQ(interp.warnings.size(), 2u);
  EXPECT_NE(interp.warnings[0].message.find("'type=!!!': unknown document type"), std::string::npos);
  EXPECT_EQ(interp.warnings[0].code, "unknown_type");
  ASSERT_EQ(interp.warnings[0].params.size(), 1u);
  EXPECT_EQ(interp.warnings[0].params[0], std::make_pair(std::string("filter"), std::string("type=!!!")));
}

}  // namespace
}  // namespace vankho::query
