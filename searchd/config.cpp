#include "config.h"

#include <algorithm>
#include <boost/program_options.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "caller.h"
#include "config_file.h"

namespace po = boost::program_options;

namespace vankho::searchd {
namespace {

constexpr size_t kMinTokenBytes = 16;

const char* kUsage =
    "usage: vankho-searchd --index DIR [--listen 127.0.0.1:8080] [--threads N] [--config FILE]\n"
    "                      [--web DIR] [options]\n\n"
    "Serves the index over HTTP/JSON: GET /api/search, /api/documents/{id}, /api/documents/{id}/similar,\n"
    "/api/citations/{code}, /api/suggest, /api/health, /metrics; POST /api/admin/reload when an admin\n"
    "token is configured; the search page from --web DIR at /. A new index revision committed by\n"
    "vankho-indexer is served without a restart. SIGTERM/SIGINT finish the requests in flight.\n\n"
    "Each caller reads only the documents up to its clearance: an API key (--keys), the portal's\n"
    "proxy headers (--trusted-proxy), else --anonymous-level; above it a document answers 404.\n\n"
    "Every option can also be set in the --config file as `name = value` (flags win).\n"
    "SIGHUP reads the index again and rebuilds the suggestions (systemctl reload vankho-searchd).\n\nOptions";

po::options_description file_options(Config& c, std::string& listen, std::string& log, std::string& anonymous) {
  po::options_description d(kUsage);
  d.add_options()
      ("index,i", po::value(&c.index_dir)->value_name("DIR"), "the index built by vankho-indexer (required)")
      ("listen,l", po::value(&listen)->value_name("HOST:PORT"),
       "address to listen on (default 127.0.0.1:8080; port 0 picks a free port and prints "
       "`listening on HOST:PORT` as the first stdout line); another host is an explicit choice")
      ("threads,t", po::value(&c.threads)->value_name("N"),
       "worker threads, each with its own index reader while it answers (default twice the cores, "
       "4 to 64)")
      ("max-queue", po::value(&c.max_queue)->value_name("N"),
       "connections waiting for a worker; beyond this, 503 with Retry-After (default 64)")
      ("web", po::value(&c.web_dir)->value_name("DIR"), "serve the search page's static files from DIR at /")
      ("public-url", po::value(&c.public_url)->value_name("URL"),
       "the search page's address as users reach it (e.g. https://tim.tinhuy.vn/), for the links in "
       "exports (/api/search.csv); default http://HOST/ of each request")
      ("log", po::value(&log)->value_name("FILE"),
       "append the JSON access log (one line per request and per reload) to FILE (default stderr; "
       "`-` is stderr, `off` disables request lines)")
      ("cors-origin", po::value(&c.cors_origins)->value_name("ORIGIN")->composing(),
       "an origin allowed to call the API from a browser, e.g. https://portal.example.vn; repeatable")
      ("admin-token", po::value(&c.admin_token)->value_name("TOKEN"),
       "bearer token for POST /api/admin/reload (at least 16 characters; or the VANKHO_ADMIN_TOKEN "
       "environment variable); without one the admin routes do not exist")
      ("reload-interval-ms", po::value(&c.reload_interval_ms)->value_name("MS"),
       "how often to check for a new index revision (default 500)")
      ("keep-alive-max", po::value(&c.keep_alive_max)->value_name("N"),
       "requests per keep-alive connection (default 5, or --threads - 1 if smaller; must be below --threads)")
      ("keep-alive-timeout", po::value(&c.keep_alive_timeout_s)->value_name("SECONDS"),
       "idle seconds before a keep-alive connection is closed (default 2)")
      ("timeout", po::value(&c.io_timeout_s)->value_name("SECONDS"),
       "read and write timeout of a request (default 5)")
      ("header-timeout-ms", po::value(&c.header_timeout_ms)->value_name("MS"),
       "a new connection must send a whole request head within MS milliseconds (an idle keep-alive "
       "connection within --keep-alive-timeout plus MS), or it is closed; until then it holds no "
       "worker (default 1000)")
      ("cache-entries", po::value(&c.cache_entries)->value_name("N"),
       "recent /api/search answers kept per index revision and served again without searching "
       "(default 2000, at most 64 MB; 0 disables)")
      ("max-body", po::value(&c.max_body_bytes)->value_name("BYTES"),
       "largest request body accepted (default 65536)")
      ("keys", po::value(&c.keys_file)->value_name("FILE"),
       "API keys, one a line `SHA256-HEX-OF-KEY NAME LEVEL` (# comments); a caller sending "
       "`Authorization: Bearer KEY` reads documents up to LEVEL. Make a line's hash with "
       "`printf %s KEY | sha256sum`")
      ("trusted-proxy", po::value(&c.trusted_proxies)->value_name("ADDR")->composing(),
       "a numeric address of the portal's reverse proxy, whose X-Vankho-User and X-Vankho-Level "
       "headers say who is asking (from any other address they are ignored); repeatable")
      ("anonymous-level", po::value(&anonymous)->value_name("LEVEL"),
       "the clearance of callers with neither a key nor a trusted proxy's headers (default cong-khai)")
      ("audit-log", po::value(&c.audit_log)->value_name("FILE"),
       "append a JSON line to FILE for every view or download of a document above cong-khai");
  return d;
}

std::string check(const Config& c) {
  if (c.index_dir.empty()) return "--index DIR is required";
  if (c.threads < 2 || c.threads > 256) return "--threads: expected 2 to 256, got " + std::to_string(c.threads);
  if (c.max_queue < 1 || c.max_queue > 100000) return "--max-queue: expected 1 to 100000";
  if (c.keep_alive_max < 1 || c.keep_alive_max >= c.threads) {
    return "--keep-alive-max: expected 1 to " + std::to_string(c.threads - 1) +
           " (below --threads, so that idle keep-alive connections cannot hold every worker)";
  }
  if (c.keep_alive_timeout_s < 1 || c.keep_alive_timeout_s > 60) return "--keep-alive-timeout: expected 1 to 60 seconds";
  if (c.io_timeout_s < 1 || c.io_timeout_s > 300) return "--timeout: expected 1 to 300 seconds";
  if (c.header_timeout_ms < 50 || c.header_timeout_ms > 60000) return "--header-timeout-ms: expected 50 to 60000";
  if (c.reload_interval_ms < 10 || c.reload_interval_ms > 3600000) {
    return "--reload-interval-ms: expected 10 to 3600000";
  }
  if (c.max_body_bytes > (64u << 20)) return "--max-body: at most 67108864 bytes";
  if (!c.admin_token.empty() && c.admin_token.size() < kMinTokenBytes) {
    return "--admin-token: expected at least " + std::to_string(kMinTokenBytes) + " characters";
  }
  if (!c.public_url.empty() && !(c.public_url.starts_with("http://") || c.public_url.starts_with("https://"))) {
    return "--public-url: expected an address such as https://tim.tinhuy.vn/, got '" + c.public_url + "'";
  }
  for (const auto& o : c.cors_origins) {
    if (o != "*" && !(o.starts_with("http://") || o.starts_with("https://"))) {
      return "--cors-origin: expected an origin such as https://portal.example.vn, got '" + o + "'";
    }
    if (o == "*") return "--cors-origin: '*' is not allowed; list the portal's origins";
  }
  return "";
}

}  // namespace

size_t default_threads() { return std::clamp<size_t>(2 * std::thread::hardware_concurrency(), 4, 64); }

std::optional<ListenAddress> parse_listen(const std::string& text) {
  ListenAddress a;
  size_t colon;
  if (text.starts_with("[")) {
    const size_t close = text.find(']');
    if (close == std::string::npos || close + 1 >= text.size() || text[close + 1] != ':') return std::nullopt;
    a.host = text.substr(1, close - 1);
    colon = close + 1;
  } else {
    colon = text.rfind(':');
    if (colon == std::string::npos) return std::nullopt;
    a.host = text.substr(0, colon);
    if (a.host.find(':') != std::string::npos) return std::nullopt;
  }
  const std::string port = text.substr(colon + 1);
  if (a.host.empty() || port.empty() || port.size() > 5) return std::nullopt;
  for (char ch : port) {
    if (ch < '0' || ch > '9') return std::nullopt;
  }
  a.port = std::stoi(port);
  if (a.port > 65535) return std::nullopt;
  return a;
}

ConfigResult parse_config(int argc, const char* const* argv) {
  ConfigResult result;
  Config c;
  std::string listen, log, config_file, anonymous;
  po::options_description options = file_options(c, listen, log, anonymous);
  po::options_description cli_only;
  cli_only.add_options()("help,h", "show this help")(
      "config,c", po::value(&config_file)->value_name("FILE"),
      "read settings from FILE: `name = value` lines, common ones and those under [searchd] (the package's: "
      "/etc/vankho/vankho.conf; default: $VANKHO_CONFIG if set)");
  po::options_description all;
  all.add(cli_only).add(options);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).run(), vm);
    if (vm.count("help")) {
      std::ostringstream out;
      out << all;
      result.help = true;
      result.message = out.str();
      return result;
    }
    if (config_file.empty()) config_file = config::config_path_from_environment();
    if (vm.count("config")) config_file = vm["config"].as<std::string>();
    if (!config_file.empty()) config::store_config(config::read_config_file(config_file), "searchd", options, vm);
    po::notify(vm);
  } catch (const po::error& e) {
    result.message = e.what();
    return result;
  } catch (const config::ConfigError& e) {
    result.message = e.what();
    return result;
  }
  if (!vm.count("threads")) c.threads = default_threads();
  if (!vm.count("keep-alive-max")) c.keep_alive_max = std::min<size_t>(c.keep_alive_max, c.threads > 1 ? c.threads - 1 : 1);
  if (!listen.empty()) {
    auto a = parse_listen(listen);
    if (!a) {
      result.message = "--listen: expected HOST:PORT such as 127.0.0.1:8080, got '" + listen + "'";
      return result;
    }
    c.listen = *a;
  }
  if (log == "off") {
    c.access_log = false;
  } else if (log != "-") {
    c.log_file = log;
  }
  if (c.admin_token.empty()) {
    if (const char* env = std::getenv("VANKHO_ADMIN_TOKEN")) c.admin_token = env;
  }
  if (!anonymous.empty()) {
    const auto level = extract::parse_level(anonymous);
    if (!level) {
      result.message = "--anonymous-level: expected one of " + extract::level_choices() + ", got '" + anonymous + "'";
      return result;
    }
    c.anonymous_level = *level;
  }
  for (const auto& p : c.trusted_proxies) {
    if (!canonical_address(p)) {
      result.message = "--trusted-proxy: expected a numeric IPv4 or IPv6 address, got '" + p + "'";
      return result;
    }
  }
  if (!c.keys_file.empty()) {
    std::string error;
    auto keys = KeyTable::load(c.keys_file, error);
    if (!keys) {
      result.message = "--keys: " + error;
      return result;
    }
    c.keys = std::move(*keys);
  }
  if (std::string error = check(c); !error.empty()) {
    result.message = error;
    return result;
  }
  result.config = std::move(c);
  return result;
}

}  // namespace vankho::searchd
