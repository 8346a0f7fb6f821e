// scale_bench: the in-process halves of the scale benchmark (bench/scale/run.sh drives it).
//
//   scale_bench --make-peer --corpus FILE.jsonl.gz --out DIR
//       indexes the archive into a fresh plain-Xapian peer index (bench/eval/peers.h:
//       TermGenerator, no extraction, no folding), streaming the records through vankho's ingest
//       with its default options, as `vankho-indexer` reads them; prints `documents=N seconds=S`.
//   scale_bench --latency --index DIR [--peer DIR] --mix FILE   (without --peer: vankho alone)
//       runs each request of a mix (/api/search paths, parsed by searchd's own parameter parser)
//       single-threaded through vankho's Searcher — with facets and snippets, no accent suggestion
//       (the latency target) — and its `q` through the peer (QueryParser, default OR, top
//       10, ids read back; filters ignored), after one untimed pass, requests interleaved so that
//       load from elsewhere falls on both alike. Prints one line per system:
//       `NAME requests=N found=F p50_ms=.. p99_ms=.. mean_ms=.. cpu_p50_ms=.. cpu_p99_ms=..`
//       (found: requests with at least one hit; cpu: the thread's CPU time).
//       --without-facets: vankho's requests without facets (what the facet counts cost);
//       --slowest N: then one line per one of vankho's N slowest requests by CPU time,
//       `slow cpu_ms=.. ms=.. total=.. PATH` (total: the request's matches).
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "ingest.h"
#include "params.h"
#include "peers.h"
#include "searcher.h"

using namespace vankho;
using Clock = std::chrono::steady_clock;

namespace {

constexpr const char* kUsage =
    "usage: scale_bench --make-peer --corpus FILE.jsonl.gz --out DIR\n"
    "       scale_bench --latency --index DIR [--peer DIR] --mix FILE [--without-facets] [--slowest N]\n"
    "(bench/scale/run.sh runs both; see bench/README.md, \"scale/run.sh\")\n";

std::optional<std::string> arg(int argc, char** argv, const std::string& name) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (argv[i] == name) return std::string(argv[i + 1]);
  }
  return std::nullopt;
}

bool flag(int argc, char** argv, const std::string& name) {
  for (int i = 1; i < argc; ++i) {
    if (argv[i] == name) return true;
  }
  return false;
}

double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

// "/api/search?q=a&type=b" → the typed request searchd would run (its own query-string decoding
// and parser); nullopt, with searchd's reason, when searchd would refuse it.
std::optional<query::SearchRequest> parse_path(const std::string& path, std::string& error) {
  auto parsed = searchd::parse_search(searchd::query_params(path));
  if (parsed.error) {
    error = parsed.error->message;
    return std::nullopt;
  }
  return parsed.value;
}

int make_peer(int argc, char** argv) {
  const auto corpus = arg(argc, argv, "--corpus"), out = arg(argc, argv, "--out");
  if (!corpus || !out) {
    std::cerr << "scale_bench --make-peer: --corpus FILE and --out DIR are required\n" << kUsage;
    return 2;
  }
  if (!std::filesystem::exists(*corpus)) {
    std::cerr << "scale_bench --make-peer: no such file " << *corpus << "\n";
    return 1;
  }
  std::filesystem::remove_all(*out);
  const auto start = Clock::now();
  bench::PlainXapianIndexer peer(*out);
  size_t problems = 0;
  const ingest::IngestStats stats = ingest::read_paths(
      {*corpus}, ingest::IngestOptions{}, [&](ingest::SourceDocument&& d) { peer.add(d); },
      [&](const ingest::Problem& p) {
        if (++problems <= 5) std::cerr << "scale_bench: " << p.to_string() << "\n";
      });
  peer.commit();
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("documents=%zu seconds=%.2f problems=%zu\n", stats.documents, seconds, problems);
  return 0;
}

struct System {
  std::string name;
  std::function<size_t(const query::SearchRequest&)> run;  // hits found
  std::vector<double> ms, cpu_ms;
  size_t found = 0;
};

