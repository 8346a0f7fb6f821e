#include "shards.h"

#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "index_layout.h"
#include "index_metadata.h"
#include "schema.h"
#include "searcher.h"

namespace vankho::query {
namespace {

namespace fs = std::filesystem;

// The stub file an index path names: the path itself, or DIR/XAPIANDB.
fs::path stub_file(const std::string& index_path) {
  return fs::is_directory(index_path) ? fs::path(index_path) / schema::kStubFile : fs::path(index_path);
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string text(64 * 1024, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(in.gcount()));
  return text;
}

std::string trimmed(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return "";
  return std::string(s.substr(b, s.find_last_not_of(" \t\r") - b + 1));
}

// "HOST:PORT" (an IPv6 host in brackets) into `line`; false when malformed.
bool parse_host_port(std::string_view text, ShardLine& line) {
  const size_t colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  std::string_view host = text.substr(0, colon), port = text.substr(colon + 1);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), line.port);
  if (ec != std::errc() || end != port.data() + port.size() || line.port == 0 || line.port > 65535) return false;
  line.host = std::string(host);
  return true;
}

}  // namespace

bool is_shard_stub(const std::string& index_path) {
  std::error_code ec;
  if (fs::is_regular_file(index_path, ec)) return true;
  if (!fs::is_directory(index_path, ec) || !fs::exists(fs::path(index_path) / schema::kStubFile, ec)) return false;
  return schema::inspect_layout(index_path).kind != schema::LayoutKind::kStub;
}

std::vector<ShardLine> read_shard_stub(const std::string& index_path) {
  const fs::path file = stub_file(index_path);
  std::ifstream in(file);
  if (!in) throw IndexUnavailable("cannot read the stub file " + file.string());
  std::vector<ShardLine> lines;
  std::string raw;
  for (size_t number = 1; std::getline(in, raw); ++number) {
    const std::string text = trimmed(raw);
    if (text.empty() || text.front() == '#') continue;
    const size_t space = text.find_first_of(" \t");
    const std::string kind = space == std::string::npos ? "" : text.substr(0, space);
    const std::string rest = space == std::string::npos ? text : trimmed(text.substr(space));
    ShardLine line;
    line.name = text;
    auto fail = [&](const std::string& why) {
      throw IndexUnavailable(file.string() + ":" + std::to_string(number) + ": " + why + ": '" + text + "'");
    };
    if (kind == "remote") {
      line.remote = true;
      if (rest.starts_with(":")) fail("a remote program (remote :PROG) is not supported; serve the shard with xapian-tcpsrv");
      if (!parse_host_port(rest, line)) fail("expected remote HOST:PORT");
    } else if (kind == "auto" || kind == "glass" || kind.empty()) {
      line.path = kind.empty() ? text : rest;
    } else if (kind == "inmemory" || kind == "chert" || kind == "honey") {
      fail("a " + kind + " database cannot be searched by vankho (glass or remote only)");
    } else {
      line.path = text;  // a bare path with a space in it
    }
    if (!line.remote) {
      const fs::path p(line.path);
      line.path = (p.is_absolute() ? p : file.parent_path() / p).lexically_normal().string();
    }
    lines.push_back(std::move(line));
  }
  if (lines.empty()) throw IndexUnavailable("the stub file " + file.string() + " names no database");
  return lines;
}

std::string shard_identity(const std::string& index_path, const std::vector<ShardLine>& lines) {
  std::string identity = read_text(stub_file(index_path));
  for (const auto& line : lines) {
    std::error_code ec;
    if (!line.remote && fs::is_directory(line.path, ec)) identity += read_text(fs::path(line.path) / schema::kStubFile);
  }
  return identity;
}

unsigned remote_timeout_ms() {
  static const unsigned ms = [] {
    const char* text = std::getenv("VANKHO_REMOTE_TIMEOUT_MS");
    unsigned value = 0;
    if (text && std::from_chars(text, text + std::char_traits<char>::length(text), value).ec == std::errc() &&
        value >= 10 && value <= 600000) {
      return value;
    }
    return 10000u;
  }();
  return ms;
}

void open_shard(ShardState& state, extract::AccessLevel clearance) {
  constexpr auto kRetryAfter = std::chrono::seconds(2);
  state.db.reset();
  state.above_clearance = false;
  state.problem.clear();
  const ShardLine& line = state.line;
  try {
    Xapian::Database db;
    bool levels_known = false;  // a vankho index folder: opened up to the clearance only
    if (line.remote) {
      const unsigned timeout = remote_timeout_ms();
      db = Xapian::Remote::open(line.host, line.port, timeout, std::max(10u, timeout / 5));
    } else if (schema::inspect_layout(line.path).kind == schema::LayoutKind::kStub) {
      for (const auto& path : schema::served_databases(line.path, schema::served_identity(line.path), clearance)) {
        db.add_database(Xapian::Database(path));
      }
      levels_known = true;
    } else {
      db = Xapian::Database(line.path);
    }
    if (db.get_doccount() > 0) schema::check_compatible(db, line.name);
    if (!levels_known) {
      for (extract::AccessLevel level : extract::kAccessLevels) {
        if (level > clearance && db.get_termfreq(schema::term(schema::kLevel, extract::level_slug(level))) > 0) {
          state.above_clearance = true;
          state.problem = "holds documents above " + std::string(extract::level_slug(clearance));
          return;
        }
      }
    }
    if (line.remote) state.uuid = db.get_uuid();
    state.db = std::move(db);
  } catch (const Xapian::Error& e) {
    state.problem = e.get_description();
  } catch (const schema::IndexMismatch& e) {
    state.problem = e.what();
  }
  if (!state.db) state.retry_at = std::chrono::steady_clock::now() + kRetryAfter;
}

bool remote_shard_replaced(const ShardState& state) {
  if (!state.line.remote || !state.db) return false;
  try {
    const unsigned timeout = remote_timeout_ms();
    return Xapian::Remote::open(state.line.host, state.line.port, timeout, std::max(10u, timeout / 5)).get_uuid() !=
           state.uuid;
  } catch (const Xapian::Error&) {
    return false;
  }
}

}  // namespace vankho::query
