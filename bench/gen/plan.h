// The plan of one generated document: who issues it, when, its type, own number and term, who
// signs it, what it is about (themes), its title and the period it covers, what it cites and how
// long it is. Everything the text states and the query mixes draw on; document.h writes it out.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "archive.h"
#include "calendar.h"
#include "rng.h"
#include "tables.h"
#include "themes.h"

namespace vankho::gen {

struct Plan {
  size_t index = 0;
  int province = kCentral;  // index into provinces(), or kCentral
  const DocKind* kind = nullptr;
  int day = 0;  // days since 1970-01-01
  Civil date;
  int term = 0, khoa = 0;
  std::string code;  // own number "13-NQ/TU"; "" for a draft
  bool draft = false;
  std::string_view stamp;      // "", "MẬT" or "LƯU HÀNH NỘI BỘ"
  std::string_view committee;  // "Tỉnh ủy", "Thành ủy"; "Trung ương" for central documents
  std::string_view body;       // the issuer as the text names it: "Ban Thường vụ Tỉnh ủy"
  std::string organ_line;      // "TỈNH ỦY HẬU GIANG"
  std::string place;           // of the place-date line: "Hậu Giang"
  std::string on_behalf;       // after T/M: "BAN THƯỜNG VỤ"
  std::string signer_title, signer_name;
  size_t theme = 0, theme2 = 0;  // indices into the themes
  std::string phrase, phrase2;   // a phrase of each, the document's subject words
  std::string heading;           // the type line in capitals: "CHƯƠNG TRÌNH HÀNH ĐỘNG"
  std::string subject;           // the title's next line: "công tác quý I năm 2025 của ..."
  std::string period;            // the period the title names ("quý I năm 2025"), or ""
  std::vector<IssuedRef>
      cites;  // copies (the archive grows); cites[0] is in the title when title_cites
  bool title_cites = false;
  size_t target_bytes = 0;
};

// The date of document `index` of `count`: from January 2016 to September 2025, in order, so
// that a document cites only documents written before it.
[[nodiscard]] int day_of(size_t index, size_t count);

// Plans document `index` of `count`; draws its citations from (but does not add it to) `archive`.
[[nodiscard]] Plan make_plan(size_t index, size_t count, Rng& rng, Archive& archive,
                             const std::vector<GenTheme>& themes);

// "Nghị quyết số 13-NQ/TU ngày 05/3/2021 của Ban Thường vụ Tỉnh ủy về ..." in one of the ways
// directives write it (`with_subject`: the cited document's subject follows when it has one).
[[nodiscard]] std::string citation_text(Rng& rng, const IssuedRef& ref, bool with_subject);

}  // namespace vankho::gen
