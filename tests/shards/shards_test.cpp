// An archive split into shards (vankho-indexer --shard I/N), each served by a stock xapian-tcpsrv,
// searched through a Xapian stub file of `remote HOST:PORT` lines: the answers equal the single
// index's, and a shard that is down, hangs or timed out an idle connection costs only its part.
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>

#include "run_command.h"
#include "searchd_process.h"
#include "shard.h"
#include "searcher.h"
#include "temp_dir.h"
#include "xapian_servers.h"

namespace vankho::testing {
namespace {

using nlohmann::json;

std::vector<std::string> read_lines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream(path) << text;
}

// Generates `count` directives (and the query mixes, PREFIX.keyword.txt / .question.txt) with vankho_gen.
void generate(const std::string& corpus, int count, const std::string& queries_prefix = "") {
  std::vector<std::string> argv{VANKHO_GEN, "--count", std::to_string(count), "--seed", "7"};
  if (!queries_prefix.empty()) argv.insert(argv.end(), {"--queries", queries_prefix, "--query-count", "400"});
  argv.push_back(corpus);
  const CommandResult r = run_command(argv);
  ASSERT_EQ(r.exit_code, 0) << r.err;
}

void index(const std::string& dir, const std::string& corpus, const std::vector<std::string>& options = {},
           const std::string& default_level = "cong-khai") {
  std::vector<std::string> argv{VANKHO_INDEXER, "-q", "--index", dir, "--default-level", default_level};
  argv.insert(argv.end(), options.begin(), options.end());
  argv.push_back(corpus);
  const CommandResult r = run_command(argv);
  ASSERT_EQ(r.exit_code, 0) << r.err;
}

json get_json(int port, const std::string& path, int* status = nullptr) {
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(30, 0);
  const auto res = client.Get(path);
  if (!res) {
    ADD_FAILURE() << "no answer to " << path;
    return json();
  }
  if (status) *status = res->status;
  return json::parse(res->body, nullptr, false);
}

// Three shards and the single index of one generated archive, the shards served by xapian-tcpsrv
// (their public level, as a portal serves them), and a searchd over each way of searching it.
class ShardedArchive : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (xapian_tools_dir().empty()) return;
    dir_ = new TempDir;
    const std::string corpus = dir_->str("archive.jsonl.gz");
    generate(corpus, 3000, dir_->str("mix"));
    index(dir_->str("single"), corpus);
    std::string remote_stub, local_stub = "# the same shards, read from their folders\n";
    for (int i = 1; i <= 3; ++i) {
      const std::string shard = dir_->str("shard-" + std::to_string(i));
      index(shard, corpus, {"--shard", std::to_string(i) + "/3"});
      const int port = free_port();
      servers_.push_back(std::make_unique<ServerProcess>(tcpsrv_command(port, shard + "/current/cong-khai"),
                                                         dir_->str("tcpsrv.log"), port));
      remote_stub += "remote 127.0.0.1:" + std::to_string(port) + "\n";
      local_stub += "shard-" + std::to_string(i) + "\n";
    }
    write_file(dir_->str("remote.stub"), remote_stub);
    write_file(dir_->str("local.stub"), local_stub);
  }
  static void TearDownTestSuite() {
    servers_.clear();
    delete dir_;
    dir_ = nullptr;
  }
  void SetUp() override {
    if (xapian_tools_dir().empty()) GTEST_SKIP() << "xapian-tools is not installed (scripts/install-deps.sh installs it)";
  }

  static inline TempDir* dir_ = nullptr;
  static inline std::vector<std::unique_ptr<ServerProcess>> servers_;
};

