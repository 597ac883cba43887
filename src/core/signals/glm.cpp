#include "core/signals/glm.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>

namespace vigil::core::signals {
double InverseLink(double eta) {
  return std::max(std::exp(eta), std::numeric_limits<double>::epsilon());
}

namespace {

constexpr int kMaxIterations = 25;      // glm.control()$maxit
constexpr double kEpsilon = 1e-8;       // glm.control()$epsilon
constexpr double kRankTolerance = 1e-11;  // min(1e-7, epsilon / 1000), as glm.fit passes to its QR

double Deviance(const std::vector<double>& y, const std::vector<double>& mu, const std::vector<double>& wt) {
  double sum = 0;
  for (std::size_t i = 0; i < y.size(); ++i) {
    const double term = y[i] > 0 ? y[i] * std::log(y[i] / mu[i]) - (y[i] - mu[i]) : mu[i];
    sum += 2 * wt[i] * term;
  }
  return sum;
}

bool ValidMeans(const std::vector<double>& mu) {
  for (const double value : mu) {
    if (!std::isfinite(value) || value <= 0) return false;
  }
  return true;
}

// Householder QR of the n × p matrix `a` (row-major), applied to `b` as well. Leaves R in the
// upper triangle of a's first p rows and Qᵀb in b. False when a column is (numerically) dependent.
bool HouseholderQr(std::vector<double>& a, std::vector<double>& b, std::size_t n, std::size_t p) {
  std::vector<double> column_norm(p, 0);
  for (std::size_t j = 0; j < p; ++j) {
    for (std::size_t i = 0; i < n; ++i) column_norm[j] += a[i * p + j] * a[i * p + j];
    column_norm[j] = std::sqrt(column_norm[j]);
  }
  for (std::size_t k = 0; k < p; ++k) {
    double norm = 0;
    for (std::size_t i = k; i < n; ++i) norm += a[i * p + k] * a[i * p + k];
    norm = std::sqrt(norm);
    if (norm <= kRankTolerance * (column_norm[k] > 0 ? column_norm[k] : 1)) return false;
    const double alpha = a[k * p + k] > 0 ? -norm : norm;
    std::vector<double> v(n - k);
    for (std::size_t i = k; i < n; ++i) v[i - k] = a[i * p + k];
    v[0] -= alpha;
    double v_norm2 = 0;
    for (const double value : v) v_norm2 += value * value;
    if (v_norm2 == 0) continue;
    for (std::size_t j = k; j < p; ++j) {
      double dot = 0;
      for (std::size_t i = k; i < n; ++i) dot += v[i - k] * a[i * p + j];
      const double factor = 2 * dot / v_norm2;
      for (std::size_t i = k; i < n; ++i) a[i * p + j] -= factor * v[i - k];
    }
    double dot = 0;
    for (std::size_t i = k; i < n; ++i) dot += v[i - k] * b[i];
    const double factor = 2 * dot / v_norm2;
    for (std::size_t i = k; i < n; ++i) b[i] -= factor * v[i - k];
  }
  return true;
}

// Solves Rᵀu = x (forward substitution) and returns ‖u‖².
double SquaredNormOfRtSolve(const std::vector<double>& r, std::size_t p, const std::vector<double>& x) {
  std::vector<double> u(p);
  double sum = 0;
  for (std::size_t i = 0; i < p; ++i) {
    double value = x[i];
    for (std::size_t k = 0; k < i; ++k) value -= r[k * p + i] * u[k];
    u[i] = value / r[i * p + i];
    sum += u[i] * u[i];
  }
  return sum;
}

}  // namespace

std::optional<GlmFit> FitQuasiPoisson(const GlmInput& input) {
  const std::size_t n = input.response.size();
  const auto p = static_cast<std::size_t>(input.columns);
  const std::vector<double>& y = input.response;
  const std::vector<double> prior = input.prior_weights.empty() ? std::vector<double>(n, 1.0) : input.prior_weights;
  const std::vector<double> offset = input.offset.empty() ? std::vector<double>(n, 0.0) : input.offset;
  std::size_t used_rows = 0;
  for (const double weight : prior) used_rows += weight > 0 ? 1 : 0;
  if (p == 0 || used_rows < p) return std::nullopt;

  std::vector<double> mu(n);
  std::vector<double> eta(n);
  for (std::size_t i = 0; i < n; ++i) {
    mu[i] = y[i] + 0.1;
    eta[i] = std::log(mu[i]);
  }
  double dev_old = Deviance(y, mu, prior);
  std::vector<double> coef_old;
  GlmFit fit;
  fit.columns = input.columns;
  fit.coefficients.assign(p, 0);
  std::vector<double> start(p, 0);

  auto predict = [&](const std::vector<double>& coefficients) {
    for (std::size_t i = 0; i < n; ++i) {
      double value = offset[i];
      for (std::size_t j = 0; j < p; ++j) value += input.design[i * p + j] * coefficients[j];
      eta[i] = value;
      mu[i] = InverseLink(value);
    }
  };

  for (int iteration = 1; iteration <= kMaxIterations; ++iteration) {
    fit.iterations = iteration;
    std::vector<double> a(n * p);
    std::vector<double> b(n);
    fit.working_weights.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
      const double weight = prior[i] > 0 ? prior[i] * mu[i] : 0;
      fit.working_weights[i] = weight;
      const double root = std::sqrt(weight);
      const double z = eta[i] - offset[i] + (y[i] - mu[i]) / mu[i];
      for (std::size_t j = 0; j < p; ++j) a[i * p + j] = root * input.design[i * p + j];
      b[i] = root * z;
    }
    if (!HouseholderQr(a, b, n, p)) return std::nullopt;
    fit.r.assign(p * p, 0);
    for (std::size_t i = 0; i < p; ++i) {
      for (std::size_t j = i; j < p; ++j) fit.r[i * p + j] = a[i * p + j];
    }
    for (std::size_t i = p; i-- > 0;) {
      double value = b[i];
      for (std::size_t j = i + 1; j < p; ++j) value -= fit.r[i * p + j] * start[j];
      start[i] = value / fit.r[i * p + i];
    }
    predict(start);
    double dev = Deviance(y, mu, prior);
    for (int halving = 0; !std::isfinite(dev) || !ValidMeans(mu); ++halving) {
      if (coef_old.empty() || halving >= kMaxIterations) return std::nullopt;
      for (std::size_t j = 0; j < p; ++j) start[j] = (start[j] + coef_old[j]) / 2;
      predict(start);
      dev = Deviance(y, mu, prior);
    }
    fit.coefficients = start;
    if (std::abs(dev - dev_old) / (std::abs(dev) + 0.1) < kEpsilon) {
      fit.converged = true;
      break;
    }
    dev_old = dev;
    coef_old = start;
  }
  fit.fitted = mu;
  fit.df_residual = static_cast<int>(used_rows) - static_cast<int>(p);
  return fit;
}

