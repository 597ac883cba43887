#include "core/signals/farrington.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>

#include "core/signals/distributions.hpp"
#include "core/signals/glm.hpp"

namespace vigil::core::signals {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// One reference-data model of the family: the design rows, the response and the prediction row.
struct ModelData {
  std::vector<double> response;
  std::vector<double> wtime;
  std::vector<int> group;          // seasonal level per row (flexible with noPeriods > 1)
  std::vector<double> log_population;  // offset per row (empty = none)
  double predict_wtime = 0;
  int predict_group = 0;
  double predict_log_population = 0;
};

struct ModelSpec {
  bool trend = false;
  std::vector<int> levels;  // seasonal levels present, ascending; the first is the baseline
};

GlmInput BuildDesign(const ModelData& data, const ModelSpec& spec, std::vector<double>* x0) {
  const std::size_t dummies = spec.levels.empty() ? 0 : spec.levels.size() - 1;
  GlmInput input;
  input.columns = static_cast<int>(1 + (spec.trend ? 1 : 0) + dummies);
  input.response = data.response;
  input.offset = data.log_population;
  const auto columns = static_cast<std::size_t>(input.columns);
  input.design.assign(data.response.size() * columns, 0);
  auto fill = [&](double* row, double wtime, int group) {
    std::size_t column = 0;
    row[column++] = 1;
    if (spec.trend) row[column++] = wtime;
    for (std::size_t level = 1; level < spec.levels.size(); ++level) {
      row[column++] = group == spec.levels[level] ? 1 : 0;
    }
  };
  for (std::size_t i = 0; i < data.response.size(); ++i) {
    fill(&input.design[i * columns], data.wtime[i], data.group.empty() ? 0 : data.group[i]);
  }
  if (x0 != nullptr) {
    x0->assign(columns, 0);
    fill(x0->data(), data.predict_wtime, data.predict_group);
  }
  return input;
}

// Anscombe residuals of a Poisson fit scaled by the dispersion and the leverage.
std::vector<double> AnscombeResiduals(const GlmInput& input, const GlmFit& fit, double phi) {
  const std::vector<double> hat = HatValues(input, fit);
  std::vector<double> residuals(input.response.size());
  for (std::size_t i = 0; i < residuals.size(); ++i) {
    const double y = input.response[i];
    const double mu = fit.fitted[i];
    // y^(2/3)·μ^(−1/6) − μ^(1/2), with cube roots instead of pow (same values to ~1e-16).
    const double cube_root_y = std::cbrt(y);
    const double a = 1.5 * (cube_root_y * cube_root_y / std::sqrt(std::cbrt(mu)) - std::sqrt(mu));
    residuals[i] = a / std::sqrt(phi * (1 - hat[i]));
  }
  return residuals;
}

struct FittedModel {
  GlmInput input;
  GlmFit fit;
  std::vector<double> x0;
  double phi = 1;                 // max(1, dispersion)
  std::vector<double> weights;    // the weights summary.glm sees afterwards (see flexible)
  bool has_trend = false;
};

double LinearPredictor(const FittedModel& model, double offset) {
  double eta = offset;
  for (std::size_t j = 0; j < model.x0.size(); ++j) eta += model.x0[j] * model.fit.coefficients[j];
  return eta;
}

// Two-sided p-value of the time-trend coefficient (column 1), as summary.glm reports it.
double TrendPValue(const FittedModel& model) {
  const double dispersion = SummaryDispersion(model.input, model.fit, &model.weights);
  const double se = std::sqrt(UnscaledCoefficientVariance(model.fit, 1) * dispersion);
  return StudentTwoSidedP(model.fit.coefficients[1] / se, model.fit.df_residual);
}

double MaxOf(const std::vector<double>& values) {
  double max = -std::numeric_limits<double>::infinity();
  for (const double value : values) max = std::max(max, value);
  return max;
}

double CasesInWindow(const std::vector<double>& observed, int k, int periods) {
  double sum = 0;
  for (int t = std::max(1, k - periods + 1); t <= k; ++t) sum += observed[static_cast<std::size_t>(t - 1)];
  return sum;
}

Status CheckRange(const RangeOption& range, std::size_t n) {
  if (range.from < 1 || range.to > static_cast<int>(n) || range.from > range.to) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "range " + std::to_string(range.from) + ":" + std::to_string(range.to) +
                         " is outside the series (positions 1.." + std::to_string(n) + ")",
                     "range-out-of-bounds");
  }
  return {};
}

Status CheckLimit54(const Limit54& limit) {
  if (limit.cases < 0 || limit.periods <= 0) {
    return MakeError(ErrorCode::kInvalidArgument, "limit54 needs cases >= 0 and periods > 0", "invalid-parameter");
  }
  return {};
}

