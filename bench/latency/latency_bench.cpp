// latency_bench: single-thread query latency over the legal dev questions on the legal corpus
// index, p50 and p99, for vankho (bare; with facets + snippets; the full default request with the
// accent suggestion too) and for the plain-Xapian peer (QueryParser + get_mset(0, 10)) in the same
// run. Each question runs once in every mode, modes interleaved so that load from elsewhere on the
// machine falls on all of them alike, after one untimed warm-up pass. Wall time and the thread's
// CPU time are both reported: on a loaded machine the CPU time is the figure to compare (wall time
// then includes waiting for a core). See bench/README.md.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>

#include "bench_indexes.h"
#include "corpus.h"
#include "dev_questions.h"
#include "fold.h"
#include "peers.h"
#include "searcher.h"

namespace fs = std::filesystem;
using namespace vankho;
using Clock = std::chrono::steady_clock;

namespace {

constexpr double kTargetP50 = 5.0, kTargetP99 = 50.0, kTargetFacetFactor = 2.0;

struct Mode {
  std::string name;
  std::function<void(const std::string&)> run;
  std::vector<double> ms;      // wall time
  std::vector<double> cpu_ms;  // this thread's CPU time: steady when other processes load the machine
};

double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const size_t i = std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())));
  return v[i];
}

double mean(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return v.empty() ? 0 : s / static_cast<double>(v.size());
}

query::SearchRequest request(const std::string& q, bool facets, bool snippets, bool suggest) {
  query::SearchRequest r;
  r.q = q;
  r.limit = 10;
  r.facets = facets;
  r.snippets = snippets;
  r.suggest = suggest;
  return r;
}

