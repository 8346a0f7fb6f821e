#include "soak_report.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace vankho::soak {
namespace {

constexpr double kAfterAttack = 10;  // seconds after the attack still counted as its

struct Stats {
  size_t n = 0, failed = 0, expected = 0, hits = 0, retried = 0;
  std::vector<float> ms;
  void add(const Sample& s) {
    ++n;
    if (soak::failed(s.outcome)) ++failed;
    if (s.outcome == Outcome::kExpected4xx) ++expected;
    if (s.cache_hit) ++hits;
    if (s.retried) ++retried;
    if (s.outcome != Outcome::kConnectError) ms.push_back(s.ms);
  }
};

double mb(long kb) { return static_cast<double>(kb) / 1024.0; }

}  // namespace

const char* outcome_name(Outcome o) {
  switch (o) {
    case Outcome::kOk:
      return "ok";
    case Outcome::kExpected4xx:
      return "expected 4xx";
    case Outcome::kWrongStatus:
      return "unexpected status";
    case Outcome::kBadBody:
      return "bad body";
    case Outcome::kConnectError:
      return "connect error";
    case Outcome::kTimeout:
      return "timeout";
    case Outcome::kReset:
      return "closed/reset";
    case Outcome::kProtocol:
      return "bad response";
  }
  return "?";
}

double percentile(std::vector<float>& v, double p) {
  if (v.empty()) return 0;
  const size_t k =
      std::min(v.size() - 1,
               static_cast<size_t>(std::ceil(p * static_cast<double>(v.size()))) - (p > 0 ? 1 : 0));
  std::nth_element(v.begin(), v.begin() + static_cast<long>(k), v.end());
  return v[k];
}

void Recorder::add(const Sample& s) {
  std::lock_guard lock(mutex_);
  samples_.push_back(s);
}

void Recorder::add(const ProcSample& p) {
  std::lock_guard lock(mutex_);
  procs_.push_back(p);
  const size_t m = static_cast<size_t>(std::max(0.0, p.t_s) / 60.0);
  if (minutes_.size() <= m) minutes_.resize(m + 1);
  MinuteProc& mp = minutes_[m];
  if (p.rss_kb >= 0) mp.rss_max_kb = std::max(mp.rss_max_kb, p.rss_kb);
  if (p.fds >= 0) mp.fds_max = std::max(mp.fds_max, p.fds);
  if (p.revision >= 0) {
    if (last_revision_ >= 0 && p.revision != last_revision_) ++mp.revision_changes;
    last_revision_ = p.revision;
  }
  ProcSample keep = p;  // a failed /proc or health read keeps the previous value
  if (mp.seen) {
    if (keep.rss_kb < 0) keep.rss_kb = mp.end.rss_kb;
    if (keep.fds < 0) keep.fds = mp.end.fds;
    if (keep.revision < 0) keep.revision = mp.end.revision;
    if (keep.documents < 0) keep.documents = mp.end.documents;
  }
  mp.end = keep;
  mp.seen = true;
}

void Recorder::note_failure(const std::string& line) {
  std::lock_guard lock(mutex_);
  ++failure_count_;
  if (failures_.size() < 50) failures_.push_back(line);
}

void Recorder::print_header(std::FILE* out) const {
  std::fprintf(out, "%4s %9s %7s %6s %6s %5s %5s %7s %8s %8s %15s %11s %8s %7s %7s\n", "min",
               "requests", "req/s", "failed", "exp4xx", "retry", "hit%", "p50 ms", "p99 ms",
               "max ms", "RSS MB end/max", "FDs end/max", "revision", "docs", "commits");
}