// The hits of two answers agree: the same scores position by position, and the same ids but for
// the order among equal scores (Xapian orders ties by docid, and a document's docid differs
// between a single index and shards). A run of ties cut by the end of the page may hold other ids.
// Hits sorted by date (`by_date`) tie on the date and the score. Returns how many positions
// differed only by such ties.
size_t expect_same_hits(const json& single, const json& sharded, const std::string& what, bool by_date) {
  const json& a = single["hits"];
  const json& b = sharded["hits"];
  EXPECT_EQ(a.size(), b.size()) << what;
  if (a.size() != b.size()) return 0;
  size_t tied = 0;
  for (size_t i = 0; i < a.size();) {
    const double score = a[i]["score"].get<double>();
    size_t end = i;
    while (end < a.size() && std::abs(a[end]["score"].get<double>() - score) <= 1e-9 * std::max(1.0, score) &&
           (!by_date || a[end]["date"] == a[i]["date"])) {
      ++end;
    }
    std::multiset<std::string> ids_a, ids_b;
    for (size_t k = i; k < end; ++k) {
      EXPECT_NEAR(b[k]["score"].get<double>(), score, 1e-9 * std::max(1.0, score)) << what << " at " << k;
      ids_a.insert(a[k]["id"].get<std::string>());
      ids_b.insert(b[k]["id"].get<std::string>());
      tied += a[k]["id"] != b[k]["id"];
    }
    if (end < a.size()) {  // a run the page does not cut
      EXPECT_EQ(ids_a, ids_b) << what << " at " << i;
    }
    i = end;
  }
  return tied;
}

TEST_F(ShardedArchive, EveryDocumentIsInExactlyOneShard) {
  query::Searcher single(dir_->str("single"), query::AccessLevel::kCongKhai);
  size_t sum = 0;
  for (int i = 1; i <= 3; ++i) {
    query::Searcher shard(dir_->str("shard-" + std::to_string(i)), query::AccessLevel::kCongKhai);
    const size_t n = shard.info().documents;
    EXPECT_GT(n, 700u) << "shard " << i;  // a hash spreads 3,000 ids about evenly
    sum += n;
  }
  EXPECT_EQ(sum, single.info().documents);
  query::Searcher sharded(dir_->str("remote.stub"), query::AccessLevel::kCongKhai);
  const query::IndexInfo info = sharded.info();
  EXPECT_EQ(info.documents, sum);
  ASSERT_EQ(info.shards.size(), 3u);
  for (const auto& s : info.shards) EXPECT_TRUE(s.searched) << s.name << ": " << s.problem;
}

// Both mixes of the generated archive (at least 500 requests: keywords, codes, periods, filters,
// questions), through searchd over the single index and over the three shards, remote and local.
TEST_F(ShardedArchive, AnswersOverShardsEqualTheSingleIndexs) {
  std::vector<std::string> requests = read_lines(dir_->str("mix.keyword.txt"));
  for (const auto& q : read_lines(dir_->str("mix.question.txt"))) requests.push_back(q);
  ASSERT_GE(requests.size(), 500u);
  SearchdProcess single(dir_->str("single"), {}, dir_->str("searchd-single.log"));
  SearchdProcess remote(dir_->str("remote.stub"), {}, dir_->str("searchd-remote.log"));
  SearchdProcess local(dir_->str("local.stub"), {}, dir_->str("searchd-local.log"));
  size_t answered = 0, tied = 0;
  for (const auto& request : requests) {
    const json a = get_json(single.port(), request);
    ASSERT_TRUE(a.is_object()) << request;
    answered += a["total"].get<size_t>() > 0;
    for (const auto* other : {&remote, &local}) {
      const std::string what = request + (other == &remote ? " (remote)" : " (local)");
      const json b = get_json(other->port(), request);
      ASSERT_TRUE(b.is_object()) << what;
      EXPECT_FALSE(b["partial"].get<bool>()) << what;
      EXPECT_EQ(a["total"], b["total"]) << what;
      EXPECT_EQ(a["facets"], b["facets"]) << what;
      EXPECT_EQ(a["suggestion"], b["suggestion"]) << what;
      EXPECT_EQ(a["query"], b["query"]) << what;
      const json& asked = a["query"];
      const bool browse = asked["words"].empty() && asked["phrases"].empty() && asked["codes"].empty() &&
                          asked["period"].is_null();
      const bool by_date = request.find("sort=date") != std::string::npos || browse;
      tied += expect_same_hits(a, b, what, by_date);
    }
  }
  EXPECT_GT(answered, requests.size() * 9 / 10);  // the mixes find something: the comparison means something
  // The one difference there is: hits of equal score in another order (measured here, not asserted
  // to be zero; see expect_same_hits).
  RecordProperty("tie_positions", static_cast<int>(tied));
  std::cout << requests.size() << " requests, " << answered << " with hits; " << tied
            << " hit positions differed only in the order of equal scores\n";
}

