// Every endpoint of the real daemon over HTTP, on an index of the seeds.
#include <algorithm>
#include <chrono>
#include <map>
#include <thread>

#include "http_fixture.h"

namespace vankho::testing {
namespace {

using Ids = std::vector<std::string>;
const std::string k000 = "000_b0635ad2fd7fc13e.txt", k001 = "001_36391affc1bfd663.txt",
                  k002 = "002_d93671f2cbad73a6.txt", k003 = "003_aabf41006b262e9c.txt",
                  k004 = "004_d18117e02a6e2a66.txt";

class Endpoints : public SearchdTest {
 protected:
  void SetUp() override {
    SearchdTest::SetUp();
    start();
  }
};

TEST_F(Endpoints, SearchWithoutDiacriticsHighlightsTheAccentedWords) {
  auto res = get("/api/search?q=nong%20thon%20moi");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff");
  const auto j = nlohmann::json::parse(res->body);
  EXPECT_EQ(hit_ids(j), (Ids{k000, k001, k002, k003, k004}));
  size_t marked = 0;
  for (const auto& h : j["hits"]) marked += h["snippet"].get<std::string>().find("<mark>nông thôn mới</mark>") != std::string::npos;
  EXPECT_GE(marked, 4u);
  EXPECT_EQ(j["suggestion"], "nông thôn mới");
  EXPECT_TRUE(j["facets"].contains("type"));
  EXPECT_TRUE(j.contains("took_ms"));
}

TEST_F(Endpoints, ARepeatedSearchIsAnsweredFromTheCacheUntilTheIndexChanges) {
  const std::string path = "/api/search?q=chuy%E1%BB%83n%20%C4%91%E1%BB%95i%20s%E1%BB%91&limit=3";
  auto first = get(path);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->get_header_value("X-Vankho-Cache"), "");
  auto second = get(path);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->get_header_value("X-Vankho-Cache"), "hit");
  // The same answer, with its own time and saying where it came from.
  auto first_json = nlohmann::json::parse(first->body), second_json = nlohmann::json::parse(second->body);
  EXPECT_EQ(first_json["cached"], false);
  EXPECT_EQ(second_json["cached"], true);
  EXPECT_TRUE(second_json["took_ms"].is_number());
  for (auto* j : {&first_json, &second_json}) {
    j->erase("cached");
    j->erase("took_ms");
  }
  EXPECT_EQ(second_json, first_json);
  auto metrics = get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_NE(metrics->body.find("vankho_search_cache_requests_total{result=\"hit\"} 1\n"), std::string::npos)
      << metrics->body;
  // A new revision: the next answer is searched again and finds the new document.
  dir_.write("docs/new.txt", "Kế hoạch chuyển đổi số năm 2026 của tỉnh.");
  index_docs();
  for (int i = 0; i < 50; ++i) {
    auto res = get(path);
    ASSERT_TRUE(res);
    const auto ids = hit_ids(nlohmann::json::parse(res->body));
    if (std::find(ids.begin(), ids.end(), "new.txt") != ids.end()) {
      EXPECT_EQ(res->get_header_value("X-Vankho-Cache"), "");
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  FAIL() << "the new document never appeared: a cached answer outlived the reload";
}

TEST_F(Endpoints, SearchForACodeFindsTheDocumentsCitingIt) {
  // 13-NQ/TW is cited by 001 and 004 (grep seeds/ for it); no seed is 13-NQ/TW itself.
  const auto j = get_json("/api/search?q=NQ%2013");
  EXPECT_EQ(hit_ids(j), (Ids{k001, k004}));
  ASSERT_EQ(j["query"]["codes"].size(), 1u);
  EXPECT_EQ(j["query"]["codes"][0]["codes"], nlohmann::json::array({"13-NQ/TW"}));
  for (const auto& h : j["hits"]) EXPECT_NE(h["snippet"].get<std::string>().find("<mark>13-NQ/TW</mark>"), std::string::npos);
}

TEST_F(Endpoints, SearchFiltersSortAndPaging) {
  EXPECT_EQ(hit_ids(get_json("/api/search?type=chuong-trinh-hanh-dong")), (Ids{k004}));
  EXPECT_EQ(hit_ids(get_json("/api/search?q=nong%20thon&from=2022-07&to=2022-09")), (Ids{k000, k001}));
  EXPECT_EQ(hit_ids(get_json("/api/search?year=2025")), (Ids{k003}));
  const auto page = get_json("/api/search?q=nong%20thon%20moi&limit=2&offset=1&facets=false&snippets=false");
  EXPECT_EQ(page["hits"].size(), 2u);
  EXPECT_TRUE(page["facets"].empty());
  EXPECT_EQ(page["hits"][0]["snippet"], "");
  const auto by_date = get_json("/api/search?q=nong%20thon%20moi&sort=date&limit=0");
  EXPECT_EQ(by_date["total"], 5);
}

// Each warning has a stable code, its parameters and an English message (searchd/README.md).
TEST_F(Endpoints, WarningsCarryACodeAndTheirParameters) {
  const auto j = get_json("/api/search?q=nong%20thon%20nam%3Aabc%20den%3A2021%20tu%3A2023%20OR");
  std::map<std::string, nlohmann::json> by_code;
  for (const auto& w : j["query"]["warnings"]) {
    ASSERT_TRUE(w["message"].is_string() && !w["message"].get<std::string>().empty()) << w;
    by_code[w["code"].get<std::string>()] = w["params"];
  }
  ASSERT_EQ(by_code.size(), 3u) << j["query"]["warnings"];
  EXPECT_EQ(by_code["bad_year"], (nlohmann::json{{"filter", "nam:abc"}}));
  EXPECT_EQ(by_code["or_at_end"], nlohmann::json::object());
  EXPECT_EQ(by_code["dates_swapped"], (nlohmann::json{{"from", "2023-01-01"}, {"to", "2021-12-31"}}));
}

std::vector<std::string> csv_lines(const std::string& body) {
  std::vector<std::string> lines;
  for (size_t at = 0; at < body.size();) {
    const size_t end = body.find("\r\n", at);
    EXPECT_NE(end, std::string::npos) << "every line ends with CRLF";
    if (end == std::string::npos) break;
    lines.push_back(body.substr(at, end - at));
    at = end + 2;
  }
  return lines;
}

// The hits of a search, every one of them, as CSV: in the search's order, with links to the page.
TEST_F(Endpoints, ASearchExportsEveryHitAsCsv) {
  const auto res = get("/api/search.csv?q=nong%20thon%20moi");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_NE(res->get_header_value("Content-Disposition").find("attachment"), std::string::npos);
  const std::vector<std::string> lines = csv_lines(res->body);
  ASSERT_EQ(lines.size(), 6u) << res->body;  // the header and the five seeds
  EXPECT_EQ(lines[0], "Số hiệu,Loại,Trích yếu,Cơ quan ban hành,Ngày ban hành,Thời kỳ,Chủ đề,Liên kết");
  const auto json = get_json("/api/search?q=nong%20thon%20moi&facets=false");
  ASSERT_EQ(json["hits"].size(), 5u);
  for (size_t i = 0; i < 5; ++i) {
    const std::string id = json["hits"][i]["id"];
    EXPECT_TRUE(lines[i + 1].ends_with("/?doc=" + url_encode(id))) << lines[i + 1];
    EXPECT_TRUE(lines[i + 1].starts_with(json["hits"][i]["number"].get<std::string>() + ",")) << lines[i + 1];
  }
  // For Excel: a byte order mark first; `limit` takes the first rows.
  const auto excel = get("/api/search.csv?q=nong%20thon%20moi&excel=true&limit=2");
  ASSERT_TRUE(excel);
  EXPECT_TRUE(excel->body.starts_with("\xEF\xBB\xBFSố hiệu,")) << excel->body.substr(0, 20);
  EXPECT_EQ(csv_lines(excel->body).size(), 3u);
  // Bad parameters: a JSON 400 naming them, as for /api/search.
  EXPECT_EQ(get_json("/api/search.csv?q=x&limit=1001", 400)["error"]["parameter"], "limit");
  EXPECT_EQ(get_json("/api/search.csv?q=x&excel=maybe", 400)["error"]["parameter"], "excel");
  EXPECT_EQ(get_json("/api/search.csv?q=x&sort=newest", 400)["error"]["parameter"], "sort");
}

// A feed of a search: its documents newest first, each an entry linking to the page.
TEST_F(Endpoints, ASearchIsAnAtomFeedNewestFirst) {
  const auto res = get("/api/search.atom?q=nong%20thon%20moi&limit=4");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/atom+xml; charset=utf-8");
  const auto by_date = get_json("/api/search?q=nong%20thon%20moi&sort=date&limit=4&facets=false");
  ASSERT_EQ(by_date["hits"].size(), 4u);
  size_t at = 0;
  for (const auto& hit : by_date["hits"]) {
    const size_t entry = res->body.find("<id>http://127.0.0.1:" + std::to_string(searchd_->port()) + "/?doc=" +
                                        url_encode(hit["id"].get<std::string>()) + "</id>", at);
    ASSERT_NE(entry, std::string::npos) << hit["id"] << " in order in\n" << res->body;
    at = entry;
  }
  size_t entries = 0;
  for (size_t p = res->body.find("<entry>"); p != std::string::npos; p = res->body.find("<entry>", p + 1)) ++entries;
  EXPECT_EQ(entries, 4u);
  EXPECT_NE(res->body.find("<title>Văn khố: nong thon moi</title>"), std::string::npos);
  EXPECT_EQ(get_json("/api/search.atom?q=x&sort=relevance", 400)["error"]["parameter"], "sort");
  EXPECT_EQ(get_json("/api/search.atom?q=x&limit=0", 400)["error"]["parameter"], "limit");
}

// The marks of `html` (<mark>…</mark>), in order.
std::vector<std::string> marked(const std::string& html) {
  std::vector<std::string> out;
  for (size_t at = html.find("<mark>"); at != std::string::npos; at = html.find("<mark>", at + 1)) {
    const size_t end = html.find("</mark>", at);
    out.push_back(html.substr(at + 6, end - at - 6));
  }
  return out;
}

// `chuyen doi so` typed without marks on the 2023 Đồng Tháp programme: its five `chuyển đổi số`
// are marked, each as one match, and not the hundred `số`, `sơ`, `đổi`, `đời` elsewhere in it.
TEST_F(Endpoints, AQuerysWordsTypedSideBySideAreMarkedWhereTheTextHasThemSo) {
  const auto j = get_json("/api/documents/" + k004 + "?q=chuyen%20doi%20so");
  const std::vector<std::string> marks = marked(j["highlighted_html"].get<std::string>());
  ASSERT_EQ(marks.size(), 5u) << j["highlighted_html"];
  for (const auto& m : marks) EXPECT_TRUE(m == "chuyển đổi số" || m == "Chuyển đổi số") << m;
  // A text without the run marks the words one by one, as before.
  const auto other = get_json("/api/documents/" + k001 + "?q=chuyen%20doi%20so");
  for (const auto& m : marked(other["highlighted_html"].get<std::string>())) {
    EXPECT_EQ(m.find(' '), std::string::npos) << m;
  }
  // Snippets follow the same rule.
  const auto search = get_json("/api/search?q=chuyen%20doi%20so");
  bool seen = false;
  for (const auto& hit : search["hits"]) {
    if (hit["id"] != k004) continue;
    seen = true;
    const auto snippet_marks = marked(hit["snippet"].get<std::string>());
    ASSERT_FALSE(snippet_marks.empty()) << hit["snippet"];
    for (const auto& m : snippet_marks) EXPECT_TRUE(m == "chuyển đổi số" || m == "Chuyển đổi số") << m;
  }
  EXPECT_TRUE(seen);
}

TEST_F(Endpoints, WhyADocumentAnswersASearch) {
  const auto j = get_json("/api/documents/" + k001 + "/explain?q=NQ%2013");
  EXPECT_EQ(j["id"], k001);
  EXPECT_EQ(j["matches"], true);
  ASSERT_EQ(j["terms"].size(), 1u) << j;
  EXPECT_EQ(j["terms"][0]["kind"], "cites");
  EXPECT_EQ(j["terms"][0]["text"], "13-NQ/TW");
  EXPECT_TRUE(j["period_asked"].is_null());
  EXPECT_EQ(get_json("/api/documents/nope.txt/explain?q=x", 404)["error"]["code"], "not_found");
  EXPECT_EQ(get_json("/api/documents/" + k001 + "/explain?q=x&sort=newest", 400)["error"]["parameter"], "sort");
}

TEST_F(Endpoints, DocumentWithMetadataTextSectionsAndHighlight) {
  const auto j = get_json("/api/documents/" + k001 + "?q=nong%20thon");
  EXPECT_EQ(j["id"], k001);
  EXPECT_EQ(j["title"], "Chương trình chỉ đạo tháng 7/2022 của Ban Thường vụ Tỉnh ủy");
  EXPECT_NE(j["text"].get<std::string>().find("13-NQ/TW"), std::string::npos);
  EXPECT_TRUE(j["sections"].is_array());
  EXPECT_TRUE(j["cited_by"].is_array());
  ASSERT_TRUE(j["citations"].is_array());
  EXPECT_EQ(j["citations"][0]["code"], "13-NQ/TW");
  EXPECT_NE(j["highlighted_html"].get<std::string>().find("<mark>nông thôn</mark>"), std::string::npos);
  // Percent-encoded ids work too.
  EXPECT_EQ(get_json("/api/documents/" + url_encode(k001))["id"], k001);
}

TEST_F(Endpoints, SimilarDocuments) {
  const auto j = get_json("/api/documents/" + k004 + "/similar?limit=3");
  EXPECT_EQ(j["similar_to"], k004);
  const Ids ids = hit_ids(j);
  EXPECT_FALSE(ids.empty());
  EXPECT_LE(ids.size(), 3u);
  EXPECT_EQ(std::count(ids.begin(), ids.end(), k004), 0);
  EXPECT_EQ(get_json("/api/documents/nope.txt/similar", 404)["error"]["code"], "not_found");
}

TEST_F(Endpoints, UnknownIdsAndTraversalAre404WithoutReadingFiles) {
  for (const std::string& path : std::vector<std::string>{"/api/documents/nope.txt", "/api/documents/../../etc/passwd",
                                 "/api/documents/%2e%2e/%2e%2e/etc/passwd", "/api/documents/..%2F..%2Fsecret.txt",
                                 "/api/documents/" + url_encode(dir_.str("secret.txt")),
                                 "/api/documents/" + std::string(300, 'a')}) {
    auto res = get(path);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 404) << path;
    EXPECT_EQ(res->body.find("root:"), std::string::npos);
    EXPECT_EQ(res->body.find("outside the web folder"), std::string::npos);
    EXPECT_EQ(nlohmann::json::parse(res->body)["error"]["code"], "not_found") << path;
  }
}

TEST_F(Endpoints, CitationsInAnySpelling) {
  for (const std::string& code : std::vector<std::string>{"13-NQ%2FTW", "NQ%2013", "13%2Fnq-tw", "13-nq%2Ftw", url_encode("nghị quyết 13")}) {
    const auto j = get_json("/api/citations/" + code);
    EXPECT_EQ(j["codes"], nlohmann::json::array({"13-NQ/TW"})) << code;
    Ids citing;
    for (const auto& r : j["cited_by"]) citing.push_back(r["id"]);
    std::sort(citing.begin(), citing.end());
    EXPECT_EQ(citing, (Ids{k001, k004})) << code;
  }
  const auto j = get_json("/api/citations/hello");
  EXPECT_TRUE(j["codes"].empty());
  EXPECT_TRUE(j["warning"].is_string());
}

TEST_F(Endpoints, SuggestCompletions) {
  auto phrases = get_json("/api/suggest?q=nong%20th");
  const auto has = [](const nlohmann::json& j, const std::string& text) {
    for (const auto& s : j["suggestions"]) {
      if (s["text"] == text) return true;
    }
    return false;
  };
  EXPECT_TRUE(has(phrases, "nông thôn")) << phrases.dump();
  EXPECT_TRUE(has(get_json("/api/suggest?q=NQ%2013"), "13-NQ/TW"));
  const auto titles = get_json("/api/suggest?q=chuong%20trinh%20hanh");
  ASSERT_FALSE(titles["suggestions"].empty());
  EXPECT_LE(get_json("/api/suggest?q=c")["suggestions"].size(), 10u);
  EXPECT_LE(get_json("/api/suggest?q=c&limit=2")["suggestions"].size(), 2u);
  EXPECT_TRUE(get_json("/api/suggest?q=")["suggestions"].empty());
}

TEST_F(Endpoints, HealthAndMetrics) {
  const auto h = get_json("/api/health");
  EXPECT_EQ(h["status"], "ok");
  EXPECT_EQ(h["documents"], 5);
  EXPECT_GE(h["revision"].get<int>(), 1);
  (void)get_json("/api/search?q=dang");
  // A request is counted and logged just after its response is sent: give it a moment.
  auto m = get("/metrics");
  for (int i = 0; i < 100 && m && m->body.find("route=\"search\",status=\"200\"") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    m = get("/metrics");
  }
  ASSERT_TRUE(m);
  EXPECT_EQ(m->status, 200);
  EXPECT_EQ(m->get_header_value("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
  EXPECT_NE(m->body.find("vankho_http_requests_total{route=\"search\",status=\"200\"} 1\n"), std::string::npos);
  EXPECT_NE(m->body.find("vankho_http_request_duration_seconds_bucket{route=\"search\",le=\"+Inf\"} 1\n"), std::string::npos);
  EXPECT_NE(m->body.find("vankho_index_documents 5\n"), std::string::npos);
  EXPECT_NE(m->body.find("vankho_index_revision "), std::string::npos);
  // The access log has one JSON line per request.
  const std::string log = log_text();
  EXPECT_NE(log.find("\"path\":\"/api/search\""), std::string::npos);
  EXPECT_NE(log.find("\"status\":200"), std::string::npos);
  EXPECT_NE(log.find("\"duration_ms\":"), std::string::npos);
}

TEST_F(Endpoints, AdminReloadNeedsTheToken) {
  auto c = client();
  auto none = c->Post("/api/admin/reload");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 401);
  EXPECT_EQ(none->get_header_value("Cache-Control"), "no-store");
  EXPECT_EQ(none->get_header_value("WWW-Authenticate"), "Bearer realm=\"vankho-admin\"");
  auto wrong = c->Post("/api/admin/reload", {{"Authorization", "Bearer test-admin-token-0123456780"}}, "", "text/plain");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 401);
  auto right = c->Post("/api/admin/reload", {{"Authorization", std::string("Bearer ") + kAdminToken}}, "", "text/plain");
  ASSERT_TRUE(right);
  EXPECT_EQ(right->status, 200) << right->body;
  EXPECT_EQ(right->get_header_value("Cache-Control"), "no-store");
  EXPECT_EQ(nlohmann::json::parse(right->body)["documents"], 5);
  auto get = c->Get("/api/admin/reload");
  ASSERT_TRUE(get);
  EXPECT_EQ(get->status, 405);
  EXPECT_EQ(get->get_header_value("Allow"), "POST, OPTIONS");
}

TEST_F(Endpoints, AdminRoutesAbsentWithoutAToken) {
  start({}, false);
  auto res = client()->Post("/api/admin/reload", {{"Authorization", std::string("Bearer ") + kAdminToken}}, "", "text/plain");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
}

TEST_F(Endpoints, StaticFilesWithContentTypesAndPolicy) {
  auto page = get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
  const std::string csp = page->get_header_value("Content-Security-Policy");
  EXPECT_NE(csp.find("default-src 'self'"), std::string::npos);
  EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos);
  EXPECT_NE(page->body.find("app.js"), std::string::npos);
  auto js = get("/app.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(get("/style.css")->get_header_value("Content-Type"), "text/css; charset=utf-8");
  for (const std::string& path : std::vector<std::string>{"/../secret.txt", "/%2e%2e/secret.txt", "/empty/", "/missing.js", "/..%2fsecret.txt"}) {
    auto res = get(path);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 404) << path;
    EXPECT_EQ(res->body.find("outside the web folder"), std::string::npos) << path;
  }
}

