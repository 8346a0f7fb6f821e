#include "walk.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
#include <system_error>
#include <utility>

namespace vankho::ingest {
namespace {

namespace fs = std::filesystem;

class Walker {
 public:
  explicit Walker(WalkResult& out) : out_(out) {}

  void directory(const std::string& path, const std::string& id_prefix) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
      problem(path, std::string("cannot read folder: ") + std::strerror(errno));
      return;
    }
    if (!visited_.insert({st.st_dev, st.st_ino}).second) {
      out_.problems.push_back(
          {path, 0,
           "folder already read through another path (a symbolic link loop?); not read again",
           false});
      return;
    }
    std::error_code ec;
    std::vector<std::string> names;
    for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (!name.empty() && name.front() != '.') names.push_back(std::move(name));
    }
    if (ec) {
      problem(path, "cannot read folder: " + ec.message());
      return;
    }
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) {
      const std::string child = path.back() == '/' ? path + name : path + "/" + name;
      const std::string id = id_prefix + name;
      struct stat cs {};
      if (::stat(child.c_str(), &cs) != 0) {  // a broken link, or gone since the listing
        if (is_supported_file(name)) {
          problem(child, std::string("cannot read: ") + std::strerror(errno), id);
        }
        continue;
      }
      if (S_ISDIR(cs.st_mode)) {
        directory(child, id + "/");
      } else if (S_ISREG(cs.st_mode) && is_supported_file(name)) {
        out_.files.push_back({child, id, static_cast<uint64_t>(cs.st_size)});
      }
    }
  }

  void problem(const std::string& path, std::string reason, std::string id = "") {
    out_.problems.push_back({path, 0, std::move(reason), true, std::move(id)});
  }

 private:
  WalkResult& out_;
  std::set<std::pair<dev_t, ino_t>> visited_;
};

}  // namespace

WalkResult walk(const std::string& root) {
  WalkResult out;
  Walker walker(out);
  struct stat st {};
  if (::stat(root.c_str(), &st) != 0) {
    walker.problem(root, std::string("cannot read: ") + std::strerror(errno));
    return out;
  }
  if (S_ISDIR(st.st_mode)) {
    std::string base = root;
    while (base.size() > 1 && base.back() == '/') base.pop_back();
    walker.directory(base, "");
    return out;
  }
  const std::string name = fs::path(root).filename().string();
  if (!S_ISREG(st.st_mode)) {
    walker.problem(root, "not a regular file or folder", name);
  } else if (!is_supported_file(root)) {
    walker.problem(root,
                   "unsupported file type (vankho reads .txt, .md, .html, .htm, .jsonl, .jsonl.gz, "
                   ".docx, .odt, .pdf, .doc, .rtf, .png, .jpg, .tif, and files without an extension)",
                   name);
  } else {
    out.files.push_back({root, name, static_cast<uint64_t>(st.st_size)});
  }
  return out;
}

bool ends_with_nocase(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    char c = s[s.size() - suffix.size() + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != suffix[i]) return false;
  }
  return true;
}

}  // namespace vankho::ingest