int latency(int argc, char** argv) {
  const auto index = arg(argc, argv, "--index"), peer_dir = arg(argc, argv, "--peer"),
             mix = arg(argc, argv, "--mix");
  if (!index || !mix) {
    std::cerr << "scale_bench --latency: --index DIR and --mix FILE are required\n"
              << kUsage;
    return 2;
  }
  std::ifstream in(*mix);
  if (!in) {
    std::cerr << "scale_bench --latency: cannot read " << *mix << "\n";
    return 1;
  }
  const bool facets = !flag(argc, argv, "--without-facets");
  const size_t slowest = std::stoul(arg(argc, argv, "--slowest").value_or("0"));
  std::vector<query::SearchRequest> requests;
  std::vector<std::string> paths;
  size_t line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    if (line.empty()) continue;
    std::string error;
    auto r = parse_path(line, error);
    if (!r) {
      std::cerr << "scale_bench: " << *mix << ":" << line_number << ": searchd would refuse it ("
                << error << ")\n";
      return 1;
    }
    r->facets = facets;
    r->snippets = true;
    r->suggest = false;
    requests.push_back(std::move(*r));
    paths.push_back(line);
  }
  if (requests.empty()) {
    std::cerr << "scale_bench --latency: no requests in " << *mix << "\n";
    return 1;
  }
  query::Searcher searcher(*index);
  std::optional<bench::PlainXapianSearcher> peer;  // without --peer, vankho alone
  if (peer_dir) peer.emplace(*peer_dir);
  std::vector<System> systems;
  std::vector<size_t> totals(requests.size());  // vankho's matches, by request
  systems.push_back({"vankho", [&](const query::SearchRequest& r) {
                       const query::SearchResponse resp = searcher.search(r);
                       totals[static_cast<size_t>(&r - requests.data())] = resp.total;
                       return resp.hits.size();
                     }});
  if (peer) {
    systems.push_back(
        {"peer", [&](const query::SearchRequest& r) { return peer->search(r.q, r.limit).size(); }});
  }
  for (const auto& r : requests) {
    for (auto& s : systems) s.run(r);  // warm-up: page cache, allocator, facet tables
  }
  for (size_t i = 0; i < requests.size(); ++i) {
    for (size_t k = 0; k < systems.size(); ++k) {
      System& s = systems[(i + k) % systems.size()];
      const double c0 = thread_cpu_ms();
      const auto t0 = Clock::now();
      const size_t hits = s.run(requests[i]);
      s.ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
      s.cpu_ms.push_back(thread_cpu_ms() - c0);
      if (hits > 0) ++s.found;
    }
  }
  for (const auto& s : systems) {
    double sum = 0;
    for (double x : s.ms) sum += x;
    std::printf(
        "%s requests=%zu found=%zu p50_ms=%.3f p99_ms=%.3f mean_ms=%.3f cpu_p50_ms=%.3f "
        "cpu_p99_ms=%.3f\n",
        s.name.c_str(), s.ms.size(), s.found, percentile(s.ms, 0.50), percentile(s.ms, 0.99),
        sum / static_cast<double>(s.ms.size()), percentile(s.cpu_ms, 0.50),
        percentile(s.cpu_ms, 0.99));
  }
  std::vector<size_t> order(requests.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  const std::vector<double>& cpu = systems[0].cpu_ms;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return cpu[a] > cpu[b]; });
  for (size_t k = 0; k < slowest && k < order.size(); ++k) {
    const size_t i = order[k];
    std::printf("slow cpu_ms=%.2f ms=%.2f total=%zu %s\n", cpu[i], systems[0].ms[i], totals[i], paths[i].c_str());
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    if (flag(argc, argv, "--help") || flag(argc, argv, "-h")) {
      std::cout << kUsage;
      return 0;
    }
    if (flag(argc, argv, "--make-peer")) return make_peer(argc, argv);
    if (flag(argc, argv, "--latency")) return latency(argc, argv);
    std::cerr << "scale_bench: say --make-peer or --latency\n" << kUsage;
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "scale_bench: " << e.what() << "\n";
    return 1;
  } catch (const Xapian::Error& e) {
    std::cerr << "scale_bench: " << e.get_description() << "\n";
    return 1;
  }
}