double SummaryDispersion(const GlmInput& input, const GlmFit& fit, const std::vector<double>* weights) {
  if (fit.df_residual <= 0) return std::numeric_limits<double>::quiet_NaN();
  const std::vector<double>& w = weights != nullptr ? *weights : fit.working_weights;
  double sum = 0;
  for (std::size_t i = 0; i < input.response.size(); ++i) {
    if (w[i] <= 0) continue;
    const double residual = (input.response[i] - fit.fitted[i]) / fit.fitted[i];
    sum += w[i] * residual * residual;
  }
  return sum / fit.df_residual;
}

std::vector<double> HatValues(const GlmInput& input, const GlmFit& fit) {
  const std::size_t n = input.response.size();
  const auto p = static_cast<std::size_t>(fit.columns);
  std::vector<double> hat(n, 0);
  std::vector<double> row(p);
  for (std::size_t i = 0; i < n; ++i) {
    if (fit.working_weights[i] <= 0) continue;
    const double root = std::sqrt(fit.working_weights[i]);
    for (std::size_t j = 0; j < p; ++j) row[j] = root * input.design[i * p + j];
    hat[i] = SquaredNormOfRtSolve(fit.r, p, row);
  }
  return hat;
}

double UnscaledVariance(const GlmFit& fit, const std::vector<double>& x) {
  return SquaredNormOfRtSolve(fit.r, static_cast<std::size_t>(fit.columns), x);
}

double UnscaledCoefficientVariance(const GlmFit& fit, int j) {
  std::vector<double> unit(static_cast<std::size_t>(fit.columns), 0);
  unit[static_cast<std::size_t>(j)] = 1;
  return UnscaledVariance(fit, unit);
}

}  // namespace vigil::core::signals
