#include "task_queue.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <cctype>
#include <optional>
#include <stdexcept>

namespace vankho::searchd {
namespace {

using Clock = std::chrono::steady_clock;

thread_local bool t_shedding = false;

void close_connection(int fd) {
  ::shutdown(fd, SHUT_RDWR);
  ::close(fd);
}

// Reads what the socket has without blocking, up to `limit` bytes in all. False at end of stream
// or on an error.
bool read_available(Connection& c, size_t limit) {
  char buf[4096];
  while (c.pending.size() < limit) {
    const ssize_t n = ::recv(c.fd, buf, sizeof buf, MSG_DONTWAIT);
    if (n > 0) {
      c.pending.append(buf, static_cast<size_t>(n));
      continue;
    }
    if (n == 0) return false;
    if (errno == EINTR) continue;
    return errno == EAGAIN || errno == EWOULDBLOCK;
  }
  return true;
}

// An error answered by the gate itself, without a worker, on a connection it then closes.
std::string gate_response(std::string_view status, std::string_view code, std::string_view message) {
  const std::string body = R"({"error":{"code":")" + std::string(code) + R"(","message":")" + std::string(message) + "\"}}";
  return "HTTP/1.1 " + std::string(status) + "\r\nContent-Type: application/json; charset=utf-8\r\n" +
         "Content-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n" +
         "X-Content-Type-Options: nosniff\r\n\r\n" + body;
}

void send_timeout(int fd) {
  static const std::string kResponse =
      gate_response("408 Request Timeout", "request_timeout", "the request was not sent in time");
  [[maybe_unused]] const ssize_t n = ::send(fd, kResponse.data(), kResponse.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
}

void send_incomplete(int fd) {
  static const std::string kResponse =
      gate_response("400 Bad Request", "bad_request", "the connection ended inside the request head");
  [[maybe_unused]] const ssize_t n = ::send(fd, kResponse.data(), kResponse.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
}

}  // namespace

bool request_head_complete(std::string_view bytes) {
  // httplib ends a line at '\n' (with or without '\r'); an empty line ends the head. Empty lines
  // before the request line are not skipped by httplib either, so "\r\n" alone counts as a head.
  if (bytes.starts_with("\r\n") || bytes.starts_with("\n")) return true;
  return bytes.find("\n\r\n") != std::string_view::npos || bytes.find("\n\n") != std::string_view::npos;
}

namespace {

// The value of the first Content-Length line of `head`; nullopt without one, or if it is no number.
std::optional<size_t> content_length(std::string_view head) {
  constexpr std::string_view kName = "content-length:";
  while (!head.empty()) {
    const size_t end = std::min(head.find('\n'), head.size());
    std::string_view line = head.substr(0, end);
    head.remove_prefix(std::min(end + 1, head.size()));
    if (line.size() < kName.size() ||
        !std::equal(kName.begin(), kName.end(), line.begin(),
                    [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); })) {
      continue;
    }
    line.remove_prefix(kName.size());
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (line.empty() || line.size() > 18) return std::nullopt;
    size_t value = 0;
    for (const char c : line) {
      if (c < '0' || c > '9') return std::nullopt;
      value = value * 10 + static_cast<size_t>(c - '0');
    }
    return value;
  }
  return std::nullopt;
}

}  // namespace

bool request_ready(std::string_view bytes, size_t max_body) {
  if (!request_head_complete(bytes)) return bytes.size() >= kMaxRequestHead;
  size_t head_end = 0;  // just past the blank line
  if (bytes.starts_with("\r\n")) head_end = 2;
  else if (bytes.starts_with("\n")) head_end = 1;
  else {
    const size_t crlf = bytes.find("\n\r\n"), lf = bytes.find("\n\n");
    head_end = crlf < lf ? crlf + 3 : lf + 2;
  }
  const std::optional<size_t> length = content_length(bytes.substr(0, head_end));
  if (!length || *length > max_body) return true;
  return bytes.size() - head_end >= *length;
}

BoundedTaskQueue::BoundedTaskQueue(size_t threads, size_t max_queue, QueueStats& stats, Serve serve,
                                   std::chrono::milliseconds header_timeout, size_t max_body)
    : max_queue_(max_queue),
      stats_(stats),
      serve_(std::move(serve)),
      header_timeout_(header_timeout),
      max_body_(max_body) {
  wake_fd_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (wake_fd_ < 0) throw std::runtime_error("eventfd failed");
  for (size_t i = 0; i < threads; ++i) workers_.emplace_back([this] { work(false); });
  shedder_ = std::thread([this] { work(true); });
  gate_ = std::thread([this] { gate(); });
}

BoundedTaskQueue::~BoundedTaskQueue() {
  shutdown();
  ::close(wake_fd_);
}

bool BoundedTaskQueue::shedding() { return t_shedding; }

void BoundedTaskQueue::enqueue(std::function<void()> fn) { fn(); }

void BoundedTaskQueue::admit(Connection c, std::chrono::milliseconds wait) {
  {
    std::lock_guard lock(gate_mutex_);
    if (!gate_stopping_) {
      incoming_.push_back(Waiting{std::move(c), Clock::now() + wait});
      c.fd = -1;
    }
  }
  if (c.fd >= 0) {
    close_connection(c.fd);
    return;
  }
  const uint64_t one = 1;
  [[maybe_unused]] const ssize_t n = ::write(wake_fd_, &one, sizeof one);
}

void BoundedTaskQueue::submit(Connection c) {
  auto job = [this, c = std::move(c)]() mutable { serve_(std::move(c)); };
  {
    std::lock_guard lock(mutex_);
    if (jobs_.size() < max_queue_) {
      jobs_.push_back(std::move(job));
      stats_.queued.store(jobs_.size(), std::memory_order_relaxed);
      ready_.notify_one();
      return;
    }
    shed_jobs_.push_back(std::move(job));
  }
  shed_ready_.notify_one();
}

void BoundedTaskQueue::gate() {
  std::vector<Waiting> waiting;
  std::vector<pollfd> fds;
  for (;;) {
    bool stopping;
    {
      std::lock_guard lock(gate_mutex_);
      stopping = gate_stopping_;
      for (auto& w : incoming_) {
        // A connection may already hold its next head (pipelined, or read with the last body).
        waiting.push_back(std::move(w));
      }
      incoming_.clear();
    }
    if (stopping) {
      // Idle connections are closed; a request already begun is in flight: it may still finish
      // its head (until its deadline) and is then answered.
      for (size_t i = 0; i < waiting.size();) {
        if (waiting[i].c.pending.empty()) {
          close_connection(waiting[i].c.fd);
          waiting[i] = std::move(waiting.back());
          waiting.pop_back();
        } else {
          ++i;
        }
      }
      if (waiting.empty()) break;
    }
    // Newly admitted connections whose buffer is already complete go straight on.
    for (size_t i = 0; i < waiting.size();) {
      if (request_ready(waiting[i].c.pending, max_body_)) {
        submit(std::move(waiting[i].c));
        waiting[i] = std::move(waiting.back());
        waiting.pop_back();
      } else {
        ++i;
      }
    }
    fds.assign(1, pollfd{wake_fd_, POLLIN, 0});
    auto next = Clock::time_point::max();
    for (const auto& w : waiting) {
      fds.push_back(pollfd{w.c.fd, POLLIN, 0});
      next = std::min(next, w.deadline);
    }
    int timeout_ms = -1;
    if (next != Clock::time_point::max()) {
      const auto left = std::chrono::ceil<std::chrono::milliseconds>(next - Clock::now()).count();
      timeout_ms = static_cast<int>(std::clamp<long long>(left, 0, 60000));
    }
    const int ready = ::poll(fds.data(), fds.size(), timeout_ms);
    if (ready < 0 && errno != EINTR) continue;
    if (fds[0].revents & POLLIN) {
      uint64_t count;
      [[maybe_unused]] const ssize_t n = ::read(wake_fd_, &count, sizeof count);
    }
    const auto now = Clock::now();
    std::vector<Waiting> still;
    still.reserve(waiting.size());
    for (size_t i = 0; i < waiting.size(); ++i) {
      Waiting& w = waiting[i];
      if (ready > 0 && fds[i + 1].revents != 0) {
        const bool open = read_available(w.c, kMaxRequestHead + max_body_);
        if (!open && w.c.pending.empty()) {
          close_connection(w.c.fd);  // the client went away
          continue;
        }
        // A head cut short by the end of the stream is answered here: many such connections
        // closing at once (an attack ending) must not fill the workers' queue and shed real requests.
        if (!open && !request_head_complete(w.c.pending)) {  // (a body cut short is httplib's 400)
          send_incomplete(w.c.fd);
          close_connection(w.c.fd);
          continue;
        }
        if (!open || request_ready(w.c.pending, max_body_)) {
          submit(std::move(w.c));
          continue;
        }
      }
      if (now >= w.deadline) {
        if (!w.c.pending.empty()) send_timeout(w.c.fd);
        close_connection(w.c.fd);
        continue;
      }
      still.push_back(std::move(w));
    }
    waiting = std::move(still);
  }
}

void BoundedTaskQueue::shutdown() {
  {
    std::lock_guard lock(gate_mutex_);
    if (gate_stopping_) return;
    gate_stopping_ = true;
  }
  const uint64_t one = 1;
  [[maybe_unused]] const ssize_t n = ::write(wake_fd_, &one, sizeof one);
  gate_.join();
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_all();
  shed_ready_.notify_all();
  for (auto& t : workers_) t.join();
  shedder_.join();
}

void BoundedTaskQueue::work(bool shed) {
  t_shedding = shed;
  auto& jobs = shed ? shed_jobs_ : jobs_;
  auto& ready = shed ? shed_ready_ : ready_;
  for (;;) {
    std::function<void()> fn;
    {
      std::unique_lock lock(mutex_);
      ready.wait(lock, [&] { return stopping_ || !jobs.empty(); });
      if (jobs.empty()) return;  // stopping, and every accepted connection was served
      fn = std::move(jobs.front());
      jobs.pop_front();
      if (!shed) stats_.queued.store(jobs.size(), std::memory_order_relaxed);
    }
    fn();
  }
}

}  // namespace vankho::searchd
