#include "http_fixture.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>
#include <thread>

#include "test_index.h"

namespace vankho::testing {
namespace {
constexpr std::string_view kSuggestBuilt = "\"event\":\"suggest_built\"";
}  // namespace

void SearchdTest::SetUp() {
  std::filesystem::copy(seeds_dir(), docs_dir(), std::filesystem::copy_options::recursive);
  index_docs();
  dir_.write("web/index.html", "<!doctype html><html><head><script src=\"app.js\"></script></head><body></body></html>");
  dir_.write("web/app.js", "document.title = 'vankho';\n");
  dir_.write("web/style.css", "body { margin: 0 }\n");
  std::filesystem::create_directories(dir_.str("web/empty"));
  dir_.write("secret.txt", "outside the web folder");
}

void SearchdTest::index_docs(const std::vector<std::string>& options) {
  std::vector<std::string> all{"--default-level", "cong-khai"};
  all.insert(all.end(), options.begin(), options.end());
  ASSERT_EQ(run_indexer(index_dir(), {docs_dir()}, dir_.str("indexer.log"), all), 0)
      << "see " << dir_.str("indexer.log");
}

void SearchdTest::start(const std::vector<std::string>& extra, bool with_token) {
  searchd_.reset();
  std::vector<std::string> args{"--web", dir_.str("web"), "--cors-origin", kPortalOrigin};
  args.insert(args.end(), extra.begin(), extra.end());
  std::vector<std::string> env;
  env.push_back(std::string("VANKHO_ADMIN_TOKEN=") + (with_token ? kAdminToken : ""));
  const auto built = [&] {
    const std::string log = log_text();
    size_t n = 0;
    for (size_t at = log.find(kSuggestBuilt); at != std::string::npos; at = log.find(kSuggestBuilt, at + 1)) ++n;
    return n;
  };
  const size_t built_before = built();
  searchd_ = std::make_unique<SearchdProcess>(index_dir(), args, log_path(), env);
  // searchd serves at once and builds its first suggestions in the background: the tests that ask
  // for them (and those counting requests) start once they are built.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (built() == built_before && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

std::unique_ptr<httplib::Client> SearchdTest::client(bool keep_alive) const {
  auto c = std::make_unique<httplib::Client>("127.0.0.1", searchd_->port());
  c->set_keep_alive(keep_alive);
  c->set_connection_timeout(5);
  c->set_read_timeout(10);
  c->set_url_encode(false);
  return c;
}

httplib::Result SearchdTest::get(const std::string& path, const httplib::Headers& headers) const {
  auto res = client()->Get(path, headers);
  EXPECT_TRUE(res) << "GET " << path << ": " << httplib::to_string(res.error());
  return res;
}

nlohmann::json SearchdTest::get_json(const std::string& path, int status) const {
  auto res = get(path);
  if (!res) return nullptr;
  EXPECT_EQ(res->status, status) << "GET " << path << ": " << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8") << path;
  return nlohmann::json::parse(res->body, nullptr, false);
}

std::string SearchdTest::log_text() const {
  std::ifstream in(log_path());
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string url_encode(const std::string& s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::vector<std::string> hit_ids(const nlohmann::json& response) {
  std::vector<std::string> ids;
  if (!response.is_object() || !response.contains("hits")) return ids;
  for (const auto& h : response["hits"]) ids.push_back(h.value("id", ""));
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace vankho::testing
