#include "completion_index.h"

#include <unicode/uchar.h>
#include <xapian.h>

#include <algorithm>
#include <queue>
#include <unordered_map>
#include <unordered_set>

#include "doc_code.h"
#include "fold.h"
#include "schema.h"
#include "stored_document.h"
#include "terms.h"
#include "tokenize.h"
#include "utf8.h"

namespace vankho::query {
namespace {

constexpr size_t kScanAll = 20000;      // ranges up to this size are scanned whole
constexpr size_t kMaxChecked = 200000;  // larger ones: heaviest entries first, this many at most
constexpr size_t kMaxCodes = 3;         // codes shown when the text has no digit
constexpr uint32_t kMinPhraseFreq = 2;

bool starts_with_digit(std::string_view s) { return !s.empty() && s[0] >= '0' && s[0] <= '9'; }

// A bigram worth completing to: two words of letters.
bool phrase_term(std::string_view bigram) {
  const size_t space = bigram.find(' ');
  if (space == std::string_view::npos || space == 0 || space + 1 >= bigram.size()) return false;
  return !starts_with_digit(bigram) && !starts_with_digit(bigram.substr(space + 1));
}

std::string str(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

const char* kind_name(CompletionKind kind) {
  switch (kind) {
    case CompletionKind::kPhrase: return "phrase";
    case CompletionKind::kCode: return "code";
    case CompletionKind::kTitle: return "title";
  }
  return "phrase";
}

std::string CompletionIndex::key_of(std::string_view text, bool keep_trailing_space) {
  const std::string folded = text::fold(text);
  std::string out;
  out.reserve(folded.size());
  bool space = false;
  for (size_t i = 0; i < folded.size();) {
    const text::CodePoint cp = text::next_code_point(folded, i);
    const bool word = cp.value < 0x80 ? ((cp.value >= 'a' && cp.value <= 'z') || (cp.value >= '0' && cp.value <= '9') ||
                                         (cp.value >= 'A' && cp.value <= 'Z'))
                                      : (cp.value != text::kReplacementChar && u_isalnum(static_cast<UChar32>(cp.value)));
    if (word) {
      if (space && !out.empty()) out.push_back(' ');
      space = false;
      if (cp.value >= 'A' && cp.value <= 'Z') {
        out.push_back(static_cast<char>(cp.value + 32));
      } else {
        out.append(folded, i, cp.length);
      }
    } else {
      space = true;
    }
    i += cp.length;
  }
  if (space && keep_trailing_space && !out.empty()) out.push_back(' ');
  return out;
}

void CompletionIndex::add(std::string text, std::string key, std::string id, uint32_t weight, CompletionKind kind,
                       size_t max_starts) {
  if (key.empty() || entries_.size() >= UINT32_MAX) return;
  const auto entry = static_cast<uint32_t>(entries_.size());
  size_t added = 0;
  for (size_t i = 0; i < key.size() && added < max_starts; ++i) {
    if (i == 0 || key[i - 1] == ' ') {
      starts_.push_back({entry, static_cast<uint32_t>(i)});
      ++added;
    }
  }
  entries_.push_back({std::move(text), std::move(id), std::move(key), weight, kind});
}

std::string_view CompletionIndex::suffix(const Start& s) const {
  return std::string_view(entries_[s.entry].key).substr(s.offset);
}

void CompletionIndex::finish() {
  std::sort(starts_.begin(), starts_.end(), [&](const Start& a, const Start& b) { return suffix(a) < suffix(b); });
  for (uint32_t i = 0; i < starts_.size(); ++i) {
    by_weight_[static_cast<size_t>(entries_[starts_[i].entry].kind)].push_back(i);
  }
  for (auto& list : by_weight_) {
    std::stable_sort(list.begin(), list.end(), [&](uint32_t a, uint32_t b) {
      const Entry& ea = entries_[starts_[a].entry];
      const Entry& eb = entries_[starts_[b].entry];
      if (ea.weight != eb.weight) return ea.weight > eb.weight;
      if ((starts_[a].offset == 0) != (starts_[b].offset == 0)) return starts_[a].offset == 0;
      return ea.text.size() < eb.text.size();
    });
  }
}

namespace {

// The heaviest folded bigrams ("nong thon"), each waiting for its usual accented spelling.
struct PhraseCandidates {
  struct Spellings {
    uint32_t freq = 0;
    std::unordered_map<std::string, uint32_t> seen;  // "nông thôn" → times
  };
  std::unordered_map<std::string, Spellings> by_folded;

  PhraseCandidates(const Xapian::Database& db, size_t limit) {
    using Item = std::pair<uint32_t, std::string>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> heaviest;
    const std::string prefix(schema::kFoldedBigram);
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
      const uint32_t freq = t.get_termfreq();
      if (freq < kMinPhraseFreq) continue;
      if (heaviest.size() >= limit && freq <= heaviest.top().first) continue;
      const std::string term = *t;
      const std::string_view bigram = std::string_view(term).substr(prefix.size());
      if (!phrase_term(bigram)) continue;
      heaviest.emplace(freq, std::string(bigram));
      if (heaviest.size() > limit) heaviest.pop();
    }
    while (!heaviest.empty()) {
      by_folded[heaviest.top().second].freq = heaviest.top().first;
      heaviest.pop();
    }
  }

  // Counts the spellings of wanted bigrams among adjacent words of `text`.
  void observe(std::string_view text, std::vector<text::Token>& tokens) {
    tokens.clear();
    text::tokenize(text, tokens);
    for (size_t i = 1; i < tokens.size(); ++i) {
      const text::Token& a = tokens[i - 1];
      const text::Token& b = tokens[i];
      if (!schema::adjacent(text, a, b)) continue;  // as the index pairs them (its G terms)
      auto it = by_folded.find(schema::bigram_key(a, b));
      if (it == by_folded.end()) continue;
      ++it->second.seen[a.norm + " " + b.norm];
    }
  }
};

}  // namespace

std::shared_ptr<const CompletionIndex> CompletionIndex::build(const Xapian::Database& db, Limits limits) {
  auto index = std::make_shared<CompletionIndex>();
  std::unordered_map<std::string, std::string> code_display;  // key → canonical spelling
  auto note_code = [&](const std::string& written, bool own) {
    if (written.empty()) return;
    if (auto code = text::parse_code(written)) {
      auto [it, inserted] = code_display.emplace(code->key, code->canonical);
      if (own && !inserted) it->second = code->canonical;
    }
  };

  // Titles, the canonical spelling of codes, and of the frequent phrases (from a sample of texts:
  // the index keeps bigrams folded only).
  PhraseCandidates phrases(db, limits.phrases);
  const Xapian::doccount docs = db.get_doccount();
  const uint64_t total_terms = db.get_total_length();
  const uint64_t sample_every =
      docs == 0 ? 1 : std::max<uint64_t>(1, total_terms / std::max<uint64_t>(1, limits.sample_terms));
  std::vector<text::Token> tokens;
  uint64_t seen_docs = 0;
  for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p, ++seen_docs) {
    schema::StoredDocument stored;
    try {
      stored = schema::decode_stored(db.get_document(*p).get_data());
    } catch (const std::runtime_error&) {
      continue;  // not a vankho document: nothing to suggest from it
    }
    const std::string title = str(stored.meta, "title");
    phrases.observe(title, tokens);
    if (seen_docs % sample_every == 0) phrases.observe(stored.text, tokens);
    std::string key = key_of(title);
    index->add(title, std::move(key), str(stored.meta, "id"), 1, CompletionKind::kTitle, limits.title_words);
    note_code(str(stored.meta, "number"), true);
    if (auto c = stored.meta.find("citations"); c != stored.meta.end() && c->is_array()) {
      for (const auto& cite : *c) {
        if (cite.is_object()) note_code(str(cite, "code"), false);
      }
    }
  }

