// inprocess_bench: the load benchmark's two helpers (bench/load/run.sh drives them).
//
//   inprocess_bench --make-mix [--suggest] --index DIR --questions FILE --out FILE [--count N]
//       writes a realistic mix of /api/search request paths, one a line: dev questions as written
//       and unaccented, short keyword queries with and without diacritics, document codes in the
//       spellings people type, periods, and filters (type, year, from/to, sort=date); with
//       --suggest, /api/suggest requests for what a person has typed so far.
//   inprocess_bench --index DIR --mix FILE [--threads N] [--rounds R] [--slowest N] [--level L]
//       runs the same requests through the query library in this process (one Searcher per
//       thread, no HTTP), after one untimed pass, and prints requests/s, p50 and p99 latency (and
//       the N slowest requests with their times). --level: the clearance searched with (default
//       tuyet-mat, every level), to measure what enforcing access levels costs.
//   inprocess_bench --make-peer --corpus FILE --work-dir DIR
//       builds (or reuses, when complete) the plain Xapian peer index of bench/eval from the corpus.
//   inprocess_bench --peer DIR --mix FILE [--threads N] [--rounds R]
//       runs each request's `q` through that peer instead (QueryParser, default OR, top 10, ids
//       read back; filters ignored): what Xapian alone costs for the same queries.
//   inprocess_bench --make-samejob-peer --corpus FILE --work-dir DIR
//       builds (or reuses) the same-job peer's index, DIR/xapian-samejob (bench/eval/samejob_peer.h).
//   inprocess_bench --samejob-peer DIR --mix FILE [--threads N] [--rounds R]
//       runs each request through the same-job peer: the job vankho does, the way a developer would
//       with Xapian directly (QueryParser, type/year/issuer filters and from/to, offset, limit,
//       sort, a ValueCountMatchSpy per facet counting every match, MSet::snippet() of each hit).
//
// Requests are parsed by searchd's own parameter parser, so both sides run identical requests.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <memory>
#include <iostream>
#include <random>
#include <thread>

#include "bench_indexes.h"
#include "corpus.h"
#include "fold.h"
#include "params.h"
#include "peers.h"
#include "samejob_peer.h"
#include "schema.h"
#include "searcher.h"

using namespace vankho;
using Clock = std::chrono::steady_clock;

namespace {

std::string arg(int argc, char** argv, const std::string& name, const std::string& dflt = "") {
  for (int i = 1; i + 1 < argc; ++i) {
    if (argv[i] == name) return argv[i + 1];
  }
  return dflt;
}

bool flag(int argc, char** argv, const std::string& name) {
  for (int i = 1; i < argc; ++i) {
    if (argv[i] == name) return true;
  }
  return false;
}

std::string encode(const std::string& s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string decode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(s[i] == '+' ? ' ' : s[i]);
    }
  }
  return out;
}

// "/api/search?q=a&type=b" → the typed request searchd would run.
std::optional<query::SearchRequest> parse_path(const std::string& path) {
  searchd::Params params;
  const size_t qm = path.find('?');
  if (qm != std::string::npos) {
    const std::string query = path.substr(qm + 1);
    for (size_t pos = 0; pos <= query.size();) {
      size_t amp = query.find('&', pos);
      if (amp == std::string::npos) amp = query.size();
      const std::string pair = query.substr(pos, amp - pos);
      const size_t eq = pair.find('=');
      if (!pair.empty()) params.emplace(decode(pair.substr(0, eq)), eq == std::string::npos ? "" : decode(pair.substr(eq + 1)));
      pos = amp + 1;
    }
  }
  auto parsed = searchd::parse_search(params);
  if (parsed.error) return std::nullopt;
  return parsed.value;
}

std::vector<std::string> words_of(const std::string& s) {
  std::vector<std::string> out;
  std::string w;
  for (char c : s + " ") {
    if (c == ' ' || c == ',' || c == '?' || c == '.') {
      if (!w.empty()) out.push_back(w);
      w.clear();
    } else {
      w.push_back(c);
    }
  }
  return out;
}

