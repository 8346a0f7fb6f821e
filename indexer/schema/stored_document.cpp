#include "stored_document.h"

#include <algorithm>
#include <stdexcept>

namespace vankho::schema {

int page_at(const std::vector<uint32_t>& page_starts, size_t offset) {
  if (page_starts.empty()) return 0;
  const auto after = std::upper_bound(page_starts.begin(), page_starts.end(), offset);
  return std::max(1, static_cast<int>(after - page_starts.begin()));
}

std::vector<uint32_t> page_starts_of(const nlohmann::json& meta) {
  std::vector<uint32_t> out;
  const auto pages = meta.find("pages");
  if (pages == meta.end() || !pages->is_array()) return out;
  for (const auto& p : *pages) {
    if (p.is_number_unsigned()) out.push_back(p.get<uint32_t>());
  }
  return out;
}

std::string encode_stored(const StoredDocument& doc) {
  const nlohmann::json j = {{"m", doc.meta}, {"t", doc.text}};
  const std::vector<std::uint8_t> bytes = nlohmann::json::to_msgpack(j);
  return std::string(bytes.begin(), bytes.end());
}

StoredDocument decode_stored(std::string_view data) {
  nlohmann::json j = nlohmann::json::from_msgpack(data.begin(), data.end(), true, false);
  if (!j.is_object() || !j.contains("m") || !j.contains("t") || !j["t"].is_string()) {
    throw std::runtime_error("document data is not a vankho stored document");
  }
  return {std::move(j["m"]), std::move(j["t"].get_ref<std::string&>())};  // the text is not copied again
}

extract::AccessLevel access_level_of(const nlohmann::json& meta) {
  const auto access = meta.find("access");
  if (access != meta.end() && access->is_object()) {
    const auto level = access->find("level");
    if (level != access->end() && level->is_string()) {
      if (auto parsed = extract::parse_level(level->get<std::string>())) return *parsed;
    }
  }
  return extract::AccessLevel::kTuyetMat;
}

}  // namespace vankho::schema
