// Connection handling: a burst of clients connecting at once (listen backlog), idle and half-sent
// connections (they must not hold the workers), error responses closing their connection, and
// pipelined requests on one keep-alive connection. Raw sockets, every wait bounded.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <iostream>
#include <thread>

#include "http_fixture.h"

namespace vankho::testing {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

// A blocking TCP connection to 127.0.0.1:port, or -1.
int connect_to(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

bool send_all(int fd, const std::string& data) {
  size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::send(fd, data.data() + done, data.size() - done, MSG_NOSIGNAL);
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

struct Received {
  std::string data;
  bool closed = false;  // the server closed the connection before the deadline
};

// Reads until the server closes the connection, or `stop(data)` says enough, or `timeout`.
template <class Stop>
Received read_until(int fd, milliseconds timeout, Stop stop) {
  Received r;
  const auto deadline = Clock::now() + timeout;
  char buf[8192];
  while (!stop(r.data)) {
    const auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) break;
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left)) <= 0) break;
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) {
      r.closed = true;
      break;
    }
    r.data.append(buf, static_cast<size_t>(n));
  }
  return r;
}

Received read_to_close(int fd, milliseconds timeout) {
  return read_until(fd, timeout, [](const std::string&) { return false; });
}

size_t count_of(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// Opens `n` connections that send the start of a request head and then nothing.
std::vector<int> open_half_sent(int port, int n) {
  std::vector<int> fds;
  for (int i = 0; i < n; ++i) {
    const int fd = connect_to(port);
    if (fd < 0) break;
    send_all(fd, "GET / HTTP/1.1\r\nHost: x\r\n");
    fds.push_back(fd);
  }
  return fds;
}

class Connections : public SearchdTest {};

TEST_F(Connections, SixtyFourClientsConnectingAtOnceAreAnsweredWithinASecond) {
  start();
  // 64 non-blocking connects fired in one burst (faster than threads could), then every answer
  // read: a small listen backlog drops SYNs, and the kernel retries them after a second.
  constexpr size_t kClients = 64;
  const std::string request = "GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(searchd_->port()));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::vector<pollfd> fds(kClients);
  std::vector<std::string> data(kClients);
  std::vector<bool> sent(kClients, false);
  std::vector<double> took(kClients, -1);
  const auto t0 = Clock::now();
  for (size_t i = 0; i < kClients; ++i) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    ASSERT_GE(fd, 0);
    const int r = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ASSERT_TRUE(r == 0 || errno == EINPROGRESS);
    fds[i] = pollfd{fd, POLLOUT, 0};
  }
  size_t finished = 0;
  while (finished < kClients && ms_since(t0) < 5000) {
    if (::poll(fds.data(), fds.size(), 50) <= 0) continue;
    for (size_t i = 0; i < kClients; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      if (!sent[i]) {
        int error = 0;
        socklen_t len = sizeof error;
        ::getsockopt(fds[i].fd, SOL_SOCKET, SO_ERROR, &error, &len);
        if (error != 0 || !send_all(fds[i].fd, request)) {
          ::close(fds[i].fd);
          fds[i].fd = -1;
          ++finished;
          continue;
        }
        sent[i] = true;
        fds[i].events = POLLIN;
        continue;
      }
      char buf[8192];
      const ssize_t n = ::recv(fds[i].fd, buf, sizeof buf, 0);
      if (n > 0) {
        data[i].append(buf, static_cast<size_t>(n));
        continue;
      }
      if (n < 0 && errno == EAGAIN) continue;
      if (data[i].starts_with("HTTP/1.1 200")) took[i] = ms_since(t0);
      ::close(fds[i].fd);
      fds[i].fd = -1;
      ++finished;
    }
  }
  for (auto& p : fds) {
    if (p.fd >= 0) ::close(p.fd);
  }
  double slowest = 0;
  size_t answered = 0;
  for (size_t i = 0; i < kClients; ++i) {
    if (took[i] >= 0) ++answered;
    slowest = std::max(slowest, took[i]);
  }
  EXPECT_EQ(answered, kClients) << "answered within 5 s";
  EXPECT_LT(slowest, 1000) << "slowest of " << kClients << " concurrent connects: " << slowest << " ms";
  std::cerr << "64 concurrent connects: " << answered << " answered, slowest " << slowest << " ms\n";
}

