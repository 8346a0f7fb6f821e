// The search page's static files from --web DIR at /: `/` and folders serve their index.html,
// content types by extension, no directory listing, nothing outside DIR (dot segments, symlinks
// leading out, and non-regular files are 404).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace vankho::searchd {

struct StaticFile {
  std::string body;
  std::string content_type;
};

class StaticFiles {
 public:
  // Throws std::runtime_error when `dir` is not a readable folder.
  explicit StaticFiles(const std::string& dir);

  // The file for a decoded URL path, or nullopt (404).
  [[nodiscard]] std::optional<StaticFile> find(std::string_view url_path) const;

  [[nodiscard]] static std::string content_type(const std::filesystem::path& file);

 private:
  std::filesystem::path root_;  // canonical
};

}  // namespace vankho::searchd
