// Distribution functions the detectors need, written to match R's (qnorm, pnorm, qpois, ppois,
// qnbinom, pnbinom) closely enough for parity tests at 1e-7.
#pragma once

namespace vigil::core::signals {

// Φ⁻¹(p) for 0 < p < 1 (Wichura's AS 241, about 1e-16 relative accuracy).
[[nodiscard]] double NormalQuantile(double p);
// Φ(x).
[[nodiscard]] double NormalCdf(double x);

// P(X ≤ x) for a negative binomial with R's (size, prob) parameters: mean size·(1−prob)/prob.
[[nodiscard]] double NegBinomialCdf(double x, double size, double prob);
// The smallest integer x with P(X ≤ x) ≥ p (R's qnbinom).
[[nodiscard]] double NegBinomialQuantile(double p, double size, double prob);
// Poisson with mean `mean`: the same two functions.
[[nodiscard]] double PoissonCdf(double x, double mean);
[[nodiscard]] double PoissonQuantile(double p, double mean);

// Two-sided p-value of a t statistic with `df` degrees of freedom: 2·P(T > |t|) (R's
// 2 * pt(-abs(t), df)), via the regularised incomplete beta function.
[[nodiscard]] double StudentTwoSidedP(double t, double df);

}  // namespace vigil::core::signals
