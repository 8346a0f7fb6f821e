// Bad input over HTTP: each case gets a 4xx JSON error naming the parameter; thousands of random
// requests never get a 5xx and the daemon stays up.
#include <random>

#include "http_fixture.h"

namespace vankho::testing {
namespace {

class BadInput : public SearchdTest {
 protected:
  void SetUp() override {
    SearchdTest::SetUp();
    start();
  }
};

struct Case {
  std::string path;
  int status;
  std::string code;
  std::string in_message;  // the parameter named, and what was expected
};

TEST_F(BadInput, EachBadRequestGetsANamedError) {
  const std::vector<Case> cases = {
      {"/api/search?q=x&sort=newest", 400, "bad_parameter", "sort: expected relevance or date, got 'newest'"},
      {"/api/search?q=x&limit=-1", 400, "bad_parameter", "limit: expected an integer from 0 to 100, got '-1'"},
      {"/api/search?q=x&limit=100000", 400, "bad_parameter", "limit: expected an integer from 0 to 100, got '100000'"},
      {"/api/search?q=x&offset=abc", 400, "bad_parameter", "offset: expected an integer"},
      {"/api/search?q=x&from=2022-13-40", 400, "bad_parameter", "from: expected a date YYYY-MM-DD, YYYY-MM or YYYY"},
      {"/api/search?q=x&to=2022-02-30", 400, "bad_parameter", "to: expected a date"},
      {"/api/search?from=2023-01-01&to=2022-01-01", 400, "bad_parameter", "from: the start 2023-01-01 is after to=2022-01-01"},
      {"/api/search?q=%FF%FEabc", 400, "bad_parameter", "q: not valid UTF-8"},
      {"/api/search?q=%C0%AF", 400, "bad_parameter", "q: not valid UTF-8"},
      {"/api/search?issuer=%ED%A0%80", 400, "bad_parameter", "issuer: not valid UTF-8"},
      {"/api/search?q=" + std::string(3000, 'a'), 400, "bad_parameter", "q: longer than 2000 bytes"},
      {"/api/search?q=" + std::string(100 * 1024, 'a'), 414, "uri_too_long", "q takes at most 2000 bytes"},
      {"/api/search?q=a&q=b", 400, "bad_parameter", "q: given more than once"},
      // The same pair twice: cpp-httplib's parse merges it; searchd reads the raw query.
      {"/api/search?sort=date&sort=date", 400, "bad_parameter", "sort: given more than once"},
      {"/api/suggest?q=a&limit=2&limit=2", 400, "bad_parameter", "limit: given more than once"},
      {"/api/search?qq=x", 400, "bad_parameter", "unknown parameter 'qq'; expected one of: q,"},
      {"/api/search?facets=maybe", 400, "bad_parameter", "facets: expected true or false"},
      {"/api/search?year=20x2", 400, "bad_parameter", "year: expected a year such as 2022"},
      {"/api/suggest?q=x&limit=11", 400, "bad_parameter", "limit: expected an integer from 1 to 10"},
      {"/api/suggest?term=x", 400, "bad_parameter", "unknown parameter 'term'"},
      {"/api/documents/001_36391affc1bfd663.txt?highlight=x", 400, "bad_parameter", "unknown parameter 'highlight'"},
      {"/api/documents/001_36391affc1bfd663.txt/similar?limit=0", 400, "bad_parameter", "limit: expected an integer from 1 to 100"},
      {"/api/citations/13-NQ%2FTW?limit=1000", 400, "bad_parameter", "limit: expected an integer from 1 to 100"},
      {"/api/citations/%FF", 400, "bad_parameter", "code: not valid UTF-8"},
      {"/api/health?verbose=1", 400, "bad_parameter", "unknown parameter 'verbose'; this route takes no parameters"},
      {"/api/documents/no-such-document.txt", 404, "not_found", "no document with id 'no-such-document.txt'"},
      {"/api/documents/../../etc/passwd", 404, "not_found", "no document with id"},
      {"/api/nothing", 404, "not_found", "no such route"},
  };
  for (const auto& c : cases) {
    auto res = get(c.path);
    ASSERT_TRUE(res) << c.path.substr(0, 100);
    EXPECT_EQ(res->status, c.status) << c.path.substr(0, 100) << " → " << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8") << c.path.substr(0, 100);
    const auto j = nlohmann::json::parse(res->body, nullptr, false);
    ASSERT_TRUE(j.is_object()) << res->body;
    EXPECT_EQ(j["error"]["code"], c.code) << c.path.substr(0, 100);
    EXPECT_NE(j["error"]["message"].get<std::string>().find(c.in_message), std::string::npos)
        << c.path.substr(0, 100) << " → " << j["error"]["message"];
  }
}

TEST_F(BadInput, UnsupportedMethodsAndBodies) {
  auto c = client();
  auto patch = c->Patch("/api/suggest", "x", "text/plain");
  ASSERT_TRUE(patch);
  EXPECT_EQ(patch->status, 405);
  const std::string big(200 * 1024, 'x');
  auto large = c->Post("/api/admin/reload", big, "text/plain");
  ASSERT_TRUE(large);
  EXPECT_EQ(large->status, 413);
  EXPECT_EQ(nlohmann::json::parse(large->body)["error"]["code"], "body_too_large");
  // The daemon is still there.
  EXPECT_EQ(get_json("/api/health")["status"], "ok");
}

// Random query strings and parameters: every answer is a JSON body with a status below 500.
TEST_F(BadInput, RandomRequestsNeverFailTheServer) {
  std::mt19937 rng(20241122);
  const std::vector<std::string> routes = {"/api/search", "/api/suggest", "/api/documents/001_36391affc1bfd663.txt",
                                           "/api/documents/001_36391affc1bfd663.txt/similar", "/api/citations/",
                                           "/api/health", "/api/documents/"};
  const std::vector<std::string> names = {"q", "type", "theme", "issuer", "province", "year", "parent", "from", "to", "sort",
                                          "offset", "limit", "facets", "snippets", "suggest", "interpret", "x", ""};
  const std::vector<std::string> words = {"nông", "thôn", "mới", "nong", "NQ", "13", "13-NQ/TW", "quý I năm 2025",
                                          "tháng 7/2022", "\"chuyển đổi số\"", "-dang", "type:chuong-trinh", "2022",
                                          "2022-13-40", "-1", "100000", "date", "true", "ĐẢNG", "AND", "OR", "(", ")",
                                          "*", "%", "&", "=", "..", "/", "\\", "\x01", "\xff", "\xe1\xba", "𝔘"};
  auto random_text = [&] {
    std::string s;
    const int kind = static_cast<int>(rng() % 4);
    const int n = static_cast<int>(rng() % 6);
    for (int i = 0; i < n; ++i) {
      if (kind == 0) {
        s += static_cast<char>(rng() % 256);
      } else {
        s += words[rng() % words.size()];
        s += (rng() % 3 == 0) ? "" : " ";
      }
    }
    if (kind == 3) s += std::string(rng() % 2500, 'a');
    return s;
  };
  auto c = client(true);
  size_t answered = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string path = routes[rng() % routes.size()];
    if (path.ends_with("/")) path += url_encode(random_text());
    const int params = static_cast<int>(rng() % 4);
    for (int p = 0; p < params; ++p) {
      path += (p == 0 ? "?" : "&") + url_encode(names[rng() % names.size()]) + "=" + url_encode(random_text());
    }
    auto res = c->Get(path);
    ASSERT_TRUE(res) << "request " << i << " got no answer: " << httplib::to_string(res.error()) << " " << path.substr(0, 200);
    ASSERT_LT(res->status, 500) << path.substr(0, 200) << " → " << res->body.substr(0, 300);
    const auto j = nlohmann::json::parse(res->body, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << path.substr(0, 200) << " → " << res->body.substr(0, 300);
    if (res->status >= 400) {
      ASSERT_TRUE(j.contains("error")) << res->body;
      ASSERT_TRUE(j["error"]["message"].is_string());
    }
    ++answered;
  }
  EXPECT_EQ(answered, 3000u);
  EXPECT_TRUE(searchd_->running());
  EXPECT_EQ(get_json("/api/health")["status"], "ok");
}

}  // namespace
}  // namespace vankho::testing
