// The access log: one JSON line per request (time, method, path, status, duration_ms, hits, the
// caller's name and clearance — never a key or a header) and
// one per event (start, reload, stop), to stderr or appended to a file. Thread-safe.
#pragma once

#include <cstdio>
#include <mutex>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace vankho::searchd {

struct RequestRecord {
  std::string method, path, route, remote;
  int status = 0;
  double duration_ms = 0;
  std::optional<size_t> hits;  // hits returned, for routes that return hits
  std::optional<std::string> caller;     // its name ("" anonymous), for routes that read the index
  std::optional<std::string> clearance;  // the level answered at, likewise
};

class AccessLog {
 public:
  // `path` empty: stderr. `requests` false: only events are written. Throws std::runtime_error
  // when the file cannot be opened.
  AccessLog(const std::string& path, bool requests);
  ~AccessLog();
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  void request(const RequestRecord& r);
  // {"time": ..., "event": name, ...fields}
  void event(const std::string& name, const nlohmann::json& fields);

 private:
  void write_line(nlohmann::json line);

  std::mutex mutex_;
  std::FILE* out_ = nullptr;
  bool own_ = false;
  bool requests_ = true;
};

// "2026-11-22T16:58:08.123Z"
[[nodiscard]] std::string utc_now_iso();

}  // namespace vankho::searchd
