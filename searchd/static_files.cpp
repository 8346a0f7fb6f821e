#include "static_files.h"

#include <array>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <utility>

namespace vankho::searchd {
namespace {

namespace fs = std::filesystem;

constexpr uintmax_t kMaxFileBytes = 16u << 20;

bool inside(const fs::path& root, const fs::path& p) {
  auto r = root.begin(), q = p.begin();
  for (; r != root.end(); ++r, ++q) {
    if (q == p.end() || *r != *q) return false;
  }
  return true;
}

}  // namespace

StaticFiles::StaticFiles(const std::string& dir) {
  std::error_code ec;
  root_ = fs::canonical(dir, ec);
  if (ec || !fs::is_directory(root_, ec)) throw std::runtime_error("--web: " + dir + " is not a readable folder");
}

std::string StaticFiles::content_type(const fs::path& file) {
  static const std::array<std::pair<const char*, const char*>, 17> kTypes{{
      {".html", "text/html; charset=utf-8"},
      {".htm", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".map", "application/json; charset=utf-8"},
      {".webmanifest", "application/manifest+json; charset=utf-8"},
      {".txt", "text/plain; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
  }};
  const std::string ext = file.extension().string();
  for (const auto& [e, type] : kTypes) {
    if (ext == e) return type;
  }
  return "application/octet-stream";
}

std::optional<StaticFile> StaticFiles::find(std::string_view url_path) const {
  if (url_path.empty() || url_path[0] != '/') return std::nullopt;
  fs::path rel;
  size_t pos = 1;
  while (pos <= url_path.size()) {
    size_t slash = url_path.find('/', pos);
    if (slash == std::string_view::npos) slash = url_path.size();
    const std::string_view segment = url_path.substr(pos, slash - pos);
    pos = slash + 1;
    if (segment.empty()) continue;
    // No dot segments, hidden files, or bytes that mean something to the file system.
    if (segment[0] == '.' || segment.find('\0') != std::string_view::npos ||
        segment.find('\\') != std::string_view::npos) {
      return std::nullopt;
    }
    rel /= std::string(segment);
  }
  std::error_code ec;
  fs::path file = root_ / rel;
  if (fs::is_directory(file, ec)) file /= "index.html";
  const fs::path real = fs::weakly_canonical(file, ec);
  if (ec || !inside(root_, real)) return std::nullopt;
  if (!fs::is_regular_file(real, ec) || fs::file_size(real, ec) > kMaxFileBytes || ec) return std::nullopt;
  std::ifstream in(real, std::ios::binary);
  if (!in) return std::nullopt;
  StaticFile out;
  out.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  out.content_type = content_type(real);
  return out;
}

}  // namespace vankho::searchd
