// The leak suite. A `MẬT` report holds a word no other document has (zirconi) and is the document
// 99-BC/TU; a `LƯU HÀNH NỘI BỘ` notice holds its own words. For every endpoint, a caller below a
// document's level must get exactly the answer of a searchd over the same archive without that
// document (an oracle): no total, facet, suggestion, completion, citation, similar document, 404
// body or cached answer may tell the two apart. A caller cleared for the level sees the document.
#include <filesystem>
#include <thread>

#include "access_fixture.h"
#include "test_index.h"

namespace vankho::testing {
namespace {

const std::string kSecretWord = url_encode(kMatWord);

// Every read route, with the hidden documents' words, codes, ids and facet values in them.
std::vector<std::string> probe_paths() {
  std::vector<std::string> paths;
  for (const std::string& q : std::vector<std::string>{"zirconi",
                                                       "quặng zirconi",
                                                       "zirconj",
                                                       "zircon",
                                                       "quặng",
                                                       "khai thác",
                                                       "khai thac quang",
                                                       "nông thôn mới",
                                                       "biên giới",
                                                       "lai châu",
                                                       "làng gốm",
                                                       "lang gom bau truc",
                                                       "Nguyễn Văn Quặng",
                                                       "BC 99",
                                                       "99-BC/TU",
                                                       "báo cáo số 99",
                                                       "TB 41",
                                                       "tháng 3 năm 2023",
                                                       "năm 2023",
                                                       "\"khai thác quặng\"",
                                                       "chuyển đổi số"}) {
    paths.push_back("/api/search?q=" + url_encode(q));
    paths.push_back("/api/search?facets=false&snippets=false&q=" + url_encode(q));
    paths.push_back("/api/search.csv?q=" + url_encode(q));
    paths.push_back("/api/search.atom?q=" + url_encode(q));
  }
  for (const std::string& filter : std::vector<std::string>{
           "type=bao-cao", "type=thong-bao", "year=2023", "from=2023-03&to=2023-04",
           "theme=quoc-phong-an-ninh", "province=" + url_encode("Lai Châu"), "q=&limit=100",
           "q=" + url_encode("nông thôn") + "&sort=date&offset=2&limit=3",
           "q=" + url_encode("tỉnh ủy") + "&offset=1&limit=2&facets=false"}) {
    paths.push_back("/api/search?" + filter);
    paths.push_back("/api/search.csv?" + filter);
  }
  for (const std::string& id : std::vector<std::string>{kMatId, kNoiBoId, kCitingId,
                                                        std::string("000_b0635ad2fd7fc13e.txt")}) {
    paths.push_back("/api/documents/" + url_encode(id));
    paths.push_back("/api/documents/" + url_encode(id) + "?q=" + kSecretWord);
    paths.push_back("/api/documents/" + url_encode(id) + "/original");
    paths.push_back("/api/documents/" + url_encode(id) + "/similar?limit=100");
    paths.push_back("/api/documents/" + url_encode(id) + "/explain?q=" + kSecretWord);
  }
  for (const std::string& code : std::vector<std::string>{
           "99-BC/TU", "BC 99", "báo cáo 99", "41-TB/TU", "12-CTr/TU", "45-KH/TU", "zirconi"}) {
    paths.push_back("/api/citations/" + url_encode(code));
  }
  for (const std::string& q : std::vector<std::string>{"z",
                                                       "zi",
                                                       "zirc",
                                                       "zirconi",
                                                       "quặng",
                                                       "quang z",
                                                       "khai thác q",
                                                       "bao cao ve k",
                                                       "99",
                                                       "BC 99",
                                                       "99-BC",
                                                       "lang",
                                                       "làng gốm",
                                                       "lang gom b",
                                                       "thong bao k",
                                                       "nguyen van q",
                                                       "nong thon",
                                                       "ke hoach kiem",
                                                       "t",
                                                       "b",
                                                       "l"}) {
    paths.push_back("/api/suggest?q=" + url_encode(q));
  }
  return paths;
}

// The page's address in exports: the same for every server compared (not each one's own port).
const std::string kPageUrl = "http://tim.example/";

class Leaks : public AccessTest {
 protected:
  void SetUp() override {
    AccessTest::SetUp();
    start({"--keys", keys_path(), "--audit-log", audit_path(), "--public-url", kPageUrl});
    oracle_public_ = oracle("cong-khai", {kCitingId});
    oracle_noi_bo_ = oracle("noi-bo", {kCitingId, kNoiBoId});
  }

