#include "accent_restorer.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "fold.h"

namespace vankho::query {
namespace {

constexpr size_t kCandidatesPerWord = 6;
constexpr double kContextWeight = 2.0;  // a form seen in matching documents beats raw frequency
constexpr double kPairWeight = 3.0;     // ...and a pair seen adjacent there beats both
constexpr double kKeepTypedShare = 0.1;  // an unmarked word this common beside its marked forms is meant

// How people ask, in words an archive of directives and legal texts seldom uses, so that neither
// its vocabulary nor the hits can say how `nhu the nao` or `bao nhieu` is written (the archive's
// commoner `thể`, `bảo` would win). Written by hand: no Debian package carries Vietnamese word-pair
// statistics, and these few phrases are the same in every archive.
constexpr std::string_view kQuestionPhrases[] = {
    "như thế nào", "thế nào", "ra sao", "bao nhiêu", "bao lâu", "bao giờ", "là gì", "những gì",
    "vì sao", "tại sao", "làm sao", "ở đâu", "khi nào", "có phải", "có được", "được không", "hay không"};
constexpr double kQuestionPhraseCount = 5;  // counts as that many sightings of each pair in the hits

std::string pair_key(std::string_view a, std::string_view b) {
  std::string k(a);
  k += ' ';
  k += b;
  return k;
}

}  // namespace

void AccentRestorer::load_vocabulary() {
  loaded_ = true;
  // Canonical terms are the unprefixed ones: they sort after every upper-case prefix.
  Xapian::TermIterator t = db_.allterms_begin();
  t.skip_to("a");
  for (; t != db_.allterms_end(); ++t) {
    by_folded_[text::fold(*t)].push_back({*t, static_cast<double>(t.get_termfreq()), 0});
  }
  for (auto& [folded, list] : by_folded_) {
    std::sort(list.begin(), list.end(), [](const Candidate& a, const Candidate& b) { return a.freq > b.freq; });
    if (list.size() > kCandidatesPerWord) list.resize(kCandidatesPerWord);
  }
}

std::optional<std::vector<std::string>> AccentRestorer::restore(
    const std::vector<text::Token>& tokens, const std::vector<std::vector<text::Token>>& context,
    bool writer_types_marks) {
  if (tokens.empty()) return std::nullopt;
  if (!loaded_) load_vocabulary();

  // How the matching documents write each query syllable, and each adjacent pair of them.
  std::map<std::string, std::map<std::string, double>> forms;  // folded → canonical → count
  std::map<std::string, double> pairs;                         // "a b" canonical → count
  std::map<std::string, bool> wanted_pairs;
  for (size_t i = 0; i < tokens.size(); ++i) {
    forms[tokens[i].folded];
    if (i > 0) wanted_pairs[pair_key(tokens[i - 1].folded, tokens[i].folded)] = true;
  }
  for (const auto& found : context) {
    for (size_t i = 0; i < found.size(); ++i) {
      auto f = forms.find(found[i].folded);
      if (f == forms.end()) continue;
      f->second[found[i].norm] += 1;
      if (i > 0 && wanted_pairs.contains(pair_key(found[i - 1].folded, found[i].folded))) {
        pairs[pair_key(found[i - 1].norm, found[i].norm)] += 1;
      }
    }
  }

  for (std::string_view phrase : kQuestionPhrases) {
    std::vector<std::string_view> words;
    for (size_t from = 0; from <= phrase.size();) {
      const size_t space = std::min(phrase.find(' ', from), phrase.size());
      words.push_back(phrase.substr(from, space - from));
      from = space + 1;
    }
    for (size_t i = 1; i < words.size(); ++i) {
      const std::string a = text::fold(words[i - 1]), b = text::fold(words[i]);
      if (!wanted_pairs.contains(pair_key(a, b))) continue;
      pairs[pair_key(words[i - 1], words[i])] += kQuestionPhraseCount;
      forms[a].try_emplace(std::string(words[i - 1]), 0.0);  // candidates even if the hits lack them
      forms[b].try_emplace(std::string(words[i]), 0.0);
    }
  }

  // Typed marks, codes and numbers stay as typed. When the query shows that its writer types marks,
  // an unmarked word that is common as typed stays too, unless the matching documents write it
  // otherwise beside its typed neighbour and never as typed (`tuyên giao` → `tuyên giáo`, but
  // `quốc gia` stays though `giá kết` is frequent there, and `bao nhiêu` stays though `bảo` is the
  // commoner word). Only rare unmarked words (`nông thon moi`) are restored freely.
  auto common_as_typed = [&](const text::Token& t) {
    const auto it = by_folded_.find(t.folded);
    if (it == by_folded_.end()) return false;
    const auto& list = it->second;
    return std::any_of(list.begin(), list.end(), [&](const Candidate& c) {
      return c.word == t.norm && c.freq >= kKeepTypedShare * list.front().freq;
    });
  };
  struct Evidence {
    bool as_typed = false, otherwise = false;
  };
  auto evidence = [&](size_t i) {  // how the documents write word i beside its neighbours as typed
    Evidence e;
    for (const auto& [key, count] : pairs) {
      const size_t space = key.find(' ');
      const std::string_view first(key.data(), space), second(key.data() + space + 1, key.size() - space - 1);
      if (i > 0 && first == tokens[i - 1].norm && text::fold(second) == tokens[i].folded) {
        (second == tokens[i].norm ? e.as_typed : e.otherwise) = true;
      }
      if (i + 1 < tokens.size() && second == tokens[i + 1].norm && text::fold(first) == tokens[i].folded) {
        (first == tokens[i].norm ? e.as_typed : e.otherwise) = true;
      }
    }
    return e;
  };
  std::vector<bool> fixed(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    const auto& t = tokens[i];
    fixed[i] = t.is_code || t.norm != t.folded;
    if (fixed[i] || !writer_types_marks || !common_as_typed(t)) continue;
    const Evidence e = evidence(i);
    fixed[i] = e.as_typed || !e.otherwise;
  }

  std::vector<std::vector<Candidate>> cands;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const auto& t = tokens[i];
    if (fixed[i]) {
      cands.push_back({{t.norm, 1, 0}});
      continue;
    }
    std::vector<Candidate> list;
    if (auto it = by_folded_.find(t.folded); it != by_folded_.end()) list = it->second;
    for (const auto& [word, count] : forms[t.folded]) {
      // `&word = word`: clang 14 cannot capture a structured binding implicitly (C++20 P1091).
      auto same = std::find_if(list.begin(), list.end(), [&word = word](const Candidate& c) { return c.word == word; });
      if (same == list.end()) same = list.insert(list.end(), {word, 0, 0});
      same->in_context = count;
    }
    if (list.empty()) list.push_back({t.norm, 0, 0});
    cands.push_back(std::move(list));
  }