// ---- algo.farrington --------------------------------------------------------------------------

// algo.farrington.fitGLM.fast: fit, fall back to no trend when the fit does not converge,
// reweight (threshold 1, as the classic function calls it) and keep φ ≥ 1.
std::optional<FittedModel> FitClassic(const ModelData& data, bool trend, bool reweight) {
  FittedModel model;
  ModelSpec spec{.trend = trend};
  model.input = BuildDesign(data, spec, &model.x0);
  auto fit = FitQuasiPoisson(model.input);
  if (fit && !fit->converged && trend) {
    spec.trend = false;
    model.input = BuildDesign(data, spec, &model.x0);
    fit = FitQuasiPoisson(model.input);
  }
  if (!fit) return std::nullopt;
  model.has_trend = spec.trend;
  model.fit = *fit;
  model.phi = std::max(SummaryDispersion(model.input, model.fit), 1.0);
  if (reweight) {
    const std::vector<double> omega = ReweightingWeights(AnscombeResiduals(model.input, model.fit, model.phi), 1.0);
    model.input.prior_weights = omega;
    fit = FitQuasiPoisson(model.input);
    if (!fit) return std::nullopt;
    model.fit = *fit;
    model.phi = std::max(SummaryDispersion(model.input, model.fit), 1.0);
  }
  model.weights = model.fit.working_weights;
  return model;
}

}  // namespace

Result<std::vector<FarringtonPoint>> DetectFarrington(const std::vector<double>& observed, int frequency,
                                                      const FarringtonOptions& options) {
  const std::size_t n = observed.size();
  if (options.b < 1 || options.w < 0) {
    return MakeError(ErrorCode::kInvalidArgument, "b must be at least 1 and w at least 0", "invalid-parameter");
  }
  if (auto status = CheckLimit54(options.limit54); !status) return tl::unexpected(status.error());
  const RangeOption range = options.range.value_or(
      RangeOption{.from = frequency * options.b - options.w, .to = static_cast<int>(n)});
  if (!options.range && range.from < 1) {
    return MakeError(ErrorCode::kInvalidArgument, "b and w need a longer history", "series-too-short");
  }
  if (!options.range && range.from > range.to) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "the series has " + std::to_string(n) + " periods; farrington with b=" +
                         std::to_string(options.b) + " needs more than " + std::to_string(range.from - 1),
                     "series-too-short");
  }
  if (auto status = CheckRange(range, n); !status) return tl::unexpected(status.error());

  std::vector<FarringtonPoint> points;
  for (int k = range.from; k <= range.to; ++k) {
    ModelData data;
    for (int year = options.b; year >= 1; --year) {
      for (int t = k - frequency * year - options.w; t <= k - frequency * year + options.w; ++t) {
        if (t < 1) continue;  // R drops reference weeks before the start (with a warning)
        data.wtime.push_back(t);
        data.response.push_back(observed[static_cast<std::size_t>(t - 1)]);
      }
    }
    data.predict_wtime = k;
    FarringtonPoint point{.index = k, .observed = observed[static_cast<std::size_t>(k - 1)]};
    point.short_reference =
        static_cast<int>(data.response.size()) < options.b * (2 * options.w + 1);
    auto model = data.response.size() >= 2 ? FitClassic(data, options.trend, options.reweight) : std::nullopt;
    if (model && model->has_trend) {
      const double p = TrendPValue(*model);
      const double mu0_hat = InverseLink(LinearPredictor(*model, 0));
      const bool keep = options.b >= 3 && p < 0.05 && mu0_hat <= MaxOf(data.response);
      if (!keep) model = FitClassic(data, false, options.reweight);
    }
    if (!model) {
      point.fitted = false;
      points.push_back(point);
      continue;
    }
    point.trend = model->has_trend;
    const double eta0 = LinearPredictor(*model, 0);
    const double mu0 = InverseLink(eta0);
    const double se = std::sqrt(UnscaledVariance(model->fit, model->x0) * model->phi) * mu0;
    const Threshold threshold =
        FarringtonDeltaThreshold(mu0, se, model->phi, options.alpha / 2, point.observed, options.powertrans);
    point.enough_cases = CasesInWindow(observed, k, options.limit54.periods) >= options.limit54.cases;
    point.expected = mu0;
    point.upper = point.enough_cases ? std::optional<double>(threshold.upper) : std::nullopt;
    const double x = point.enough_cases ? (point.observed - mu0) / (threshold.upper - mu0) : 0;
    point.score = x;
    point.alarm = x > 1;
    points.push_back(point);
  }
  return points;
}

