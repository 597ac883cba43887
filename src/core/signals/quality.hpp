// How well a detector's alarms match labelled outbreak weeks, with the definitions of R
// surveillance's algo.quality (one series) and algo.summary (pooled over series), and the cyclic
// enlargement the surveillance vignette uses to evaluate short labelled series.
#pragma once

#include <vector>

#include "core/common/error.hpp"

namespace vigil::core::signals {

// Week-level confusion counts and the scores derived from them. A rate whose denominator is 0 is
// NaN, as in R (e.g. sens on a series without outbreak weeks).
struct Quality {
  int tp = 0;  // outbreak week with an alarm
  int fp = 0;  // quiet week with an alarm
  int tn = 0;
  int fn = 0;
  double sens = 0;  // tp / (tp + fn)
  double spec = 0;  // tn / (tn + fp)
  double dist = 0;  // sqrt((1 − spec)² + (1 − sens)²): distance to the ideal detector
  double mlag = 0;  // mean detection delay in weeks (see ComputeQuality); 0 without outbreaks
};

// Scores `alarm` against `state` (true = week inside a known outbreak), both over the evaluated
// range only. Each outbreak starts at the first week of a run of state weeks; its delay is the
// number of weeks from that start to the first alarm, looking at the start and the `penalty`
// weeks after it but never at or past the next outbreak start; no alarm there counts `penalty`.
// mlag averages the delays over the outbreaks. `missing` (empty, or one per week) marks weeks
// whose alarm R would give as NA (no bound could be computed): as in algo.quality they are left
// out of TP/FP/TN/FN and count as no alarm for the delay. Errors (kInvalidArgument): sizes
// differ, or penalty < 0.
[[nodiscard]] Result<Quality> ComputeQuality(const std::vector<bool>& state, const std::vector<bool>& alarm,
                                             int penalty = 20, const std::vector<bool>& missing = {});

// Pools per-series results as algo.summary does: the counts are summed and sens, spec and dist
// recomputed from the sums, while mlag is the plain mean of the per-series mlag values (each series
// weighs the same, whatever its number of outbreaks). An empty input gives all-zero counts and NaN
// rates and mlag.
[[nodiscard]] Quality PoolQuality(const std::vector<Quality>& per_series);

// R's enlargeData from the surveillance vignette: `times` copies of values[from..to] (1-based,
// inclusive) followed by the whole of `values`, so a detector that needs years of history can be
// evaluated on every original week. Errors (kInvalidArgument): from < 1, to < from,
// to > values.size(), or times < 0.
template <typename T>
[[nodiscard]] Result<std::vector<T>> EnlargeData(const std::vector<T>& values, int from, int to, int times);

// The evaluation protocol of the surveillance vignette for one labelled series: the first
// `years`·`frequency` weeks copied `times` times in front (vignette: 4·52 weeks, twice), and the
// evaluated range (1-based, inclusive) covering exactly the original weeks.
struct EnlargedSeries {
  std::vector<double> observed;
  std::vector<bool> state;
  int range_from = 0;
  int range_to = 0;
};

// Errors (kInvalidArgument): sizes differ, or the series is shorter than years·frequency weeks.
[[nodiscard]] Result<EnlargedSeries> EnlargeForEvaluation(const std::vector<double>& observed,
                                                          const std::vector<bool>& state, int frequency = 52,
                                                          int years = 4, int times = 2);

}  // namespace vigil::core::signals
