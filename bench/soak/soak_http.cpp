#include "soak_http.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace vankho::soak {
namespace {

int ms_left(Clock::time_point deadline) {
  const auto left =
      std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return left <= 0 ? 0 : static_cast<int>(std::min<long long>(left, 1000000));
}

// Waits for `events` on fd; false when the deadline passed first.
bool wait_for(int fd, short events, Clock::time_point deadline) {
  for (;;) {
    pollfd p{fd, events, 0};
    const int left = ms_left(deadline);
    const int r = ::poll(&p, 1, left);
    if (r > 0) return true;
    if (r == 0) return false;
    if (errno != EINTR) return true;  // let the following call report the error
  }
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

struct Head {
  int status = 0;
  long long content_length = -1;
  bool chunked = false;
  bool close = false;
  bool cache_hit = false;
};

bool parse_head(const std::string& head, Head& h) {
  // "HTTP/1.1 200 OK\r\n" then "Name: value\r\n" lines
  if (head.compare(0, 9, "HTTP/1.1 ") != 0 && head.compare(0, 9, "HTTP/1.0 ") != 0) return false;
  if (head.size() < 12) return false;
  h.status = std::atoi(head.c_str() + 9);
  if (h.status < 100 || h.status > 599) return false;
  if (head.compare(0, 9, "HTTP/1.0 ") == 0) h.close = true;
  size_t pos = head.find("\r\n");
  while (pos != std::string::npos && pos + 2 < head.size()) {
    const size_t next = head.find("\r\n", pos + 2);
    const std::string line =
        head.substr(pos + 2, (next == std::string::npos ? head.size() : next) - pos - 2);
    const size_t colon = line.find(':');
    if (colon != std::string::npos) {
      const std::string name = lower(line.substr(0, colon));
      std::string value = line.substr(colon + 1);
      value.erase(0, value.find_first_not_of(" \t"));
      if (name == "content-length") h.content_length = std::atoll(value.c_str());
      if (name == "transfer-encoding" && lower(value).find("chunked") != std::string::npos)
        h.chunked = true;
      if (name == "connection" && lower(value).find("close") != std::string::npos) h.close = true;
      if (name == "x-vankho-cache" && lower(value) == "hit") h.cache_hit = true;
    }
    pos = next;
  }
  return true;
}

// Decodes a complete chunked body; false while more bytes are needed, `error` when malformed.
bool dechunk(const std::string& raw, std::string& body, bool& error) {
  body.clear();
  size_t pos = 0;
  for (;;) {
    const size_t eol = raw.find("\r\n", pos);
    if (eol == std::string::npos) return false;
    char* end = nullptr;
    const unsigned long size = std::strtoul(raw.c_str() + pos, &end, 16);
    if (end == raw.c_str() + pos) {
      error = true;
      return false;
    }
    if (size == 0) return raw.size() >= eol + 4;  // "0\r\n\r\n" (no trailers)
    if (raw.size() < eol + 2 + size + 2) return false;
    body.append(raw, eol + 2, size);
    pos = eol + 2 + size + 2;
  }
}

}  // namespace

const char* transport_name(Transport t) {
  switch (t) {
    case Transport::kResponse:
      return "response";
    case Transport::kConnectError:
      return "connect error";
    case Transport::kTimeout:
      return "timeout";
    case Transport::kReset:
      return "closed/reset";
    case Transport::kProtocol:
      return "bad response";
  }
  return "?";
}

int connect_nonblocking(const std::string& host, int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  ::inet_pton(AF_INET, host.c_str(), &addr.sin_addr);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) < 0 && errno != EINPROGRESS) {
    const int e = errno;
    ::close(fd);
    errno = e;
    return -1;
  }
  return fd;
}

void Connection::close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  served_ = 0;
}