TEST_F(Endpoints, CorsOnlyForTheConfiguredOrigin) {
  auto ok = get("/api/health", {{"Origin", kPortalOrigin}});
  EXPECT_EQ(ok->get_header_value("Access-Control-Allow-Origin"), kPortalOrigin);
  // Answers also depend on who asks (access levels): one Vary header says both.
  EXPECT_EQ(ok->get_header_value("Vary"), "Origin, Authorization, X-Vankho-User, X-Vankho-Level");
  auto other = get("/api/health", {{"Origin", "https://elsewhere.example.com"}});
  EXPECT_FALSE(other->has_header("Access-Control-Allow-Origin"));
  auto preflight = client()->Options("/api/search", {{"Origin", kPortalOrigin}, {"Access-Control-Request-Method", "GET"}});
  ASSERT_TRUE(preflight);
  EXPECT_EQ(preflight->status, 204);
  EXPECT_EQ(preflight->get_header_value("Access-Control-Allow-Origin"), kPortalOrigin);
  EXPECT_EQ(preflight->get_header_value("Access-Control-Allow-Methods"), "GET, HEAD, OPTIONS");
}

TEST_F(Endpoints, WrongMethodsAndUnknownRoutes) {
  auto c = client();
  auto del = c->Delete("/api/search");
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 405);
  EXPECT_EQ(del->get_header_value("Allow"), "GET, HEAD, OPTIONS");
  EXPECT_EQ(nlohmann::json::parse(del->body)["error"]["code"], "method_not_allowed");
  auto post = c->Post("/api/search", "q=x", "application/x-www-form-urlencoded");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  auto put = c->Put("/api/documents/" + k001, "{}", "application/json");
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 405);
  EXPECT_EQ(get_json("/api/nothing", 404)["error"]["code"], "not_found");
  auto head = c->Head("/api/health");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_TRUE(head->body.empty());
}

}  // namespace
}  // namespace vankho::testing
