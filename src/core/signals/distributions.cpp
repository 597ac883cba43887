#include "core/signals/distributions.hpp"

#include <cmath>
#include <limits>

namespace vigil::core::signals {
namespace {

double Polynomial(const double* coefficients, int count, double x) {
  double value = 0;
  for (int idx = count - 1; idx >= 0; --idx) value = value * x + coefficients[idx];
  return value;
}

// P(X ≤ x) by summing the mass function from 0; `log_pmf(k)` gives log P(X = k).
template <typename LogPmf>
double CdfBySum(double x, LogPmf log_pmf) {
  if (x < 0) return 0;
  double total = 0;
  const auto last = static_cast<long>(std::floor(x + 1e-9));
  for (long k = 0; k <= last; ++k) total += std::exp(log_pmf(static_cast<double>(k)));
  return std::min(total, 1.0);
}

// The smallest integer x with cdf(x) ≥ p; R's q* functions allow a tiny tolerance for rounding.
template <typename LogPmf>
double QuantileBySum(double p, LogPmf log_pmf) {
  if (p <= 0) return 0;
  if (p >= 1) return std::numeric_limits<double>::infinity();
  double total = 0;
  for (long k = 0; k < 100'000'000; ++k) {
    total += std::exp(log_pmf(static_cast<double>(k)));
    if (total >= p * (1 - 64 * std::numeric_limits<double>::epsilon())) return static_cast<double>(k);
  }
  return std::numeric_limits<double>::infinity();
}

double RegularisedBeta(double x, double a, double b);

// Q(a, x) = Γ(a, x)/Γ(a), the upper regularised incomplete gamma function: a series for P below
// x < a + 1, a continued fraction (modified Lentz) for Q above.
double RegularisedGammaQ(double a, double x) {
  if (x <= 0) return 1;
  const double log_front = a * std::log(x) - x - std::lgamma(a);
  if (x < a + 1) {
    double term = 1 / a;
    double sum = term;
    for (int n = 1; n < 1'000'000; ++n) {
      term *= x / (a + n);
      sum += term;
      if (term < sum * 1e-16) break;
    }
    return 1 - sum * std::exp(log_front);
  }
  constexpr double kTiny = 1e-300;
  double b = x + 1 - a;
  double c = 1 / kTiny;
  double d = 1 / b;
  double h = d;
  for (int n = 1; n < 1'000'000; ++n) {
    const double an = -n * (n - a);
    b += 2;
    d = an * d + b;
    if (std::abs(d) < kTiny) d = kTiny;
    c = b + an / c;
    if (std::abs(c) < kTiny) c = kTiny;
    d = 1 / d;
    const double step = d * c;
    h *= step;
    if (std::abs(step - 1) < 1e-16) break;
  }
  return std::exp(log_front) * h;
}

// Above this mean, summing the mass function from 0 is too slow (R's q* functions search from a
// Cornish–Fisher start instead); Vigil does the same.
constexpr double kLargeMean = 1e5;

// Cornish–Fisher start: mean + sd·(z + γ(z² − 1)/6), γ the skewness.
double CornishFisher(double p, double mean, double sd, double skewness) {
  const double z = NormalQuantile(p);
  return mean + sd * (z + skewness * (z * z - 1) / 6);
}

// The smallest integer x ≥ 0 with cdf(x) ≥ p, searched outwards from `start` (galloping, then
// bisection): O(log distance) evaluations of `cdf`.
template <typename Cdf>
double QuantileBySearch(double p, double start, Cdf cdf) {
  const double target = p * (1 - 64 * std::numeric_limits<double>::epsilon());
  double x = std::max(0.0, std::floor(start));
  double low = 0;
  double high = 0;
  if (cdf(x) >= target) {
    high = x;
    double step = 1;
    low = std::max(-1.0, x - step);
    while (low >= 0 && cdf(low) >= target) {
      high = low;
      step *= 2;
      low = std::max(-1.0, high - step);
    }
  } else {
    low = x;
    double step = 1;
    high = x + step;
    while (cdf(high) < target) {
      low = high;
      step *= 2;
      high = low + step;
    }
  }
  while (high - low > 1) {  // cdf(low) < target ≤ cdf(high); low may be −1
    const double mid = std::floor((low + high) / 2);
    if (cdf(mid) >= target) {
      high = mid;
    } else {
      low = mid;
    }
  }
  return high;
}

double NegBinomialLogPmf(double k, double size, double prob) {
  return std::lgamma(k + size) - std::lgamma(size) - std::lgamma(k + 1) + size * std::log(prob) +
         k * std::log1p(-prob);
}

}  // namespace

double NormalQuantile(double p) {
  // AS 241 (Wichura 1988), PPND16.
  static const double a[] = {3.3871328727963666080e0, 1.3314166789178437745e2, 1.9715909503065514427e3,
                             1.3731693765509461125e4, 4.5921953931549871457e4, 6.7265770927008700853e4,
                             3.3430575583588128105e4, 2.5090809287301226727e3};
  static const double b[] = {1.0, 4.2313330701600911252e1, 6.8718700749205790830e2, 5.3941960214247511077e3,
                             2.1213794301586595867e4, 3.9307895800092710610e4, 2.8729085735721942674e4,
                             5.2264952788528545610e3};
  static const double c[] = {1.42343711074968357734e0, 4.63033784615654529590e0, 5.76949722146069140550e0,
                             3.64784832476320460504e0, 1.27045825245236838258e0, 2.41780725177450611770e-1,
                             2.27238449892691845833e-2, 7.74545014278341407640e-4};
  static const double d[] = {1.0, 2.05319162663775882187e0, 1.67638483018380384940e0, 6.89767334985100004550e-1,
                             1.48103976427480074590e-1, 1.51986665636164571966e-2, 5.47593808499534494600e-4,
                             1.05075007164441684324e-9};
  static const double e[] = {6.65790464350110377720e0, 5.46378491116411436990e0, 1.78482653991729133580e0,
                             2.96560571828504891230e-1, 2.65321895265761230930e-2, 1.24266094738807843860e-3,
                             2.71155556874348757815e-5, 2.01033439929228813265e-7};
  static const double f[] = {1.0, 5.99832206555887937690e-1, 1.36929880922735805310e-1, 1.48753612908506148525e-2,
                             7.86869131145613259100e-4, 1.84631831751005468180e-5, 1.42151175831644588870e-7,
                             2.04426310338993978564e-15};
  if (!(p > 0 && p < 1)) return p == 0 ? -INFINITY : (p == 1 ? INFINITY : NAN);
  const double q = p - 0.5;
  if (std::fabs(q) <= 0.425) {
    const double r = 0.180625 - q * q;
    return q * Polynomial(a, 8, r) / Polynomial(b, 8, r);
  }
  double r = q < 0 ? p : 1 - p;
  r = std::sqrt(-std::log(r));
  double value = r <= 5 ? Polynomial(c, 8, r - 1.6) / Polynomial(d, 8, r - 1.6)
                        : Polynomial(e, 8, r - 5) / Polynomial(f, 8, r - 5);
  return q < 0 ? -value : value;
}

double NormalCdf(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }

double NegBinomialCdf(double x, double size, double prob) {
  const double mean = size * (1 - prob) / prob;
  if (mean > kLargeMean || x > kLargeMean) {
    // P(X ≤ x) = I_prob(size, ⌊x⌋ + 1), the regularised incomplete beta function.
    return x < 0 ? 0 : RegularisedBeta(prob, size, std::floor(x + 1e-9) + 1);
  }
  return CdfBySum(x, [&](double k) { return NegBinomialLogPmf(k, size, prob); });
}

double NegBinomialQuantile(double p, double size, double prob) {
  const double mean = size * (1 - prob) / prob;
  if (mean > kLargeMean && p > 0 && p < 1) {
    const double sd = std::sqrt(mean / prob);
    const double skewness = (2 - prob) / std::sqrt(size * (1 - prob));
    return QuantileBySearch(p, CornishFisher(p, mean, sd, skewness),
                            [&](double x) { return NegBinomialCdf(x, size, prob); });
  }
  return QuantileBySum(p, [&](double k) { return NegBinomialLogPmf(k, size, prob); });
}

double PoissonCdf(double x, double mean) {
  if (mean > kLargeMean || x > kLargeMean) {
    // P(X ≤ x) = Q(⌊x⌋ + 1, mean).
    return x < 0 ? 0 : RegularisedGammaQ(std::floor(x + 1e-9) + 1, mean);
  }
  return CdfBySum(x, [&](double k) { return k * std::log(mean) - mean - std::lgamma(k + 1); });
}

double PoissonQuantile(double p, double mean) {
  if (mean > kLargeMean && p > 0 && p < 1) {
    return QuantileBySearch(p, CornishFisher(p, mean, std::sqrt(mean), 1 / std::sqrt(mean)),
                            [&](double x) { return PoissonCdf(x, mean); });
  }
  return QuantileBySum(p, [&](double k) { return k * std::log(mean) - mean - std::lgamma(k + 1); });
}

namespace {

// Continued fraction for the regularised incomplete beta function (modified Lentz method).
double BetaContinuedFraction(double x, double a, double b) {
  constexpr double kTiny = 1e-300;
  constexpr double kTolerance = 1e-15;
  double c = 1;
  double d = 1 - (a + b) * x / (a + 1);
  if (std::abs(d) < kTiny) d = kTiny;
  d = 1 / d;
  double result = d;
  for (int m = 1; m <= 1'000'000; ++m) {
    const double even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
    d = 1 + even * d;
    if (std::abs(d) < kTiny) d = kTiny;
    c = 1 + even / c;
    if (std::abs(c) < kTiny) c = kTiny;
    d = 1 / d;
    result *= d * c;
    const double odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 + odd * d;
    if (std::abs(d) < kTiny) d = kTiny;
    c = 1 + odd / c;
    if (std::abs(c) < kTiny) c = kTiny;
    d = 1 / d;
    const double step = d * c;
    result *= step;
    if (std::abs(step - 1) < kTolerance) break;
  }
  return result;
}

double RegularisedBeta(double x, double a, double b) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const double log_front = std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) +
                           b * std::log1p(-x);
  if (x < (a + 1) / (a + b + 2)) return std::exp(log_front) * BetaContinuedFraction(x, a, b) / a;
  return 1 - std::exp(log_front) * BetaContinuedFraction(1 - x, b, a) / b;
}

}  // namespace

double StudentTwoSidedP(double t, double df) {
  if (std::isnan(t) || std::isnan(df) || df <= 0) return std::numeric_limits<double>::quiet_NaN();
  if (std::isinf(t)) return 0;
  return RegularisedBeta(df / (df + t * t), df / 2, 0.5);
}

}  // namespace vigil::core::signals
