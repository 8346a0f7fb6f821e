// searchd's configuration: every option comes from a flag or a config file (flags win), read by
// Boost.Program_options; `--help` documents each. Validation errors name the option.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "api_keys.h"

namespace vankho::searchd {

struct ListenAddress {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (printed on stdout)
};

struct Config {
  std::string index_dir;
  ListenAddress listen;
  size_t threads = 0;                // worker threads = requests served at once (0: default_threads())
  size_t max_queue = 64;             // connections waiting for a worker before 503
  std::string web_dir;               // static files at / ("" = none)
  std::string public_url;            // the search page's address in exports ("" = http://HOST/ of the request)
  std::string log_file;              // access log ("" or "-" = stderr)
  bool access_log = true;            // one JSON line per request
  std::vector<std::string> cors_origins;
  std::string admin_token;           // "" = admin routes absent
  unsigned reload_interval_ms = 500;  // how often the index revision is checked
  size_t keep_alive_max = 5;          // requests per connection (below `threads`; default min(5, threads-1))
  unsigned keep_alive_timeout_s = 2;  // idle seconds a connection may hold a worker
  unsigned io_timeout_s = 5;          // read and write timeout per request
  unsigned header_timeout_ms = 1000;  // a connection's whole request head must arrive within this
  size_t max_body_bytes = 64 * 1024;  // request bodies (only admin routes take one)
  size_t cache_entries = 2000;        // recent search answers kept (0 = no cache)
  size_t cache_bytes = 64ull << 20;   // ...and their bytes at most
  // Who may see what (caller.h): API keys, the portal's proxies, everyone else.
  std::string keys_file;                     // "" = no keys
  KeyTable keys;                             // read from keys_file
  std::vector<std::string> trusted_proxies;  // numeric addresses
  extract::AccessLevel anonymous_level = extract::AccessLevel::kCongKhai;
  std::string audit_log;  // "" = no audit log
};

struct ConfigResult {
  std::optional<Config> config;  // set when the daemon should run
  std::string message;           // --help text (exit 0) or the error (exit 2)
  bool help = false;
};

// Reads flags, then the --config FILE (if any), then VANKHO_ADMIN_TOKEN for an unset token, then
// the --keys FILE (its errors are FILE:LINE: reason).
[[nodiscard]] ConfigResult parse_config(int argc, const char* const* argv);

// Twice the machine's cores, 4 to 64: a search on an index in memory is all CPU, and workers beyond
// the cores only time-share them (on 2 cores, 8 workers served the portal mix no faster than 4 and
// stretched its p99 from 24 to 36 ms); a few more than the cores keep them busy while one waits
// for the disk or a slow client.
[[nodiscard]] size_t default_threads();

// "127.0.0.1:8080", "[::1]:8080", "0.0.0.0:0"; nullopt when malformed.
[[nodiscard]] std::optional<ListenAddress> parse_listen(const std::string& text);

}  // namespace vankho::searchd
