// What each Xapian document's data holds: the extracted metadata (extract::to_json shape) and the
// cleaned text, as MessagePack. The query side reads it for hits, snippets and the document view.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "vocabulary.h"

namespace vankho::schema {

struct StoredDocument {
  nlohmann::json meta;  // keys of `vankho-indexer --extract`
  std::string text;     // the text that was tokenized; token offsets point into it
};

// The 1-based page that byte `offset` of the text lies on, given where its pages start (the
// metadata's "pages"); 0 when the text has no pages.
[[nodiscard]] int page_at(const std::vector<uint32_t>& page_starts, size_t offset);
// The metadata's "pages" (empty when the document has none).
[[nodiscard]] std::vector<uint32_t> page_starts_of(const nlohmann::json& meta);

// The access level the metadata records ("access": {"level": ...}); the strictest when it records
// none, so that a document of unknown level is never shown as less than it may be.
[[nodiscard]] extract::AccessLevel access_level_of(const nlohmann::json& meta);

[[nodiscard]] std::string encode_stored(const StoredDocument& doc);
// Throws std::runtime_error on data that is not a stored document.
[[nodiscard]] StoredDocument decode_stored(std::string_view data);

}  // namespace vankho::schema
