#include "hits.h"

#include <algorithm>
#include <cmath>

#include "terms.h"
#include "utf8.h"

namespace vankho::query {
namespace {

constexpr size_t kMaxSectionBytes = 120;

std::string str(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The heading of the innermost section that holds byte `at` of the text, or "".
std::string section_at(const nlohmann::json& meta, size_t at) {
  std::string heading;
  const auto secs = meta.find("sections");
  if (secs == meta.end() || !secs->is_array()) return heading;
  int best_level = 0;
  for (const auto& sec : *secs) {
    const size_t start = sec.value("start", size_t{0}), end = sec.value("end", size_t{0});
    const int level = sec.value("level", 1);
    if (start <= at && at < end && level >= best_level) {
      best_level = level;
      heading = str(sec, "heading");
    }
  }
  return heading.substr(
      0, text::code_point_start(heading, std::min(heading.size(), kMaxSectionBytes)));
}

}  // namespace

Hit make_hit(const schema::StoredDocument& stored, double score, const SnippetQuery* sq,
             const std::vector<text::Token>* text_tokens) {
  const nlohmann::json& m = stored.meta;
  Hit h;
  h.id = str(m, "id");
  h.title = str(m, "title");
  h.type = str(m, "type");
  h.type_label = str(m, "type_label");
  h.number = str(m, "number");
  h.date = str(m, "date");
  h.issuer = str(m, "issuer");
  h.province = str(m, "province");
  if (auto p = m.find("period"); p != m.end() && p->is_object()) {
    h.period = std::make_pair(str(*p, "from"), str(*p, "to"));
  }
  if (auto th = m.find("themes"); th != m.end() && th->is_array()) {
    for (const auto& t : *th) h.themes.emplace_back(str(t, "id"), str(t, "label"));
  }
  if (auto p = m.find("parent"); p != m.end() && p->is_object()) {
    h.parent = std::make_pair(str(*p, "number"), str(*p, "title"));
  }
  h.score = score;
  h.ocr = m.value("ocr", false);
  h.level = schema::access_level_of(m);
  if (sq) {
    Snippet s =
        text_tokens ? make_snippet(stored.text, *text_tokens, *sq) : make_snippet(stored.text, *sq);
    h.snippet = std::move(s.passage);
    h.section = section_at(m, s.start);
    h.page = schema::page_at(schema::page_starts_of(m), s.start);
  }
  return h;
}

DocumentRef make_ref(const Xapian::Document& doc) {
  const schema::StoredDocument stored = schema::decode_stored(doc.get_data());
  const auto& m = stored.meta;
  return {str(m, "id"),         str(m, "title"),  str(m, "type"),
          str(m, "type_label"), str(m, "number"), str(m, "date")};
}

double bm25_idf(double documents, double df) {
  documents = std::max(1.0, documents);
  return std::log(1.0 + (documents - df + 0.5) / (df + 0.5));
}

void set_snippet_weights(double documents, const TermFrequency& df, SnippetQuery& sq) {
  double top = 0;
  for (auto& w : sq.words)
    top = std::max(top, w.weight = bm25_idf(documents, df(schema::folded_term(w.folded))));
  for (auto& w : sq.words) w.weight = top > 0 ? w.weight / top : 1.0;
}

SnippetQuery words_in_document(const Xapian::Database& db, Xapian::docid did,
                               const SnippetQuery& sq) {
  SnippetQuery out{{}, sq.codes, sq.pairs};
  for (const auto& w : sq.words) {
    const std::string term = schema::folded_term(w.folded);
    auto p = db.postlist_begin(term);
    p.skip_to(did);
    if (p != db.postlist_end(term) && *p == did) out.words.push_back(w);
  }
  return out;
}

}  // namespace vankho::query
