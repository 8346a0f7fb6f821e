#include "walk.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
#include <system_error>
#include <utility>

#include "sidecar.h"

namespace vankho::ingest {
namespace {

namespace fs = std::filesystem;

// What a file that is neither regular nor a folder is, for its reason line.
std::string special_kind(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  return "a special file";
}

class Walker {
 public:
  Walker(WalkResult& out, const WalkOptions& options) : out_(out), options_(options) {}

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
    check_sidecars(path, names);
    for (const std::string& name : names) {
      const std::string child = path.back() == '/' ? path + name : path + "/" + name;
      const std::string id = id_prefix + name;
      struct stat cs {};
      if (::lstat(child.c_str(), &cs) != 0) {  // gone since the listing
        if (is_supported_file(name)) {
          problem(child, std::string("cannot read: ") + std::strerror(errno), id);
        }
        continue;
      }
      if (S_ISLNK(cs.st_mode) && !follow_link(child, name, id, cs)) continue;
      if (S_ISDIR(cs.st_mode)) {
        directory(child, id + "/");
      } else if (!S_ISREG(cs.st_mode)) {
        problem(child, "not a regular file (" + special_kind(cs.st_mode) + ")", id);
      } else if (is_supported_file(name)) {
        out_.files.push_back({child, id, static_cast<uint64_t>(cs.st_size)});
      }
    }
  }

  // A symbolic link in a folder: `st` becomes what it leads to. False when it is not followed
  // (broken, or leading outside the PATHs of the run without --follow-symlinks; said why).
  bool follow_link(const std::string& child, const std::string& name, const std::string& id,
                   struct stat& st) {
    if (::stat(child.c_str(), &st) != 0) {  // a broken link
      if (is_supported_file(name)) {
        problem(child, std::string("cannot read: ") + std::strerror(errno), id);
      }
      return false;
    }
    // A link to a regular file the readers would pass over is passed over silently, wherever it
    // leads; a link to a folder or a special file is always reported when not followed.
    if (S_ISREG(st.st_mode) && !is_supported_file(name)) return false;
    std::error_code ec;
    const std::string target = fs::canonical(child, ec).string();
    if (ec) {
      problem(child, "cannot resolve symbolic link: " + ec.message(), id);
      return false;
    }
    if (inside_roots(target)) return true;
    if (options_.links_out == WalkOptions::LinksOut::kFollow) {
      out_.problems.push_back({child, 0,
                               std::string(kLinkFollowedOutReason) + target +
                                   ", outside the folders being indexed (--follow-symlinks)",
                               false});
      return true;
    }
    // No id: a document indexed from this link by an earlier run is removed, not kept.
    problem(child,
            "a symbolic link to " + target +
                ", outside the folders being indexed (--follow-symlinks to read it)");
    return false;
  }

  // A sidecar is read with the file it is named after; one that names no document file is said,
  // since the level it was meant to give would silently not apply (`quyet-dinh.meta.json` beside
  // `quyet-dinh.pdf`).
  void check_sidecars(const std::string& folder, const std::vector<std::string>& sorted_names) {
    for (const std::string& name : sorted_names) {
      if (!is_sidecar_name(name)) continue;
      const std::string base = name.substr(0, name.size() - kSidecarSuffix.size());
      const std::string sidecar = folder.back() == '/' ? folder + name : folder + "/" + name;
      std::string reason;
      struct stat st {};
      if (!std::binary_search(sorted_names.begin(), sorted_names.end(), base) ||
          ::stat((folder + "/" + base).c_str(), &st) != 0) {
        reason = "no file " + base + " beside this sidecar: a sidecar is named after the whole file name (" +
                 "quyet-dinh.pdf.meta.json for quyet-dinh.pdf)";
      } else if (S_ISDIR(st.st_mode)) {
        reason = "a sidecar describes one file, not the folder " + base + " (an --access rule `" + base +
                 "/** LEVEL` places a folder)";
      } else if (ends_with_nocase(base, ".jsonl") || ends_with_nocase(base, ".jsonl.gz")) {
        reason = "the records of a JSON-lines export take their level from a field (`level`, or --field "
                 "level=NAME), not from a sidecar";
      } else {
        continue;
      }
      out_.problems.push_back({sidecar, 0, reason + "; not used", false});
    }
  }

  [[nodiscard]] bool inside_roots(const std::string& target) const {
    for (const std::string& root : options_.roots) {
      if (target == root) return true;
      if (target.size() > root.size() && target.compare(0, root.size(), root) == 0 &&
          (root.back() == '/' || target[root.size()] == '/')) {
        return true;
      }
    }
    return false;
  }

  void problem(const std::string& path, std::string reason, std::string id = "") {
    out_.problems.push_back({path, 0, std::move(reason), true, std::move(id)});
  }

 private:
  WalkResult& out_;
  const WalkOptions& options_;
  std::set<std::pair<dev_t, ino_t>> visited_;
};

}  // namespace

WalkOptions walk_options(const std::vector<std::string>& paths, const IngestOptions& options) {
  WalkOptions out;
  out.links_out = options.follow_symlinks_out ? WalkOptions::LinksOut::kFollow
                                              : WalkOptions::LinksOut::kSkip;
  for (const std::string& path : paths) {
    std::error_code ec;
    fs::path resolved = fs::canonical(path, ec);
    if (!ec) out.roots.push_back(resolved.string());
  }
  return out;
}

WalkResult walk(const std::string& root, const WalkOptions& options) {
  WalkResult out;
  WalkOptions own;
  const bool default_roots = options.roots.empty();
  if (default_roots) {
    own = walk_options({root}, {});
    own.links_out = options.links_out;
  }
  Walker walker(out, default_roots ? own : options);
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
    walker.problem(root, "not a regular file or folder (" + special_kind(st.st_mode) + ")", name);
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
