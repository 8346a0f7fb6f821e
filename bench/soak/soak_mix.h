// The soak run's request mix: what a portal's users and tools send to searchd, each request with
// the status it must get (200, or the exact 4xx of a deliberately bad request), drawn by weight.
#pragma once

#include <array>
#include <cstddef>
#include <random>
#include <string>
#include <vector>

namespace vankho::soak {

enum class Kind {
  kSearch,  // bench/load's legal search mix (questions, keywords, codes, periods, filters)
  kFresh,   // words of two of its queries joined (20,000 of them): mostly not in the response cache
  kFacets,  // the same with limit=0: the facet counts alone
  kPaging,  // the same, a later page
  kSuggest,     // keystrokes (bench/load's suggest mix)
  kDocument,    // /api/documents/{id}, half with ?q= (highlighting)
  kSimilar,     // /api/documents/{id}/similar
  kCitations,   // /api/citations/{code}
  kStatic,      // the search page and its scripts
  kMetrics,     // /metrics, as a scraper would
  kBad,         // malformed or unknown: must get its exact 4xx
  kHealthPoll,  // the driver's own /api/health poll, once a second (not drawn from the mix)
  kCount
};
inline constexpr size_t kKinds = static_cast<size_t>(Kind::kCount);
[[nodiscard]] const char* kind_name(Kind k);

struct MixEntry {
  std::string method = "GET";
  std::string path;
  int expect = 200;  // the status that counts as success
  Kind kind = Kind::kSearch;
};

struct MixFiles {
  std::string search;      // request paths, one a line (inprocess_bench --make-mix)
  std::string suggest;     // the same with --suggest
  std::string stable_ids;  // document ids that stay in the archive
  std::string codes;       // document numbers
};

class Mix {
 public:
  // Throws std::runtime_error naming the file that is missing or empty.
  explicit Mix(const MixFiles& files);
  [[nodiscard]] const MixEntry& pick(std::mt19937_64& rng) const;
  [[nodiscard]] size_t size(Kind k) const { return entries_[static_cast<size_t>(k)].size(); }
  [[nodiscard]] double weight(Kind k) const { return weights_[static_cast<size_t>(k)]; }

 private:
  std::array<std::vector<MixEntry>, kKinds> entries_;
  std::array<double, kKinds> weights_{};
  std::array<double, kKinds> cumulative_{};  // running sum of the weights, for pick()
};

[[nodiscard]] std::string url_encode(const std::string& s);

}  // namespace vankho::soak