void Recorder::print_minute(std::FILE* out, int minute, double minute_seconds) {
  Stats st;
  MinuteProc mp;
  bool attack = false;
  {
    std::lock_guard lock(mutex_);
    for (size_t i = reported_; i < samples_.size(); ++i) st.add(samples_[i]);
    reported_ = samples_.size();
    if (static_cast<size_t>(minute) < minutes_.size()) mp = minutes_[static_cast<size_t>(minute)];
    const double from = minute * 60.0, to = from + minute_seconds;
    attack = opts_.attack_to_s > opts_.attack_from_s && from < opts_.attack_to_s &&
             to > opts_.attack_from_s;
  }
  const double p50 = percentile(st.ms, 0.5), p99 = percentile(st.ms, 0.99);
  const double max = st.ms.empty() ? 0 : *std::max_element(st.ms.begin(), st.ms.end());
  char rss[32], fds[24];
  std::snprintf(rss, sizeof rss, "%.1f/%.1f", mb(mp.end.rss_kb), mb(mp.rss_max_kb));
  std::snprintf(fds, sizeof fds, "%ld/%ld", mp.end.fds, mp.fds_max);
  std::fprintf(
      out, "%4d %9zu %7.0f %6zu %6zu %5zu %5.1f %7.2f %8.2f %8.1f %15s %11s %8lld %7lld %7zu%s\n",
      minute + 1, st.n, static_cast<double>(st.n) / std::max(1.0, minute_seconds), st.failed,
      st.expected, st.retried,
      st.n ? 100.0 * static_cast<double>(st.hits) / static_cast<double>(st.n) : 0.0, p50, p99, max,
      rss, fds, mp.end.revision, mp.end.documents, mp.revision_changes,
      attack ? "  <- slow-client attack" : "");
  std::fflush(out);
}

