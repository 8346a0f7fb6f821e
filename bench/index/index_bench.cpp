// index_bench: indexes the whole legal corpus (../shared/corpus/phapdien.jsonl.gz) with the
// vankho-indexer command as a user runs it (extraction, analysis, bigrams, codes, stored text; its
// own allocator) and, in the same run, with a plain-Xapian peer (TermGenerator, Stem("none"),
// title + text, no extraction, no folding, the same batch commits; bench/eval/peers.h). Each
// indexer runs in its own process, the peer reading the corpus through the project's ingest as
// vankho-indexer does, so that time and peak RSS are its own.
// A third process only reads the corpus, so that the reading cost can be taken out of both, and a
// fourth reads and runs the metadata extraction, to show what extraction costs of vankho's time.
// Wall time and CPU time (user + system) are both shown: on a shared machine CPU time is steadier,
// and the difference is mostly waiting for the disk (Xapian fsyncs at every commit).
// Prints documents/s, MB/s of text, peak RSS, index bytes per byte of text and vankho/peer time.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <string>

#include "bench_indexes.h"
#include "corpus.h"
#include "extract.h"
#include "index_writer.h"
#include "ingest.h"
#include "peers.h"

namespace fs = std::filesystem;
using namespace vankho;
using Clock = std::chrono::steady_clock;

namespace {

constexpr double kTargetSeconds = 60.0;
constexpr double kTargetRatio = 1.5;  // issue 17

struct Result {
  bool ok = false;
  unsigned long long documents = 0, text_bytes = 0;
  double seconds = 0;
  double cpu_seconds = 0;  // user + system time of the process (robust to a loaded machine)
  long peak_rss_kb = 0;
  unsigned long long index_bytes = 0;
};

// The records of the corpus as bench/corpus.cpp maps them, streamed to `sink`.
void read_corpus(const std::string& path, const std::function<void(ingest::SourceDocument&&)>& sink) {
  ingest::IngestOptions options;
  options.field_map = {{"number", "source_number"}, {"date", "source_date"}, {"type", "source_type"}};
  options.max_file_bytes = 1ull << 30;
  ingest::read_paths({path}, options, sink, [](const ingest::Problem&) {});
}

unsigned long long disk_bytes(const std::string& path) {
  std::error_code ec;
  if (fs::is_regular_file(path, ec)) return fs::file_size(path, ec);
  unsigned long long total = 0;
  for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (it->is_regular_file(ec)) total += it->file_size(ec);
  }
  return total;
}

