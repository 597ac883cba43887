// A quasi-Poisson log-link GLM fitted by iteratively reweighted least squares, following the
// steps of R's glm.fit (start at y + 0.1, deviance convergence |Δdev|/(|dev| + 0.1) < 1e-8,
// at most 25 iterations, step halving on invalid fits, means floored at the machine epsilon) so
// that the Farrington detectors agree with R's surveillance package to ~1e-9. Each step solves
// the weighted normal equations by Cholesky over the design's non-zero entries (the R factor is
// the same as that of glm.fit's QR, up to signs). Like glm.fit, the working weights and the
// factor kept with the fit are those of the last iteration's least-squares step.
#pragma once

#include <optional>
#include <vector>

namespace vigil::core::signals {

// R's inverse log link: exp(η) floored at the machine epsilon (2.2e-16), so that fitted means
// and response-scale predictions never reach 0.
[[nodiscard]] double InverseLink(double eta);

struct GlmInput {
  int columns = 0;                 // p
  std::vector<double> design;      // n × p, row-major; column 0 is usually the intercept
  std::vector<double> response;    // y ≥ 0, n values
  std::vector<double> prior_weights;  // empty = all 1
  std::vector<double> offset;         // empty = all 0
};

struct GlmFit {
  bool converged = false;
  int iterations = 0;
  int columns = 0;
  std::vector<double> coefficients;
  std::vector<double> fitted;          // μ
  std::vector<double> working_weights; // prior weight · μ (of the last least-squares step)
  std::vector<double> r;               // p × p upper-triangular R with RᵀR = XᵀWX, row-major
  int df_residual = 0;
};

// Fits the model. Returns nullopt when the design is rank deficient (R would drop a column; the
// detectors never build such designs on purpose, and treat it as a failed fit).
[[nodiscard]] std::optional<GlmFit> FitQuasiPoisson(const GlmInput& input);

// summary.glm's dispersion: Σ w_i·((y_i − μ_i)/μ_i)² / df over the rows with w_i > 0, where w
// are the fit's working weights, or `weights` when given (farringtonFlexible replaces the model's
// weights by the prior weights before it asks for this — a quirk the detectors reproduce).
[[nodiscard]] double SummaryDispersion(const GlmInput& input, const GlmFit& fit,
                                       const std::vector<double>* weights = nullptr);

// Hat values diag(√W X (XᵀWX)⁻¹ Xᵀ √W) with the fit's working weights.
[[nodiscard]] std::vector<double> HatValues(const GlmInput& input, const GlmFit& fit);

// xᵀ(XᵀWX)⁻¹x: the unscaled variance of the linear predictor at x.
[[nodiscard]] double UnscaledVariance(const GlmFit& fit, const std::vector<double>& x);

// The unscaled variance of coefficient j ((XᵀWX)⁻¹_jj).
[[nodiscard]] double UnscaledCoefficientVariance(const GlmFit& fit, int j);

}  // namespace vigil::core::signals
