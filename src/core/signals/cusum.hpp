// A Poisson CUSUM (upper, one-sided) and the two plain rules for manually reported indicators:
// a fixed threshold and a rate of change. Same output shape as the other detectors.
#pragma once

#include <vector>

#include "core/signals/ears.hpp"

namespace vigil::core::signals {

// S_t = max(0, S_{t−1} + y_t − k); alarm when S_t > h, then S restarts at 0. `upper` is the count
// that would make S_t exceed h; `score` is S_t / h. REQUIRES: h > 0.
[[nodiscard]] std::vector<DetectorPoint> DetectPoissonCusum(const std::vector<double>& counts, double k,
                                                           double h);

// Alarm when y_t > threshold.
[[nodiscard]] std::vector<DetectorPoint> DetectThreshold(const std::vector<double>& counts, double threshold);

// Alarm when y_t exceeds the previous value by more than `rate` (0.5 = +50 %); a rise from 0 to
// any positive count alarms. The first point is not tested.
[[nodiscard]] std::vector<DetectorPoint> DetectRateOfChange(const std::vector<double>& counts, double rate);

// Ratio to baseline, for demand-side surges: expected = mean of the previous `baseline` periods;
// alarm when y_t > ratio × expected and y_t ≥ min_count (a rise from a zero baseline alarms once
// y_t ≥ min_count). `score` is y_t / expected (0 when expected is 0). The first `baseline`
// points are not tested. REQUIRES: baseline ≥ 1, ratio > 0.
[[nodiscard]] std::vector<DetectorPoint> DetectRatioToBaseline(const std::vector<double>& counts, int baseline,
                                                               double ratio, double min_count);

}  // namespace vigil::core::signals
