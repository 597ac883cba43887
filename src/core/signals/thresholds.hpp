// The threshold step of the Farrington family of detectors (R surveillance's
// algo.farrington.threshold and farringtonFlexible), given a fitted prediction: an interval, the
// upper-tail probability of the observed count, and the exceedance score (alarm when > 1).
// Specification: shared/reference/early-warning.md §3.2; reference values R2–R4 (§3.7).
#pragma once

#include <vector>

namespace vigil::core::signals {

struct Threshold {
  double lower = 0;
  double upper = 0;
  double p = 0;      // P(Y ≥ y) under the prediction (upper tail)
  double score = 0;  // exceedance score (y − centre) / (upper − centre)
};

enum class PowerTransform { kNone, kSquareRoot, kTwoThirds };

// Farrington (1996) "delta": prediction mu0 with standard error se_fit (response scale),
// dispersion phi ≥ 1, one-sided level alpha, observed count y.
[[nodiscard]] Threshold FarringtonDeltaThreshold(double mu0, double se_fit, double phi, double alpha,
                                                 double y, PowerTransform transform);

enum class NoufailyMethod { kNbPlugin, kMuan };

// Noufaily (2013): linear predictor eta0 = log(mu0) with standard error se_eta; negative binomial
// (Poisson when phi = 1) quantiles. "muan" replaces mu0 by exp(eta0 + z·se_eta). As in R, the
// score is computed with eta0 in place of mu0 (alarms are unaffected).
[[nodiscard]] Threshold NoufailyThreshold(double eta0, double se_eta, double phi, double alpha, double y,
                                          NoufailyMethod method);

// Reweighting weights from Anscombe residuals `s`: gamma·s⁻² above `threshold`, gamma below,
// with gamma making the weights average 1.
[[nodiscard]] std::vector<double> ReweightingWeights(const std::vector<double>& s, double threshold);

}  // namespace vigil::core::signals