bool Recorder::print_summary(std::FILE* out, const std::string& searchd_state) {
  std::lock_guard lock(mutex_);
  const double warm = opts_.warmup_minutes * 60.0;
  auto attack_affected = [&](double t) {
    return opts_.attack_to_s > opts_.attack_from_s && t >= opts_.attack_from_s &&
           t < opts_.attack_to_s + kAfterAttack;
  };
  Stats all, during, outside;
  std::array<Stats, kKinds> by_kind;
  std::array<size_t, kOutcomes> by_outcome{};
  for (const Sample& s : samples_) {
    all.add(s);
    by_kind[s.kind].add(s);
    ++by_outcome[static_cast<size_t>(s.outcome)];
    if (in_attack(s.start_s)) {
      during.add(s);
    } else if (s.start_s >= warm && !attack_affected(s.start_s)) {
      outside.add(s);
    }
  }
  const double seconds = opts_.duration_s;
  std::fprintf(out, "\nsummary\n");
  std::fprintf(out,
               "requests: %zu (%.0f/s); FAILED: %zu (target 0); deliberately bad requests answered "
               "with their 4xx: %zu;"
               " keep-alive connections found closed and retried once: %zu\n",
               all.n, static_cast<double>(all.n) / seconds, all.failed, all.expected, all.retried);
  std::fprintf(out, "outcomes:");
  for (size_t o = 0; o < kOutcomes; ++o)
    std::fprintf(out, " %s %zu%s", outcome_name(static_cast<Outcome>(o)), by_outcome[o],
                 o + 1 < kOutcomes ? "," : "\n");
  std::fprintf(out, "%-12s %9s %7s %8s %8s %8s %6s\n", "kind", "requests", "failed", "p50 ms",
               "p99 ms", "max ms", "hit%");
  for (size_t k = 0; k < kKinds; ++k) {
    Stats& st = by_kind[k];
    if (st.n == 0) continue;
    const double max = st.ms.empty() ? 0 : *std::max_element(st.ms.begin(), st.ms.end());
    std::fprintf(out, "%-12s %9zu %7zu %8.2f %8.2f %8.1f %6.1f\n", kind_name(static_cast<Kind>(k)),
                 st.n, st.failed, percentile(st.ms, 0.5), percentile(st.ms, 0.99), max,
                 100.0 * static_cast<double>(st.hits) / static_cast<double>(st.n));
  }
  for (const auto& f : failures_) std::fprintf(out, "  failed: %s\n", f.c_str());
  if (failure_count_ > failures_.size())
    std::fprintf(out, "  ... and %zu more failures\n", failure_count_ - failures_.size());

  // Flatness: the end-of-minute samples of the steady minutes (from the end of the warm-up on,
  // leaving out minutes that end inside the attack or within 10 s after it).
  std::vector<std::pair<int, ProcSample>> steady;
  for (size_t m = 0; m < minutes_.size(); ++m) {
    const MinuteProc& mp = minutes_[m];
    if (!mp.seen || static_cast<int>(m) + 1 < opts_.warmup_minutes || attack_affected(mp.end.t_s))
      continue;
    if (mp.end.t_s < (static_cast<double>(m) + 1) * 60.0 - 5) continue;  // a partial last minute
    steady.push_back({static_cast<int>(m) + 1, mp.end});
  }
  bool flat = true;
  std::string rss_verdict = "not judged (run too short: no steady minute after the baseline)",
              fd_verdict = rss_verdict;
  if (steady.size() >= 2) {
    const ProcSample base = steady.front().second;
    long rss_hi = base.rss_kb, fd_hi = base.fds;
    int rss_at = steady.front().first, fd_at = rss_at;
    std::string rss_list, fd_list;
    for (const auto& [m, p] : steady) {
      if (!rss_list.empty()) rss_list += ' ', fd_list += ' ';
      rss_list += std::to_string(std::lround(mb(p.rss_kb)));
      fd_list += std::to_string(p.fds);
      if (p.rss_kb > rss_hi) rss_hi = p.rss_kb, rss_at = m;
      if (p.fds > fd_hi) fd_hi = p.fds, fd_at = m;
    }
    const long rss_limit =
        base.rss_kb +
        std::max(opts_.rss_slack_min_kb,
                 static_cast<long>(static_cast<double>(base.rss_kb) * opts_.rss_slack));
    const long fd_limit = base.fds + opts_.fd_slack;
    const bool rss_flat = rss_hi <= rss_limit, fd_flat = fd_hi <= fd_limit;
    flat = rss_flat && fd_flat;
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  "%s: baseline %.1f MB (end of minute %d); steady minutes end at [%s] MB; highest "
                  "%.1f MB (minute %d), limit %.1f MB",
                  rss_flat ? "FLAT" : "GROWING", mb(base.rss_kb), steady.front().first,
                  rss_list.c_str(), mb(rss_hi), rss_at, mb(rss_limit));
    rss_verdict = buf;
    std::snprintf(buf, sizeof buf,
                  "%s: baseline %ld (end of minute %d); steady minutes end at [%s]; highest %ld "
                  "(minute %d), limit %ld",
                  fd_flat ? "FLAT" : "GROWING", base.fds, steady.front().first, fd_list.c_str(),
                  fd_hi, fd_at, fd_limit);
    fd_verdict = buf;
  }
  std::fprintf(out,
               "flatness rule: the end-of-minute samples from the end of minute %d on, leaving out "
               "minutes that end"
               " during the attack or within %.0f s after it; the first is the baseline; flat when "
               "no later one exceeds"
               " it by more than max(%.0f MB, %.0f %%) (RSS) or %ld (FDs)\n",
               opts_.warmup_minutes, kAfterAttack, mb(opts_.rss_slack_min_kb),
               opts_.rss_slack * 100, opts_.fd_slack);
  std::fprintf(out, "RSS %s\nFDs %s\n", rss_verdict.c_str(), fd_verdict.c_str());
  long peak_rss = -1, peak_fds = -1;
  for (const auto& p : procs_)
    peak_rss = std::max(peak_rss, p.rss_kb), peak_fds = std::max(peak_fds, p.fds);
  std::fprintf(out,
               "peaks over the whole run (any second, attack included): RSS %.1f MB, FDs %ld\n",
               mb(peak_rss), peak_fds);

  auto line = [&](const char* name, Stats& st, double span) {
    const double max = st.ms.empty() ? 0 : *std::max_element(st.ms.begin(), st.ms.end());
    std::fprintf(
        out,
        "%-44s %9zu req %7.0f/s  p50 %6.2f  p99 %7.2f  p99.9 %7.2f  max %7.1f ms  failed %zu\n",
        name, st.n, static_cast<double>(st.n) / std::max(1.0, span), percentile(st.ms, 0.5),
        percentile(st.ms, 0.99), percentile(st.ms, 0.999), max, st.failed);
  };
  if (opts_.attack_to_s > opts_.attack_from_s) {
    char name[96];
    std::snprintf(name, sizeof name, "during the attack (%.0f-%.0f s)", opts_.attack_from_s,
                  opts_.attack_to_s);
    line(name, during, opts_.attack_to_s - opts_.attack_from_s);
    double span = seconds - warm;
    if (opts_.attack_to_s > warm)
      span -= opts_.attack_to_s + kAfterAttack - std::max(warm, opts_.attack_from_s);
    std::snprintf(name, sizeof name, "outside it (after minute %d, not within %.0f s after)",
                  opts_.warmup_minutes, kAfterAttack);
    line(name, outside, span);
  }
  line("whole run", all, seconds);
  std::fprintf(out, "searchd: %s\n", searchd_state.c_str());
  return all.failed == 0 && flat;
}

}  // namespace vankho::soak
