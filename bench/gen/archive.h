// What vankho_gen remembers while it writes an archive: each issuer's numbering (restarting with
// every term), the committees' terms and the people who sign, and the documents issued so far, so
// that a new document cites only documents written before it (mostly its own province's recent
// ones, some central ones).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "rng.h"
#include "tables.h"

namespace vankho::gen {

inline constexpr int kCentral = -1;  // the issuer "province" of central documents

// A document later ones may cite.
struct IssuedRef {
  std::string code;             // "13-NQ/TU"
  std::string_view kind_label;  // "Nghị quyết" (static text)
  std::string_view body;        // "Ban Thường vụ Tỉnh ủy" (static text)
  std::string subject;          // "về ...", or ""
  int day = 0;                  // days since 1970-01-01
};

struct Signers {
  std::string secretary, standing_deputy, deputy;  // Bí thư, Phó Bí thư Thường trực, Phó Bí thư
};

class Archive {
 public:
  explicit Archive(uint64_t seed);

  // Terms (khóa): a province's committee is elected in October 2015, 2020 and 2025, the Central
  // Committee in January 2016, 2021 and 2026. term() is 0, 1, 2, ... from the first of these.
  [[nodiscard]] static int term(int province, int day);
  // The term's roman number for the province (XIV..XXI) or the centre (XII..XIV).
  [[nodiscard]] static int khoa(int province, int term);
  // The years of a term: 2015 - 2020 (provinces), 2016 - 2021 (centre) for term 0.
  [[nodiscard]] static int term_start_year(int province, int term);

  // The next own number of (issuer, code letters, term): 1, 2, ... (central documents start
  // above the real ones tables.h lists).
  int next_number(int province, std::string_view letters, int term);
  // The committee's leaders in a term, the same for every document of it.
  [[nodiscard]] const Signers& signers(int province, int term);

  void add(int province, IssuedRef ref);
  // Up to `n` distinct documents dated on or before `day` to cite: about 70 % the province's own
  // (recent ones far more often), the rest central ones (tables.h's real ones and generated ones).
  [[nodiscard]] std::vector<const IssuedRef*> cite(Rng& rng, int province, int day, size_t n);

 private:
  const IssuedRef* draw(Rng& rng, const std::vector<IssuedRef>& pool);

  uint64_t seed_;
  std::map<std::string, int> numbers_;
  std::map<int, Signers> signers_;
  std::vector<std::vector<IssuedRef>>
      by_province_;  // 63 provinces, then the generated central ones
  std::vector<IssuedRef> real_central_;
};

}  // namespace vankho::gen
