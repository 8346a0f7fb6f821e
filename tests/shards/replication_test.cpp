// Read replicas by Xapian replication, deployed as the README says: the indexer's machine runs
// xapian-replicate-server over the index's parent folder, each search machine xapian-replicate of
// INDEX/current/cong-khai into a local copy and a searchd over that copy. A replica switches
// databases by rewriting its stub (after a full copy); searchd follows without a restart and
// without failing a request.
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>

#include "run_command.h"
#include "searchd_process.h"
#include "temp_dir.h"
#include "xapian_servers.h"

namespace vankho::testing {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// How long a new document may take to be served by every replica's searchd: xapian-replicate's
// interval (1 s) + searchd's reload check (200 ms) + the copy, with room for a loaded machine.
constexpr auto kBound = std::chrono::seconds(20);

void index_master(const std::string& index_dir, const std::string& docs, const std::vector<std::string>& options = {}) {
  // The master keeps changesets, so that replicas get changes rather than full copies.
  std::vector<std::string> argv{"/usr/bin/env", "XAPIAN_MAX_CHANGESETS=10", VANKHO_INDEXER, "-q",
                                "--index",      index_dir,                  "--default-level", "cong-khai"};
  argv.insert(argv.end(), options.begin(), options.end());
  argv.push_back(docs);
  const CommandResult r = run_command(argv);
  ASSERT_EQ(r.exit_code, 0) << r.err;
}

// A directive on `subject`, with `mark` (a word no other document has) in its text.
std::string directive(const std::string& subject, const std::string& mark) {
  return "TỈNH ỦY HẬU GIANG\nSố 99-CT/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nHậu Giang, ngày 2 tháng 3 năm 2026\n\nCHỈ THỊ\nvề " +
         subject + "\n\nBan Thường vụ Tỉnh ủy yêu cầu các cấp ủy triển khai " + subject + " trong toàn tỉnh (" + mark +
         ").\n";
}

class Replicas : public ::testing::Test {
 protected:
  void SetUp() override {
    if (xapian_tools_dir().empty()) GTEST_SKIP() << "xapian-tools is not installed (scripts/install-deps.sh installs it)";
    fs::create_directories(dir_.str("master/docs"));
    const CommandResult gen = run_command({VANKHO_GEN, "--count", "200", "--seed", "3", dir_.str("master/docs/archive.jsonl.gz")});
    ASSERT_EQ(gen.exit_code, 0) << gen.err;
    index_master(dir_.str("master/index"), dir_.str("master/docs"));
    const int port = free_port();
    master_ = std::make_unique<ServerProcess>(
        std::vector<std::string>{xapian_tools_dir() + "/xapian-replicate-server", "-I", "127.0.0.1", "-p",
                                 std::to_string(port), dir_.str("master")},
        dir_.str("replicate-server.log"), port);
    for (int i = 0; i < 2; ++i) {
      const std::string replica = dir_.str("replica-" + std::to_string(i));
      fs::create_directories(replica);
      clients_.push_back(std::make_unique<ServerProcess>(
          std::vector<std::string>{xapian_tools_dir() + "/xapian-replicate", "-h", "127.0.0.1", "-p",
                                   std::to_string(port), "-m", "index/current/cong-khai", "-i", "1", "-r", "1",
                                   "-v", replica + "/cong-khai"},
          dir_.str("replicate-" + std::to_string(i) + ".log")));
      const auto deadline = Clock::now() + kBound;
      while (!fs::exists(replica + "/cong-khai/XAPIANDB") && Clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
      ASSERT_TRUE(fs::exists(replica + "/cong-khai/XAPIANDB")) << "no replica after " << kBound.count() << " s";
      searchd_.push_back(std::make_unique<SearchdProcess>(replica + "/cong-khai",
                                                          std::vector<std::string>{"--reload-interval-ms", "200"},
                                                          dir_.str("searchd-" + std::to_string(i) + ".log")));
    }
  }

  // Searches every searchd for `q` until each finds `id` (or kBound passes); the seconds it took.
  double until_served(const std::string& q, const std::string& id) {
    const auto started = Clock::now();
    for (auto& searchd : searchd_) {
      httplib::Client client("127.0.0.1", searchd->port());
      bool found = false;
      std::string last;  // the last answer, for the failure's message
      while (!found && Clock::now() - started < kBound) {
        const auto res = client.Get("/api/search?q=" + q);
        if (res) last = res->body.substr(0, 600);
        if (res && res->status == 200) {
          const json answer = json::parse(res->body);
          for (const auto& hit : answer["hits"]) found = found || hit["id"] == id;
        }
        if (!found) std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
      EXPECT_TRUE(found) << id << " not served by searchd on port " << searchd->port() << ": " << last << "\n" << logs();
    }
    return std::chrono::duration<double>(Clock::now() - started).count();
  }

  // The stub file of replica i ("auto replica_0" or "auto replica_1" after Xapian's comments).
  std::string replica_stub(int i) const {
    std::ifstream in(dir_.str("replica-" + std::to_string(i) + "/cong-khai/XAPIANDB"));
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }

  // The ends of the replication and searchd logs, for a failure's message.
  std::string logs() const {
    std::string out;
    for (const char* name : {"replicate-0.log", "replicate-1.log", "searchd-0.log", "replicate-server.log"}) {
      std::ifstream in(dir_.str(name));
      std::string text;
      for (std::string line; std::getline(in, line);) {
        if (line.find("\"route\"") == std::string::npos) text += line + "\n";  // not the access log
      }
      out += std::string("--- ") + name + "\n" + text.substr(text.size() > 1500 ? text.size() - 1500 : 0);
    }
    return out;
  }

  TempDir dir_;
  std::unique_ptr<ServerProcess> master_;
  std::vector<std::unique_ptr<ServerProcess>> clients_;
  std::vector<std::unique_ptr<SearchdProcess>> searchd_;
};

// Requests sent to every searchd all the while (one at a time, 2 ms apart); each failure counted.
class Traffic {
 public:
  explicit Traffic(const std::vector<std::unique_ptr<SearchdProcess>>& searchd) {
    for (const auto& s : searchd) {
      threads_.emplace_back([this, port = s->port()] {
        httplib::Client client("127.0.0.1", port);
        while (!stop_) {
          const auto res = client.Get("/api/search?q=ch%E1%BB%89%20th%E1%BB%8B&limit=5");
          ++sent_;
          if (!res || res->status != 200) ++failed_;
          std::this_thread::sleep_for(std::chrono::milliseconds(2));  // steady traffic, not a flood
        }
      });
    }
  }
  ~Traffic() { finish(); }
  void finish() {
    stop_ = true;
    for (auto& t : threads_) {
      if (t.joinable()) t.join();
    }
  }
  std::atomic<size_t> sent_{0}, failed_{0};

 private:
  std::atomic<bool> stop_{false};
  std::vector<std::thread> threads_;
};

TEST_F(Replicas, ANewDocumentOnTheMasterIsServedByEveryReplicaWithNoRequestFailing) {
  Traffic traffic(searchd_);
  std::ofstream(dir_.str("master/docs/new.txt")) << directive("phòng chống sạt lở bờ sông Hậu", "vkmoi");
  index_master(dir_.str("master/index"), dir_.str("master/docs"));
  const double changed = until_served("vkmoi", "new.txt");
  const std::string stub_before_rebuild[] = {replica_stub(0), replica_stub(1)};
  // A rebuild writes a new generation: the replicas get a full copy and switch their stubs.
  std::ofstream(dir_.str("master/docs/rebuilt.txt")) << directive("bảo tồn rừng tràm U Minh", "vkdungmoi");
  index_master(dir_.str("master/index"), dir_.str("master/docs"), {"--rebuild"});
  const double switched = until_served("vkdungmoi", "rebuilt.txt");
  traffic.finish();
  std::cout << "a change served by both replicas in " << changed << " s, a rebuild in " << switched << " s; "
            << traffic.sent_ << " requests, " << traffic.failed_ << " failed\n";
  EXPECT_GT(traffic.sent_.load(), 20u);
  EXPECT_EQ(traffic.failed_.load(), 0u);
  for (int i = 0; i < 2; ++i) {  // the rebuild came as a full copy: each replica switched databases
    EXPECT_NE(stub_before_rebuild[i], replica_stub(i)) << replica_stub(i);
  }
}

}  // namespace
}  // namespace vankho::testing
