// The filters of a search — written in the query (`loai:` `so:` `nam:` `tu:` `den:` `coquan:`
// `tinh:` `chude:`) and given as request fields — resolved against the vocabulary of the index
// (document types, its theme taxonomy), validated, and turned into Xapian filters. What cannot be
// used becomes a warning in the interpretation, never an error.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "searcher.h"
#include "syntax.h"
#include "vocabulary.h"

namespace vankho::query {

struct FilterSet {
  std::vector<std::string> types, themes, issuers, provinces, years, codes, parents;  // as indexed
  int from = 0, to = 0;  // YYYYMMDD bounds on the covered period; 0 = open
};

// Resolves the syntax's filters and the request's; records each in `interp.filters` and each
// unusable one in `interp.warnings`.
[[nodiscard]] FilterSet resolve_filters(const std::vector<Filter>& syntax,
                                        const SearchRequest& request,
                                        const extract::ThemeTaxonomy& themes,
                                        Interpretation& interp);

// `main` restricted to the type, theme, issuer, province, year and parent filters (any value of a field,
// every field); with no `main`, the filters alone, weighing nothing.
[[nodiscard]] Xapian::Query filter_query(Xapian::Query main, const FilterSet& filters);

}  // namespace vankho::query
