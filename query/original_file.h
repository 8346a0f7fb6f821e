// Where a document's original file is, when the server may hand it out: only ever a regular file
// inside the folder it was indexed from, so that a link or a rename can never make it serve another.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace vankho::query {

// The stored document's file ("file": {"path", "format"}), resolved, when it still is a regular
// file inside `root` (the folder it was indexed from, resolved too); nullopt otherwise, or when the
// document came from a JSON-lines export (no file) or `root` is unknown.
[[nodiscard]] std::optional<std::string> original_path(const nlohmann::json& meta, const std::string& root);

// The format of the document's file as read ("pdf", "docx", ...), "" when none.
[[nodiscard]] std::string original_format(const nlohmann::json& meta);

}  // namespace vankho::query