// Xapian's matcher stops checking matches once no other can enter the page, by weight bounds; with
// OP_AND_MAYBE, Xapian 1.4.22 stopped too early and lost hits of the top ten (on this archive, a
// question naming 01-KH/TU lost its best hit). The planner writes that operator as OR and AND
// (planner.h, and_maybe). Without facets the single index checks as few matches as it may; with
// facets, remote shards check every match (their facet spies count them): the same hits.
TEST_F(ShardedArchive, RankingIsTheSameWhetherOrNotEveryMatchIsChecked) {
  std::vector<std::string> requests = read_lines(dir_->str("mix.keyword.txt"));
  for (const auto& q : read_lines(dir_->str("mix.question.txt"))) requests.push_back(q);
  SearchdProcess single(dir_->str("single"), {}, dir_->str("searchd-single-nofacets.log"));
  SearchdProcess remote(dir_->str("remote.stub"), {}, dir_->str("searchd-remote-facets.log"));
  for (const auto& request : requests) {
    const char* sep = request.find('?') == std::string::npos ? "?" : "&";
    const json few = get_json(single.port(), request + sep + "facets=false&snippets=false&suggest=false");
    const json all = get_json(remote.port(), request + sep + "facets=true&snippets=false&suggest=false");
    ASSERT_TRUE(few.is_object() && all.is_object()) << request;
    const json& asked = all["query"];
    const bool browse = asked["words"].empty() && asked["phrases"].empty() && asked["codes"].empty() &&
                        asked["period"].is_null();
    expect_same_hits(all, few, request, request.find("sort=date") != std::string::npos || browse);
  }
}

TEST_F(ShardedArchive, AShardAboveTheCallersClearanceIsNotSearchedForIt) {
  // shard-1 whole (every level) on a port of its own: a public reader must not search it.
  TempDir dir;
  const int port = free_port();
  index(dir.str("mixed"), dir_->str("archive.jsonl.gz"), {"--shard", "1/3"}, "mat");
  ServerProcess server(tcpsrv_command(port, dir.str("mixed")), dir.str("tcpsrv.log"), port);
  const std::string stub = dir.write("stub", "remote 127.0.0.1:" + std::to_string(port) + "\n" +
                                                 dir_->str("shard-2") + "\n");
  query::Searcher cleared(stub, query::AccessLevel::kMat);
  query::Searcher anonymous(stub, query::AccessLevel::kCongKhai);
  query::SearchRequest all;
  all.q = "";
  const auto seen_cleared = cleared.search(all);
  const auto seen_anonymous = anonymous.search(all);
  EXPECT_GT(seen_cleared.total, seen_anonymous.total);
  EXPECT_FALSE(seen_anonymous.partial);  // withheld, not missing
  const query::IndexInfo info = anonymous.info();
  ASSERT_EQ(info.shards.size(), 2u);
  EXPECT_FALSE(info.shards[0].searched);
  EXPECT_TRUE(info.shards[0].above_clearance);
  EXPECT_NE(info.shards[0].problem.find("holds documents above cong-khai"), std::string::npos);
  EXPECT_EQ(seen_anonymous.total, query::Searcher(dir_->str("shard-2"), query::AccessLevel::kCongKhai).info().documents);
}

TEST(ShardStub, ALineItCannotReadIsNamedWithItsFileAndLine) {
  TempDir dir;
  const std::string stub = dir.write("stub", "# shards\nremote 127.0.0.1:7001\nremote nowhere\n");
  try {
    query::Searcher s(stub);
    FAIL() << "opened";
  } catch (const query::IndexUnavailable& e) {
    EXPECT_NE(std::string(e.what()).find(stub + ":3: expected remote HOST:PORT: 'remote nowhere'"), std::string::npos)
        << e.what();
  }
  const std::string prog = dir.write("prog", "remote :xapian-progsrv /srv/db\n");
  EXPECT_THROW(query::Searcher{prog}, query::IndexUnavailable);
  const std::string empty = dir.write("empty", "# nothing\n\n");
  EXPECT_THROW(query::Searcher{empty}, query::IndexUnavailable);
}

