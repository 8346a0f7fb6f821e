// The Searcher: one per thread (Xapian objects are not thread-safe). It runs typed requests —
// search, document, similar, citations — against one index and reopens it when the indexer has
// committed a new revision. vankho-query and searchd are thin faces over it.
#pragma once

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>
#include <xapian.h>

#include "facets.h"
#include "planner.h"
#include "stored_document.h"
#include "search_types.h"
#include "suggest.h"

namespace vankho::query {

// The index cannot be used (missing, unreadable, built by another analyzer): the message says what
// to do. Faces map it to exit status 1 / HTTP 503.
struct IndexUnavailable : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct DocumentRef {
  std::string id, title, type, type_label, number, date;
};

struct DocumentView {
  nlohmann::json meta;   // the extracted metadata (vankho-indexer --extract keys)
  std::string text;
  std::string highlighted_html;  // text with the query's matches marked, when a query was given
  std::vector<DocumentRef> cited_by;  // documents in the archive citing this one's number
};

struct CitationView {
  std::string query;  // what was asked
  std::vector<std::string> codes;  // canonical codes it was understood as
  std::vector<DocumentRef> is;      // documents that are the code
  std::vector<DocumentRef> citing;  // documents citing it
  std::string warning;              // when the text is not a code
};

struct IndexInfo {
  std::string path;
  Xapian::rev revision = 0;
  Xapian::doccount documents = 0;
};

class Searcher {
 public:
  explicit Searcher(std::string index_dir, RankingWeights weights = {});  // throws IndexUnavailable

  [[nodiscard]] SearchResponse search(const SearchRequest& request);
  [[nodiscard]] std::optional<DocumentView> document(const std::string& id, const std::string& q = "");
  [[nodiscard]] std::optional<std::vector<Hit>> similar(const std::string& id, size_t limit = 10);
  [[nodiscard]] CitationView citations(const std::string& code_text, size_t limit = 100);

  // Picks up a newer revision if the indexer committed one; true when it changed.
  bool refresh();
  [[nodiscard]] IndexInfo info();

 private:
  template <typename F>
  auto with_reopen(F&& f) -> decltype(f());
  SearchResponse run_search(const SearchRequest& request);
  std::vector<std::pair<std::string, std::string>> resolve_partial(const std::string& number,
                                                                   const std::string& type_key);
  // `text_tokens`: all of the stored text's tokens, when analysed already (else the snippet does).
  Hit make_hit(const Xapian::MSetIterator& it, const schema::StoredDocument& stored,
               const struct SnippetQuery* snippet_query, const std::vector<text::Token>* text_tokens);
  DocumentRef make_ref(const Xapian::Document& doc);
  std::optional<Xapian::docid> find_id(const std::string& id);

  std::string index_dir_;
  RankingWeights weights_;
  Xapian::Database db_;
  std::unique_ptr<AccentRestorer> restorer_;    // both read the index as of its revision:
  std::unique_ptr<FacetTable> facet_table_;       // built at first use, dropped on reopen
};

}  // namespace vankho::query
