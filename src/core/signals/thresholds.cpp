#include "core/signals/thresholds.hpp"

#include <algorithm>
#include <cmath>

#include "core/signals/distributions.hpp"

namespace vigil::core::signals {

Threshold FarringtonDeltaThreshold(double mu0, double se_fit, double phi, double alpha, double y,
                                   PowerTransform transform) {
  const double tau = phi + se_fit * se_fit / mu0;
  double exponent = 1;
  double sd = std::sqrt(mu0 * tau);
  if (transform == PowerTransform::kSquareRoot) {
    exponent = 0.5;
    sd = std::sqrt(tau / 4);
  } else if (transform == PowerTransform::kTwoThirds) {
    exponent = 2.0 / 3.0;
    sd = std::sqrt(4.0 / 9.0 * std::pow(mu0, 1.0 / 3.0) * tau);
  }
  const double z = NormalQuantile(1 - alpha);
  const double centre = std::pow(mu0, exponent);
  Threshold threshold;
  threshold.lower = std::pow(std::max(0.0, centre - z * sd), 1 / exponent);
  threshold.upper = std::pow(centre + z * sd, 1 / exponent);
  threshold.p = 1 - NormalCdf((std::pow(y, exponent) - centre) / sd);
  threshold.score = (y - mu0) / (threshold.upper - mu0);
  return threshold;
}

Threshold NoufailyThreshold(double eta0, double se_eta, double phi, double alpha, double y,
                            NoufailyMethod method) {
  const double z = NormalQuantile(1 - alpha);
  const double mu = method == NoufailyMethod::kMuan ? std::exp(eta0 + z * se_eta) : std::exp(eta0);
  Threshold threshold;
  if (phi > 1) {
    const double size = mu / (phi - 1);
    const double prob = 1 / phi;
    threshold.lower = NegBinomialQuantile(alpha, size, prob);
    threshold.upper = NegBinomialQuantile(1 - alpha, size, prob);
    threshold.p = 1 - NegBinomialCdf(y - 1, size, prob);
  } else {
    threshold.lower = PoissonQuantile(alpha, mu);
    threshold.upper = PoissonQuantile(1 - alpha, mu);
    threshold.p = 1 - PoissonCdf(y - 1, mu);
  }
  threshold.score = (y - eta0) / (threshold.upper - eta0);
  return threshold;
}

std::vector<double> ReweightingWeights(const std::vector<double>& s, double threshold) {
  std::vector<double> weights(s.size());
  double sum = 0;
  for (std::size_t idx = 0; idx < s.size(); ++idx) {
    weights[idx] = s[idx] > threshold ? 1 / (s[idx] * s[idx]) : 1;
    sum += weights[idx];
  }
  const double gamma = static_cast<double>(s.size()) / sum;
  for (double& weight : weights) weight *= gamma;
  return weights;
}

}  // namespace vigil::core::signals
