// soak_driver: the load side of the soak benchmark (bench/soak/run.sh drives it).
//
//   soak_driver prepare --corpus FILE --archive DIR [--shards 16] [--sample N] --stable-ids OUT
//   --codes OUT
//       splits the corpus (or N records evenly spread over it) into JSON-lines shards.
//   soak_driver mutate --archive DIR --cycle C --stable-ids FILE [--change 20] [--remove 10] [--add
//   20]
//       changes, removes and adds records in one shard, as an archive changes between indexer runs.
//   soak_driver load --port P --pid PID --search-mix FILE --suggest-mix FILE --stable-ids FILE
//   --codes FILE
//                    [--duration 600] [--concurrency 8] [--rate 0] [--attack-from S]
//                    [--attack-seconds 60]
//                    [--attack-connections 200] [--attack-trickle 5] [--timeout-ms 10000]
//                    [--warmup-minutes 2]
//       runs the mixed load against searchd on 127.0.0.1:P with a fixed number of connections
//       (closed loop, or --rate requests/s in all), the slow-client attack in its window, and polls
//       /api/health and /proc/PID once a second; prints a line per minute and the summary. Exit 0
//       when no request failed and RSS and FDs stayed flat, 1 otherwise, 2 for bad options.
//   soak_driver wait-visible --port P --word W --expect N [--timeout-ms 10000]
//       polls /api/search?q=W until its total is N: how long a commit takes to be served.
//   soak_driver count-ids --archive DIR
//       prints how many distinct ids the shards hold (the corpus repeats a few; the later one is
//       indexed).
#include <dirent.h>
#include <signal.h>
#include <sys/types.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "soak_archive.h"
#include "soak_attack.h"
#include "soak_http.h"
#include "soak_mix.h"
#include "soak_report.h"

using namespace vankho::soak;

namespace {

using Args = std::map<std::string, std::string>;

Args parse_args(int argc, char** argv) {
  Args a;
  for (int i = 2; i < argc; ++i) {
    const std::string k = argv[i];
    if (k.rfind("--", 0) != 0 || i + 1 >= argc)
      throw std::invalid_argument("expected --name VALUE, got '" + k + "'");
    a[k.substr(2)] = argv[++i];
  }
  return a;
}

std::string need(const Args& a, const std::string& k) {
  const auto it = a.find(k);
  if (it == a.end() || it->second.empty()) throw std::invalid_argument("--" + k + " is required");
  return it->second;
}
double num(const Args& a, const std::string& k, double dflt) {
  const auto it = a.find(k);
  return it == a.end() ? dflt : std::stod(it->second);
}

long proc_rss_kb(int pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  for (std::string l; std::getline(in, l);) {
    if (l.rfind("VmRSS:", 0) == 0) return std::atol(l.c_str() + 6);
  }
  return -1;
}

long proc_fds(int pid) {
  DIR* d = ::opendir(("/proc/" + std::to_string(pid) + "/fd").c_str());
  if (!d) return -1;
  long n = 0;
  while (const dirent* e = ::readdir(d)) {
    if (e->d_name[0] != '.') ++n;
  }
  ::closedir(d);
  return n;
}

// Success also needs a body of the right shape: JSON for /api and /metrics' text non-empty.
Outcome classify(const MixEntry& e, const Response& r) {
  switch (r.transport) {
    case Transport::kConnectError:
      return Outcome::kConnectError;
    case Transport::kTimeout:
      return Outcome::kTimeout;
    case Transport::kReset:
      return Outcome::kReset;
    case Transport::kProtocol:
      return Outcome::kProtocol;
    case Transport::kResponse:
      break;
  }
  if (r.status != e.expect) return Outcome::kWrongStatus;
  const bool api = e.path.rfind("/api/", 0) == 0;
  if (e.expect >= 400)
    return !api || r.body.find("\"error\"") != std::string::npos ? Outcome::kExpected4xx
                                                                 : Outcome::kBadBody;
  if (r.body.empty()) return Outcome::kBadBody;
  if (api) {
    const size_t first = r.body.find_first_not_of(" \r\n\t"),
                 last = r.body.find_last_not_of(" \r\n\t");
    if (r.body[first] != '{' || r.body[last] != '}') return Outcome::kBadBody;
  }
  return Outcome::kOk;
}

std::string describe(double t, const MixEntry& e, const Response& r, double ms) {
  char head[64];
  std::snprintf(head, sizeof head, "t=%.1fs %.0fms ", t, ms);
  std::string s = head + e.method + " " +
                  (e.path.size() > 160 ? e.path.substr(0, 160) + "..." : e.path) + " -> ";
  if (r.transport != Transport::kResponse)
    return s + transport_name(r.transport) + " (" + r.detail + ")";
  s += std::to_string(r.status) + " (expected " + std::to_string(e.expect) + ")";
  if (r.status != e.expect) s += ": " + r.body.substr(0, 200);
  return s;
}

int load(const Args& a) {
  const int port = static_cast<int>(num(a, "port", 0)), pid = static_cast<int>(num(a, "pid", 0));
  if (port <= 0 || pid <= 0) throw std::invalid_argument("--port and --pid are required");
  const double duration = num(a, "duration", 600);
  const size_t concurrency = static_cast<size_t>(num(a, "concurrency", 8));
  const double rate = num(a, "rate", 0);
  const double attack_seconds = num(a, "attack-seconds", std::min(60.0, duration / 3));
  const double attack_from = num(a, "attack-from", duration / 2 - attack_seconds / 2);
  const auto timeout = std::chrono::milliseconds(static_cast<long>(num(a, "timeout-ms", 10000)));
  const Mix mix(
      {need(a, "search-mix"), need(a, "suggest-mix"), need(a, "stable-ids"), need(a, "codes")});

  ReportOptions ro;
  ro.duration_s = duration;
  ro.attack_from_s = attack_from;
  ro.attack_to_s = attack_from + attack_seconds;
  ro.warmup_minutes = static_cast<int>(num(a, "warmup-minutes", duration >= 300 ? 2 : 1));
  Recorder rec(ro);
  const auto start = Clock::now();
  const auto end =
      start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(duration));
  auto since = [&](Clock::time_point t) {
    return std::chrono::duration<double>(t - start).count();
  };
  std::atomic<bool> stop{false};
  std::atomic<bool> searchd_gone{false};

