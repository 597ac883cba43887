// The Farrington family of outbreak detectors, as R surveillance 1.20.3 implements them:
// `algo.farrington` (Farrington et al. 1996) and `farringtonFlexible` (with the Noufaily et al.
// 2013 improvements when asked). Time points are positions 1..n (R's sts without dates).
// Specification: shared/reference/early-warning.md §3.2; docs/warn.md lists where Vigil departs
// from R on purpose.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/common/error.hpp"
#include "core/signals/thresholds.hpp"

namespace vigil::core::signals {

struct RangeOption {
  int from = 0;  // 1-based, inclusive
  int to = 0;
};

struct Limit54 {
  double cases = 5;  // at least this many cases …
  int periods = 4;   // … in the last this many periods, counting the current one
};

struct FarringtonPoint {
  int index = 0;  // 1-based
  double observed = 0;
  std::optional<double> expected;
  std::optional<double> upper;
  bool alarm = false;
  std::optional<double> score;
  bool trend = false;     // the fitted model kept its time trend
  bool fitted = true;     // false when no model could be fitted (R gives NA)
  bool enough_cases = true;  // limit54 satisfied
  bool short_reference = false;  // fewer reference values than b·(2w + 1): the series starts too late
};

// algo.farrington's control list (verbose, plot and fitFun left out).
struct FarringtonOptions {
  std::optional<RangeOption> range;  // default (freq·b − w) … n
  int b = 5;
  int w = 3;
  bool reweight = true;
  double alpha = 0.05;  // R applies it two-sided (qnorm(1 − α/2)); kept for parity
  bool trend = true;
  Limit54 limit54;
  PowerTransform powertrans = PowerTransform::kTwoThirds;
};

enum class ThresholdMethod { kDelta, kNbPlugin, kMuan };

// farringtonFlexible's control list (verbose and glmWarnings left out).
struct FlexibleOptions {
  std::optional<RangeOption> range;  // default (freq·b + w + 1) … n
  int b = 5;
  int w = 3;
  bool reweight = true;
  double weights_threshold = 2.58;
  double alpha = 0.05;  // one-sided
  bool trend = true;
  double p_threshold_trend = 0.05;
  Limit54 limit54;
  PowerTransform powertrans = PowerTransform::kTwoThirds;
  bool population_offset = false;
  int no_periods = 1;
  std::optional<int> past_weeks_not_included;  // default w
  ThresholdMethod threshold_method = ThresholdMethod::kDelta;
};

// Errors (kInvalidArgument) name the problem: a range outside 1..n, or a series too short for
// b years of reference data at the first point of the range.
[[nodiscard]] Result<std::vector<FarringtonPoint>> DetectFarrington(const std::vector<double>& observed,
                                                                    int frequency,
                                                                    const FarringtonOptions& options);

// `population` may be empty unless options.population_offset is set.
[[nodiscard]] Result<std::vector<FarringtonPoint>> DetectFlexible(const std::vector<double>& observed,
                                                                  const std::vector<double>& population,
                                                                  int frequency, const FlexibleOptions& options);

}  // namespace vigil::core::signals