namespace {

// ---- farringtonFlexible -----------------------------------------------------------------------

// R's a:b, which counts down when b < a.
std::vector<int> Colon(int from, int to) {
  std::vector<int> values;
  if (from <= to) {
    for (int v = from; v <= to; ++v) values.push_back(v);
  } else {
    for (int v = from; v >= to; --v) values.push_back(v);
  }
  return values;
}

// The seasonal level of each position 1..k (0 = not used), as R's `blocks`.
Result<std::vector<int>> Blocks(int k, int frequency, int b, int w, int p) {
  std::vector<int> levels(static_cast<std::size_t>(k) + 1, 0);
  auto assign = [&](int from, int to, int value) -> Status {
    for (const int t : Colon(from, to)) {
      if (t < 0) {
        return MakeError(ErrorCode::kInvalidArgument, "b and w reach before the start of the series",
                         "series-too-short");
      }
      if (t == 0 || t > k) continue;  // R ignores index 0; nothing after k is used
      levels[static_cast<std::size_t>(t)] = value;
    }
    return {};
  };
  if (auto status = assign(k - w, k, p); !status) return tl::unexpected(status.error());
  for (int i = 1; i <= b; ++i) {
    const int ref_week = k - i * frequency;
    const int previous = k - (i - 1) * frequency;
    if (auto status = assign(ref_week - w, ref_week + w, p); !status) return tl::unexpected(status.error());
    if (p == 1) continue;
    const int period = previous - 2 * w - 1 - ref_week;
    if (period < p - (2 * w + 1)) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "noPeriods=" + std::to_string(p) + " is too many for w=" + std::to_string(w) +
                           " and frequency " + std::to_string(frequency),
                       "invalid-parameter");
    }
    std::vector<int> cumulative{0};
    for (int j = 1; j <= p - 1; ++j) {
      const int length = period / (p - 1) + (j <= period % (p - 1) ? 1 : 0);
      cumulative.push_back(cumulative.back() + length);
    }
    for (int j = 1; j <= p - 1; ++j) {
      const int from = ref_week + w + 1 + cumulative[static_cast<std::size_t>(j - 1)];
      const int to = ref_week + w + 1 + cumulative[static_cast<std::size_t>(j)] - 1;
      if (auto status = assign(from, to, j); !status) return tl::unexpected(status.error());
    }
  }
  return levels;
}

// algo.farrington.fitGLM.flexible: nullopt when no model converges. Afterwards R replaces the
// model's weights by the reweighting weights, which later dispersion estimates then use.
std::optional<FittedModel> FitFlexible(const ModelData& data, bool trend, const FlexibleOptions& options,
                                       const std::vector<int>& levels) {
  FittedModel model;
  ModelSpec spec{.trend = trend, .levels = levels};
  model.input = BuildDesign(data, spec, &model.x0);
  auto fit = FitQuasiPoisson(model.input);
  if (fit && !fit->converged && trend) {
    spec.trend = false;
    model.input = BuildDesign(data, spec, &model.x0);
    fit = FitQuasiPoisson(model.input);
  }
  if (!fit || !fit->converged) return std::nullopt;
  model.has_trend = spec.trend;
  model.fit = *fit;
  model.phi = std::max(SummaryDispersion(model.input, model.fit), 1.0);
  model.weights = model.fit.working_weights;
  if (options.reweight) {
    std::vector<double> omega =
        ReweightingWeights(AnscombeResiduals(model.input, model.fit, model.phi), options.weights_threshold);
    model.input.prior_weights = omega;
    fit = FitQuasiPoisson(model.input);
    if (!fit) return std::nullopt;
    model.fit = *fit;
    model.phi = std::max(SummaryDispersion(model.input, model.fit), 1.0);
    model.weights = std::move(omega);
  }
  return model;
}

}  // namespace