  // Codes: the documents' own and the ones cited, weighted by how many documents mention them.
  std::unordered_map<std::string, uint32_t> code_weight;
  for (std::string_view prefix : {schema::kNumber, schema::kCites}) {
    const std::string p(prefix);
    for (auto t = db.allterms_begin(p); t != db.allterms_end(p); ++t) {
      code_weight[(*t).substr(p.size())] += t.get_termfreq();
    }
  }
  for (const auto& [key, weight] : code_weight) {
    auto shown = code_display.find(key);
    const std::string text = shown != code_display.end() ? shown->second : key;
    index->add(text, key_of(text), "", weight, CompletionKind::kCode, 1);
    if (auto code = text::parse_code(text); code && !code->type.empty()) {
      // `NQ 13` finds 13-NQ/TW.
      index->add(text, key_of(code->type + " " + code->number), "", weight, CompletionKind::kCode, 1);
    }
  }

  // Phrases in their most frequent spelling; a bigram never seen in the sample is left out.
  for (auto& [folded, spellings] : phrases.by_folded) {
    const auto best = std::max_element(spellings.seen.begin(), spellings.seen.end(),
                                       [](const auto& a, const auto& b) { return a.second < b.second; });
    if (best == spellings.seen.end()) continue;
    index->add(best->first, key_of(folded), "", spellings.freq, CompletionKind::kPhrase, 1);
  }
  index->finish();
  return index;
}

std::vector<Completion> CompletionIndex::complete(std::string_view typed, size_t limit) const {
  std::vector<Completion> out;
  const std::string key = key_of(typed, true);
  if (key.empty() || limit == 0) return out;
  auto less = [&](const Start& s, std::string_view k) { return suffix(s) < k; };
  const auto lo = std::lower_bound(starts_.begin(), starts_.end(), std::string_view(key), less);
  const auto hi = std::lower_bound(lo, starts_.end(), std::string_view(key + '\xff'), less);

  // Candidates per kind, best first.
  std::vector<uint32_t> found[3];
  auto better = [&](uint32_t a, uint32_t b) {
    const Entry& ea = entries_[starts_[a].entry];
    const Entry& eb = entries_[starts_[b].entry];
    if ((starts_[a].offset == 0) != (starts_[b].offset == 0)) return starts_[a].offset == 0;
    if (ea.weight != eb.weight) return ea.weight > eb.weight;
    if (ea.text.size() != eb.text.size()) return ea.text.size() < eb.text.size();
    return ea.text < eb.text;
  };
  if (static_cast<size_t>(hi - lo) <= kScanAll) {
    for (auto it = lo; it != hi; ++it) {
      found[static_cast<size_t>(entries_[it->entry].kind)].push_back(static_cast<uint32_t>(it - starts_.begin()));
    }
    for (auto& f : found) std::sort(f.begin(), f.end(), better);
  } else {
    for (size_t kind = 0; kind < 3; ++kind) {
      size_t checked = 0;
      for (uint32_t i : by_weight_[kind]) {
        if (++checked > kMaxChecked || found[kind].size() >= limit * 2) break;
        if (suffix(starts_[i]).starts_with(key)) found[kind].push_back(i);
      }
    }
  }

  // Take from each kind in turn (codes first when a digit was typed), no text twice.
  const bool digit = key.find_first_of("0123456789") != std::string::npos;
  const size_t quota[3] = {digit ? limit / 2 : (limit + 1) / 2, digit ? limit : kMaxCodes, limit};
  const CompletionKind order[3] = {digit ? CompletionKind::kCode : CompletionKind::kPhrase,
                                   digit ? CompletionKind::kPhrase : CompletionKind::kCode, CompletionKind::kTitle};
  std::unordered_set<std::string> seen;
  size_t taken[3] = {0, 0, 0};
  std::vector<std::pair<size_t, Completion>> picked;  // (kind order, completion)
  for (int pass = 0; pass < 2 && picked.size() < limit; ++pass) {
    for (size_t o = 0; o < 3 && picked.size() < limit; ++o) {
      const auto kind = static_cast<size_t>(order[o]);
      for (uint32_t i : found[kind]) {
        if (picked.size() >= limit || (pass == 0 && taken[kind] >= quota[kind])) break;
        const Entry& e = entries_[starts_[i].entry];
        if (!seen.insert(key_of(e.text)).second) continue;
        picked.push_back({o, {e.text, e.kind, e.id}});
        ++taken[kind];
      }
    }
  }
  std::stable_sort(picked.begin(), picked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [o, c] : picked) out.push_back(std::move(c));
  return out;
}

}  // namespace vankho::query
