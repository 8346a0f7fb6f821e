// One generated directive: the plan (plan.h) written out as the seeds are laid out — header
// (issuing committee, `*`, own number, classification stamp, draft mark, `ĐẢNG CỘNG SẢN VIỆT NAM`,
// place and date), title (type in capitals, subject line), body (body.h), closing sentence,
// recipients (`Nơi nhận:`) and signature (`T/M BAN THƯỜNG VỤ` / `BÍ THƯ` / name) — and entered
// into the archive for later documents to cite.
#pragma once

#include <string>
#include <vector>

#include "archive.h"
#include "bigram_model.h"
#include "plan.h"
#include "themes.h"

namespace vankho::gen {

struct Generated {
  Plan plan;
  std::string text;
  std::string sample;  // one sentence of its running text
};

// Document `index` (0-based) of an archive of `count`.
[[nodiscard]] Generated compose(size_t index, size_t count, Rng& rng, Archive& archive,
                                const BigramModel& model, const std::vector<GenTheme>& themes);

}  // namespace vankho::gen
