// The theme taxonomy: parsing themes.tsv (built in, or a user's edited copy) and scoring a
// document's tokens against its phrases.
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <unordered_set>

#include "decode.h"
#include "vocabulary.h"
#include "fold.h"

namespace vankho::extract {
namespace detail {
extern const std::string_view kBuiltinThemesTsv;
}  // namespace detail

namespace {

std::string_view trim_blanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    const size_t end = s.find(sep, start);
    out.push_back(s.substr(start, end == std::string_view::npos ? s.npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

bool valid_id(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

// The error text for line `n` of `source`.
std::string at(std::string_view source, size_t n, const std::string& reason) {
  return std::string(source) + ":" + std::to_string(n) + ": " + reason;
}

constexpr size_t kFilterBits = 1 << 14;

// FNV-1a, folded into the filter's bit range.
size_t filter_bit(std::string_view s) {
  uint64_t h = 14695981039346656037ULL;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  return static_cast<size_t>(h ^ (h >> 29)) & (kFilterBits - 1);
}

}  // namespace

std::optional<ThemeTaxonomy> ThemeTaxonomy::load(const std::string& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ": cannot open the theme file: " + std::strerror(errno);
    return std::nullopt;
  }
  std::ostringstream content;
  content << in.rdbuf();
  return parse(content.str(), error, path);
}

const ThemeTaxonomy& ThemeTaxonomy::builtin() {
  static const ThemeTaxonomy kBuiltin = [] {
    std::string error;
    auto t = parse(detail::kBuiltinThemesTsv, error, "themes.tsv (built in)");
    if (!t) {
      // A broken shipped file is a build defect; themes_test catches it before release.
      std::cerr << "vankho: " << error << "\n";
      std::abort();
    }
    return std::move(*t);
  }();
  return kBuiltin;
}

ThemeTaxonomy ThemeTaxonomy::from_themes(std::vector<Theme> themes) {
  ThemeTaxonomy out;
  out.themes_ = std::move(themes);
  for (size_t t = 0; t < out.themes_.size(); ++t) {
    for (const std::string& phrase : out.themes_[t].phrases) {
      std::vector<text::Token> words;
      text::tokenize(phrase, words);
      if (words.empty()) continue;
      CompiledPhrase c{t, {}};
      for (text::Token& w : words) c.norms.push_back(std::move(w.norm));
      out.by_first_token_[c.norms[0]].push_back(out.phrases_.size());
      out.phrases_.push_back(std::move(c));
    }
  }
  out.first_token_bits_.assign(kFilterBits / 64, 0);
  for (auto& [first, list] : out.by_first_token_) {
    const size_t bit = filter_bit(first);
    out.first_token_bits_[bit / 64] |= uint64_t{1} << (bit % 64);
    std::stable_sort(list.begin(), list.end(), [&](size_t a, size_t b) {
      return out.phrases_[a].norms.size() > out.phrases_[b].norms.size();
    });
  }
  return out;
}

std::string ThemeTaxonomy::to_tsv() const {
  std::string out;
  for (const Theme& t : themes_) {
    out.append(t.id).append("\t").append(t.label).append("\t");
    for (size_t i = 0; i < t.phrases.size(); ++i) out.append(i ? " | " : "").append(t.phrases[i]);
    out.append("\n");
  }
  return out;
}

const Theme* ThemeTaxonomy::find(std::string_view id_or_label) const {
  const std::string folded = text::fold(trim_blanks(id_or_label));
  for (const Theme& t : themes_) {
    if (t.id == id_or_label || text::fold(t.label) == folded) return &t;
  }
  return nullptr;
}

std::vector<ThemeScore> ThemeTaxonomy::score(const std::vector<text::Token>& tokens) const {
  std::vector<ThemeScore> out;
  if (tokens.empty()) return out;
  std::vector<double> weight(themes_.size(), 0);
  std::vector<int> hits(themes_.size(), 0);
  std::vector<size_t> covered(themes_.size(), 0);  // a theme's last match ends here
  for (size_t i = 0; i < tokens.size(); ++i) {
    const size_t bit = filter_bit(tokens[i].norm);
    if ((first_token_bits_[bit / 64] >> (bit % 64) & 1) == 0) continue;
    const auto it = by_first_token_.find(tokens[i].norm);
    if (it == by_first_token_.end()) continue;
    for (size_t p : it->second) {  // longest first
      const CompiledPhrase& ph = phrases_[p];
      const size_t n = ph.norms.size();
      if (covered[ph.theme] > i || i + n > tokens.size()) continue;
      bool same = true;
      for (size_t k = 1; k < n && same; ++k) same = tokens[i + k].norm == ph.norms[k];
      if (!same) continue;
      weight[ph.theme] += static_cast<double>(n);
      ++hits[ph.theme];
      covered[ph.theme] = i + n;
    }
  }
  for (size_t t = 0; t < themes_.size(); ++t) {
    const double s = 100.0 * weight[t] / static_cast<double>(tokens.size());
    if (s < kMinScore || hits[t] < kMinHits) continue;
    out.push_back({themes_[t].id, themes_[t].label, std::round(s * 1000) / 1000});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const ThemeScore& a, const ThemeScore& b) { return a.score > b.score; });
  return out;
}

std::optional<ThemeTaxonomy> ThemeTaxonomy::parse(std::string_view tsv, std::string& error,
                                                 std::string_view source) {
  std::vector<Theme> themes;
  std::vector<size_t> defined_on;
  std::vector<std::unordered_set<std::string>> seen_phrases;
  size_t n = 0;
  for (std::string_view line : split(tsv, '\n')) {
    ++n;
    const std::string_view content = trim_blanks(line);
    if (content.empty() || content.front() == '#') continue;
    if (text::decode(line).invalid_sequences > 0) {
      error = at(source, n, "not valid UTF-8");
      return std::nullopt;
    }
    const auto cols = split(line.back() == '\r' ? line.substr(0, line.size() - 1) : line, '\t');
    if (cols.size() != 3) {
      error = at(source, n,
                 "expected 3 tab-separated columns (id, label, phrases), found " +
                     std::to_string(cols.size()));
      return std::nullopt;
    }
    const std::string_view id = trim_blanks(cols[0]), label = trim_blanks(cols[1]);
    if (!valid_id(id)) {
      error =
          at(source, n,
             "theme id '" + std::string(id) + "' must be lower-case ASCII letters, digits and '-'");
      return std::nullopt;
    }
    if (label.empty()) {
      error = at(source, n, "theme '" + std::string(id) + "' has an empty label");
      return std::nullopt;
    }
    size_t index = themes.size();
    for (size_t k = 0; k < themes.size(); ++k) {
      if (themes[k].id == id) index = k;
    }
    if (index == themes.size()) {
      themes.push_back({std::string(id), std::string(label), {}});
      defined_on.push_back(n);
      seen_phrases.emplace_back();
    } else if (themes[index].label != label) {
      error =
          at(source, n,
             "theme '" + std::string(id) + "' has label '" + std::string(label) + "' here but '" +
                 themes[index].label + "' on line " + std::to_string(defined_on[index]));
      return std::nullopt;
    }
    for (std::string_view raw : split(cols[2], '|')) {
      const std::string_view phrase = trim_blanks(raw);
      if (phrase.empty()) {
        error = at(source, n,
                   "empty phrase in theme '" + std::string(id) + "' (a doubled or trailing '|'?)");
        return std::nullopt;
      }
      std::vector<text::Token> words;
      text::tokenize(phrase, words);
      if (words.empty()) {
        error = at(source, n, "phrase '" + std::string(phrase) + "' has no words");
        return std::nullopt;
      }
      if (seen_phrases[index].insert(std::string(phrase)).second) {
        themes[index].phrases.emplace_back(phrase);
      }
    }
  }
  if (themes.empty()) {
    error = at(source, 1, "no themes defined (expected lines: id<TAB>label<TAB>phrase | ...)");
    return std::nullopt;
  }
  ThemeTaxonomy out = ThemeTaxonomy::from_themes(std::move(themes));
  out.source_ = std::string(source);
  return out;
}

}  // namespace vankho::extract