  std::printf(
      "soak: %.0f s, %zu connections%s, attack %.0f-%.0f s (%s idle + %s trickling), mix: %zu "
      "searches"
      " (+%zu fresh), %zu suggests, %zu document requests, %zu codes\n",
      duration, concurrency,
      rate > 0 ? (" at " + std::to_string(static_cast<int>(rate)) + " req/s").c_str()
               : " (closed loop)",
      ro.attack_from_s, ro.attack_to_s,
      a.count("attack-connections") ? a.at("attack-connections").c_str() : "200",
      a.count("attack-trickle") ? a.at("attack-trickle").c_str() : "5", mix.size(Kind::kSearch),
      mix.size(Kind::kFresh), mix.size(Kind::kSuggest), mix.size(Kind::kDocument),
      mix.size(Kind::kCitations));
  rec.print_header(stdout);
  std::fflush(stdout);

  std::vector<std::thread> threads;
  for (size_t t = 0; t < concurrency; ++t) {
    threads.emplace_back([&, t] {
      std::mt19937_64 rng(1000 + t);
      Connection conn("127.0.0.1", port);
      const auto gap = rate > 0
                           ? std::chrono::duration<double>(static_cast<double>(concurrency) / rate)
                           : std::chrono::duration<double>(0);
      auto next =
          Clock::now() + std::chrono::duration_cast<Clock::duration>(
                             gap * (static_cast<double>(t) / static_cast<double>(concurrency)));
      while (!stop.load() && Clock::now() < end) {
        if (rate > 0) {
          std::this_thread::sleep_until(next);
          next += std::chrono::duration_cast<Clock::duration>(gap);
        }
        const MixEntry& e = mix.pick(rng);
        const auto t0 = Clock::now();
        const Response r = conn.fetch(e.method, e.path, timeout);
        const auto t1 = Clock::now();
        const double ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
        const Outcome o = classify(e, r);
        rec.add(Sample{static_cast<float>(since(t0)), static_cast<float>(ms),
                       static_cast<uint8_t>(e.kind), o, r.cache_hit, r.retried});
        if (failed(o)) rec.note_failure(describe(since(t0), e, r, ms));
        if (r.transport == Transport::kConnectError)
          std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
    });
  }

  // Once a second: /api/health (revision, documents) and searchd's RSS and FDs.
  threads.emplace_back([&] {
    Connection conn("127.0.0.1", port);
    const MixEntry health{"GET", "/api/health", 200, Kind::kHealthPoll};
    for (int s = 1; !stop.load(); ++s) {
      std::this_thread::sleep_until(start + std::chrono::seconds(s));
      if (stop.load()) break;
      ProcSample p;
      p.t_s = since(Clock::now());
      if (::kill(pid, 0) != 0) {
        searchd_gone = true;
        stop = true;
        rec.note_failure("t=" + std::to_string(static_cast<int>(p.t_s)) + "s searchd (pid " +
                         std::to_string(pid) + ") is gone");
        break;
      }
      p.rss_kb = proc_rss_kb(pid);
      p.fds = proc_fds(pid);
      const auto t0 = Clock::now();
      const Response r = conn.fetch("GET", "/api/health", std::chrono::seconds(5));
      const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
      const Outcome o = classify(health, r);
      rec.add(Sample{static_cast<float>(since(t0)), static_cast<float>(ms),
                     static_cast<uint8_t>(Kind::kHealthPoll), o, false, r.retried});
      if (failed(o)) rec.note_failure(describe(since(t0), health, r, ms));
      if (o == Outcome::kOk) {
        const auto j = nlohmann::json::parse(r.body, nullptr, false);
        if (j.is_object()) {
          p.revision = j.value("revision", -1LL);
          p.documents = j.value("documents", -1LL);
        }
      }
      rec.add(p);
      if (Clock::now() >= end) break;
    }
  });

  AttackOptions ao;
  ao.port = port;
  ao.idle = static_cast<size_t>(num(a, "attack-connections", 200));
  ao.trickle = static_cast<size_t>(num(a, "attack-trickle", 5));
  ao.end = start + std::chrono::duration_cast<Clock::duration>(
                       std::chrono::duration<double>(ro.attack_to_s));
  AttackStats attack;
  std::thread attacker;
  if (attack_seconds > 0) {
    attacker = std::thread([&] {
      std::this_thread::sleep_until(start + std::chrono::duration_cast<Clock::duration>(
                                                std::chrono::duration<double>(ro.attack_from_s)));
      if (!stop.load()) run_attack(ao, stop, attack);
    });
  }

  const int minutes = static_cast<int>(std::ceil(duration / 60.0));
  for (int m = 0; m < minutes && !stop.load(); ++m) {
    const double to = std::min(duration, (m + 1) * 60.0);
    const auto when =
        start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(to));
    while (!stop.load() && Clock::now() < when)
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (to - m * 60.0 >= 10 || m == 0) rec.print_minute(stdout, m, to - m * 60.0);
  }
  stop = true;
  for (auto& t : threads) t.join();
  if (attacker.joinable()) attacker.join();

