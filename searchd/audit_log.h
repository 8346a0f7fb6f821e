// The audit log of --audit-log FILE: one JSON line for every view or download of a document above
// `cong-khai` — time (ISO-8601 UTC), caller, how they were identified, their address, the
// document's id and level, the route — appended and flushed before the document is sent.
// Thread-safe.
#pragma once

#include <cstdio>
#include <mutex>
#include <string>

#include "caller.h"

namespace vankho::searchd {

struct AuditRecord {
  const Caller& caller;
  std::string remote;
  std::string id;
  extract::AccessLevel level;
  std::string route;  // "document", "original"
};

class AuditLog {
 public:
  // "" : no audit log (record() does nothing). Throws std::runtime_error naming --audit-log when
  // the file cannot be opened for appending.
  explicit AuditLog(const std::string& path);
  ~AuditLog();
  AuditLog(const AuditLog&) = delete;
  AuditLog& operator=(const AuditLog&) = delete;

  [[nodiscard]] bool enabled() const { return out_ != nullptr; }

  // False when the line could not be written and flushed (the document must then not be sent).
  [[nodiscard]] bool record(const AuditRecord& r);

 private:
  std::mutex mutex_;
  std::FILE* out_ = nullptr;
};

// Whether viewing a document of `level` is audited.
[[nodiscard]] inline bool audited(extract::AccessLevel level) {
  return level > extract::AccessLevel::kCongKhai;
}

}  // namespace vankho::searchd
