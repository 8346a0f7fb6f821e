// Fuzz target: a whole search as searchd runs it, over an index of seeds/ built once per process —
// the query read and planned, matched, facets counted, snippets marked, the accent suggestion made
// — then the document view and the citation lookup of the same text, and search-box completions;
// each answer written as searchd's JSON (which throws on invalid UTF-8). Input: the query, then
// (after 0x1E) options: 'l' literal, 'd' sorted by date, 'o' a second page.
#include <memory>
#include <optional>
#include <string>

#include "completion_index.h"
#include "decode.h"
#include "fields.h"
#include "fuzz_check.h"
#include "search_json.h"
#include "searcher.h"
#include "temp_dir.h"
#include "test_index.h"

namespace {

using namespace vankho;

struct SeedsIndex {
  testing::TempDir dir;
  std::optional<query::Searcher> searcher;
  std::shared_ptr<const query::CompletionIndex> completions;
  SeedsIndex() {
    (void)testing::build_index(dir.str("index"), {testing::seeds_dir()});
    searcher.emplace(dir.str("index"));
    completions = searcher->completions();
  }
};

SeedsIndex& seeds_index() {
  static SeedsIndex index;
  return index;
}

// The documented form of marks: in order, not overlapping, inside the text, on UTF-8 boundaries.
void check_marks(const query::MarkedText& m) {
  uint32_t last = 0;
  for (const auto& mark : m.marks) {
    FUZZ_CHECK(mark.begin >= last && mark.begin < mark.end && mark.end <= m.text.size(),
               "marks in order, not overlapping, inside the text");
    FUZZ_CHECK(fuzz::valid_utf8(std::string_view(m.text).substr(mark.begin, mark.end - mark.begin)),
               "marks on character boundaries");
    last = mark.end;
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)seeds_index();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto [typed, options] = fuzz::split_fields<2>(fuzz::as_text(data, size));
  SeedsIndex& index = seeds_index();
  query::SearchRequest request;
  request.q = text::decode(typed).text;  // searchd refuses invalid UTF-8 before this
  request.interpret = options.find('l') == std::string_view::npos;
  if (options.find('d') != std::string_view::npos) request.sort = query::SortOrder::kDate;
  if (options.find('o') != std::string_view::npos) request.offset = 2;
  request.limit = 3;  // each hit's snippet reads its text: three show every path at a third the cost

  const query::SearchResponse response = index.searcher->search(request);
  for (const query::Hit& hit : response.hits) check_marks(hit.snippet);
  (void)query::to_json(response).dump();

  if (!response.hits.empty()) {
    const auto view = index.searcher->document(response.hits.front().id, request.q);
    FUZZ_CHECK(view.has_value(), "a hit's document can be viewed");
    check_marks(view->text);
    (void)query::to_json(*view).dump();
  }
  (void)query::to_json(index.searcher->citations(request.q, 5)).dump();
  for (const query::Completion& c : index.completions->complete(request.q, 10)) {
    FUZZ_CHECK(fuzz::valid_utf8(c.text), "completions are valid UTF-8");
  }
  return 0;
}
