#include "fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "letters.h"
#include "spelling.h"
#include "utf8.h"

namespace vankho::text {
namespace {

// Letters outside the Vietnamese table: strip marks through ICU's decomposition, then fold case.
void append_other_folded(std::string& out, char32_t cp) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString decomposition;
  if (U_SUCCESS(status) && nfd->getDecomposition(static_cast<UChar32>(cp), decomposition)) {
    for (int32_t i = 0; i < decomposition.length(); i = decomposition.moveIndex32(i, 1)) {
      const UChar32 c = decomposition.char32At(i);
      if (u_getCombiningClass(c) == 0) append_utf8(out, static_cast<char32_t>(u_foldCase(c, 0)));
    }
    return;
  }
  append_utf8(out, static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp), 0)));
}

}  // namespace

void append_fold(std::string& out, std::string_view text) {
  size_t word = out.size();  // where the word being written starts in `out`
  // A word ends: its folded spelling made canonical (spelling.h), as the tokens of it are.
  auto end_word = [&] {
    if (out.size() - word >= 2 && out.size() - word <= 3) {
      std::string w = out.substr(word);
      canonical_folded_spelling(w);
      out.back() = w.back();
    }
  };
  for (size_t pos = 0; pos < text.size();) {
    const auto c = static_cast<unsigned char>(text[pos]);
    if (c < 0x80) {  // ASCII fast path
      const bool in_word = ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9');
      if (!in_word) end_word();
      out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
      if (!in_word) word = out.size();
      ++pos;
      continue;
    }
    const CodePoint cp = next_code_point(text, pos);
    pos += cp.length;
    const CharInfo info = char_info(cp.value);
    if (info.kind == CharKind::kCombining || info.kind == CharKind::kIgnorable) continue;
    if (info.kind == CharKind::kLetter && info.vietnamese) {
      out.push_back(info.letter.base == kDStroke ? 'd' : static_cast<char>(info.letter.base));
    } else if (info.kind == CharKind::kLetter) {
      append_other_folded(out, cp.value);
    } else {
      end_word();
      append_utf8(out, cp.value);
      word = out.size();
    }
  }
  end_word();
}

std::string fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_fold(out, text);
  return out;
}

}  // namespace vankho::text