  // searchd over the seeds and `docs` only, answering anonymous callers at `level`.
  std::unique_ptr<SearchdProcess> oracle(const std::string& level,
                                         const std::vector<std::string>& docs) {
    const std::string home = dir_.str("oracle-" + level);
    std::filesystem::create_directories(home);
    std::filesystem::copy(seeds_dir(), home + "/docs", std::filesystem::copy_options::recursive);
    write_access_documents(home + "/docs", docs);
    EXPECT_EQ(run_indexer(home + "/index", {home + "/docs"}, home + "/indexer.log",
                          {"--default-level", "cong-khai"}),
              0);
    return std::make_unique<SearchdProcess>(home + "/index",
                                            std::vector<std::string>{"--anonymous-level", level, "--public-url", kPageUrl},
                                            home + "/searchd.log");
  }

  static httplib::Result ask(const SearchdProcess& server, const std::string& path) {
    httplib::Client c("127.0.0.1", server.port());
    c.set_url_encode(false);
    c.set_read_timeout(10);
    return c.Get(path);
  }

  // The caller's answer (`level` "": no key) is the oracle's: status, type and body.
  void expect_as_oracle(const std::string& path, const std::string& level,
                        const SearchdProcess& oracle) {
    auto mine = get_as(path, level);
    auto theirs = ask(oracle, path);
    ASSERT_TRUE(mine && theirs) << path;
    const std::string who = " as " + (level.empty() ? std::string("anonymous") : level);
    EXPECT_EQ(mine->status, theirs->status) << path << who << "\n"
                                            << mine->body << "\n"
                                            << theirs->body;
    EXPECT_EQ(mine->get_header_value("Content-Type"), theirs->get_header_value("Content-Type"))
        << path;
    const auto a = nlohmann::json::parse(mine->body, nullptr, false);
    const auto b = nlohmann::json::parse(theirs->body, nullptr, false);
    if (a.is_discarded() || b.is_discarded()) {
      EXPECT_EQ(mine->body, theirs->body) << path << who;
    } else {
      EXPECT_EQ(stable(a), stable(b)) << path << who;
    }
  }

