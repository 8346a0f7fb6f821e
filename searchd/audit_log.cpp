#include "audit_log.h"

#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "access_log.h"  // utc_now_iso

namespace vankho::searchd {

AuditLog::AuditLog(const std::string& path) {
  if (path.empty()) return;
  out_ = std::fopen(path.c_str(), "a");
  if (!out_)
    throw std::runtime_error("--audit-log: cannot open " + path +
                             " for appending: " + std::strerror(errno));
}

AuditLog::~AuditLog() {
  if (out_) std::fclose(out_);
}

bool AuditLog::record(const AuditRecord& r) {
  if (!out_) return true;
  const nlohmann::json line = {
      {"time", utc_now_iso()},
      {"caller", r.caller.name.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.caller.name)},
      {"via", via_name(r.caller.via)},
      {"clearance", extract::level_slug(r.caller.clearance)},
      {"remote", r.remote},
      {"id", r.id},
      {"level", extract::level_slug(r.level)},
      {"route", r.route}};
  std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  text.push_back('\n');
  std::lock_guard lock(mutex_);
  const bool written = std::fwrite(text.data(), 1, text.size(), out_) == text.size();
  return std::fflush(out_) == 0 && written;
}

}  // namespace vankho::searchd
