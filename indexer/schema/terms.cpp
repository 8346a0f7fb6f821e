#include "terms.h"

#include "doc_code.h"
#include "fold.h"

namespace vankho::schema {

std::string folded_term(std::string_view folded) { return term(kFolded, folded); }

std::string typed_word_term(const text::Token& t) {
  return t.norm != t.folded ? word_term(t) : folded_term(t);
}

bool adjacent(std::string_view text, const text::Token& a, const text::Token& b) {
  if (a.is_code || b.is_code || b.pos != a.pos + 1 || b.start < a.end || b.start > text.size())
    return false;
  return text.substr(a.end, b.start - a.end).find_first_of(".;:!?\n()[]\"") ==
         std::string_view::npos;
}

std::string bigram_key(const text::Token& a, const text::Token& b) {
  std::string key;
  key.reserve(a.folded.size() + 1 + b.folded.size());
  key.append(a.folded).append(" ").append(b.folded);
  return key;
}

std::string bigram_term(const text::Token& a, const text::Token& b) {
  std::string t;
  t.reserve(kFoldedBigram.size() + a.folded.size() + 1 + b.folded.size());
  t.append(kFoldedBigram).append(a.folded).append(" ").append(b.folded);
  return t;
}

std::string parent_term(std::string_view parent) {
  const auto code = text::parse_code(parent);
  std::string t = term(kParent, code ? code->key : text::fold(parent));
  if (t.size() > kMaxTermBytes) t.resize(kMaxTermBytes);
  return t;
}

}  // namespace vankho::schema