std::string join(const std::vector<std::string>& w, size_t from, size_t n) {
  std::string out;
  for (size_t i = from; i < w.size() && i < from + n; ++i) out += (out.empty() ? "" : " ") + w[i];
  return out;
}

// A few consecutive content words of a question, as someone would type them into a search box.
std::string keywords_of(const std::vector<std::string>& words, std::mt19937& rng) {
  static const std::vector<std::string> kStop = {
      "của", "và", "được", "có", "là", "các", "những", "cho", "trong", "theo", "về", "đối", "với", "thì",
      "không", "gì", "nào", "như", "thế", "bao", "nhiêu", "quy", "định", "ai", "khi", "này", "đó", "do",
      "để", "từ", "bị", "phải", "người", "hay", "hoặc", "nếu", "mà", "ở", "tại", "trên", "sao", "nhất"};
  auto stop = [&](const std::string& w) {
    const std::string folded = text::fold(w);
    return folded.size() < 2 || std::any_of(kStop.begin(), kStop.end(), [&](const std::string& s) {
             return text::fold(s) == folded;
           });
  };
  for (int attempt = 0; attempt < 20; ++attempt) {
    const size_t n = 2 + rng() % 2;
    if (words.size() < n) break;
    const size_t start = rng() % (words.size() - n + 1);
    if (stop(words[start]) || stop(words[start + n - 1])) continue;
    return join(words, start, n);
  }
  return join(words, 0, 3);
}

int make_mix(int argc, char** argv) {
  const std::string index_dir = arg(argc, argv, "--index"), questions_file = arg(argc, argv, "--questions"),
                    out_file = arg(argc, argv, "--out");
  const size_t count = std::stoul(arg(argc, argv, "--count", "1000"));
  std::vector<std::string> questions;
  std::ifstream in(questions_file);
  for (std::string line; std::getline(in, line);) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_object() && j.contains("question") && j["question"].is_string()) questions.push_back(j["question"]);
  }
  if (questions.empty()) {
    std::cerr << "inprocess_bench: no questions in " << questions_file << "\n";
    return 1;
  }
  Xapian::Database db(index_dir);
  std::vector<std::string> codes, types;
  for (auto t = db.allterms_begin(std::string(schema::kNumber)); t != db.allterms_end(std::string(schema::kNumber)); ++t) {
    codes.push_back((*t).substr(schema::kNumber.size()));
  }
  for (auto t = db.allterms_begin(std::string(schema::kType)); t != db.allterms_end(std::string(schema::kType)); ++t) {
    types.push_back((*t).substr(schema::kType.size()));
  }
  std::mt19937 rng(42);
  auto pick = [&](const auto& v) -> const auto& { return v[rng() % v.size()]; };
  const std::vector<std::string> periods = {"năm 2020", "năm 2019", "tháng 7/2021", "quý I năm 2022", "năm 2018",
                                            "6 tháng đầu năm 2021", "nam 2020"};
  std::ofstream out(out_file);
  if (flag(argc, argv, "--suggest")) {
    // What a search box sends while a person types: growing prefixes, half without diacritics.
    for (size_t i = 0; i < count; ++i) {
      const auto words = words_of(pick(questions));
      std::string typed = join(words, words.size() > 3 ? rng() % (words.size() - 2) : 0, 3);
      if (i % 2) typed = text::fold(typed);
      size_t cut = 1 + rng() % std::max<size_t>(1, typed.size());
      while (cut < typed.size() && (static_cast<unsigned char>(typed[cut]) & 0xC0) == 0x80) ++cut;
      out << "/api/suggest?q=" << encode(typed.substr(0, cut)) << "\n";
    }
    std::cerr << "inprocess_bench: wrote " << count << " suggest requests to " << out_file << "\n";
    return 0;
  }
  for (size_t i = 0; i < count; ++i) {
    const std::string& question = pick(questions);
    const auto words = words_of(question);
    const std::string keywords = keywords_of(words, rng);
    std::string q, extra;
    switch (i % 20) {
      case 0: case 1: case 2: case 3: case 4: case 5: case 6: q = question; break;     // as written
      case 7: case 8: case 9: q = text::fold(question); break;                          // unaccented
      case 10: case 11: q = keywords; break;                                            // a few words
      case 12: q = text::fold(keywords); break;                                         // unaccented
      case 13: q = codes.empty() ? keywords : pick(codes); break;                       // a code
      case 14: q = codes.empty() ? keywords : "luật " + text::fold(pick(codes)); break;  // as typed
      case 15: q = keywords + " " + pick(periods); break;                                // a period
      case 16: q = text::fold(keywords) + " " + pick(periods); break;
      case 17: q = keywords; if (!types.empty()) extra = "&type=" + encode(pick(types)); break;
      case 18: q = keywords; extra = "&from=2018-01&to=2021-12"; break;
      case 19: q = keywords; extra = "&sort=date&year=" + std::to_string(2015 + rng() % 8); break;
    }
    if (q.size() > query::kMaxQueryBytes) q = join(words, 0, 20);
    out << "/api/search?q=" << encode(q) << extra << "\n";
  }
  std::cerr << "inprocess_bench: wrote " << count << " requests to " << out_file << "\n";
  return 0;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

