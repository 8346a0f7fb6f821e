// The `vankho-indexer --extract` JSON shape of DocumentMetadata.
#include <nlohmann/json.hpp>

#include "extract.h"

namespace vankho::extract {
namespace {

nlohmann::json date_json(const Date& d) {
  if (d.empty()) return nullptr;
  return d.iso();
}

}  // namespace

nlohmann::json to_json(const DocumentMetadata& m) {
  nlohmann::json j;
  j["id"] = m.id;
  j["title"] = m.title;
  j["type"] = m.type;
  j["type_label"] = m.type_label;
  j["number"] = m.number;
  j["draft"] = m.draft;
  j["issuer"] = m.issuer;
  j["province"] = m.province;
  j["date"] = date_json(m.date);
  if (m.period) {
    j["period"] = {{"from", m.period->from.iso()}, {"to", m.period->to.iso()}};
  } else {
    j["period"] = nullptr;
  }
  j["term"] = m.term;
  if (m.signer) {
    j["signer"] = {{"name", m.signer->name}, {"title", m.signer->title}};
  } else {
    j["signer"] = nullptr;
  }
  j["citations"] = nlohmann::json::array();
  for (const Citation& c : m.citations) {
    j["citations"].push_back({{"code", c.code},
                              {"type", c.type},
                              {"number", c.number},
                              {"issuer", c.issuer},
                              {"date", date_json(c.date)},
                              {"body", c.body},
                              {"subject", c.subject}});
  }
  j["themes"] = nlohmann::json::array();
  for (const ThemeScore& t : m.themes) {
    j["themes"].push_back({{"id", t.id}, {"label", t.label}, {"score", t.score}});
  }
  j["sections"] = nlohmann::json::array();
  for (const Section& s : m.sections) {
    j["sections"].push_back(
        {{"heading", s.heading}, {"level", s.level}, {"start", s.start}, {"end", s.end}});
  }
  nlohmann::json stamp = nullptr;
  if (m.stamp) stamp = std::string(level_slug(*m.stamp));
  j["access"] = {{"level", std::string(level_slug(m.access.level))}, {"from", m.access.from}, {"stamp", stamp}};
  return j;
}

}  // namespace vankho::extract
