// A posting source that both filters and ranks by period: it matches documents whose covered days
// (schema kSlotPeriod) overlap the asked range, weighted by how closely they fit (overlap / union),
// so that `quý I năm 2025` puts the programme for that quarter above the programme for the year.
#pragma once

#include <xapian.h>

namespace vankho::query {

class PeriodSource : public Xapian::ValuePostingSource {
 public:
  PeriodSource(int from, int to, double max_weight);

  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool check(Xapian::docid did, double min_wt) override;
  double get_weight() const override;
  PeriodSource* clone() const override;
  void init(const Xapian::Database& db) override;
  std::string get_description() const override;

 private:
  bool current_overlaps() const;
  void skip_non_overlapping(double min_wt);

  int from_, to_;
  double max_weight_;
};

// The fit of a document's days [a, b] to the asked [from, to]: 0 (disjoint) .. 1 (the same).
[[nodiscard]] double period_fit(int a, int b, int from, int to);

}  // namespace vankho::query