bool Connection::open(Clock::time_point deadline, Response& failure) {
  fd_ = connect_nonblocking(host_, port_);
  if (fd_ < 0) {
    failure.transport = Transport::kConnectError;
    failure.detail = std::strerror(errno);
    return false;
  }
  if (!wait_for(fd_, POLLOUT, deadline)) {
    failure.transport = Transport::kTimeout;
    failure.detail = "connect";
    close();
    return false;
  }
  int err = 0;
  socklen_t len = sizeof err;
  ::getsockopt(fd_, SOL_SOCKET, SO_ERROR, &err, &len);
  if (err != 0) {
    failure.transport = Transport::kConnectError;
    failure.detail = std::strerror(err);
    close();
    return false;
  }
  const int one = 1;
  ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return true;
}

Response Connection::fetch(const std::string& method, const std::string& path,
                           std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  const std::string request = method + " " + path + " HTTP/1.1\r\nHost: " + host_ + ":" +
                              std::to_string(port_) +
                              "\r\nUser-Agent: vankho-soak\r\nAccept: */*\r\n\r\n";
  const bool reused = fd_ >= 0;
  bool nothing_received = false;
  Response r = attempt(request, deadline, nothing_received);
  if (r.transport == Transport::kReset && reused && nothing_received) {
    r = attempt(request, deadline, nothing_received);  // fd_ was closed: a new connection
    r.retried = true;
  }
  return r;
}

Response Connection::attempt(const std::string& request, Clock::time_point deadline,
                             bool& nothing_received) {
  Response r;
  nothing_received = true;
  if (fd_ < 0 && !open(deadline, r)) return r;
  auto fail = [&](Transport t, std::string detail) {
    r.transport = t;
    r.detail = std::move(detail);
    close();
    return r;
  };
  for (size_t sent = 0; sent < request.size();) {
    const ssize_t n = ::send(fd_, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n > 0) {
      sent += static_cast<size_t>(n);
    } else if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
      if (!wait_for(fd_, POLLOUT, deadline)) return fail(Transport::kTimeout, "sending");
    } else {
      return fail(Transport::kReset, std::string("send: ") + std::strerror(errno));
    }
  }
  std::string in;
  Head head;
  size_t body_at = std::string::npos;
  char buf[65536];
  for (;;) {
    if (body_at != std::string::npos) {  // is the response complete?
      if (head.chunked) {
        bool error = false;
        if (dechunk(in.substr(body_at), r.body, error)) break;
        if (error) return fail(Transport::kProtocol, "bad chunk size");
      } else if (head.content_length >= 0 &&
                 in.size() - body_at >= static_cast<size_t>(head.content_length)) {
        r.body = in.substr(body_at, static_cast<size_t>(head.content_length));
        break;
      }
    }
    const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
    if (n > 0) {
      nothing_received = false;
      in.append(buf, static_cast<size_t>(n));
      if (body_at == std::string::npos) {
        const size_t end = in.find("\r\n\r\n");
        if (end != std::string::npos) {
          if (!parse_head(in.substr(0, end + 2), head))
            return fail(Transport::kProtocol, in.substr(0, 80));
          body_at = end + 4;
        } else if (in.size() > 65536) {
          return fail(Transport::kProtocol, "response head over 64 KB");
        }
      }
    } else if (n == 0) {
      if (body_at != std::string::npos && !head.chunked &&
          head.content_length < 0) {  // body up to close
        r.body = in.substr(body_at);
        head.close = true;
        break;
      }
      return fail(Transport::kReset,
                  in.empty() ? "closed before the response" : "closed mid-response");
    } else if (errno == EAGAIN || errno == EINTR) {
      if (!wait_for(fd_, POLLIN, deadline))
        return fail(Transport::kTimeout, in.empty() ? "no response" : "partial response");
    } else {
      return fail(Transport::kReset, std::string("recv: ") + std::strerror(errno));
    }
  }
  r.status = head.status;
  r.cache_hit = head.cache_hit;
  ++served_;
  if (head.close) close();
  return r;
}

}  // namespace vankho::soak
