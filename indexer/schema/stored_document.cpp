#include "stored_document.h"

#include <stdexcept>

namespace vankho::schema {

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
  return {std::move(j["m"]), j["t"].get<std::string>()};
}

}  // namespace vankho::schema