int make_peer(int argc, char** argv) {
  const std::string corpus = arg(argc, argv, "--corpus");
  const bench::IndexPaths paths = bench::index_paths(arg(argc, argv, "--work-dir"));
  if (bench::index_complete(paths.xapian)) return 0;
  const auto docs = bench::load_corpus(corpus);
  if (!docs) return 1;
  bench::ensure_indexes(paths, {false, true, false}, *docs, corpus, bench::Reuse::kReuseComplete, std::cerr);
  return 0;
}

int make_samejob_peer(int argc, char** argv) {
  const std::string corpus = arg(argc, argv, "--corpus");
  const bench::IndexPaths paths = bench::index_paths(arg(argc, argv, "--work-dir"));
  if (bench::index_complete(paths.xapian_samejob)) return 0;
  const auto docs = bench::load_corpus(corpus);
  if (!docs) return 1;
  bench::WantedIndexes wanted{false, false, false};
  wanted.xapian_samejob = true;
  bench::ensure_indexes(paths, wanted, *docs, corpus, bench::Reuse::kReuseComplete, std::cerr);
  return 0;
}

int run_mix(int argc, char** argv) {
  const bool peer = !arg(argc, argv, "--peer").empty();
  const bool samejob = !arg(argc, argv, "--samejob-peer").empty();
  const std::string face = peer ? "peer" : samejob ? "samejob" : "inprocess";
  const std::string index_dir = arg(argc, argv, peer ? "--peer" : samejob ? "--samejob-peer" : "--index"),
                    mix_file = arg(argc, argv, "--mix");
  const size_t threads = std::stoul(arg(argc, argv, "--threads", "1"));
  const size_t rounds = std::stoul(arg(argc, argv, "--rounds", "1"));
  const size_t slowest = std::stoul(arg(argc, argv, "--slowest", "0"));
  const auto level = extract::parse_level(arg(argc, argv, "--level", "tuyet-mat"));
  if (!level) {
    std::cerr << "inprocess_bench: --level: expected " << extract::level_choices() << "\n";
    return 2;
  }
  std::vector<query::SearchRequest> mix;
  std::vector<std::string> paths;
  std::ifstream in(mix_file);
  size_t rejected = 0;
  for (std::string line; std::getline(in, line);) {
    if (auto r = parse_path(line)) {
      mix.push_back(std::move(*r));
      paths.push_back(line);
    } else if (!line.empty()) {
      ++rejected;
    }
  }
  if (rejected) std::cerr << "inprocess_bench: " << rejected << " lines of " << mix_file << " are requests searchd refuses (400); left out\n";
  if (mix.empty()) {
    std::cerr << "inprocess_bench: no requests in " << mix_file << "\n";
    return 1;
  }
  std::vector<std::vector<double>> ms(threads);
  std::vector<std::vector<size_t>> which(threads);  // the mix line of each time in ms
  std::atomic<size_t> failures{0};
  std::vector<std::thread> workers;
  Clock::time_point began{}, ended{};
  std::atomic<size_t> warmed{0};
  for (size_t t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      // Each face answers one request; the bare peer reads back the ids of its top 10.
      std::function<void(const query::SearchRequest&)> search;
      if (peer) {
        search = [p = std::make_shared<bench::PlainXapianSearcher>(index_dir)](const query::SearchRequest& r) {
          (void)p->search(r.q, 10);
        };
      } else if (samejob) {
        search = [p = std::make_shared<bench::SameJobXapianSearcher>(index_dir)](const query::SearchRequest& r) {
          (void)p->search(r);
        };
      } else {
        search = [s = std::make_shared<query::Searcher>(index_dir, *level)](const query::SearchRequest& r) {
          (void)s->search(r);
        };
      }
      for (size_t i = t; i < mix.size(); i += threads) search(mix[i]);  // warm-up
      ++warmed;
      while (warmed < threads) std::this_thread::yield();
      if (t == 0) began = Clock::now();
      for (size_t r = 0; r < rounds; ++r) {
        for (size_t k = 0; k < mix.size(); ++k) {
          const size_t line = (k + t * mix.size() / threads) % mix.size();
          const auto& req = mix[line];
          which[t].push_back(line);
          const auto s = Clock::now();
          try {
            search(req);
          } catch (...) {
            ++failures;
          }
          ms[t].push_back(std::chrono::duration<double, std::milli>(Clock::now() - s).count());
        }
      }
    });
  }
  for (auto& w : workers) w.join();
  ended = Clock::now();
  std::vector<double> all;
  for (const auto& v : ms) all.insert(all.end(), v.begin(), v.end());
  const double seconds = std::chrono::duration<double>(ended - began).count();
  std::printf("%s threads=%zu requests=%zu rps=%.0f p50_ms=%.2f p99_ms=%.2f failures=%zu\n", face.c_str(), threads,
              all.size(), static_cast<double>(all.size()) / seconds, percentile(all, 0.5), percentile(all, 0.99),
              failures.load());
  if (slowest > 0) {  // where the tail comes from
    std::vector<std::pair<double, size_t>> timed;
    for (size_t t = 0; t < threads; ++t) {
      for (size_t i = 0; i < ms[t].size(); ++i) timed.emplace_back(ms[t][i], which[t][i]);
    }
    std::sort(timed.rbegin(), timed.rend());
    for (size_t i = 0; i < slowest && i < timed.size(); ++i) {
      std::printf("%8.2f ms  %s\n", timed[i].first, decode(paths[timed[i].second]).c_str());
    }
  }
  return failures ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (flag(argc, argv, "--help") || argc < 3) {
    std::cout << "usage: inprocess_bench --make-mix [--suggest] --index DIR --questions FILE --out FILE [--count N]\n"
                 "       inprocess_bench --index DIR --mix FILE [--threads N] [--rounds R] [--slowest N]\n"
                 "       inprocess_bench --make-peer --corpus FILE --work-dir DIR\n"
                 "       inprocess_bench --peer DIR --mix FILE [--threads N] [--rounds R]\n"
                 "       inprocess_bench --make-samejob-peer --corpus FILE --work-dir DIR\n"
                 "       inprocess_bench --samejob-peer DIR --mix FILE [--threads N] [--rounds R]\n";
    return argc < 3 ? 2 : 0;
  }
  try {
    if (flag(argc, argv, "--make-mix")) return make_mix(argc, argv);
    if (flag(argc, argv, "--make-peer")) return make_peer(argc, argv);
    if (flag(argc, argv, "--make-samejob-peer")) return make_samejob_peer(argc, argv);
    return run_mix(argc, argv);
  } catch (const Xapian::Error& e) {
    std::cerr << "inprocess_bench: " << e.get_description() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "inprocess_bench: " << e.what() << "\n";
  }
  return 1;
}
