#include "search_json.h"

#include "time_expr.h"

namespace vankho::query {
namespace {

void append_escaped(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
}

nlohmann::json refs_json(const std::vector<DocumentRef>& refs) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : refs) {
    out.push_back({{"id", r.id},
                   {"title", r.title},
                   {"type", r.type},
                   {"type_label", r.type_label},
                   {"number", r.number},
                   {"date", r.date}});
  }
  return out;
}

nlohmann::json hits_json(const std::vector<Hit>& hits) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& h : hits) out.push_back(to_json(h));
  return out;
}

nlohmann::json interpretation_json(const Interpretation& in) {
  nlohmann::json codes = nlohmann::json::array();
  for (const auto& c : in.codes) {
    codes.push_back({{"text", c.text},
                     {"codes", c.codes},
                     {"documents", c.is_documents},
                     {"cited_by", c.cited_by}});
  }
  nlohmann::json abbreviations = nlohmann::json::array();
  for (const auto& a : in.abbreviations)
    abbreviations.push_back({{"text", a.text}, {"also", a.also}});
  nlohmann::json filters = nlohmann::json::array();
  for (const auto& f : in.filters)
    filters.push_back({{"field", f.field}, {"value", f.value}, {"label", f.label}});
  nlohmann::json warnings = nlohmann::json::array();
  for (const auto& w : in.warnings) {
    nlohmann::json params = nlohmann::json::object();
    for (const auto& [name, value] : w.params) params[name] = value;
    warnings.push_back({{"code", w.code}, {"message", w.message}, {"params", params}});
  }
  nlohmann::json query = {{"q", in.q},
                          {"words", in.words},
                          {"phrases", in.phrases},
                          {"excluded", in.excluded},
                          {"codes", codes},
                          {"abbreviations", abbreviations},
                          {"filters", filters},
                          {"all_words_required", in.all_words_required},
                          {"warnings", warnings}};
  query["period"] = in.period ? nlohmann::json{{"text", in.period->text},
                                               {"from", day_to_iso(in.period->from)},
                                               {"to", day_to_iso(in.period->to)},
                                               {"filters", in.period->filters}}
                              : nlohmann::json(nullptr);
  return query;
}

}  // namespace

std::string marked_html(const MarkedText& m) {
  std::string out;
  out.reserve(m.text.size() + m.marks.size() * 13 + 16);
  const std::string_view text = m.text;
  size_t pos = 0;
  for (const auto& mark : m.marks) {
    if (mark.begin < pos || mark.end > text.size() || mark.begin >= mark.end)
      continue;  // not in order
    append_escaped(out, text.substr(pos, mark.begin - pos));
    out += "<mark>";
    append_escaped(out, text.substr(mark.begin, mark.end - mark.begin));
    out += "</mark>";
    pos = mark.end;
  }
  append_escaped(out, text.substr(pos));
  return out;
}

nlohmann::json to_json(const Hit& h) {
  nlohmann::json themes = nlohmann::json::array();
  for (const auto& [id, label] : h.themes) themes.push_back({{"id", id}, {"label", label}});
  nlohmann::json j = {{"id", h.id},
                      {"title", h.title},
                      {"type", h.type},
                      {"type_label", h.type_label},
                      {"number", h.number},
                      {"date", h.date},
                      {"issuer", h.issuer},
                      {"province", h.province},
                      {"themes", themes},
                      {"score", h.score},
                      {"snippet", marked_html(h.snippet)},
                      {"section", h.section}};
  j["period"] = h.period ? nlohmann::json{{"from", h.period->first}, {"to", h.period->second}}
                         : nlohmann::json(nullptr);
  j["parent"] = h.parent ? nlohmann::json{{"number", h.parent->first}, {"title", h.parent->second}}
                         : nlohmann::json(nullptr);
  j["page"] = h.page > 0 ? nlohmann::json(h.page) : nlohmann::json(nullptr);
  j["original_pdf"] = h.original_pdf;
  j["ocr"] = h.ocr;
  j["level"] = extract::level_slug(h.level);
  return j;
}

nlohmann::json to_json(const SearchResponse& r) {
  nlohmann::json facets = nlohmann::json::object();
  for (const auto& [name, values] : r.facets) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& v : values)
      list.push_back({{"value", v.value}, {"label", v.label}, {"count", v.count}});
    facets[name] = list;
  }
  return {{"query", interpretation_json(r.query)},
          {"total", r.total},
          {"total_exact", r.total_exact},
          {"total_min", r.total_min},
          {"total_max", r.total_max},
          {"hits", hits_json(r.hits)},
          {"facets", facets},
          {"suggestion", r.suggestion ? nlohmann::json(*r.suggestion) : nlohmann::json(nullptr)},
          {"took_ms", r.took_ms},
          {"partial", r.partial}};
}

nlohmann::json to_json(const DocumentView& v) {
  // The extracted metadata's keys (vankho-indexer --extract), then what the view adds.
  nlohmann::json j = v.meta.is_object() ? v.meta : nlohmann::json::object();
  j["id"] = v.id;
  j["text"] = v.text.text;
  j["cited_by"] = refs_json(v.cited_by);
  j["original"] = v.original;
  j["level"] = extract::level_slug(v.level);
  if (v.highlighted) j["highlighted_html"] = marked_html(v.text);
  return j;
}

nlohmann::json to_json(const SimilarView& v) {
  return {{"similar_to", v.id}, {"hits", hits_json(v.hits)}};
}

nlohmann::json to_json(const Explanation& e) {
  nlohmann::json terms = nlohmann::json::array();
  for (const auto& t : e.terms) terms.push_back({{"kind", t.kind}, {"text", t.text}, {"where", t.where}, {"count", t.count}});
  const auto period = [](const auto& p) {
    return p ? nlohmann::json{{"from", p->first}, {"to", p->second}} : nlohmann::json(nullptr);
  };
  return {{"id", e.id},
          {"matches", e.matches},
          {"terms", terms},
          {"period_asked", period(e.period_asked)},
          {"period_document", period(e.period_document)},
          {"period_fit", e.period_asked ? nlohmann::json(e.period_fit) : nlohmann::json(nullptr)}};
}

nlohmann::json to_json(const CitationView& v) {
  return {{"query", v.query},
          {"codes", v.codes},
          {"is", refs_json(v.is)},
          {"cited_by", refs_json(v.citing)},
          {"warning", v.warning.empty() ? nlohmann::json(nullptr) : nlohmann::json(v.warning)}};
}

}  // namespace vankho::query
