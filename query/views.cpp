// The views besides search: one document (with its matches marked and who cites it), documents
// similar to one, and the documents that are or cite a code.
#include <filesystem>

#include "decode.h"
#include "doc_code.h"
#include "highlight_query.h"
#include "hits.h"
#include "interpret.h"
#include "original_file.h"
#include "schema.h"
#include "searcher_impl.h"
#include "syntax.h"

namespace vankho::query {
namespace {

using Q = Xapian::Query;

// Expands on canonical words and bigrams that carry a document's subject and that some other
// document shares (a term only this document has cannot find anything similar).
class SubjectTerms : public Xapian::ExpandDecider {
 public:
  explicit SubjectTerms(const Xapian::Database& db) : db_(db) {}
  bool operator()(const std::string& term) const override {
    if (term.empty()) return false;
    const unsigned char c = static_cast<unsigned char>(term[0]);
    if (c >= '0' && c <= '9') return false;
    return (c >= 'a' || term.starts_with(schema::kFoldedBigram)) && db_.get_termfreq(term) >= 2;
  }

 private:
  const Xapian::Database& db_;
};

}  // namespace

std::optional<DocumentView> Searcher::Impl::document(const std::string& id, const std::string& q) {
  const auto docid = find_id(id);
  if (!docid) return std::nullopt;
  schema::StoredDocument stored = schema::decode_stored(db.get_document(*docid).get_data());
  DocumentView view;
  view.id = id;
  view.level = schema::access_level_of(stored.meta);
  if (!q.empty()) {  // marked the way a search's snippets are (highlight_query.h)
    const ParsedQuery parsed = parse_query(text::decode(q).text);
    const InterpretedQuery iq = interpret(
        parsed, true,
        [&](const std::string& n, const std::string& t) { return resolve_partial(n, t); });
    view.text.marks = highlight_all(stored.text, highlight_query(iq, parsed.filters));
    view.highlighted = true;
  }
  if (auto number = stored.meta.find("number");
      number != stored.meta.end() && number->is_string()) {
    if (auto own = text::parse_code(number->get<std::string>())) {
      const std::string term = schema::term(schema::kCites, own->key);
      for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
        if (*p != *docid) view.cited_by.push_back(make_ref(db.get_document(*p)));
      }
    }
  }
  view.original = original_path(stored.meta, source_root(*docid)).has_value();
  if (auto file = stored.meta.find("file"); file != stored.meta.end() && file->is_object()) {
    file->erase("path");  // where the server keeps it is not the reader's business
  }
  view.meta = std::move(stored.meta);
  view.text.text = std::move(stored.text);
  return view;
}

std::string Searcher::Impl::source_root(Xapian::docid did) {
  Xapian::TermIterator t = db.termlist_begin(did);
  t.skip_to(std::string(schema::kSource));
  if (t == db.termlist_end(did) || !(*t).starts_with(schema::kSource)) return {};
  return (*t).substr(schema::kSource.size());
}

std::optional<OriginalFile> Searcher::Impl::original(const std::string& id) {
  const auto docid = find_id(id);
  if (!docid) return std::nullopt;
  const schema::StoredDocument stored = schema::decode_stored(db.get_document(*docid).get_data());
  const auto path = original_path(stored.meta, source_root(*docid));
  if (!path) return std::nullopt;
  return OriginalFile{*path, std::filesystem::path(*path).filename().string(), original_format(stored.meta)};
}

std::optional<SimilarView> Searcher::Impl::similar(const std::string& id, size_t limit) {
  const auto docid = find_id(id);
  if (!docid) return std::nullopt;
  SimilarView view{id, {}};
  Xapian::RSet rset;
  rset.add_document(*docid);
  Xapian::Enquire enquire(db);
  const SubjectTerms subject(db);
  const Xapian::ESet eset = enquire.get_eset(30, rset, &subject);
  std::vector<Q> terms;
  for (auto t = eset.begin(); t != eset.end(); ++t) terms.emplace_back(*t);
  if (terms.empty()) return view;
  enquire.set_query(
      Q(Q::OP_AND_NOT, Q(Q::OP_OR, terms.begin(), terms.end()), Q(schema::term(schema::kId, id))));
  const Xapian::MSet mset =
      enquire.get_mset(0, static_cast<Xapian::doccount>(std::min(limit, kMaxLimit)));
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    view.hits.push_back(make_hit(schema::decode_stored(it.get_document().get_data()),
                                 it.get_weight(), nullptr, nullptr));
  }
  return view;
}

CitationView Searcher::Impl::citations(const std::string& code_text, size_t limit) {
  CitationView view;
  view.query = code_text;
  std::vector<std::string> keys;
  const std::string decoded = text::decode(code_text).text;
  if (auto code = text::parse_code(decoded)) {
    keys.push_back(code->key);
    view.codes.push_back(code->canonical);
  } else {
    const InterpretedQuery iq = interpret(
        parse_query(decoded), true,
        [&](const std::string& n, const std::string& t) { return resolve_partial(n, t); });
    for (const auto& c : iq.codes) {
      keys.insert(keys.end(), c.keys.begin(), c.keys.end());
      view.codes.insert(view.codes.end(), c.codes.begin(), c.codes.end());
    }
    if (keys.empty())
      view.warning = "'" + decoded + "' is not a document code (e.g. 13-NQ/TW, NQ 13)";
  }
  auto collect = [&](std::string_view prefix, std::vector<DocumentRef>& out) {
    std::vector<Q> terms;
    for (const auto& k : keys) terms.emplace_back(schema::term(prefix, k));
    if (terms.empty()) return;
    Xapian::Enquire enquire(db);
    enquire.set_query(Q(Q::OP_OR, terms.begin(), terms.end()));
    enquire.set_sort_by_value_then_relevance(schema::kSlotDate, true);
    const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit));
    for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back(make_ref(it.get_document()));
  };
  collect(schema::kNumber, view.is);
  collect(schema::kCites, view.citing);
  return view;
}

}  // namespace vankho::query
