#include "original_file.h"

#include <filesystem>

namespace vankho::query {

std::optional<std::string> original_path(const nlohmann::json& meta, const std::string& root) {
  const auto file = meta.find("file");
  if (file == meta.end() || !file->is_object() || root.empty()) return std::nullopt;
  const std::string stored = file->value("path", "");
  if (stored.empty()) return std::nullopt;
  std::error_code ec;
  const std::filesystem::path real = std::filesystem::canonical(stored, ec);
  if (ec || !std::filesystem::is_regular_file(real, ec)) return std::nullopt;
  const std::filesystem::path real_root = std::filesystem::canonical(root, ec);
  if (ec) return std::nullopt;
  if (real == real_root) return real.string();  // the PATH given was the file itself
  const std::string prefix = real_root.string() + (real_root.string().ends_with('/') ? "" : "/");
  if (!real.string().starts_with(prefix)) return std::nullopt;
  return real.string();
}

std::string original_format(const nlohmann::json& meta) {
  const auto file = meta.find("file");
  if (file == meta.end() || !file->is_object()) return {};
  const auto format = file->find("format");
  return format != file->end() && format->is_string() ? format->get<std::string>() : std::string();
}

}  // namespace vankho::query
