// The soak driver's HTTP/1.1 client over plain sockets: one keep-alive connection per load
// thread, every byte and every way a request can fail visible (no library retries or hides it).
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace vankho::soak {

using Clock = std::chrono::steady_clock;

// How one request ended. Everything but kResponse is a failed request.
enum class Transport {
  kResponse,      // a complete response was read (its status says the rest)
  kConnectError,  // connect() refused or failed
  kTimeout,       // no complete response before the deadline
  kReset,         // the connection was closed or reset before the response was complete
  kProtocol,      // the bytes were not an HTTP/1.1 response
};
[[nodiscard]] const char* transport_name(Transport t);

struct Response {
  Transport transport = Transport::kResponse;
  int status = 0;
  std::string body;
  bool cache_hit = false;  // X-Vankho-Cache: hit
  bool retried = false;  // a reused keep-alive connection was found closed; sent again on a new one
  std::string detail;    // errno text or what was malformed
};

// A client connection to one host:port, reopened as needed. Not thread-safe: one per thread.
class Connection {
 public:
  Connection(std::string host, int port) : host_(std::move(host)), port_(port) {}
  ~Connection() { close(); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Sends `method path` and reads the whole response before `timeout` runs out. A keep-alive
  // connection that the server has already closed (it closes idle ones, and after
  // --keep-alive-max requests) fails before any byte of the answer arrives; such a request is sent
  // once more on a new connection, as browsers do for idempotent requests, and marked `retried`.
  Response fetch(const std::string& method, const std::string& path,
                 std::chrono::milliseconds timeout);
  void close();

 private:
  Response attempt(const std::string& request, Clock::time_point deadline, bool& nothing_received);
  bool open(Clock::time_point deadline, Response& failure);

  std::string host_;
  int port_;
  int fd_ = -1;
  size_t served_ = 0;  // requests answered on the open connection
};

// Opens a non-blocking TCP connection to host:port; -1 with errno on failure.
[[nodiscard]] int connect_nonblocking(const std::string& host, int port);

}  // namespace vankho::soak