// When an attack of half-sent heads ends, its connections close together: they are answered by the
// gate, never queued for a worker, so real requests arriving then are not shed (bench/soak found
// 503s here).
TEST_F(Connections, HalfSentConnectionsClosingTogetherDoNotShedRealRequests) {
  start({"--threads", "2", "--max-queue", "8", "--header-timeout-ms", "5000"});
  std::atomic<bool> stop{false};
  std::atomic<int> shed{0}, served{0};
  std::thread searching([&] {
    auto c = client(true);
    while (!stop) {
      auto res = c->Get("/api/search?q=dang&limit=1");
      if (res && res->status == 503) ++shed;
      if (res && res->status == 200) ++served;
    }
  });
  for (int round = 0; round < 3; ++round) {
    std::vector<int> idle = open_half_sent(searchd_->port(), 200);
    std::this_thread::sleep_for(milliseconds(200));
    for (int fd : idle) ::close(fd);
    std::this_thread::sleep_for(milliseconds(200));
  }
  stop = true;
  searching.join();
  EXPECT_EQ(shed.load(), 0);
  EXPECT_GT(served.load(), 0);
}

TEST_F(Connections, TwoHundredHalfSentConnectionsDoNotDelayOtherClients) {
  start({"--header-timeout-ms", "3000"});
  auto c = client();
  ASSERT_TRUE(c->Get("/api/search?q=dang"));  // a first search opens a reader
  std::vector<int> idle = open_half_sent(searchd_->port(), 200);
  ASSERT_EQ(idle.size(), 200u);
  std::this_thread::sleep_for(milliseconds(100));  // let the server accept them all

  auto t0 = Clock::now();
  auto health = c->Get("/api/health");
  const double health_ms = ms_since(t0);
  t0 = Clock::now();
  auto search = c->Get("/api/search?q=" + url_encode("nông thôn mới") + "&limit=3");
  const double search_ms = ms_since(t0);
  for (int fd : idle) ::close(fd);

  ASSERT_TRUE(health) << httplib::to_string(health.error());
  EXPECT_EQ(health->status, 200);
  ASSERT_TRUE(search) << httplib::to_string(search.error());
  EXPECT_EQ(search->status, 200);
  // Before the fix these waited for a worker until the header timeout (3 s here). The bound is far
  // from both that and the ~1-5 ms measured on a quiet machine, so that a loaded CI does not flake.
  EXPECT_LT(health_ms, 1000) << "/api/health with 200 idle connections open";
  EXPECT_LT(search_ms, 1000) << "/api/search with 200 idle connections open";
  std::cerr << "with 200 half-sent connections: health " << health_ms << " ms, search " << search_ms << " ms\n";
}

// A body announced by Content-Length and sent slowly waits at the gate like a slow head: with both
// workers' worth of such requests open, other clients are answered at once, and each slow request
// gets 408 at the deadline. A body that does arrive in time is answered as usual.
TEST_F(Connections, SlowBodiesHoldNoWorker) {
  start({"--threads", "2", "--header-timeout-ms", "1500", "--timeout", "20"});
  std::vector<int> slow;
  for (int i = 0; i < 4; ++i) {
    const int fd = connect_to(searchd_->port());
    ASSERT_GE(fd, 0);
    ASSERT_TRUE(send_all(fd, "POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nabc"));
    slow.push_back(fd);
  }
  std::this_thread::sleep_for(milliseconds(100));
  auto c = client();
  const auto t0 = Clock::now();
  auto health = c->Get("/api/health");
  const double health_ms = ms_since(t0);
  ASSERT_TRUE(health) << httplib::to_string(health.error());
  EXPECT_EQ(health->status, 200);
  EXPECT_LT(health_ms, 1000) << "/api/health behind 4 slow bodies on 2 workers";
  for (int fd : slow) {
    const Received r = read_to_close(fd, milliseconds(5000));
    ::close(fd);
    EXPECT_TRUE(r.data.starts_with("HTTP/1.1 408")) << r.data;
    EXPECT_TRUE(r.closed);
  }

  // Sent in two parts, within the deadline: answered (405: /api/search takes no POST).
  const int fd = connect_to(searchd_->port());
  ASSERT_GE(fd, 0);
  ASSERT_TRUE(send_all(fd, "POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: 6\r\n\r\nabc"));
  std::this_thread::sleep_for(milliseconds(200));
  ASSERT_TRUE(send_all(fd, "def"));
  const Received r = read_until(fd, milliseconds(3000), [](const std::string& d) { return d.find("\r\n\r\n") != std::string::npos; });
  ::close(fd);
  EXPECT_TRUE(r.data.starts_with("HTTP/1.1 405")) << r.data;
}

