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
// A column whose part not explained by the earlier columns has less than 1e-7 of its norm (1e-14
// of its squared norm) counts as dependent. glm.fit's QR uses 1e-11 on norms; squared sums cannot
// resolve that finely, and no detector design comes near either limit unless truly collinear.
constexpr double kPivotTolerance = 1e-14;
// Below this relative pivot the normal equations lose too many digits (e.g. fitted means near 0
// next to counts of 10): the step is then solved by Householder QR as glm.fit does.
constexpr double kWellConditioned = 1e-8;
constexpr double kQrTolerance = 1e-11;  // min(1e-7, epsilon / 1000), glm.fit's QR tolerance

// Poisson deviance 2·Σ w·(y·log(y/μ) − (y − μ)), with y·log y precomputed and log μ = η
// wherever μ was not floored.
double Deviance(const std::vector<double>& y, const std::vector<double>& y_log_y, const std::vector<double>& mu,
                const std::vector<double>& eta, const std::vector<double>& wt) {
  constexpr double kLogEpsilon = -36.043653389117154;  // log(2^-52)
  double sum = 0;
  for (std::size_t i = 0; i < y.size(); ++i) {
    double term = mu[i];
    if (y[i] > 0) {
      const double log_mu = eta[i] > kLogEpsilon ? eta[i] : std::log(mu[i]);
      term = y_log_y[i] - y[i] * log_mu - (y[i] - mu[i]);
    }
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

// Cholesky factor R (upper, row-major, RᵀR = A) of the symmetric p × p matrix A, of which only
// the upper triangle is read. False when a column is (numerically) dependent on earlier ones —
// the normal-equations counterpart of the rank test glm.fit's QR applies.
bool Cholesky(const std::vector<double>& a, std::vector<double>& r, std::size_t p, double& min_pivot) {
  r.assign(p * p, 0);
  min_pivot = 1;
  for (std::size_t i = 0; i < p; ++i) {
    for (std::size_t j = i; j < p; ++j) {
      double sum = a[i * p + j];
      for (std::size_t k = 0; k < i; ++k) sum -= r[k * p + i] * r[k * p + j];
      if (i == j) {
        if (a[i * p + i] <= 0 || !(sum > kPivotTolerance * a[i * p + i])) return false;
        min_pivot = std::min(min_pivot, sum / a[i * p + i]);
        r[i * p + i] = std::sqrt(sum);
      } else {
        r[i * p + j] = sum / r[i * p + i];
      }
    }
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
    if (norm <= kQrTolerance * (column_norm[k] > 0 ? column_norm[k] : 1)) return false;
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

// The Farrington designs: column 0 all ones, at most one numeric column (the time trend) and
// indicator columns with at most one 1 per row. Such a design's XᵀWX needs only a few sums.
struct DesignShape {
  bool structured = false;
  std::size_t numeric_column = 0;        // 0 = none
  std::vector<std::size_t> group_column;  // per row: its indicator column, 0 = none
};

DesignShape ShapeOf(const std::vector<double>& design, std::size_t n, std::size_t p) {
  DesignShape shape;
  // The numeric column is the first column (after the intercept) holding a value other than 0
  // or 1; every other column must be an indicator.
  for (std::size_t i = 0; i < n && shape.numeric_column == 0; ++i) {
    const double* row = &design[i * p];
    for (std::size_t j = 1; j < p; ++j) {
      if (row[j] != 0 && row[j] != 1) {
        shape.numeric_column = j;
        break;
      }
    }
  }
  shape.group_column.assign(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const double* row = &design[i * p];
    if (row[0] != 1) return shape;
    for (std::size_t j = 1; j < p; ++j) {
      if (j == shape.numeric_column || row[j] == 0) continue;
      if (row[j] != 1 || shape.group_column[i] != 0) return shape;  // not one indicator per row
      shape.group_column[i] = j;
    }
  }
  shape.structured = true;
  return shape;
}

}  // namespace

std::optional<GlmFit> FitQuasiPoisson(const GlmInput& input) {
  const std::size_t n = input.response.size();
  const auto p = static_cast<std::size_t>(input.columns);
  const std::vector<double>& y = input.response;
  const std::vector<double> ones = input.prior_weights.empty() || input.offset.empty() ? std::vector<double>(n, 1.0)
                                                                                       : std::vector<double>();
  const std::vector<double> zeros = input.offset.empty() ? std::vector<double>(n, 0.0) : std::vector<double>();
  const std::vector<double>& prior = input.prior_weights.empty() ? ones : input.prior_weights;
  const std::vector<double>& offset = input.offset.empty() ? zeros : input.offset;
  std::size_t used_rows = 0;
  for (const double weight : prior) used_rows += weight > 0 ? 1 : 0;
  if (p == 0 || used_rows < p) return std::nullopt;
  const DesignShape shape = ShapeOf(input.design, n, p);

  // The design's non-zero entries per row: the seasonal factor's indicator columns make most of
  // a Noufaily design zero, and the normal equations only need the non-zeros.
  std::vector<std::size_t> row_start(n + 1, 0);
  std::vector<std::size_t> column_of;
  std::vector<double> value_of;
  for (std::size_t i = 0; i < n && !shape.structured; ++i) {
    for (std::size_t j = 0; j < p; ++j) {
      const double value = input.design[i * p + j];
      if (value == 0) continue;
      column_of.push_back(j);
      value_of.push_back(value);
    }
    row_start[i + 1] = column_of.size();
  }

  std::vector<double> mu(n);
  std::vector<double> eta(n);
  std::vector<double> y_log_y(n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    mu[i] = y[i] + 0.1;
    eta[i] = std::log(mu[i]);
    if (y[i] > 0) y_log_y[i] = y[i] * std::log(y[i]);
  }
  double dev_old = Deviance(y, y_log_y, mu, eta, prior);
  std::vector<double> coef_old;
  GlmFit fit;
  fit.columns = input.columns;
  fit.coefficients.assign(p, 0);
  std::vector<double> start(p, 0);
  std::vector<double> normal(p * p);
  std::vector<double> rhs(p);
  std::vector<double> solved(p);

  auto predict = [&](const std::vector<double>& coefficients) {
    for (std::size_t i = 0; i < n; ++i) {
      double value = offset[i];
      if (shape.structured) {
        value += coefficients[0];
        if (shape.numeric_column != 0) {
          value += input.design[i * p + shape.numeric_column] * coefficients[shape.numeric_column];
        }
        if (shape.group_column[i] != 0) value += coefficients[shape.group_column[i]];
      } else {
        for (std::size_t e = row_start[i]; e < row_start[i + 1]; ++e) value += value_of[e] * coefficients[column_of[e]];
      }
      eta[i] = value;
      mu[i] = InverseLink(value);
    }
  };

  fit.working_weights.assign(n, 0);
  for (int iteration = 1; iteration <= kMaxIterations; ++iteration) {
    fit.iterations = iteration;
    std::fill(normal.begin(), normal.end(), 0.0);
    std::fill(rhs.begin(), rhs.end(), 0.0);
    if (shape.structured) {
      // Intercept, an optional numeric column and indicator columns: XᵀWX from a few sums.
      const std::size_t t_col = shape.numeric_column;
      for (std::size_t i = 0; i < n; ++i) {
        const double weight = prior[i] > 0 ? prior[i] * mu[i] : 0;
        fit.working_weights[i] = weight;
        if (weight == 0) continue;
        const double wz = weight * (eta[i] - offset[i] + (y[i] - mu[i]) / mu[i]);
        normal[0] += weight;
        rhs[0] += wz;
        double wt = 0;
        if (t_col != 0) {
          const double t = input.design[i * p + t_col];
          wt = weight * t;
          normal[t_col] += wt;
          normal[t_col * p + t_col] += wt * t;
          rhs[t_col] += wz * t;
        }
        const std::size_t g = shape.group_column[i];
        if (g != 0) {
          normal[g] += weight;
          normal[g * p + g] += weight;
          if (t_col != 0) normal[std::min(t_col, g) * p + std::max(t_col, g)] += wt;
          rhs[g] += wz;
        }
      }
    } else {
      for (std::size_t i = 0; i < n; ++i) {
        const double weight = prior[i] > 0 ? prior[i] * mu[i] : 0;
        fit.working_weights[i] = weight;
        if (weight == 0) continue;
        const double z = eta[i] - offset[i] + (y[i] - mu[i]) / mu[i];
        for (std::size_t e = row_start[i]; e < row_start[i + 1]; ++e) {
          const std::size_t a = column_of[e];  // ascending within a row
          const double wx = weight * value_of[e];
          rhs[a] += wx * z;
          for (std::size_t f = e; f < row_start[i + 1]; ++f) normal[a * p + column_of[f]] += wx * value_of[f];
        }
      }
    }
    double min_pivot = 0;
    const bool cholesky = Cholesky(normal, fit.r, p, min_pivot);
    if (cholesky && min_pivot >= kWellConditioned) {
      // RᵀR·β = XᵀWz: forward then back substitution.
      for (std::size_t i = 0; i < p; ++i) {
        double value = rhs[i];
        for (std::size_t k = 0; k < i; ++k) value -= fit.r[k * p + i] * solved[k];
        solved[i] = value / fit.r[i * p + i];
      }
    } else {
      std::vector<double> dense(n * p);
      std::vector<double> target(n, 0.0);
      for (std::size_t i = 0; i < n; ++i) {
        const double root = std::sqrt(fit.working_weights[i]);
        if (root == 0) continue;
        for (std::size_t j = 0; j < p; ++j) dense[i * p + j] = root * input.design[i * p + j];
        target[i] = root * (eta[i] - offset[i] + (y[i] - mu[i]) / mu[i]);
      }
      if (!HouseholderQr(dense, target, n, p)) return std::nullopt;
      for (std::size_t i = 0; i < p; ++i) {
        for (std::size_t j = 0; j < p; ++j) fit.r[i * p + j] = j >= i ? dense[i * p + j] : 0;
        solved[i] = target[i];
      }
    }
    for (std::size_t i = p; i-- > 0;) {
      double value = solved[i];
      for (std::size_t j = i + 1; j < p; ++j) value -= fit.r[i * p + j] * start[j];
      start[i] = value / fit.r[i * p + i];
    }
    predict(start);
    double dev = Deviance(y, y_log_y, mu, eta, prior);
    for (int halving = 0; !std::isfinite(dev) || !ValidMeans(mu); ++halving) {
      if (coef_old.empty() || halving >= kMaxIterations) return std::nullopt;
      for (std::size_t j = 0; j < p; ++j) start[j] = (start[j] + coef_old[j]) / 2;
      predict(start);
      dev = Deviance(y, y_log_y, mu, eta, prior);
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
  // (XᵀWX)⁻¹ = R⁻¹R⁻ᵀ, then h_i = w_i·x_iᵀ(XᵀWX)⁻¹x_i over the row's non-zero entries.
  std::vector<double> r_inverse(p * p, 0);
  for (std::size_t j = p; j-- > 0;) {
    r_inverse[j * p + j] = 1 / fit.r[j * p + j];
    for (std::size_t i = j; i-- > 0;) {
      double sum = 0;
      for (std::size_t k = i + 1; k <= j; ++k) sum += fit.r[i * p + k] * r_inverse[k * p + j];
      r_inverse[i * p + j] = -sum / fit.r[i * p + i];
    }
  }
  std::vector<double> inverse(p * p, 0);
  for (std::size_t i = 0; i < p; ++i) {
    for (std::size_t j = i; j < p; ++j) {
      double sum = 0;
      for (std::size_t k = j; k < p; ++k) sum += r_inverse[i * p + k] * r_inverse[j * p + k];
      inverse[i * p + j] = sum;
      inverse[j * p + i] = sum;
    }
  }
  std::vector<double> hat(n, 0);
  std::vector<std::size_t> columns;
  for (std::size_t i = 0; i < n; ++i) {
    if (fit.working_weights[i] <= 0) continue;
    const double* row = &input.design[i * p];
    columns.clear();
    for (std::size_t j = 0; j < p; ++j) {
      if (row[j] != 0) columns.push_back(j);
    }
    double quadratic = 0;
    for (const std::size_t a : columns) {
      for (const std::size_t b : columns) quadratic += row[a] * inverse[a * p + b] * row[b];
    }
    hat[i] = fit.working_weights[i] * quadratic;
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
