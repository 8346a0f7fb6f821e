#include "queries.h"

#include <array>

#include "viet_text.h"

namespace vankho::gen {
namespace {

using SV = std::string_view;

// Kinds of keyword query, per hundred (see queries.h).
enum KeywordKind {
  kPhrase,
  kPhraseFolded,
  kTextWords,
  kTextWordsFolded,
  kCode,
  kCodeLetters,
  kCodeWords,
  kCodeFolded,
  kPeriod,
  kPhrasePeriod,
  kTypeFilter,
  kYearFilter,
  kTypeYearFilter,
  kPhraseProvince,
  kPhraseProvinceFolded,
  kCentralCode,
  kOneWord
};
constexpr std::array<unsigned, 17> kKeywordWeights = {20, 10, 10, 5, 6, 4, 3, 2, 8,
                                                      4,  6,  6,  3, 5, 2, 2, 4};

constexpr std::array<SV, 8> kQuestions = {
    "các giải pháp đẩy mạnh {P} trên địa bàn tỉnh {prov} là gì",
    "tỉnh ủy {prov} chỉ đạo như thế nào về {P} trong {per}",
    "nghị quyết nào của tỉnh ủy {prov} về {P} giai đoạn {G}",
    "những nhiệm vụ trọng tâm về {P} trong {per} gồm những gì",
    "kết quả thực hiện {P} {per} của tỉnh {prov} ra sao",
    "văn bản nào hướng dẫn thực hiện {kind} số {code} về {P}",
    "{words} được quy định như thế nào",
    "trách nhiệm của cấp ủy trong {P} và {Q} được quy định ra sao",
};

std::string encode(SV s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '_' || c == '.' || c == '~';
    if (plain) {
      out.push_back(static_cast<char>(c));
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::vector<std::string> split_words(SV s) {
  std::vector<std::string> out;
  std::string w;
  for (char c : std::string(s) + " ") {
    if (c == ' ' || c == ',' || c == '.' || c == ';' || c == ':') {
      if (!w.empty()) out.push_back(w);
      w.clear();
    } else {
      w.push_back(c);
    }
  }
  return out;
}

bool has_digit(const std::string& w) {
  for (char c : w) {
    if (c >= '0' && c <= '9') return true;
  }
  return false;
}

// `n` consecutive words of the sentence (lower case, no numbers), or fewer when it has fewer.
std::string words_of(Rng& rng, SV sentence, size_t n) {
  std::vector<std::string> words;
  for (auto& w : split_words(sentence)) {
    if (!has_digit(w)) words.push_back(w);
  }
  if (words.empty()) return "";
  n = std::min(n, words.size());
  const size_t from = rng.below(words.size() - n + 1);
  std::string out;
  for (size_t k = from; k < from + n; ++k) out += (out.empty() ? "" : " ") + words[k];
  lower_first(out);
  return out;
}

// "13-NQ/TU" → {"13", "NQ"}.
std::pair<std::string, std::string> code_parts(const std::string& code) {
  const size_t dash = code.find('-'), slash = code.find('/');
  std::string number = code.substr(0, dash);
  while (number.size() > 1 && number[0] == '0') number.erase(0, 1);
  return {number, code.substr(dash + 1, slash - dash - 1)};
}

std::string request(const std::string& q, const std::string& filters = "") {
  return "/api/search?q=" + encode(q) + filters;
}

}  // namespace

QueryMixes::QueryMixes(uint64_t seed, size_t documents, size_t keywords, size_t questions)
    : rng_(Rng::derive(seed, "queries")),
      documents_(documents),
      keywords_(keywords),
      questions_(questions) {}

void QueryMixes::take(const Generated& g, const std::vector<GenTheme>& themes) {
  // Query k of K comes from document floor((2k + 1) N / 2K): evenly spread, in order.
  auto source = [&](size_t k, size_t total) { return (2 * k + 1) * documents_ / (2 * total); };
  while (next_keyword_ < keywords_ && source(next_keyword_, keywords_) == g.plan.index) {
    keyword_.push_back(keyword_query(g, themes));
    ++next_keyword_;
  }
  while (next_question_ < questions_ && source(next_question_, questions_) == g.plan.index) {
    question_.push_back(question_query(g, themes));
    ++next_question_;
  }
}

std::string QueryMixes::keyword_query(const Generated& g, const std::vector<GenTheme>& themes) {
  const Plan& p = g.plan;
  const std::string phrase = rng_.pick(themes[p.theme].phrases);
  const std::string province =
      p.province == kCentral ? "" : std::string(provinces()[static_cast<size_t>(p.province)].name);
  std::string code = p.code;
  if (code.empty() || rng_.percent(30)) {
    if (!p.cites.empty()) code = rng_.pick(p.cites).code;
  }
  const std::string period = p.period.empty() ? "năm " + std::to_string(p.date.year) : p.period;
  const auto drawn = static_cast<KeywordKind>(rng_.weighted(kKeywordWeights));
  switch (drawn) {
    case kPhrase:
      return request(phrase);
    case kPhraseFolded:
      return request(fold(phrase));
    case kTextWords:
      return request(words_of(rng_, g.sample, static_cast<size_t>(rng_.between(2, 3))));
    case kTextWordsFolded:
      return request(fold(words_of(rng_, g.sample, static_cast<size_t>(rng_.between(2, 3)))));
    case kCode:
      return request(code.empty() ? phrase : code);
    case kCodeLetters:
    case kCodeWords:
    case kCodeFolded: {
      if (code.empty()) return request(phrase);
      const auto [number, letters] = code_parts(code);
      if (drawn == kCodeLetters) return request(letters + " " + number);
      std::string label = "nghị quyết";
      for (const DocKind& d : kinds()) {
        if (d.letters == letters) {
          label = d.label;
          break;
        }
      }
      lower_first(label);
      return request(drawn == kCodeWords ? label + " " + number : fold(label) + " so " + number);
    }
    case kPeriod:
      return request(period);
    case kPhrasePeriod:
      return request(phrase + " " + period);
    case kTypeFilter:
      return request(phrase, "&type=" + std::string(p.kind->slug));
    case kYearFilter:
      return request(phrase, "&year=" + std::to_string(p.date.year));
    case kTypeYearFilter:
      return request(phrase,
                     "&type=" + std::string(p.kind->slug) + "&year=" + std::to_string(p.date.year));
    case kPhraseProvince:
      return request(province.empty() ? phrase : phrase + " " + province);
    case kPhraseProvinceFolded:
      return request(fold(province.empty() ? phrase : phrase + " " + province));
    case kCentralCode: {
      const CentralDocument& c = rng_.pick(central_documents());
      return request(rng_.percent(50)
                         ? std::string(c.code)
                         : fold(c.kind_label) + " " + code_parts(std::string(c.code)).first);
    }
    case kOneWord:
      return request(words_of(rng_, g.sample, 1));
  }
  return request(phrase);
}

std::string QueryMixes::question_query(const Generated& g, const std::vector<GenTheme>& themes) {
  const Plan& p = g.plan;
  const bool central = p.province == kCentral;
  std::string text;
  for (int attempt = 0; attempt < 8; ++attempt) {
    const SV pattern = rng_.pick(std::span<const SV>(kQuestions));
    if ((central && pattern.find("{prov}") != SV::npos) ||
        (p.code.empty() && pattern.find("{code}") != SV::npos)) {
      continue;
    }
    text.clear();
    for (size_t i = 0; i < pattern.size(); ++i) {
      if (pattern[i] != '{') {
        text.push_back(pattern[i]);
        continue;
      }
      const size_t close = pattern.find('}', i);
      const SV slot = pattern.substr(i + 1, close - i - 1);
      if (slot == "P")
        text += rng_.pick(themes[p.theme].phrases);
      else if (slot == "Q")
        text += rng_.pick(themes[p.theme2].phrases);
      else if (slot == "prov")
        text += provinces()[static_cast<size_t>(p.province)].name;
      else if (slot == "per")
        text += p.period.empty() ? "năm " + std::to_string(p.date.year) : p.period;
      else if (slot == "G")
        text += std::to_string(2016 + (p.date.year - 2016) / 5 * 5) + " - " +
                std::to_string(2020 + (p.date.year - 2016) / 5 * 5);
      else if (slot == "code")
        text += p.code;
      else if (slot == "words")
        text += words_of(rng_, g.sample, static_cast<size_t>(rng_.between(5, 8)));
      else if (slot == "kind") {
        std::string k(p.kind->label);
        lower_first(k);
        text += k;
      }
      i = close;
    }
    const size_t words = split_words(text).size();
    if (words >= 8 && words <= 15) break;
  }
  std::vector<std::string> words = split_words(text);
  if (words.size() > 15) words.resize(15);
  for (SV pad : {"trên", "địa", "bàn", "hiện", "nay"}) {
    if (words.size() >= 8) break;
    words.emplace_back(pad);
  }
  std::string q;
  for (const auto& w : words) q += (q.empty() ? "" : " ") + w;
  return request(rng_.percent(30) ? fold(q) : q);
}

}  // namespace vankho::gen
