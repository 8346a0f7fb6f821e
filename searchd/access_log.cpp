#include "access_log.h"

#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <ctime>
#include <stdexcept>

namespace vankho::searchd {
namespace {

constexpr size_t kMaxLoggedPath = 512;

}  // namespace

std::string utc_now_iso() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t secs = std::chrono::system_clock::to_time_t(now);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  return buf;
}

AccessLog::AccessLog(const std::string& path, bool requests) : requests_(requests) {
  if (path.empty()) {
    out_ = stderr;
    return;
  }
  out_ = std::fopen(path.c_str(), "a");
  if (!out_) throw std::runtime_error("--log: cannot open " + path + ": " + std::strerror(errno));
  own_ = true;
}

AccessLog::~AccessLog() {
  if (own_) std::fclose(out_);
}

void AccessLog::request(const RequestRecord& r) {
  if (!requests_) return;
  nlohmann::json line = {{"time", utc_now_iso()},
                         {"method", r.method},
                         {"path", r.path.size() > kMaxLoggedPath ? r.path.substr(0, kMaxLoggedPath) + "…" : r.path},
                         {"route", r.route},
                         {"status", r.status},
                         {"duration_ms", std::round(r.duration_ms * 1000) / 1000},
                         {"remote", r.remote}};
  line["hits"] = r.hits ? nlohmann::json(*r.hits) : nlohmann::json(nullptr);
  if (r.clearance) {
    line["caller"] = r.caller && !r.caller->empty() ? nlohmann::json(*r.caller) : nlohmann::json(nullptr);
    line["clearance"] = *r.clearance;
  }
  write_line(std::move(line));
}

void AccessLog::event(const std::string& name, const nlohmann::json& fields) {
  nlohmann::json line = {{"time", utc_now_iso()}, {"event", name}};
  if (fields.is_object()) line.update(fields);
  write_line(std::move(line));
}

void AccessLog::write_line(nlohmann::json line) {
  std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  text.push_back('\n');
  std::lock_guard lock(mutex_);
  std::fwrite(text.data(), 1, text.size(), out_);
  std::fflush(out_);
}

}  // namespace vankho::searchd
