#include <nlohmann/json.hpp>

#include "search_types.h"
#include "time_expr.h"

namespace vankho::query {

nlohmann::json to_json(const Hit& h) {
  nlohmann::json themes = nlohmann::json::array();
  for (const auto& [id, label] : h.themes) themes.push_back({{"id", id}, {"label", label}});
  nlohmann::json j = {{"id", h.id},         {"title", h.title},     {"type", h.type},
                      {"type_label", h.type_label}, {"number", h.number}, {"date", h.date},
                      {"issuer", h.issuer}, {"province", h.province}, {"themes", themes},
                      {"score", h.score},   {"snippet", h.snippet}, {"section", h.section}};
  j["period"] = h.period ? nlohmann::json{{"from", h.period->first}, {"to", h.period->second}}
                         : nlohmann::json(nullptr);
  return j;
}

nlohmann::json to_json(const SearchResponse& r) {
  const Interpretation& in = r.query;
  nlohmann::json codes = nlohmann::json::array();
  for (const auto& c : in.codes) {
    codes.push_back({{"text", c.text}, {"codes", c.codes}, {"documents", c.is_documents},
                     {"cited_by", c.cited_by}});
  }
  nlohmann::json abbreviations = nlohmann::json::array();
  for (const auto& a : in.abbreviations) abbreviations.push_back({{"text", a.text}, {"also", a.also}});
  nlohmann::json filters = nlohmann::json::array();
  for (const auto& f : in.filters) {
    filters.push_back({{"field", f.field}, {"value", f.value}, {"label", f.label}});
  }
  nlohmann::json query = {{"q", in.q},
                          {"words", in.words},
                          {"phrases", in.phrases},
                          {"excluded", in.excluded},
                          {"codes", codes},
                          {"abbreviations", abbreviations},
                          {"filters", filters},
                          {"all_words_required", in.all_words_required},
                          {"warnings", in.warnings}};
  query["period"] = in.period ? nlohmann::json{{"text", in.period->text},
                                               {"from", day_to_iso(in.period->from)},
                                               {"to", day_to_iso(in.period->to)},
                                               {"filters", in.period->filters}}
                              : nlohmann::json(nullptr);
  nlohmann::json hits = nlohmann::json::array();
  for (const auto& h : r.hits) hits.push_back(to_json(h));
  nlohmann::json facets = nlohmann::json::object();
  for (const auto& [name, values] : r.facets) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& v : values) list.push_back({{"value", v.value}, {"label", v.label}, {"count", v.count}});
    facets[name] = list;
  }
  return {{"query", query},
          {"total", r.total},
          {"total_exact", r.total_exact},
          {"hits", hits},
          {"facets", facets},
          {"suggestion", r.suggestion ? nlohmann::json(*r.suggestion) : nlohmann::json(nullptr)},
          {"took_ms", r.took_ms}};
}

}  // namespace vankho::query
