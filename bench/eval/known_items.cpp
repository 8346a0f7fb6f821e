#include "known_items.h"

#include <algorithm>
#include <map>
#include <random>
#include <regex>
#include <unordered_set>

#include "doc_code.h"
#include "fold.h"
#include "normalize.h"
#include "vocabulary.h"

namespace vankho::bench {
namespace {

struct NumberParts {
  std::string n, year, rest;  // 91, 2015, NĐ-CP
};

std::optional<NumberParts> parts_of(const std::string& number) {
  static const std::regex state(R"(^0*(\d+)/(\d{4})/(.+)$)");
  std::smatch m;
  if (!std::regex_match(number, m, state)) return std::nullopt;
  return NumberParts{m[1], m[2], m[3]};
}

// The type's letters of a code's rest (`NĐ-CP` → `NĐ`), "" when the rest has none (`QH14`).
std::string letters_of(const std::string& rest) {
  const size_t dash = rest.find('-');
  return dash == std::string::npos ? std::string() : rest.substr(0, dash);
}

// The type's words, lowercase (`nghị định`), from its letters; "" for a type vankho does not know.
std::string type_words(const std::string& rest) {
  const std::string letters = letters_of(rest);
  if (letters.empty()) return {};
  const auto* type = extract::doc_type_by_code_letters(text::code_part_key(letters));
  return type ? text::normalize(type->label) : std::string();
}

std::vector<std::string> words_of(const std::string& s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    const size_t j = s.find(' ', i);
    const std::string w = s.substr(i, j == std::string::npos ? std::string::npos : j - i);
    if (!w.empty()) out.push_back(w);
    if (j == std::string::npos) break;
    i = j + 1;
  }
  return out;
}

std::string join(const std::vector<std::string>& words, size_t from, size_t to) {
  std::string out;
  for (size_t k = from; k < to && k < words.size(); ++k) out += (out.empty() ? "" : " ") + words[k];
  return out;
}

// The name without its type's words, at most four words: the first two and the last two.
std::string partial_name(const KnownItem& item) {
  const std::vector<std::string> words = words_of(text::normalize(item.title));
  size_t skip = 0;
  if (const auto parts = parts_of(item.number)) skip = words_of(type_words(parts->rest)).size();
  if (skip == 0 && !words.empty() && words[0] == "luật") skip = 1;
  if (words.size() <= skip + 1) return {};
  if (words.size() - skip <= 4) return join(words, skip, words.size());
  return join(words, skip, skip + 2) + " " + join(words, words.size() - 2, words.size());
}

}  // namespace

std::vector<KnownItem> sample_known_items(const std::vector<ingest::SourceDocument>& docs, size_t count,
                                          uint32_t seed) {
  std::map<std::string, KnownItem> acts;  // ordered: the sample does not depend on hashing
  std::unordered_set<std::string> seen_ids;
  for (auto d = docs.rbegin(); d != docs.rend(); ++d) {  // the later record of a repeated id wins
    if (!seen_ids.insert(d->id).second) continue;
    const auto number = d->fields.find("number");
    if (number == d->fields.end() || !parts_of(number->second)) continue;
    KnownItem& act = acts[number->second];
    act.number = number->second;
    act.record_ids.push_back(d->id);
    if (const auto title = d->fields.find("parent_title"); title != d->fields.end() && act.title.empty()) {
      act.title = title->second;
    }
  }
  std::vector<KnownItem> out;
  for (auto& [number, act] : acts) {
    if (!act.title.empty()) out.push_back(std::move(act));
  }
  std::mt19937 rng(seed);
  std::shuffle(out.begin(), out.end(), rng);
  if (out.size() > count) out.resize(count);
  return out;
}

const std::vector<Spelling>& known_item_spellings() {
  static const std::vector<Spelling> spellings = {
      {"number as written (91/2015/NĐ-CP)", Asked::kByNumber, [](const KnownItem& k) { return k.number; }},
      {"type words + N/YYYY (nghị định 91/2015)", Asked::kByNumber,
       [](const KnownItem& k) {
         const auto p = parts_of(k.number);
         if (!p) return std::string();
         std::string words = type_words(p->rest);
         if (words.empty() && letters_of(p->rest).empty() && text::normalize(k.title).starts_with("luật ")) {
           words = "luật";  // a law's code has no type letters: 57/2020/QH14
         }
         return words.empty() ? std::string() : words + " " + p->n + "/" + p->year;
       }},
      {"letters + N/YYYY (ND 91/2015)", Asked::kByNumber,
       [](const KnownItem& k) {
         const auto p = parts_of(k.number);
         const std::string letters = p ? letters_of(p->rest) : "";
         return letters.empty() ? std::string() : text::code_part_key(letters) + " " + p->n + "/" + p->year;
       }},
      {"parts, no separators (91 2015 nd cp)", Asked::kByNumber,
       [](const KnownItem& k) {
         const auto p = parts_of(k.number);
         if (!p) return std::string();
         std::string rest = text::fold(p->rest);
         std::replace(rest.begin(), rest.end(), '-', ' ');
         return p->n + " " + p->year + " " + rest;
       }},
      {"name as written", Asked::kByName, [](const KnownItem& k) { return k.title; }},
      {"name unaccented", Asked::kByName, [](const KnownItem& k) { return text::fold(k.title); }},
      {"name in part (2 first + 2 last words)", Asked::kByName, [](const KnownItem& k) { return partial_name(k); }},
  };
  return spellings;
}

bool same_number_and_type(const std::string& a, const std::string& b) {
  const auto pa = parts_of(a), pb = parts_of(b);
  return pa && pb && pa->n == pb->n && pa->year == pb->year &&
         text::code_part_key(letters_of(pa->rest)) == text::code_part_key(letters_of(pb->rest));
}

bool found(const KnownItem& item, Asked asked, const std::vector<std::string>& ranked) {
  auto of_item = [&](const std::string& id) {
    return std::find(item.record_ids.begin(), item.record_ids.end(), id) != item.record_ids.end();
  };
  if (asked == Asked::kByName) {
    for (size_t k = 0; k < ranked.size() && k < 3; ++k) {
      if (of_item(ranked[k])) return true;
    }
    return false;
  }
  if (ranked.empty() || !of_item(ranked[0])) return false;
  if (item.record_ids.size() > 10) return true;
  const size_t all = item.record_ids.size();
  if (ranked.size() < all) return false;
  return std::all_of(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(all), of_item);
}

}  // namespace vankho::bench
