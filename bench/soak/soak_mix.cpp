#include "soak_mix.h"

#include <fstream>
#include <stdexcept>

namespace vankho::soak {
namespace {

std::vector<std::string> read_lines(const std::string& path) {
  std::vector<std::string> out;
  std::ifstream in(path);
  for (std::string l; std::getline(in, l);) {
    if (!l.empty()) out.push_back(l);
  }
  if (out.empty()) throw std::runtime_error("no lines in " + path + " (missing or empty)");
  return out;
}

// Share of each kind in the mix, in percent (the health poll is not drawn).
constexpr std::array<double, kKinds> kWeights = {
    45,   // search
    10,   // fresh search
    5,    // facets
    5,    // paging
    15,   // suggest
    8,    // document
    2,    // similar
    2,    // citations
    1.5,  // static
    0.5,  // metrics
    6,    // bad
    0,    // health poll
};

}  // namespace

const char* kind_name(Kind k) {
  switch (k) {
    case Kind::kSearch:
      return "search";
    case Kind::kFresh:
      return "fresh search";
    case Kind::kFacets:
      return "facets";
    case Kind::kPaging:
      return "paging";
    case Kind::kSuggest:
      return "suggest";
    case Kind::kDocument:
      return "document";
    case Kind::kSimilar:
      return "similar";
    case Kind::kCitations:
      return "citations";
    case Kind::kStatic:
      return "static";
    case Kind::kMetrics:
      return "metrics";
    case Kind::kBad:
      return "bad (4xx)";
    case Kind::kHealthPoll:
      return "health poll";
    case Kind::kCount:
      break;
  }
  return "?";
}

std::string url_encode(const std::string& s) {
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

Mix::Mix(const MixFiles& files) {
  auto add = [&](Kind k, std::string path, int expect = 200, std::string method = "GET") {
    entries_[static_cast<size_t>(k)].push_back({std::move(method), std::move(path), expect, k});
  };
  const auto searches = read_lines(files.search);
  for (size_t i = 0; i < searches.size(); ++i) {
    const std::string& s = searches[i];
    add(Kind::kSearch, s);
    add(Kind::kFacets, s + "&limit=0&snippets=false&suggest=false");
    add(Kind::kPaging, s + (i % 2 ? "&offset=10" : "&limit=20&offset=20"));
  }
  // Two words of one query and two of another: a long tail of queries the cache has not seen.
  std::vector<std::vector<std::string>> words_of;  // still percent-encoded, split at %20
  for (const auto& s : searches) {
    const size_t q = s.find("q=");
    const std::string encoded = s.substr(
        q + 2, s.find('&', q) == std::string::npos ? std::string::npos : s.find('&', q) - q - 2);
    std::vector<std::string> w;
    for (size_t pos = 0; pos <= encoded.size();) {
      size_t sp = encoded.find("%20", pos);
      if (sp == std::string::npos) sp = encoded.size();
      if (sp > pos) w.push_back(encoded.substr(pos, sp - pos));
      pos = sp + 3;
    }
    if (w.size() >= 2) words_of.push_back(std::move(w));
  }
  std::mt19937_64 rng(7);
  auto two_words = [&](const std::vector<std::string>& w) {
    const size_t at = rng() % (w.size() - 1);
    return w[at] + "%20" + w[at + 1];
  };
  for (size_t i = 0; i < 20000 && words_of.size() >= 2; ++i) {
    add(Kind::kFresh, "/api/search?q=" + two_words(words_of[rng() % words_of.size()]) + "%20" +
                          two_words(words_of[rng() % words_of.size()]));
  }
  for (const auto& s : read_lines(files.suggest)) add(Kind::kSuggest, s);
  const std::vector<std::string> words = {"thanh niên", "hợp đồng", "thue",
                                          "đất đai",    "bao hiem", "trách nhiệm"};
  const auto ids = read_lines(files.stable_ids);
  for (size_t i = 0; i < ids.size(); ++i) {
    const std::string doc = "/api/documents/" + url_encode(ids[i]);
    add(Kind::kDocument, doc);
    add(Kind::kDocument, doc + "?q=" + url_encode(words[i % words.size()]));
    add(Kind::kSimilar, doc + "/similar?limit=5");
  }
  for (const auto& code : read_lines(files.codes))
    add(Kind::kCitations, "/api/citations/" + url_encode(code) + "?limit=20");
  for (const char* p : {"/", "/js/app.js", "/widget.js", "/favicon.svg"}) add(Kind::kStatic, p);
  add(Kind::kMetrics, "/metrics");
  // Deliberately bad requests, each with the one status searchd documents for it.
  add(Kind::kBad, "/api/search?q=thu%E1%BA%BF&limit=-1", 400);
  add(Kind::kBad, "/api/search?q=thue&limit=100000", 400);
  add(Kind::kBad, "/api/search?q=thue&sort=newest", 400);
  add(Kind::kBad, "/api/search?q=thue&from=2022-13-40", 400);
  add(Kind::kBad, "/api/search?q=thue&from=2022-05&to=2021-01", 400);
  add(Kind::kBad, "/api/search?q=thue&bogus=1", 400);
  add(Kind::kBad, "/api/search?q=a&q=b", 400);
  add(Kind::kBad, "/api/search?q=%FF%FE", 400);
  add(Kind::kBad, "/api/search?q=" + std::string(2100, 'a'), 400);
  add(Kind::kBad, "/api/suggest?q=nong&limit=11", 400);
  add(Kind::kBad, "/api/health?x=1", 400);
  add(Kind::kBad, "/api/documents/no-such-document-0000", 404);
  add(Kind::kBad, "/api/nothing-here", 404);
  add(Kind::kBad, "/no-such-page.html", 404);
  add(Kind::kBad, "/api/search?q=thue", 405, "DELETE");
  add(Kind::kBad, "/api/search?q=thue", 405, "PUT");
  double sum = 0;
  for (size_t k = 0; k < kKinds; ++k) {
    weights_[k] = entries_[k].empty() ? 0 : kWeights[k];
    sum += weights_[k];
    cumulative_[k] = sum;
  }
}

const MixEntry& Mix::pick(std::mt19937_64& rng) const {
  const double x = std::uniform_real_distribution<double>(0, cumulative_.back())(rng);
  size_t k = 0;
  while (k + 1 < kKinds && (x >= cumulative_[k] || entries_[k].empty())) ++k;
  const auto& v = entries_[k];
  return v[rng() % v.size()];
}

}  // namespace vankho::soak
