// Document codes (số hiệu) as atoms: Party `13-NQ/TW`, `4218-QĐ/TU`, `08-HD/UBKTTW` and State
// `07/2021/NĐ-CP`, `42/NQ-CP`, `45/2019/QH14`, in the spellings people write (`13 - NQ/TW`,
// `13–NQ/TW`, `13-nq/tw`, `13/NQ-TW`, Ð for Đ). Dates such as `02/4/2022` are not codes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace vankho::text {

enum class CodeFamily { kParty, kState };

struct DocCode {
  CodeFamily family = CodeFamily::kParty;
  std::string number;     // as written, digits: "08"
  std::string year;       // State codes with a year: "2021"; else empty
  std::string type;       // canonical upper case: "NQ", "QĐ", "CTr"; empty for `45/2019/QH14`
  std::string issuer;     // canonical: "TW", "TU", "CP", "QH14"
  std::string canonical;  // display form: "13-NQ/TW", "07/2021/NĐ-CP"
  std::string key;        // matching form: folded, number without leading zeros: "8-HD/UBKTTW"
};

struct CodeMatch {
  DocCode code;
  size_t end = 0;  // byte offset just past the code in the text
};

// Recognizes a code starting exactly at `pos` (a digit that does not continue a word or number).
[[nodiscard]] std::optional<CodeMatch> match_code_at(std::string_view text, size_t pos);

// Parses a whole string as a code (surrounding spaces allowed).
[[nodiscard]] std::optional<DocCode> parse_code(std::string_view text);

// Builds a code from parts, canonicalizing each (used when a query says `nghị quyết 13`).
[[nodiscard]] DocCode make_code(CodeFamily family, std::string_view number, std::string_view year,
                                std::string_view type, std::string_view issuer);

// The key of a type letter group: folded upper case ("QĐ" → "QD", "CTr" → "CTR").
[[nodiscard]] std::string code_part_key(std::string_view part);

}  // namespace vankho::text