  std::string state = searchd_gone ? "GONE during the run (crashed or killed): see its stderr"
                                   : "running at the end";
  const bool ok = rec.print_summary(stdout, state);
  if (attack_seconds > 0) {
    auto median = [](std::vector<double> v) {
      if (v.empty()) return 0.0;
      std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
      return v[v.size() / 2];
    };
    auto longest = [](const std::vector<double>& v) {
      return v.empty() ? 0.0 : *std::max_element(v.begin(), v.end());
    };
    std::string statuses;
    for (const auto& [status, n] : attack.statuses)
      statuses += " " + std::to_string(status) + "×" + std::to_string(n);
    std::printf(
        "attack: %zu connections opened (at most %zu at once), %zu closed by searchd, %zu connects "
        "failed;"
        " answers before closing:%s; idle ones held %.0f ms median (max %.0f), trickling ones %.0f "
        "ms median"
        " (max %.0f, %zu bytes trickled)\n",
        attack.opened, attack.max_open, attack.closed_by_server, attack.connect_failed,
        statuses.empty() ? " none" : statuses.c_str(), median(attack.idle_held_ms),
        longest(attack.idle_held_ms), median(attack.trickle_held_ms),
        longest(attack.trickle_held_ms), attack.trickle_bytes);
  }
  return ok && !searchd_gone ? 0 : 1;
}

// Polls a search for the word only cycle C's added records hold until searchd finds them all:
// how long a commit takes to be served. Prints the milliseconds (or "never"); exit 1 if never.
int wait_visible(const Args& a) {
  const int port = static_cast<int>(num(a, "port", 0));
  const long long want = static_cast<long long>(num(a, "expect", 1));
  const auto limit = std::chrono::milliseconds(static_cast<long>(num(a, "timeout-ms", 10000)));
  const std::string path =
      "/api/search?q=" + url_encode(need(a, "word")) + "&limit=0&suggest=false";
  Connection conn("127.0.0.1", port);
  const auto start = Clock::now();
  long long seen = -1;
  while (Clock::now() - start < limit) {
    const Response r = conn.fetch("GET", path, std::chrono::seconds(5));
    if (r.transport == Transport::kResponse && r.status == 200) {
      const auto j = nlohmann::json::parse(r.body, nullptr, false);
      if (j.is_object()) seen = j.value("total", -1LL);
      if (seen == want) {
        std::printf("%.0f\n",
                    std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        return 0;
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  std::printf("never(total=%lld,want=%lld)\n", seen, want);
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  ::signal(SIGPIPE, SIG_IGN);
  const std::string mode = argc > 1 ? argv[1] : "";
  try {
    const Args a = parse_args(argc, argv);
    if (mode == "prepare") {
      return prepare_archive(
          {need(a, "corpus"), need(a, "archive"), static_cast<size_t>(num(a, "shards", 16)),
           static_cast<size_t>(num(a, "sample", 0)), need(a, "stable-ids"), need(a, "codes")});
    }
    if (mode == "mutate") {
      return mutate_archive({need(a, "archive"), static_cast<size_t>(num(a, "cycle", 1)),
                             need(a, "stable-ids"), static_cast<size_t>(num(a, "change", 20)),
                             static_cast<size_t>(num(a, "remove", 10)),
                             static_cast<size_t>(num(a, "add", 20))});
    }
    if (mode == "load") return load(a);
    if (mode == "wait-visible") return wait_visible(a);
    if (mode == "count-ids") return count_archive_ids(need(a, "archive"));
    std::cerr << "usage: soak_driver prepare|mutate|load|wait-visible|count-ids --name VALUE ... "
                 "(see the comment at the top of"
                 " bench/soak/soak_driver.cpp, or bench/README.md)\n";
    return 2;
  } catch (const std::invalid_argument& e) {
    std::cerr << "soak_driver: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "soak_driver: " << e.what() << "\n";
    return 1;
  }
}
