#include "index_layout.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace vankho::schema {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kGenerationPrefix = "gen-";

// N for a name "gen-N", 0 otherwise.
uint64_t generation_of(std::string_view name) {
  if (!name.starts_with(kGenerationPrefix)) return 0;
  name.remove_prefix(kGenerationPrefix.size());
  uint64_t n = 0;
  const auto [end, ec] = std::from_chars(name.data(), name.data() + name.size(), n);
  return ec == std::errc() && end == name.data() + name.size() ? n : 0;
}

std::string read_small_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string text(4096, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(in.gcount()));
  return text;
}

std::string level_line(uint64_t generation, extract::AccessLevel level) {
  std::string line = "glass ";
  line.append(kGenerationPrefix).append(std::to_string(generation)).append("/");
  line.append(extract::level_slug(level)).append("\n");
  return line;
}

std::string stub_text(uint64_t generation) {
  std::string text;
  for (extract::AccessLevel level : extract::kAccessLevels) text += level_line(generation, level);
  return text;
}

// The generation a stub written by publish_generation() names, 0 for any other stub.
uint64_t generation_in_stub(const std::string& stub) {
  constexpr std::string_view kPrefix = "glass ";
  std::string_view s = stub;
  if (!s.starts_with(kPrefix)) return 0;
  s.remove_prefix(kPrefix.size());
  const uint64_t n = generation_of(s.substr(0, s.find('/')));
  return n != 0 && stub == stub_text(n) ? n : 0;
}

[[noreturn]] void fail(const std::string& what, const fs::path& path) {
  throw std::runtime_error(what + " " + path.string() + ": " + std::strerror(errno));
}

void sync_path(const fs::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) fail("cannot open", path);
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) fail("cannot sync", path);
}

}  // namespace

IndexLayout inspect_layout(const std::string& dir) {
  IndexLayout layout;
  std::error_code ec;
  const fs::file_status status = fs::status(dir, ec);
  if (!fs::exists(status)) return layout;
  if (!fs::is_directory(status)) {
    layout.kind = LayoutKind::kForeign;
    layout.detail = "it is a file, not a folder";
    return layout;
  }
  const fs::path root(dir);
  if (fs::exists(root / "iamglass", ec)) {
    layout.kind = LayoutKind::kPlain;
    return layout;
  }
  if (fs::exists(root / kStubFile, ec)) {
    layout.generation = generation_in_stub(read_small_file(root / kStubFile));
    layout.kind = layout.generation ? LayoutKind::kStub : LayoutKind::kForeign;
    if (!layout.generation) layout.detail = std::string("its ") + kStubFile + " was not written by vankho-indexer";
    return layout;
  }
  layout.kind = LayoutKind::kEmpty;
  for (fs::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (generation_of(name) == 0 && name != std::string(kStubFile) + ".tmp" && !name.starts_with(kCurrentLink)) {
      layout.kind = LayoutKind::kForeign;
      layout.detail = "it holds other files (" + name + ")";
      break;
    }
  }
  if (ec) {
    layout.kind = LayoutKind::kForeign;
    layout.detail = "it cannot be read (" + ec.message() + ")";
  }
  return layout;
}

std::string generation_dir(const std::string& dir, uint64_t generation) {
  return (fs::path(dir) / (std::string(kGenerationPrefix) + std::to_string(generation))).string();
}

std::string level_database(const std::string& dir, uint64_t generation, extract::AccessLevel level) {
  return (fs::path(generation_dir(dir, generation)) / std::string(extract::level_slug(level))).string();
}

void publish_generation(const std::string& dir, uint64_t generation) {
  const fs::path root(dir);
  const fs::path stub = root / kStubFile;
  const fs::path temp = root / (std::string(kStubFile) + ".tmp");
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << stub_text(generation);
    out.close();
    if (!out) fail("cannot write", temp);
  }
  sync_path(temp, O_RDONLY);
  if (::rename(temp.c_str(), stub.c_str()) != 0) fail("cannot rename into place", stub);
  // DIR/current → gen-N, switched the same way: a name that outlives rebuilds, for the tools that
  // take one database by path (xapian-replicate-server's -m current/cong-khai, xapian-tcpsrv).
  const fs::path link = root / kCurrentLink;
  const fs::path link_temp = root / (std::string(kCurrentLink) + ".tmp");
  std::error_code ec;
  fs::remove(link_temp, ec);
  if (::symlink((std::string(kGenerationPrefix) + std::to_string(generation)).c_str(), link_temp.c_str()) != 0) {
    fail("cannot create the link", link_temp);
  }
  if (::rename(link_temp.c_str(), link.c_str()) != 0) fail("cannot rename into place", link);
  sync_path(root, O_RDONLY | O_DIRECTORY);  // the renames themselves survive a crash
}

void remove_other_generations(const std::string& dir, uint64_t keep) {
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const uint64_t n = generation_of(it->path().filename().string());
    if (n != 0 && n != keep) {
      std::error_code remove_error;
      fs::remove_all(it->path(), remove_error);
    }
  }
}

std::string served_identity(const std::string& dir) {
  return read_small_file(fs::path(dir) / kStubFile);
}

}  // namespace vankho::schema

namespace vankho::schema {

std::vector<std::string> served_databases(const std::string& dir, const std::string& identity,
                                          extract::AccessLevel clearance) {
  const uint64_t generation = generation_in_stub(identity);
  std::vector<std::string> out;
  if (generation == 0) return out;
  for (extract::AccessLevel level : extract::kAccessLevels) {
    if (level > clearance) break;
    out.push_back(level_database(dir, generation, level));
  }
  return out;
}

}  // namespace vankho::schema
