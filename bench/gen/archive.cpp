#include "archive.h"

#include <algorithm>

#include "calendar.h"

namespace vankho::gen {
namespace {

constexpr size_t kProvinces = 63;
constexpr size_t kRecent = 40;  // "recent": among the last this many of a pool

std::string person(Rng& rng) {
  std::string name(rng.pick(surnames()));
  name.append(" ").append(rng.pick(middle_names())).append(" ").append(rng.pick(given_names()));
  return name;
}

}  // namespace

Archive::Archive(uint64_t seed) : seed_(seed), by_province_(kProvinces + 1) {
  for (const CentralDocument& c : central_documents()) {
    real_central_.push_back({std::string(c.code), c.kind_label, c.body, std::string(c.subject),
                             days_from_civil(c.year, c.month, c.day)});
  }
  std::stable_sort(real_central_.begin(), real_central_.end(),
                   [](const IssuedRef& a, const IssuedRef& b) { return a.day < b.day; });
}

int Archive::term(int province, int day) {
  const int first =
      province == kCentral ? days_from_civil(2021, 1, 31) : days_from_civil(2020, 10, 15);
  const int second =
      province == kCentral ? days_from_civil(2026, 1, 23) : days_from_civil(2025, 10, 15);
  return day < first ? 0 : day < second ? 1 : 2;
}

int Archive::khoa(int province, int term) {
  return province == kCentral ? 12 + term : 14 + province % 6 + term;
}

int Archive::term_start_year(int province, int term) {
  return (province == kCentral ? 2016 : 2015) + 5 * term;
}

int Archive::next_number(int province, std::string_view letters, int term) {
  const std::string key =
      std::to_string(province) + "/" + std::string(letters) + "/" + std::to_string(term);
  int& n = numbers_[key];
  if (n == 0 && province == kCentral) n = 200;  // above the real central numbers
  return ++n;
}

const Signers& Archive::signers(int province, int term) {
  const int key = (province + 1) * 8 + term;
  auto it = signers_.find(key);
  if (it == signers_.end()) {
    // Drawn from their own stream, so that they do not depend on the order documents ask.
    Rng rng(Rng::derive(seed_, "signers/" + std::to_string(key)));
    Signers s;
    s.secretary = person(rng);
    s.standing_deputy = person(rng);
    s.deputy = person(rng);
    it = signers_.emplace(key, std::move(s)).first;
  }
  return it->second;
}

void Archive::add(int province, IssuedRef ref) {
  by_province_[province == kCentral ? kProvinces : static_cast<size_t>(province)].push_back(
      std::move(ref));
}

const IssuedRef* Archive::draw(Rng& rng, const std::vector<IssuedRef>& pool) {
  if (pool.empty()) return nullptr;
  if (rng.percent(75)) return &pool[pool.size() - 1 - rng.below(std::min(pool.size(), kRecent))];
  return &pool[rng.below(pool.size())];
}

std::vector<const IssuedRef*> Archive::cite(Rng& rng, int province, int day, size_t n) {
  std::vector<const IssuedRef*> out;
  size_t real = 0;  // real central documents already issued by `day`
  while (real < real_central_.size() && real_central_[real].day <= day) ++real;
  for (size_t tries = 0; out.size() < n && tries < 4 * n; ++tries) {
    const IssuedRef* ref = nullptr;
    if (province != kCentral && rng.percent(70)) {
      ref = draw(rng, by_province_[static_cast<size_t>(province)]);
    } else if (real > 0 && rng.percent(50)) {
      ref = &real_central_[real - 1 - rng.below(std::min(real, size_t{6}))];
    } else {
      ref = draw(rng, by_province_[kProvinces]);
    }
    if (ref && std::find(out.begin(), out.end(), ref) == out.end()) out.push_back(ref);
  }
  return out;
}

}  // namespace vankho::gen