Result<std::vector<FarringtonPoint>> DetectFlexible(const std::vector<double>& observed,
                                                    const std::vector<double>& population, int frequency,
                                                    const FlexibleOptions& options) {
  const std::size_t n = observed.size();
  if (options.b < 1 || options.w < 0 || options.no_periods < 1) {
    return MakeError(ErrorCode::kInvalidArgument, "b must be at least 1, w at least 0 and noPeriods at least 1",
                     "invalid-parameter");
  }
  if (auto status = CheckLimit54(options.limit54); !status) return tl::unexpected(status.error());
  if (options.population_offset && population.size() != n) {
    return MakeError(ErrorCode::kInvalidArgument, "populationOffset=TRUE needs a population for every period",
                     "missing-population");
  }
  const int past_excluded = options.past_weeks_not_included.value_or(options.w);
  const RangeOption range = options.range.value_or(
      RangeOption{.from = frequency * options.b + options.w + 1, .to = static_cast<int>(n)});
  if (!options.range && range.from > range.to) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "the series has " + std::to_string(n) + " periods; with b=" + std::to_string(options.b) +
                         " and w=" + std::to_string(options.w) + " the first testable period is " +
                         std::to_string(range.from),
                     "series-too-short");
  }
  if (auto status = CheckRange(range, n); !status) return tl::unexpected(status.error());
  if (range.from - options.b * frequency < 1) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "period " + std::to_string(range.from) + " has no reference data " + std::to_string(options.b) +
                         " years back; start the range at " + std::to_string(options.b * frequency + 1) +
                         " or later, or decrease b",
                     "series-too-short");
  }

  std::vector<FarringtonPoint> points;
  for (int k = range.from; k <= range.to; ++k) {
    auto blocks = Blocks(k, frequency, options.b, options.w, options.no_periods);
    if (!blocks) return tl::unexpected(blocks.error());
    for (int t = k - past_excluded; t <= k; ++t) {
      if (t >= 1) (*blocks)[static_cast<std::size_t>(t)] = 0;
    }
    ModelData data;
    std::vector<int> levels;
    for (int t = 1; t <= k; ++t) {
      const int level = (*blocks)[static_cast<std::size_t>(t)];
      if (level == 0) continue;
      data.wtime.push_back(t);
      data.response.push_back(observed[static_cast<std::size_t>(t - 1)]);
      data.group.push_back(level);
      if (options.population_offset) data.log_population.push_back(std::log(population[static_cast<std::size_t>(t - 1)]));
      if (options.no_periods != 1 && std::find(levels.begin(), levels.end(), level) == levels.end()) {
        levels.push_back(level);
      }
    }
    std::sort(levels.begin(), levels.end());
    data.predict_wtime = k;
    data.predict_group = options.no_periods;
    const double offset_now = options.population_offset ? std::log(population[static_cast<std::size_t>(k - 1)]) : 0;
    FarringtonPoint point{.index = k, .observed = observed[static_cast<std::size_t>(k - 1)]};
    const bool predictable = levels.empty() || std::find(levels.begin(), levels.end(), options.no_periods) != levels.end();
    auto model = predictable && data.response.size() >= 2 ? FitFlexible(data, options.trend, options, levels)
                                                          : std::nullopt;
    if (model && model->has_trend) {
      const double p = TrendPValue(*model);
      const double mu_hat = InverseLink(LinearPredictor(*model, offset_now));
      const bool keep = options.b >= 3 && p < options.p_threshold_trend && mu_hat <= MaxOf(data.response);
      if (!keep) model = FitFlexible(data, false, options, levels);
    }
    if (!model) {
      point.fitted = false;
      point.score.reset();
      points.push_back(point);
      continue;
    }
    point.trend = model->has_trend;
    // R passes φ inside newdata rather than as predict's argument, so the standard error uses
    // summary.glm's dispersion (with the replaced weights), not φ.
    const double dispersion = SummaryDispersion(model->input, model->fit, &model->weights);
    const double eta0 = LinearPredictor(*model, offset_now);
    const double se_link = std::sqrt(UnscaledVariance(model->fit, model->x0) * dispersion);
    Threshold threshold;
    double expected = 0;
    bool upper_defined = true;
    if (options.threshold_method == ThresholdMethod::kDelta) {
      const double mu0 = InverseLink(eta0);
      threshold = FarringtonDeltaThreshold(mu0, se_link * mu0, model->phi, options.alpha, point.observed,
                                           options.powertrans);
      expected = mu0;
      upper_defined = std::isfinite(threshold.upper);
    } else {
      const NoufailyMethod method =
          options.threshold_method == ThresholdMethod::kMuan ? NoufailyMethod::kMuan : NoufailyMethod::kNbPlugin;
      const double z = NormalQuantile(1 - options.alpha);
      const double mu_quantile = method == NoufailyMethod::kMuan ? std::exp(eta0 + z * se_link) : std::exp(eta0);
      if (std::isinf(mu_quantile)) {
        upper_defined = false;
        threshold.upper = kNaN;
        threshold.score = kNaN;
      } else {
        threshold = NoufailyThreshold(eta0, se_link, model->phi, options.alpha, point.observed, method);
      }
      expected = std::exp(eta0);
    }
    point.enough_cases = CasesInWindow(observed, k, options.limit54.periods) >= options.limit54.cases;
    if (point.enough_cases && upper_defined) {
      point.upper = threshold.upper;
      point.expected = expected;
    }
    if (std::isfinite(threshold.score)) point.score = threshold.score;
    point.alarm = point.enough_cases && std::isfinite(threshold.score) && threshold.score > 1 && point.observed != 0;
    points.push_back(point);
  }
  return points;
}

}  // namespace vigil::core::signals
