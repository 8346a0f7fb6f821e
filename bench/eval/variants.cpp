#include "variants.h"

#include <charconv>

namespace vankho::bench {

std::optional<Variant> parse_variant(const std::string& spec, std::string& error) {
  Variant v{spec, {}};
  size_t start = 0;
  while (start < spec.size()) {
    size_t end = spec.find(',', start);
    if (end == std::string::npos) end = spec.size();
    const std::string item = spec.substr(start, end - start);
    start = end + 1;
    const size_t eq = item.find('=');
    if (eq == std::string::npos) {
      error = "'" + item + "': expected key=value";
      return std::nullopt;
    }
    const std::string key = item.substr(0, eq), value = item.substr(eq + 1);
    double number = 0;
    const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (ec != std::errc() || ptr != value.data() + value.size() || number < 0) {
      error = "'" + item + "': expected a non-negative number";
      return std::nullopt;
    }
    if (key == "folded") {
      v.weights.folded = number;
    } else if (key == "bigram") {
      v.weights.bigram = number;
    } else if (key == "title") {
      v.weights.title_coverage = number;
    } else if (key == "parent") {
      v.weights.parent_coverage = number;
    } else if (key == "prf_terms") {
      v.weights.prf_terms = static_cast<size_t>(number);
    } else if (key == "prf_docs") {
      v.weights.prf_docs = static_cast<size_t>(number);
    } else if (key == "prf_weight") {
      v.weights.prf_weight = number;
    } else if (key == "code_is_long") {
      v.weights.code_is_among_words = number;
    } else if (key == "code_is") {
      v.weights.code_is = number;
    } else if (key == "period_fit") {
      v.weights.period_fit = number;
    } else if (key == "interpret") {
      v.interpret = number != 0;
    } else if (key == "k1") {
      v.weights.bm25_k1 = number;
    } else if (key == "b") {
      v.weights.bm25_b = number;
    } else if (key == "frequent") {
      v.weights.frequent_word_fraction = number;
    } else if (key == "common") {
      v.weights.common_word_fraction = number;
    } else if (key == "selective") {
      v.weights.max_selective = static_cast<size_t>(number);
    } else if (key == "all_words_up_to") {
      v.weights.all_words_up_to = static_cast<size_t>(number);
    } else {
      error = "'" + key + "': unknown key (folded, bigram, title, parent, prf_terms, prf_docs, prf_weight, code_is_long, frequent, common, selective, k1, b, code_is, period_fit, all_words_up_to, interpret)";
      return std::nullopt;
    }
  }
  if (spec.empty()) {
    error = "empty variant";
    return std::nullopt;
  }
  return v;
}

std::vector<std::string> standard_variant_specs() {
  return {"bigram=0", "bigram=0.5", "bigram=2", "title=0", "frequent=1", "selective=0", "common=1", "common=0.1", "folded=0.5",
          "all_words_up_to=0", "interpret=0"};
}

}  // namespace vankho::bench
