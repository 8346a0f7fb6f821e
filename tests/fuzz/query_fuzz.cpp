// Fuzz target: what the query side makes of what a person types, without an index — the query
// cut and decoded as Searcher::search does it, the syntax (query/syntax.h), its interpretation
// (codes, periods, abbreviations: interpret.h) and the plan into a Xapian::Query (planner.h) —
// and the interpretation written as the JSON that searchd sends (which throws on invalid UTF-8).
// Input: the query, then (after 0x1E) options: 'l' takes it literally (interpret=false), 'f' adds
// request filters.
#include <functional>
#include <string>

#include "decode.h"
#include "fields.h"
#include "fuzz_check.h"
#include "interpret.h"
#include "planner.h"
#include "search_json.h"
#include "syntax.h"

namespace {

using namespace vankho;

// A stand-in for the index's list of codes: one Party code for whatever number and type is asked.
std::vector<std::pair<std::string, std::string>> resolve(const std::string& number,
                                                         const std::string& type) {
  if (type.empty()) return {};
  const std::string code = number + "-" + type + "/TW";
  return {{code, code}};
}

void check_groups(const std::vector<query::WordGroup>& groups) {
  for (const query::WordGroup& g : groups) {
    for (const text::Token& t : g.tokens) {
      FUZZ_CHECK(t.start < t.end && t.end <= g.text.size(), "a group's tokens point into its text");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto [typed, options] = fuzz::split_fields<2>(fuzz::as_text(data, size));
  query::SearchRequest request;
  request.q = text::decode(typed.substr(0, query::kMaxQueryBytes)).text;
  request.interpret = options.find('l') == std::string_view::npos;
  if (options.find('f') != std::string_view::npos) {
    request.types = {"nghi-quyet", "Chương trình"};
    request.years = {"2022"};
    request.from = 20220101;
    request.to = 20221231;
  }

  const query::ParsedQuery parsed = query::parse_query(request.q);
  for (const query::Filter& f : parsed.filters) {
    FUZZ_CHECK(fuzz::valid_utf8(f.value) && fuzz::valid_utf8(f.raw), "filters are valid UTF-8");
  }
  const query::InterpretedQuery iq = query::interpret(parsed, request.interpret, resolve);
  check_groups(iq.groups);
  check_groups(iq.excluded);

  const query::RankingWeights weights;
  // Term frequencies vary with the term, so that every branch of the planner's word classes runs.
  const query::TermFraction fraction = [](const std::string& term) {
    return static_cast<double>(std::hash<std::string>{}(term) % 1000) / 1000.0;
  };
  const query::QueryPlan plan = query::plan_query(
      iq, parsed.filters, request, {weights, fraction, extract::ThemeTaxonomy::builtin()});
  (void)plan.query.get_description();
  (void)plan.fallback.get_description();

  query::SearchResponse response;
  response.query = plan.interpretation;
  (void)query::to_json(response).dump();  // throws on invalid UTF-8: a 500 in searchd
  return 0;
}