// Runs `work` in a child process; the child reports documents, bytes and seconds through a pipe,
// the parent takes the child's peak RSS from wait4().
Result in_child(const std::function<void(unsigned long long&, unsigned long long&)>& work) {
  int fds[2];
  if (pipe(fds) != 0) return {};
  std::fflush(nullptr);
  const pid_t pid = fork();
  if (pid < 0) return {};
  if (pid == 0) {
    close(fds[0]);
    int status = 0;
    try {
      unsigned long long docs = 0, bytes = 0;
      const auto t0 = Clock::now();
      work(docs, bytes);
      const double s = std::chrono::duration<double>(Clock::now() - t0).count();
      const std::string line = std::to_string(docs) + " " + std::to_string(bytes) + " " + std::to_string(s) + "\n";
      if (write(fds[1], line.data(), line.size()) < 0) status = 1;
    } catch (const Xapian::Error& e) {
      std::cerr << "index_bench: " << e.get_description() << "\n";
      status = 1;
    } catch (const std::exception& e) {
      std::cerr << "index_bench: " << e.what() << "\n";
      status = 1;
    }
    close(fds[1]);
    std::fflush(nullptr);
    _exit(status);
  }
  close(fds[1]);
  std::string out;
  char buf[256];
  ssize_t n;
  while ((n = read(fds[0], buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  close(fds[0]);
  int status = 0;
  struct rusage ru{};
  wait4(pid, &status, 0, &ru);
  Result r;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return r;
  if (std::sscanf(out.c_str(), "%llu %llu %lf", &r.documents, &r.text_bytes, &r.seconds) != 3) return r;
  r.peak_rss_kb = ru.ru_maxrss;  // kilobytes on Linux
  r.cpu_seconds = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
                  static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
  r.ok = true;
  return r;
}

// Runs the command `argv` with its output into `log`, timed; the parent takes its peak RSS and CPU
// time from wait4(). Documents and bytes are left for the caller.
Result run_command(const std::vector<std::string>& argv, const std::string& log) {
  std::fflush(nullptr);
  const auto started = Clock::now();
  const pid_t pid = fork();
  if (pid < 0) return {};
  if (pid == 0) {
    const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
      dup2(fd, STDOUT_FILENO);
      dup2(fd, STDERR_FILENO);
    }
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  struct rusage ru{};
  wait4(pid, &status, 0, &ru);
  Result r;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::cerr << "index_bench: " << argv[0] << " failed; its output is in " << log << "\n";
    return r;
  }
  r.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  r.peak_rss_kb = ru.ru_maxrss;
  r.cpu_seconds = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
                  static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
  r.ok = true;
  return r;
}

void print_row(const char* name, const Result& r, const Result* read) {
  if (!r.ok) {
    std::printf("%-36s failed (see the message above)\n", name);
    return;
  }
  const double mb = static_cast<double>(r.text_bytes) / 1e6;
  const double net = read ? r.seconds - read->seconds : r.seconds;
  const double net_cpu = read ? r.cpu_seconds - read->cpu_seconds : r.cpu_seconds;
  std::printf("%-36s %7.2f %7.2f %7.2f %7.2f %8.0f %6.2f %8.1f %11llu %6.2f\n", name, r.seconds, r.cpu_seconds, net,
              net_cpu, static_cast<double>(r.documents) / r.seconds, mb / r.seconds,
              static_cast<double>(r.peak_rss_kb) / 1024.0, r.index_bytes,
              r.text_bytes ? static_cast<double>(r.index_bytes) / static_cast<double>(r.text_bytes) : 0.0);
}

}  // namespace

int main(int argc, char** argv) {
  if (bench::has_arg(argc, argv, "--help") || bench::has_arg(argc, argv, "-h")) {
    std::cout << "usage: index_bench [--corpus FILE] [--work-dir DIR] [--rounds N] [--keep]\n"
                 "  indexes the legal corpus with vankho and with a plain-Xapian peer, each in its own\n"
                 "  process, into DIR (default: a new folder under $TMPDIR, removed afterwards)\n";
    return 0;
  }
  const std::string corpus = bench::corpus_path(argc, argv);
  if (!fs::exists(corpus)) {
    std::cout << "index_bench: the legal corpus is absent (" << corpus
              << "); pass --corpus FILE or set VANKHO_CORPUS. Nothing measured.\n";
    return 0;
  }
  const int rounds = std::max(1, std::atoi(bench::arg_value(argc, argv, "--rounds", "1").c_str()));
  const bool keep = bench::has_arg(argc, argv, "--keep");
  std::string work = bench::arg_value(argc, argv, "--work-dir", "");
  bool made_work = false;
  if (work.empty()) {
    std::string tmpl = (fs::temp_directory_path() / "vankho-index-bench-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) {
      std::cerr << "index_bench: cannot create a folder under " << fs::temp_directory_path() << "\n";
      return 1;
    }
    work = tmpl;
    made_work = true;
  }
  fs::create_directories(work);
  const std::string vankho_dir = work + "/vankho", peer_dir = work + "/xapian";

  Result best_read, best_extract, best_vankho, best_peer;
  auto keep_best = [](Result& best, const Result& r) {
    if (r.ok && (!best.ok || r.seconds < best.seconds)) best = r;
    if (!r.ok && !best.ok) best = r;
  };
  for (int round = 0; round < rounds; ++round) {
    std::fprintf(stderr, "round %d/%d: reading only ...\n", round + 1, rounds);
    keep_best(best_read, in_child([&](unsigned long long& docs, unsigned long long& bytes) {
                read_corpus(corpus, [&](ingest::SourceDocument&& d) {
                  ++docs;
                  bytes += d.text.size();
                });
              }));
    std::fprintf(stderr, "round %d/%d: reading + extraction only ...\n", round + 1, rounds);
    keep_best(best_extract, in_child([&](unsigned long long& docs, unsigned long long& bytes) {
                const auto& themes = extract::ThemeTaxonomy::builtin();
                size_t sink = 0;
                read_corpus(corpus, [&](ingest::SourceDocument&& d) {
                  ++docs;
                  bytes += d.text.size();
                  sink += index::extract_metadata(d, themes, extract::AccessLevel::kNoiBo).themes.size();  // as the writer extracts
                });
                if (sink == 1) std::fprintf(stderr, " ");  // keeps the work observable
              }));
    std::fprintf(stderr, "round %d/%d: vankho-indexer ...\n", round + 1, rounds);
    fs::remove_all(vankho_dir);
    Result v = run_command({VANKHO_INDEXER_BIN, "--index", vankho_dir, "--rebuild", "--quiet", "--field",
                            "number=source_number", "--field", "date=source_date", "--field", "type=source_type",
                            corpus},
                           work + "/vankho-indexer.log");
    v.documents = best_read.documents;  // the same records, as the reading counted them
    v.text_bytes = best_read.text_bytes;
    v.index_bytes = disk_bytes(vankho_dir);
    keep_best(best_vankho, v);
    std::fprintf(stderr, "round %d/%d: plain Xapian peer ...\n", round + 1, rounds);
    fs::remove_all(peer_dir);
    Result p = in_child([&](unsigned long long& docs, unsigned long long& bytes) {
      bench::PlainXapianIndexer indexer(peer_dir);
      read_corpus(corpus, [&](ingest::SourceDocument&& d) {
        ++docs;
        bytes += d.text.size();
        indexer.add(d);
      });
      indexer.commit();
    });
    p.index_bytes = disk_bytes(peer_dir);
    keep_best(best_peer, p);
  }

  const double read_s = best_read.ok ? best_read.seconds : 0;
  std::printf("\nIndexing the legal corpus: %llu records, %.1f MB of text (article bodies; titles not counted)%s\n",
              best_read.documents, static_cast<double>(best_read.text_bytes) / 1e6,
              rounds > 1 ? (", best of " + std::to_string(rounds) + " rounds").c_str() : "");
  std::printf("each indexer in its own process, reading the .jsonl.gz through vankho's ingest; batch commits "
              "every %zu documents\n\n", bench::kPeerBatchDocuments);
  std::printf("%-36s %7s %7s %7s %7s %8s %6s %8s %11s %6s\n", "", "wall s", "cpu s", "-read", "-read", "docs/s",
              "MB/s", "peak MB", "index bytes", "B/B");
  std::printf("%-36s %7s %7s %7s %7s %8s %6s %8s %11s %6s\n", "", "", "", "wall s", "cpu s", "", "", "RSS", "",
              "text");
  print_row("reading only (ingest: gunzip, JSON)", best_read, nullptr);
  print_row("reading + extraction (no index)", best_extract, &best_read);
  print_row("vankho-indexer (the command)", best_vankho, &best_read);
  print_row("plain Xapian peer (TermGenerator)", best_peer, &best_read);
  if (best_vankho.ok && best_peer.ok) {
    const double ratio = best_vankho.seconds / best_peer.seconds;
    const double net_peer = best_peer.seconds - read_s;
    std::printf("\nvankho/peer time: %.2f wall (target <= %.1f: %s), %.2f cpu; without the reading: %.2f wall\n",
                ratio, kTargetRatio, ratio <= kTargetRatio ? "met" : "MISSED",
                best_peer.cpu_seconds > 0 ? best_vankho.cpu_seconds / best_peer.cpu_seconds : 0.0,
                net_peer > 0 ? (best_vankho.seconds - read_s) / net_peer : 0.0);
    std::printf("vankho total: %.1f s (target < %.0f s: %s)\n", best_vankho.seconds, kTargetSeconds,
                best_vankho.seconds < kTargetSeconds ? "met" : "MISSED");
    std::printf("index size vankho/peer: %.2f\n",
                static_cast<double>(best_vankho.index_bytes) / static_cast<double>(best_peer.index_bytes));
  }
  if (!keep) {
    std::error_code ec;
    if (made_work) {
      fs::remove_all(work, ec);
    } else {
      fs::remove_all(vankho_dir, ec);
      fs::remove_all(peer_dir, ec);
    }
  } else {
    std::printf("indexes kept in %s\n", work.c_str());
  }
  return best_vankho.ok && best_peer.ok ? 0 : 1;
}