// ---- Faults: one searchd over three remote shards of a small archive --------------------------

class ShardFaults : public ::testing::Test {
 protected:
  void SetUp() override {
    if (xapian_tools_dir().empty()) GTEST_SKIP() << "xapian-tools is not installed (scripts/install-deps.sh installs it)";
    const std::string corpus = dir_.str("archive.jsonl.gz");
    generate(corpus, 300);
    for (int i = 1; i <= 3; ++i) index(dir_.str("shard-" + std::to_string(i)), corpus, {"--shard", std::to_string(i) + "/3"});
  }
  // The three tcpsrv (with `options`) and a searchd over their stub (with `env`).
  void start(const std::vector<std::string>& options = {}, const std::vector<std::string>& env = {}) {
    std::string stub;
    for (int i = 1; i <= 3; ++i) {
      const int port = free_port();
      servers_.push_back(std::make_unique<ServerProcess>(
          tcpsrv_command(port, dir_.str("shard-" + std::to_string(i)) + "/current/cong-khai", options),
          dir_.str("tcpsrv.log"), port));
      stub += "remote 127.0.0.1:" + std::to_string(port) + "\n";
    }
    write_file(dir_.str("stub"), stub);
    // No response cache: each search below reaches the shards.
    searchd_ = std::make_unique<SearchdProcess>(
        dir_.str("stub"), std::vector<std::string>{"--reload-interval-ms", "200", "--cache-entries", "0"},
        dir_.str("searchd.log"), env);
  }
  json search(const std::string& q, int expect_status = 200) {
    int status = 0;
    json j = get_json(searchd_->port(), "/api/search?q=" + q, &status);
    EXPECT_EQ(status, expect_status) << q << ": " << j.dump();
    return j;
  }
  std::string name(int shard) const { return "remote 127.0.0.1:" + std::to_string(servers_[shard]->port()); }

  TempDir dir_;
  std::vector<std::unique_ptr<ServerProcess>> servers_;
  std::unique_ptr<SearchdProcess> searchd_;
};

TEST_F(ShardFaults, AShardThatGoesDownCostsItsPartAndIsSearchedAgainWhenItReturns) {
  start();
  const json whole = search("nghi%20quyet");
  ASSERT_FALSE(whole["partial"].get<bool>());
  servers_[1]->stop();
  // The watcher (every 200 ms) sees the shard down before the pooled reader does, so it is due to
  // retry first: the reader must still follow when the watcher finds the shard back (it once kept
  // its own later retry time and stayed partial).
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  const json part = search("nghi%20quyet");  // the open connection fails mid-request: no 500
  EXPECT_TRUE(part["partial"].get<bool>());
  EXPECT_LT(part["total"].get<size_t>(), whole["total"].get<size_t>());
  EXPECT_GT(part["total"].get<size_t>(), 0u);
  const std::string warnings = part["query"]["warnings"].dump();
  EXPECT_NE(warnings.find("shard '" + name(1) + "' is unavailable"), std::string::npos) << warnings;
  const json health = get_json(searchd_->port(), "/api/health");
  EXPECT_EQ(health["status"], "degraded");
  EXPECT_FALSE(health["shards"][1]["searched"].get<bool>());
  EXPECT_EQ(health["shards"][1]["name"], name(1));
  EXPECT_TRUE(health["shards"][0]["searched"].get<bool>());

  servers_[1]->restart();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  json again;
  do {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    again = search("nghi%20quyet");
  } while (again["partial"].get<bool>() && std::chrono::steady_clock::now() < deadline);
  EXPECT_FALSE(again["partial"].get<bool>());
  EXPECT_EQ(again["total"], whole["total"]);
  EXPECT_EQ(get_json(searchd_->port(), "/api/health")["status"], "ok");
}