int run(int argc, char** argv) {
  if (bench::has_arg(argc, argv, "--help") || bench::has_arg(argc, argv, "-h")) {
    std::cout << "usage: latency_bench [--corpus FILE] [--questions FILE] [--work-dir DIR] [--reuse] [--act-titles]\n"
                 "  DIR (default vankho-bench-work) holds the indexes; with --reuse those a previous\n"
                 "  vankho_eval or latency_bench run completed (with the same --act-titles) are used as they are\n";
    return 0;
  }
  const auto questions = bench::load_questions(bench::questions_path(argc, argv));
  if (!questions) {
    std::cout << "latency_bench: no dev questions; nothing measured\n";
    return 0;
  }
  const std::string corpus = bench::corpus_path(argc, argv);
  const bench::IndexPaths paths = bench::index_paths(bench::arg_value(argc, argv, "--work-dir", "vankho-bench-work"));
  const bench::Reuse reuse = bench::has_arg(argc, argv, "--reuse") ? bench::Reuse::kReuseComplete : bench::Reuse::kRebuild;
  bench::CorpusOptions corpus_options;
  corpus_options.act_titles = bench::has_arg(argc, argv, "--act-titles");
  const std::string config = bench::describe(corpus_options);
  if (reuse == bench::Reuse::kRebuild || !bench::index_complete(paths.vankho, config) ||
      !bench::index_complete(paths.xapian, config)) {
    auto docs = bench::load_corpus(corpus, corpus_options);
    if (!docs) {
      std::cout << "latency_bench: the legal corpus is absent; nothing measured\n";
      return 0;
    }
    bench::ensure_indexes(paths, {true, true, false}, *docs, corpus, reuse, std::cerr, config);
  }

  query::Searcher searcher(paths.vankho);
  bench::PlainXapianSearcher peer(paths.xapian);
  size_t sink = 0;  // keeps results alive so that no call is optimized away
  std::vector<Mode> modes;
  modes.push_back({"vankho, no facets/snippets/suggest", [&](const std::string& q) {
                     sink += searcher.search(request(q, false, false, false)).hits.size();
                   }});
  modes.push_back({"vankho, facets + snippets", [&](const std::string& q) {
                     sink += searcher.search(request(q, true, true, false)).hits.size();
                   }});
  modes.push_back({"vankho, facets + snippets + suggest", [&](const std::string& q) {
                     sink += searcher.search(request(q, true, true, true)).hits.size();
                   }});
  // Where the facets+snippets time goes (not judged against a target):
  modes.push_back({"vankho, facets only", [&](const std::string& q) {
                     sink += searcher.search(request(q, true, false, false)).hits.size();
                   }});
  modes.push_back({"vankho, snippets only", [&](const std::string& q) {
                     sink += searcher.search(request(q, false, true, false)).hits.size();
                   }});
  modes.push_back({"plain Xapian (QueryParser, mset 10)", [&](const std::string& q) {
                     sink += peer.match(q, 10);
                   }});

  std::printf("Query latency, single thread, %zu dev questions on %s (%llu documents), top 10\n\n",
              questions->size(), paths.vankho.c_str(),
              static_cast<unsigned long long>(searcher.info().documents));
  std::printf("%-38s %-10s %8s %8s %8s %8s | %8s %8s %8s\n", "mode", "questions", "p50 ms", "p99 ms", "mean ms",
              "max ms", "cpu p50", "cpu p99", "cpu mean");
  for (const bool unaccented : {false, true}) {
    std::vector<std::string> qs;
    for (const auto& q : *questions) qs.push_back(unaccented ? text::fold(q.question) : q.question);
    for (auto& m : modes) {
      m.ms.clear();
      m.cpu_ms.clear();
    }
    for (const auto& q : qs) {
      for (auto& m : modes) m.run(q);  // warm-up: page cache, accent restorer, allocator
    }
    for (size_t i = 0; i < qs.size(); ++i) {
      for (size_t k = 0; k < modes.size(); ++k) {
        Mode& m = modes[(i + k) % modes.size()];
        const double c0 = thread_cpu_ms();
        const auto t0 = Clock::now();
        m.run(qs[i]);
        m.ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        m.cpu_ms.push_back(thread_cpu_ms() - c0);
      }
    }
    for (const auto& m : modes) {
      std::printf("%-38s %-10s %8.2f %8.2f %8.2f %8.2f | %8.2f %8.2f %8.2f\n", m.name.c_str(),
                  unaccented ? "unaccented" : "written", percentile(m.ms, 0.50), percentile(m.ms, 0.99), mean(m.ms),
                  *std::max_element(m.ms.begin(), m.ms.end()), percentile(m.cpu_ms, 0.50),
                  percentile(m.cpu_ms, 0.99), mean(m.cpu_ms));
    }
    // The p50 target is read on the query as the peer runs it (top 10, nothing else); p99 and the
    // facets+snippets factor on the full request the web page makes.
    auto verdict = [](bool ok) { return ok ? "met" : "MISSED"; };
    for (const bool cpu : {false, true}) {
      const auto& bare_ms = cpu ? modes[0].cpu_ms : modes[0].ms;
      const auto& full_ms = cpu ? modes[1].cpu_ms : modes[1].ms;
      const double bare = percentile(bare_ms, 0.50), full = percentile(full_ms, 0.50);
      const double p99 = percentile(full_ms, 0.99), factor = bare > 0 ? full / bare : 0.0;
      std::printf("  %s, %s: vankho p50 %.2f ms (target <= %.0f: %s; %.2f ms with facets+snippets), "
                  "p99 %.2f ms with facets+snippets (target <= %.0f: %s), facets+snippets x%.2f p50 (target <= %.0f: %s)\n",
                  unaccented ? "unaccented" : "written", cpu ? "cpu " : "wall", bare, kTargetP50,
                  verdict(bare <= kTargetP50), full, p99, kTargetP99, verdict(p99 <= kTargetP99), factor,
                  kTargetFacetFactor, verdict(factor <= kTargetFacetFactor));
    }
    std::printf("\n");
    std::fflush(stdout);
  }
  if (sink == 0) std::printf("(no question returned a hit)\n");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const query::IndexUnavailable& e) {
    std::cerr << "latency_bench: " << e.what() << "\n";
  } catch (const Xapian::Error& e) {
    std::cerr << "latency_bench: " << e.get_description() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "latency_bench: " << e.what() << "\n";
  }
  return 1;
}
