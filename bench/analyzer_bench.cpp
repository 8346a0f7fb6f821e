// Analyzer throughput on the legal corpus, single thread: MB/s of the full chain (decode,
// normalize, fold, tokenize) against Xapian's TermGenerator (no stemmer) on the same texts, run
// after run in one process so the ratio is fair.
#include <xapian.h>

#include <chrono>
#include <cstdio>

#include "analyzer.h"
#include "corpus.h"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  const auto docs = vankho::bench::load_corpus(vankho::bench::corpus_path(argc, argv));
  if (!docs) return 0;  // nothing to measure without the corpus
  size_t bytes = 0;
  for (const auto& d : *docs) bytes += d.text.size();
  const double mb = static_cast<double>(bytes) / 1e6;

  double best_vankho = 1e9, best_xapian = 1e9;
  size_t tokens = 0;
  for (int round = 0; round < 3; ++round) {
    auto t0 = Clock::now();
    std::vector<vankho::text::Token> out;
    tokens = 0;
    for (const auto& d : *docs) {
      const auto decoded = vankho::text::decode(d.text);
      out.clear();
      vankho::text::tokenize(decoded.text, out);
      tokens += out.size();
    }
    best_vankho = std::min(best_vankho, seconds_since(t0));

    t0 = Clock::now();
    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem("none"));
    for (const auto& d : *docs) {
      Xapian::Document doc;
      tg.set_document(doc);
      tg.index_text(d.text);
    }
    best_xapian = std::min(best_xapian, seconds_since(t0));
  }
  std::printf("corpus: %zu documents, %.1f MB of text, %zu vankho tokens\n", docs->size(), mb, tokens);
  std::printf("vankho analyzer (full chain): %.2f s, %.1f MB/s\n", best_vankho, mb / best_vankho);
  std::printf("peer Xapian TermGenerator:    %.2f s, %.1f MB/s\n", best_xapian, mb / best_xapian);
  std::printf("ratio vankho/peer time: %.2f (best of 3 rounds each)\n", best_vankho / best_xapian);
  return 0;
}