TEST_F(Connections, AHalfSentHeadIsClosedAfterTheHeaderTimeout) {
  start({"--header-timeout-ms", "300"});
  const int fd = connect_to(searchd_->port());
  ASSERT_GE(fd, 0);
  ASSERT_TRUE(send_all(fd, "GET /api/health HTTP/1.1\r\nHost: x\r\n"));
  const auto t0 = Clock::now();
  const Received r = read_to_close(fd, milliseconds(4000));
  ::close(fd);
  EXPECT_TRUE(r.closed) << "the connection is still open after 4 s";
  EXPECT_LT(ms_since(t0), 2000);
  EXPECT_TRUE(r.data.empty() || r.data.starts_with("HTTP/1.1 408")) << r.data;

  // A connection that sends nothing at all is closed too.
  const int silent = connect_to(searchd_->port());
  ASSERT_GE(silent, 0);
  const Received s = read_to_close(silent, milliseconds(4000));
  ::close(silent);
  EXPECT_TRUE(s.closed);
  EXPECT_TRUE(s.data.empty()) << s.data;
}

TEST_F(Connections, AnErrorResponseClosesItsConnection) {
  start();
  const int fd = connect_to(searchd_->port());
  ASSERT_GE(fd, 0);
  ASSERT_TRUE(send_all(fd, "GET /api/no-such-route HTTP/1.1\r\nHost: x\r\n\r\n"));
  const Received r = read_to_close(fd, milliseconds(1500));
  ::close(fd);
  EXPECT_TRUE(r.data.starts_with("HTTP/1.1 404")) << r.data;
  EXPECT_NE(r.data.find("Connection: close\r\n"), std::string::npos) << r.data;
  EXPECT_TRUE(r.closed) << "the connection stayed open after an error response";
}

TEST_F(Connections, PipelinedRequestsAreAllAnsweredInOrder) {
  start();
  const int fd = connect_to(searchd_->port());
  ASSERT_GE(fd, 0);
  ASSERT_TRUE(send_all(fd,
                       "GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n"
                       "GET /api/suggest?q=nong HTTP/1.1\r\nHost: x\r\n\r\n"
                       "GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
  const auto t0 = Clock::now();
  const Received r = read_to_close(fd, milliseconds(5000));
  ::close(fd);
  EXPECT_TRUE(r.closed) << "no close after the last pipelined request";
  EXPECT_LT(ms_since(t0), 1000);
  EXPECT_EQ(count_of(r.data, "HTTP/1.1 200 OK\r\n"), 3u) << r.data;
  const size_t first = r.data.find("\"status\"");
  const size_t second = r.data.find("\"suggestions\"");
  EXPECT_LT(first, second);
  EXPECT_NE(r.data.find("\"status\"", second), std::string::npos);
}

TEST_F(Connections, AnIdleKeepAliveConnectionServesItsNextRequestAndHoldsNoWorker) {
  start({"--threads", "3", "--keep-alive-max", "2"});
  // More idle keep-alive connections than workers, each after one request.
  std::vector<int> idle;
  for (int i = 0; i < 6; ++i) {
    const int fd = connect_to(searchd_->port());
    ASSERT_GE(fd, 0);
    ASSERT_TRUE(send_all(fd, "GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n"));
    const Received r = read_until(fd, milliseconds(2000), [](const std::string& d) {
      return d.find("\r\n\r\n") != std::string::npos && d.find("\"status\"") != std::string::npos &&
             d.rfind('}') == d.size() - 1;
    });
    EXPECT_TRUE(r.data.starts_with("HTTP/1.1 200")) << r.data;
    idle.push_back(fd);
  }
  const auto t0 = Clock::now();
  auto res = client()->Get("/api/health");
  const double ms = ms_since(t0);
  for (int fd : idle) ::close(fd);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_LT(ms, 1000);  // the header timeout when broken; a few ms when not (see above)
}

}  // namespace
}  // namespace vankho::testing
