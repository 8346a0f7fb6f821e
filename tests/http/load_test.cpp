// Concurrency, reload while serving (the real indexer commits while clients query), and SIGTERM.
#include <signal.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <unistd.h>

#include <atomic>
#include <mutex>
#include <set>
#include <chrono>
#include <thread>

#include "http_fixture.h"
#include "run_command.h"

namespace vankho::testing {
namespace {

using Clock = std::chrono::steady_clock;

const std::vector<std::string> kMix = {
    "/api/search?q=nong%20thon%20moi",
    "/api/search?q=NQ%2013",
    "/api/search?q=" + url_encode("chuyển đổi số") + "&limit=3",
    "/api/search?q=" + url_encode("quý I năm 2025"),
    "/api/search?q=dang&type=chuong-trinh&sort=date",
    "/api/suggest?q=nong%20th",
    "/api/documents/001_36391affc1bfd663.txt",
    "/api/citations/13-NQ%2FTW",
    "/api/health",
};

class Load : public SearchdTest {};

TEST_F(Load, EightClientsFiveHundredRequestsEachWithoutAnError) {
  start({"--threads", "8"});
  constexpr int kClients = 8, kRequests = 500;
  std::atomic<int> ok{0}, failed{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < kClients; ++t) {
    clients.emplace_back([&, t] {
      auto c = client(t % 2 == 0);  // half keep their connections alive
      for (int i = 0; i < kRequests; ++i) {
        auto res = c->Get(kMix[(t + i) % kMix.size()]);
        if (res && res->status == 200 && !res->body.empty()) {
          ++ok;
        } else {
          ++failed;
        }
      }
    });
  }
  for (auto& c : clients) c.join();
  EXPECT_EQ(failed.load(), 0);
  EXPECT_EQ(ok.load(), kClients * kRequests);
  EXPECT_TRUE(searchd_->running());
}

int hits_for(httplib::Client& c, const std::string& q, bool& ok) {
  auto res = c.Get("/api/search?facets=false&q=" + url_encode(q));
  ok = res && res->status == 200;
  if (!ok) return -1;
  return static_cast<int>(nlohmann::json::parse(res->body)["total"].get<size_t>());
}

TEST_F(Load, NewRevisionsAreServedWhileClientsQuery) {
  start({"--reload-interval-ms", "200"});
  std::atomic<bool> stop{false};
  std::atomic<int> ok{0};
  std::atomic<int> failed{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < 3; ++t) {
    clients.emplace_back([&, t] {
      auto c = client(t != 0);
      while (!stop) {
        auto res = c->Get(kMix[static_cast<size_t>(ok.load() + t) % kMix.size()]);
        if (res && res->status == 200) {
          ++ok;
        } else {
          ++failed;
        }
      }
    });
  }
  auto probe = client(true);
  for (int round = 1; round <= 2; ++round) {
    const std::string word = round == 1 ? "xylanhquamoi" : "zebracuoicung";
    bool probe_ok = false;
    ASSERT_EQ(hits_for(*probe, word, probe_ok), 0);
    for (int i = 0; i < 3; ++i) {
      dir_.write("docs/new_" + std::to_string(round) + "_" + std::to_string(i) + ".txt",
                 "Thông báo số " + std::to_string(round * 10 + i) + "-TB/TU\n\nBan Thường vụ Tỉnh ủy thông báo về " + word +
                     " trong chương trình nông thôn mới năm 2024.\n");
    }
    index_docs();
    const auto indexed = Clock::now();
    int found = 0;
    while (Clock::now() - indexed < std::chrono::seconds(5)) {
      found = hits_for(*probe, word, probe_ok);
      ASSERT_TRUE(probe_ok);
      if (found == 3) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - indexed).count();
    EXPECT_EQ(found, 3) << "round " << round;
    EXPECT_LT(seconds, 2.0) << "round " << round << ": the new revision took " << seconds << " s to be served";
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  stop = true;
  for (auto& c : clients) c.join();
  EXPECT_EQ(failed.load(), 0);
  EXPECT_GT(ok.load(), 20);
  EXPECT_EQ(get_json("/api/health")["documents"], 11);
  // A reload line for the first load and for each change the watcher saw. Searches pick up a new
  // revision on their own (before the watcher's next tick), so two commits can fall into one tick:
  // at least one change must have been logged, not necessarily one per commit.
  const std::string log = log_text();
  size_t reloads = 0;
  for (size_t at = log.find("\"event\":\"reload\""); at != std::string::npos; at = log.find("\"event\":\"reload\"", at + 1)) {
    ++reloads;
  }
  EXPECT_GE(reloads, 2u) << log.substr(0, 2000);
}

// A rebuild commits batch after batch into a new generation; searchd serves the previous index
// whole until the switch, then the new one whole, and no request fails across it.
TEST_F(Load, ARebuildIsServedWholeOrNotAtAll) {
  start({"--reload-interval-ms", "50"});
  constexpr int kNew = 1500;
  for (int i = 0; i < kNew; ++i) {
    dir_.write("other/" + std::to_string(i) + ".txt",
               "Thông báo số " + std::to_string(i) + "-TB/TU về zebracuoicung năm 2024.\n");
  }
  std::atomic<bool> stop{false};
  std::atomic<int> failed{0};
  std::mutex seen_mutex;
  std::set<std::pair<int, int>> seen;  // (documents, hits for the new word)
  std::vector<std::thread> clients;
  for (int t = 0; t < 2; ++t) {
    clients.emplace_back([&] {
      auto c = client(true);
      while (!stop) {
        auto health = c->Get("/api/health");
        auto search = c->Get("/api/search?facets=false&q=zebracuoicung");
        if (!health || health->status != 200 || !search || search->status != 200) {
          ++failed;
          continue;
        }
        const int documents = nlohmann::json::parse(health->body)["documents"].get<int>();
        const int hits = nlohmann::json::parse(search->body)["total"].get<int>();
        std::lock_guard lock(seen_mutex);
        seen.emplace(documents, hits);
      }
    });
  }
  const auto r = run_command({VANKHO_INDEXER, "--index", index_dir(), "--rebuild", "--batch", "100", "--quiet",
                              "--default-level", "cong-khai", dir_.str("other")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto rebuilt = Clock::now();
  while (Clock::now() - rebuilt < std::chrono::seconds(5)) {
    {
      std::lock_guard lock(seen_mutex);
      if (seen.contains({kNew, kNew})) break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  stop = true;
  for (auto& c : clients) c.join();
  EXPECT_EQ(failed.load(), 0);
  for (const auto& [documents, hits] : seen) {
    EXPECT_TRUE(documents == 5 || documents == kNew) << "a partial index was served: " << documents << " documents";
    EXPECT_TRUE(hits == 0 || hits == kNew) << "a partial index was searched: " << hits << " hits";
  }
  EXPECT_TRUE(seen.contains({kNew, kNew})) << "the rebuilt index was never served";
}

// A raw connection that sends its request in two parts, so that it is in flight at SIGTERM.
int connect_to(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

TEST_F(Load, SigtermFinishesRequestsInFlightAndExitsZero) {
  start();
  const int fd = connect_to(searchd_->port());
  ASSERT_GE(fd, 0);
  const std::string first = "GET /api/search?q=nong%20thon%20moi HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  ASSERT_EQ(send(fd, first.data(), first.size(), 0), static_cast<ssize_t>(first.size()));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // a worker is reading this request

  std::atomic<bool> stop{false};
  std::atomic<int> five_hundreds{0};
  std::thread busy([&] {
    auto c = client(true);
    while (!stop) {
      auto res = c->Get("/api/search?q=dang");
      if (res && res->status >= 500) ++five_hundreds;
      if (!res) break;  // the listener closed: no new requests are accepted
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  ASSERT_EQ(kill(searchd_->pid(), SIGTERM), 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));

  const std::string rest = "Connection: close\r\n\r\n";
  ASSERT_EQ(send(fd, rest.data(), rest.size(), 0), static_cast<ssize_t>(rest.size()));
  std::string response;
  char buf[4096];
  for (ssize_t n; (n = recv(fd, buf, sizeof buf, 0)) > 0;) response.append(buf, static_cast<size_t>(n));
  close(fd);
  EXPECT_TRUE(response.starts_with("HTTP/1.1 200 OK")) << response.substr(0, 200);
  EXPECT_NE(response.find("<mark>nông"), std::string::npos);

  const int code = searchd_->stop(0, std::chrono::seconds(15));  // signal 0: just wait
  stop = true;
  busy.join();
  EXPECT_EQ(code, 0);
  EXPECT_EQ(five_hundreds.load(), 0);
  EXPECT_NE(log_text().find("\"event\":\"stop\""), std::string::npos);
}

TEST_F(Load, AFullQueueAnswers503WithRetryAfter) {
  // Two workers, one place in the queue, 16 clients searching as fast as they can: many requests
  // find the queue full. (Nothing a client sends holds a worker any more, slow heads and bodies wait
  // at the gate: connections_test.cpp; so the queue is filled by real work.)
  start({"--threads", "2", "--max-queue", "1", "--cache-entries", "0"});
  std::atomic<int> shed{0}, served{0}, other{0};
  std::atomic<bool> retry_after_ok{true}, code_ok{true};
  std::vector<std::thread> clients;
  for (int t = 0; t < 16; ++t) {
    clients.emplace_back([&, t] {
      auto c = client();
      for (int i = 0; i < 60; ++i) {
        auto res = c->Get("/api/search?q=" + url_encode("nông thôn " + std::to_string(t * 100 + i)));
        if (res && res->status == 503) {
          ++shed;
          if (res->get_header_value("Retry-After") != "1") retry_after_ok = false;
          if (nlohmann::json::parse(res->body)["error"]["code"] != "overloaded") code_ok = false;
        } else if (res && res->status == 200) {
          ++served;
        } else {
          ++other;
        }
      }
    });
  }
  for (auto& c : clients) c.join();
  EXPECT_GT(shed.load(), 0) << served.load() << " served, none shed";
  EXPECT_GT(served.load(), 0);
  EXPECT_EQ(other.load(), 0) << "requests neither served nor shed";
  EXPECT_TRUE(retry_after_ok.load());
  EXPECT_TRUE(code_ok.load());
  // Once the load is gone, requests are served again, and the metrics count what was shed.
  auto again = client()->Get("/api/health");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200);
  auto metrics = client()->Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_NE(metrics->body.find("vankho_http_requests_shed_total " + std::to_string(shed.load()) + "\n"),
            std::string::npos) << metrics->body;
}

}  // namespace
}  // namespace vankho::testing