  // Best path (Viterbi): frequency, presence in the matching documents, adjacent pairs there.
  auto own = [](const Candidate& c) {
    return std::log(1.0 + c.freq) + kContextWeight * std::log(1.0 + c.in_context);
  };
  std::vector<std::vector<double>> score(cands.size());
  std::vector<std::vector<size_t>> back(cands.size());
  for (size_t i = 0; i < cands.size(); ++i) {
    score[i].assign(cands[i].size(), -1e18);
    back[i].assign(cands[i].size(), 0);
    for (size_t c = 0; c < cands[i].size(); ++c) {
      if (i == 0) {
        score[i][c] = own(cands[i][c]);
        continue;
      }
      for (size_t p = 0; p < cands[i - 1].size(); ++p) {
        const auto pair = pairs.find(pair_key(cands[i - 1][p].word, cands[i][c].word));
        const double adj = pair == pairs.end() ? 0 : kPairWeight * std::log(1.0 + pair->second);
        const double s = score[i - 1][p] + own(cands[i][c]) + adj;
        if (s > score[i][c]) {
          score[i][c] = s;
          back[i][c] = p;
        }
      }
    }
  }
  std::vector<std::string> out(cands.size());
  size_t c = static_cast<size_t>(std::max_element(score.back().begin(), score.back().end()) -
                                 score.back().begin());
  for (size_t i = cands.size(); i-- > 0;) {
    out[i] = cands[i][c].word;
    c = back[i][c];
  }
  bool changed = false;
  for (size_t i = 0; i < tokens.size(); ++i) changed |= out[i] != tokens[i].norm;
  if (!changed) return std::nullopt;
  return out;
}

}  // namespace vankho::query
