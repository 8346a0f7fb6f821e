// What the soak run measures and prints: every request's outcome and latency (from the driver's
// own clock), searchd's RSS, open FDs and index revision once a second, a line per minute and the
// summary (failed requests, whether RSS and FDs stay flat, latency during the attack and outside).
#pragma once

#include <cstdint>
#include <cstdio>
#include <mutex>
#include <string>
#include <vector>

#include "soak_http.h"
#include "soak_mix.h"

namespace vankho::soak {

// How a request ended. Everything from kWrongStatus on is a failed request.
enum class Outcome : uint8_t {
  kOk,           // the expected 2xx, with a body of the right shape
  kExpected4xx,  // a deliberately bad request got exactly its documented 4xx
  kWrongStatus,  // any other status: a 5xx, a 503 overloaded, a 4xx for a good request, ...
  kBadBody,      // the expected status with an empty or truncated JSON body
  kConnectError,
  kTimeout,
  kReset,  // closed or reset before the response was complete (after the one retry)
  kProtocol,
};
inline constexpr size_t kOutcomes = 8;
[[nodiscard]] const char* outcome_name(Outcome o);
[[nodiscard]] inline bool failed(Outcome o) { return o >= Outcome::kWrongStatus; }

struct Sample {
  float start_s;  // since the run began
  float ms;       // until the whole response was read (connect and the one retry included)
  uint8_t kind;   // Kind
  Outcome outcome;
  bool cache_hit;
  bool retried;
};

// One second's look at searchd.
struct ProcSample {
  double t_s = 0;
  long rss_kb = -1;
  long fds = -1;
  long long revision = -1;
  long long documents = -1;
};

struct ReportOptions {
  double duration_s = 600;
  double attack_from_s = 270, attack_to_s = 330;  // attack window; from == to: none
  int warmup_minutes = 2;   // excluded from the flatness baseline and the "outside" latencies
  double rss_slack = 0.10;  // flat: no later steady minute above baseline × (1 + slack) ...
  long rss_slack_min_kb = 10 * 1024;  // ... or baseline + this, whichever is larger
  long fd_slack = 16;                 // flat: no later steady minute above baseline + this
};

class Recorder {
 public:
  explicit Recorder(ReportOptions opts) : opts_(opts) {}

  void add(const Sample& s);
  void add(const ProcSample& p);
  void note_failure(const std::string& line);  // kept for the failure list (the first 50)

  // Prints minute `minute` (0-based): requests completed since the previous call.
  void print_minute(std::FILE* out, int minute, double minute_seconds);
  // Prints the summary; returns true when nothing failed and RSS and FDs stayed flat.
  bool print_summary(std::FILE* out, const std::string& searchd_state);
  void print_header(std::FILE* out) const;

 private:
  struct MinuteProc {
    ProcSample end;
    long rss_max_kb = -1, fds_max = -1;
    size_t revision_changes = 0;  // commits served during the minute
    bool seen = false;
  };

  [[nodiscard]] bool in_attack(double t) const {
    return t >= opts_.attack_from_s && t < opts_.attack_to_s;
  }

  ReportOptions opts_;
  std::mutex mutex_;
  std::vector<Sample> samples_;
  size_t reported_ = 0;  // samples_[0, reported_) are in printed minutes
  std::vector<MinuteProc> minutes_;
  std::vector<ProcSample> procs_;
  std::vector<std::string> failures_;
  size_t failure_count_ = 0;
  long long last_revision_ = -1;
};

[[nodiscard]] double percentile(std::vector<float>& v, double p);  // sorts v

}  // namespace vankho::soak