  // Completions of a level are built on its first use, in the background: wait for them.
  void wait_for_completions(const std::string& level, const std::string& q,
                            const std::string& title) {
    for (int i = 0; i < 100; ++i) {
      const auto j = json_as("/api/suggest?q=" + url_encode(q), level);
      for (const auto& s : j["suggestions"]) {
        if (s["text"] == title) return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    FAIL() << "the completions of " << level << " never offered '" << title << "'";
  }

  std::unique_ptr<SearchdProcess> oracle_public_, oracle_noi_bo_;
};

TEST_F(Leaks, BelowItsLevelEveryEndpointAnswersAsIfTheDocumentWereNotThere) {
  wait_for_completions("noi-bo", "lang gom", kNoiBoTitle);
  for (const std::string& path : probe_paths()) {
    expect_as_oracle(path, "", *oracle_public_);
    expect_as_oracle(path, "cong-khai", *oracle_public_);
    expect_as_oracle(path, "noi-bo", *oracle_noi_bo_);
  }
  // Only the notice was viewed above cong-khai (by the noi-bo caller); never the report.
  EXPECT_NE(audit_text().find(kNoiBoId), std::string::npos);
  EXPECT_EQ(audit_text().find(kMatId), std::string::npos);
  EXPECT_EQ(audit_text().find("\"caller\":\"user-cong-khai\""), std::string::npos);
}

TEST_F(Leaks, HealthAndMetricsCountOnlyWhatTheCallerMaySee) {
  for (const auto& [level, documents] : std::vector<std::pair<std::string, int>>{
           {"", 6}, {"cong-khai", 6}, {"noi-bo", 7}, {"mat", 8}, {"tuyet-mat", 8}}) {
    const auto health = json_as("/api/health", level);
    EXPECT_EQ(health["documents"], documents) << level;
    EXPECT_EQ(health["clearance"], level.empty() ? "cong-khai" : level);
    auto metrics = get_as("/metrics", level);
    ASSERT_TRUE(metrics);
    EXPECT_NE(metrics->body.find("\nvankho_index_documents " + std::to_string(documents) + "\n"),
              std::string::npos)
        << level << "\n"
        << metrics->body;
  }
  EXPECT_EQ(nlohmann::json::parse(ask(*oracle_public_, "/api/health")->body)["documents"], 6);
}

TEST_F(Leaks, AHiddenDocumentAnswers404ExactlyLikeAMissingOne) {
  const std::string missing = "bao-cao-mau.txt";  // as long as kMatId, in no index
  for (const std::string& suffix :
       std::vector<std::string>{"", "/original", "/similar", "?q=zirconi"}) {
    auto hidden = get("/api/documents/" + kMatId + suffix);
    auto absent = get("/api/documents/" + missing + suffix);
    ASSERT_TRUE(hidden && absent);
    EXPECT_EQ(hidden->status, 404) << suffix;
    EXPECT_EQ(hidden->status, absent->status) << suffix;
    std::string body = absent->body;
    if (const size_t at = body.find(missing); at != std::string::npos)
      body.replace(at, missing.size(), kMatId);
    EXPECT_EQ(hidden->body, body) << suffix;
    httplib::Headers a = hidden->headers, b = absent->headers;
    a.erase("Date");
    b.erase("Date");
    EXPECT_EQ(a, b) << suffix;
  }
}

TEST_F(Leaks, ACachedAnswerIsNeverSentToACallerOfAnotherLevel) {
  const std::string path = "/api/search?q=" + kSecretWord;
  EXPECT_EQ(json_as(path, "mat")["total"], 1);
  auto again = get_as(path, "mat");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->get_header_value("X-Vankho-Cache"), "hit");
  // The first caller of each lower level is searched afresh; a later one of the same level (the
  // anonymous one, then the public key) may share its answer.
  for (const auto& [level, cached] : std::vector<std::pair<std::string, std::string>>{
           {"noi-bo", ""}, {"", ""}, {"cong-khai", "hit"}, {"noi-bo", "hit"}}) {
    auto res = get_as(path, level);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->get_header_value("X-Vankho-Cache"), cached) << level;
    EXPECT_EQ(nlohmann::json::parse(res->body)["total"], 0) << level;
    expect_as_oracle(path, level, level == "noi-bo" ? *oracle_noi_bo_ : *oracle_public_);
  }
}

TEST_F(Leaks, ACallerClearedForTheLevelSeesTheDocumentEverywhere) {
  for (const std::string& level : std::vector<std::string>{"mat", "tuyet-mat"}) {
    const auto found = json_as("/api/search?q=" + kSecretWord, level);
    ASSERT_EQ(hit_ids(found), std::vector<std::string>{kMatId}) << level;
    EXPECT_EQ(found["hits"][0]["level"], "mat");
    const auto all = json_as("/api/search?type=bao-cao", level);
    EXPECT_EQ(hit_ids(all), std::vector<std::string>{kMatId}) << level;
    const auto doc = json_as("/api/documents/" + kMatId, level);
    EXPECT_EQ(doc["level"], "mat");
    EXPECT_EQ(doc["title"], kMatTitle);
    auto original = get_as("/api/documents/" + kMatId + "/original", level);
    ASSERT_TRUE(original);
    EXPECT_EQ(original->status, 200);
    EXPECT_NE(original->body.find("zirconi"), std::string::npos);
    EXPECT_EQ(json_as("/api/documents/" + kMatId + "/similar", level)["similar_to"], kMatId);
    const auto cited = json_as("/api/citations/" + url_encode("99-BC/TU"), level);
    ASSERT_EQ(cited["is"].size(), 1u) << cited.dump();
    EXPECT_EQ(cited["is"][0]["id"], kMatId);
    wait_for_completions(level, "zirc", kMatTitle);
  }
  // Below it, the plan citing 99-BC/TU shows the code as its own text says it, and nothing more.
  const auto cited = json_as("/api/citations/" + url_encode("99-BC/TU"), "");
  EXPECT_TRUE(cited["is"].empty()) << cited.dump();
  ASSERT_EQ(cited["cited_by"].size(), 1u) << cited.dump();
  EXPECT_EQ(cited["cited_by"][0]["id"], kCitingId);
  const std::string plan = get("/api/documents/" + kCitingId)->body;
  EXPECT_NE(plan.find("99-BC/TU"), std::string::npos);
  EXPECT_EQ(plan.find(kMatWord), std::string::npos);
  EXPECT_EQ(plan.find("Nguyễn Văn Quặng"), std::string::npos);
}

}  // namespace
}  // namespace vankho::testing