TEST_F(ShardFaults, AReaderCatchingUpTriesAShardThatIsDownAtOnce) {
  start();
  query::Searcher reader(dir_.str("stub"), query::AccessLevel::kCongKhai);
  query::SearchRequest request;
  request.q = "nghi quyet";
  const size_t whole = reader.search(request).total;
  servers_[1]->stop();
  const auto failed = std::chrono::steady_clock::now();
  const query::SearchResponse part = reader.search(request);
  ASSERT_LT(part.total, whole);
  servers_[1]->restart();
  // Its retry time (2 s after the failure) holds the shard out of a routine refresh... (unless the
  // restart itself took that long, on a loaded machine)
  if (std::chrono::steady_clock::now() - failed < std::chrono::milliseconds(1500)) {
    EXPECT_FALSE(reader.refresh());
    EXPECT_EQ(reader.search(request).total, part.total);
  }
  // ...but not out of a refresh that follows a change another reader saw.
  EXPECT_TRUE(reader.refresh(query::Searcher::ShardRetry::kNow));
  EXPECT_EQ(reader.search(request).total, whole);
}

TEST_F(ShardFaults, AShardThatHangsTimesOutIntoAPartialAnswer) {
  start({}, {"VANKHO_REMOTE_TIMEOUT_MS=500"});
  const json whole = search("chuong%20trinh");
  servers_[2]->pause();
  const auto started = std::chrono::steady_clock::now();
  const json part = search("chuong%20trinh");
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  servers_[2]->resume();
  EXPECT_TRUE(part["partial"].get<bool>());
  EXPECT_LT(part["total"].get<size_t>(), whole["total"].get<size_t>());
  EXPECT_NE(part["query"]["warnings"].dump().find(name(2)), std::string::npos);
  EXPECT_LT(seconds, 5.0);  // the timeout, a reconnection attempt and the retry: not the default 10 s
}

TEST_F(ShardFaults, ConnectionsTheServerTimedOutAreReopenedTransparently) {
  // Longer than searchd's own pauses between messages while it starts (it builds its suggestions
  // from vocabularies fetched whole: 0.4 s here, more under the sanitizers); the watcher's readers
  // ask every 200 ms, the reader that answers searches is idle between them.
  start({"--idle-timeout", "2500"});
  const json first = search("ke%20hoach");
  std::this_thread::sleep_for(std::chrono::milliseconds(3000));  // every server has closed its idle connection
  const json later = search("ke%20hoach");
  EXPECT_FALSE(later["partial"].get<bool>()) << later["query"]["warnings"].dump();
  EXPECT_EQ(later["total"], first["total"]);
}

TEST_F(ShardFaults, AShardRebuiltUnderItsServerIsFollowed) {
  start();
  const json before = search("vkshardmoi");
  EXPECT_EQ(before["total"], 0);
  // A document of shard 1 (its id hashes there), and shard 1 rebuilt with it: a new generation
  // that DIR/current now names, while searchd holds connections to the old one.
  std::string id;
  for (int n = 0; id.empty(); ++n) {
    const std::string candidate = "moi-" + std::to_string(n) + ".txt";
    if (index::Shard{1, 3}.holds(candidate)) id = candidate;
  }
  const std::string docs = dir_.str("more");
  std::filesystem::create_directories(docs);
  std::ofstream(docs + "/" + id) << "CHỈ THỊ\nvề phòng chống thiên tai (vkshardmoi)\n";
  index(dir_.str("shard-1"), dir_.str("archive.jsonl.gz"), {"--shard", "1/3", "--rebuild", docs});
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  json after;
  do {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    after = search("vkshardmoi");
  } while (after["total"] == 0 && std::chrono::steady_clock::now() < deadline);
  EXPECT_EQ(after["total"], 1) << after.dump();
  EXPECT_FALSE(after["partial"].get<bool>());
}

TEST_F(ShardFaults, NoShardAtAllIsAClearError) {
  start();
  for (auto& s : servers_) s->stop();
  int status = 0;
  const json j = get_json(searchd_->port(), "/api/search?q=nghi", &status);
  EXPECT_EQ(status, 503) << j.dump();
}

}  // namespace
}  // namespace vankho::testing
