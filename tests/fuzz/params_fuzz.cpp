// Fuzz target: searchd's request parameters (searchd/params.h) from a raw query string, split and
// percent-decoded by cpp-httplib as for a real request, through every route's parser. An error
// names its parameter in valid UTF-8 (it is sent as JSON); a request that passes is within limits.
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>

#include "fuzz_check.h"
#include "params.h"

namespace {

using namespace vankho;
using searchd::Parsed;

template <typename T>
bool passed(const Parsed<T>& p) {
  if (!p.error) return true;
  FUZZ_CHECK(!p.error->message.empty(), "an error says what was expected");
  FUZZ_CHECK(fuzz::valid_utf8(p.error->param) && fuzz::valid_utf8(p.error->message),
             "errors are valid UTF-8 (invalid bytes shown as \\xNN)");
  (void)nlohmann::json{{"param", p.error->param}, {"message", p.error->message}}.dump();
  return false;
}

void check_list(const std::vector<std::string>& values) {
  FUZZ_CHECK(values.size() <= searchd::kMaxValuesPerParam, "at most kMaxValuesPerParam values");
  for (const std::string& v : values) {
    FUZZ_CHECK(!v.empty() && v.size() <= searchd::kMaxValueBytes && fuzz::valid_utf8(v),
               "values non-empty, short, valid UTF-8");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  searchd::Params params;
  httplib::detail::parse_query_text(std::string(fuzz::as_text(data, size)), params);

  if (const auto search = searchd::parse_search(params); passed(search)) {
    const query::SearchRequest& r = search.value;
    FUZZ_CHECK(r.q.size() <= query::kMaxQueryBytes && fuzz::valid_utf8(r.q), "q short and valid UTF-8");
    FUZZ_CHECK(r.limit <= query::kMaxLimit && r.offset <= query::kMaxOffset, "limit and offset in range");
    FUZZ_CHECK(!r.from || !r.to || r.from <= r.to, "from on or before to");
    for (const auto* list : {&r.types, &r.themes, &r.issuers, &r.provinces, &r.years}) check_list(*list);
  }
  if (const auto document = searchd::parse_document(params); passed(document)) {
    FUZZ_CHECK(fuzz::valid_utf8(document.value), "q valid UTF-8");
  }
  if (const auto limit = searchd::parse_limit_only(params, 10); passed(limit)) {
    FUZZ_CHECK(limit.value >= 1 && limit.value <= query::kMaxLimit, "limit from 1 to kMaxLimit");
  }
  if (const auto suggest = searchd::parse_suggest(params); passed(suggest)) {
    FUZZ_CHECK(suggest.value.limit >= 1 && suggest.value.limit <= searchd::kMaxSuggestions,
               "limit from 1 to kMaxSuggestions");
    FUZZ_CHECK(fuzz::valid_utf8(suggest.value.q), "q valid UTF-8");
  }
  (void)passed(Parsed<int>{0, searchd::expect_no_params(params)});
  return 0;
}
