#include "analyze_json.h"

#include "analyzer.h"

namespace vankho::query {

nlohmann::ordered_json analyze_to_json(std::string_view text) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const text::Token& t : text::analyze(text)) {
    out.push_back({{"text", std::string(t.text(text))},
                   {"norm", t.norm},
                   {"folded", t.folded},
                   {"pos", t.pos},
                   {"start", t.start},
                   {"end", t.end},
                   {"code", t.is_code}});
  }
  return out;
}

}  // namespace vankho::query
