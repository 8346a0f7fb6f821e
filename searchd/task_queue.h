// A bounded connection queue for cpp-httplib (whose own pool is unbounded and sized at build
// time), with a gate in front of it. `threads` workers serve connections; at most `max_queue` wait
// for one. A connection past that goes to a single shedding thread, where the request is answered
// 503 with Retry-After and the connection closed, so latency cannot grow without end.
//
// The gate: a connection takes a worker only once a whole request (head and body) has arrived. One thread
// polls every accepted or idle keep-alive socket, reads what they send into the connection's
// buffer, and queues the connection when its buffer holds a complete head; a connection that has
// not sent one by its deadline is closed (a 408 when it had sent part of one). So idle, slow or
// half-sent connections hold no worker. cpp-httplib's listener hands its accepted sockets over by
// calling enqueue(), whose job (Server's process_and_close_socket) calls admit(); enqueue() runs it
// at once on the listener thread.
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace vankho::searchd {

// Counters the server reads while httplib owns the queue.
struct QueueStats {
  std::atomic<size_t> queued{0};  // connections waiting for a worker
};

// An accepted socket (non-blocking), the bytes read from it and not yet parsed, and how many more
// requests it may send.
struct Connection {
  int fd = -1;
  std::string pending;
  size_t requests_left = 1;
};

// True when `bytes` hold a request head up to its blank line.
[[nodiscard]] bool request_head_complete(std::string_view bytes);

// A head longer than this is handed to httplib as it is (it answers 414 or 400).
inline constexpr size_t kMaxRequestHead = 16 * 1024;

// True when a worker should take the request `bytes` begin: its head and the body its
// Content-Length announces have arrived (a body longer than `max_body`, chunked or of a malformed
// length is httplib's to refuse at once), or the head is longer than kMaxRequestHead.
[[nodiscard]] bool request_ready(std::string_view bytes, size_t max_body);

class BoundedTaskQueue : public httplib::TaskQueue {
 public:
  using Serve = std::function<void(Connection)>;
  // `serve` runs on a worker (or the shedding thread) for a connection with a complete head.
  // A request's head, and its body of at most `max_body` bytes, must arrive within `header_timeout`.
  BoundedTaskQueue(size_t threads, size_t max_queue, QueueStats& stats, Serve serve,
                   std::chrono::milliseconds header_timeout, size_t max_body);
  ~BoundedTaskQueue() override;

  // Runs `fn` at once: httplib's job for an accepted socket, which only calls admit().
  void enqueue(std::function<void()> fn) override;
  // Closes the idle connections at the gate, lets one whose request has begun finish its head
  // (within its deadline), serves every connection queued, then joins the threads.
  void shutdown() override;

  // Puts a connection at the gate: it is queued once its head is complete, or closed if that has
  // not happened within `wait`. After shutdown() began, the connection is closed at once.
  void admit(Connection c, std::chrono::milliseconds wait);
  [[nodiscard]] std::chrono::milliseconds header_timeout() const { return header_timeout_; }

  // True on the shedding thread: the request being handled must be refused with 503.
  [[nodiscard]] static bool shedding();

 private:
  struct Waiting {
    Connection c;
    std::chrono::steady_clock::time_point deadline;
  };
  void work(bool shed);
  void gate();
  void submit(Connection c);

  const size_t max_queue_;
  QueueStats& stats_;
  Serve serve_;
  const std::chrono::milliseconds header_timeout_;
  const size_t max_body_;
  std::mutex mutex_;
  std::condition_variable ready_, shed_ready_;
  std::deque<std::function<void()>> jobs_, shed_jobs_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
  std::thread shedder_;

  std::mutex gate_mutex_;
  std::vector<Waiting> incoming_;
  bool gate_stopping_ = false;
  int wake_fd_ = -1;  // eventfd: new connections at the gate, or shutdown
  std::thread gate_;
};

}  // namespace vankho::searchd
