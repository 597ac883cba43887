#include "core/signals/detect.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

#include "core/signals/cusum.hpp"
#include "core/signals/ears.hpp"
#include "core/signals/farrington.hpp"
#include "core/signals/param_reader.hpp"

namespace vigil::core::signals {
namespace {

constexpr std::array<std::pair<Method, std::string_view>, 10> kMethodNames{{
    {Method::kEarsC1, "ears-c1"},
    {Method::kEarsC2, "ears-c2"},
    {Method::kEarsC3, "ears-c3"},
    {Method::kFarrington, "farrington"},
    {Method::kFlexible, "flexible"},
    {Method::kNoufaily, "noufaily"},
    {Method::kCusum, "cusum"},
    {Method::kThreshold, "threshold"},
    {Method::kRateOfChange, "rate-of-change"},
    {Method::kRatioToBaseline, "ratio-to-baseline"},
}};


Status CheckInput(const DetectInput& input) {
  if (input.observed.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "the series is empty", "series-too-short");
  }
  for (std::size_t i = 0; i < input.observed.size(); ++i) {
    const double value = input.observed[i];
    if (!std::isfinite(value) || value < 0) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "observed value at position " + std::to_string(i + 1) + " is not a count >= 0",
                       "invalid-series");
    }
  }
  if (!input.population.empty() && input.population.size() != input.observed.size()) {
    return MakeError(ErrorCode::kInvalidArgument, "population must have one value per period", "invalid-series");
  }
  for (std::size_t i = 0; i < input.population.size(); ++i) {
    if (!std::isfinite(input.population[i]) || input.population[i] <= 0) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "population at position " + std::to_string(i + 1) + " is not a number > 0", "invalid-series");
    }
  }
  if (input.frequency < 1) {
    return MakeError(ErrorCode::kInvalidArgument, "frequency must be at least 1", "invalid-parameter");
  }
  return {};
}

std::optional<double> Finite(double value) {
  return std::isfinite(value) ? std::optional<double>(value) : std::nullopt;
}

// Points from the simple detectors (EARS, CUSUM, rules), restricted to `range`; every point in
// the range must have been testable.
Result<std::vector<DetectedPoint>> FromSimple(const std::vector<double>& observed,
                                              const std::vector<DetectorPoint>& raw, std::optional<RangeOption> range,
                                              std::string_view method, ParamReader& reader) {
  int first_tested = 0;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i].tested) {
      first_tested = static_cast<int>(i) + 1;
      break;
    }
  }
  if (first_tested == 0) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "the series has " + std::to_string(observed.size()) + " periods, too few for " +
                         std::string(method) + " to test any of them",
                     "series-too-short");
  }
  const RangeOption used = range.value_or(RangeOption{first_tested, static_cast<int>(observed.size())});
  if (used.to > static_cast<int>(observed.size())) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "range ends at " + std::to_string(used.to) + " but the series has " +
                         std::to_string(observed.size()) + " periods",
                     "range-out-of-bounds");
  }
  if (used.from < first_tested) {
    return MakeError(ErrorCode::kInvalidArgument,
                     std::string(method) + " needs " + std::to_string(first_tested - 1) +
                         " earlier periods; the range must start at " + std::to_string(first_tested) + " or later",
                     "series-too-short");
  }
  reader.ResolveRange(used.from, used.to);
  std::vector<DetectedPoint> points;
  for (int k = used.from; k <= used.to; ++k) {
    const DetectorPoint& point = raw[static_cast<std::size_t>(k - 1)];
    points.push_back({.index = k,
                      .observed = observed[static_cast<std::size_t>(k - 1)],
                      .expected = Finite(point.expected),
                      .upper = Finite(point.upper),
                      .alarm = point.alarm,
                      .score = Finite(point.score)});
  }
  return points;
}

std::vector<DetectedPoint> FromFarrington(const std::vector<FarringtonPoint>& raw, std::vector<std::string>& notes) {
  std::vector<DetectedPoint> points;
  int unfitted = 0;
  int too_few = 0;
  int short_reference = 0;
  for (const FarringtonPoint& point : raw) {
    unfitted += point.fitted ? 0 : 1;
    short_reference += point.short_reference ? 1 : 0;
    too_few += point.fitted && !point.enough_cases ? 1 : 0;
    points.push_back({.index = point.index,
                      .observed = point.observed,
                      .expected = point.expected,
                      .upper = point.upper,
                      .alarm = point.alarm,
                      .score = point.score});
  }
  if (unfitted > 0) {
    notes.push_back(std::to_string(unfitted) +
                    " period(s) have no threshold: no model could be fitted to their reference data");
  }
  if (short_reference > 0) {
    notes.push_back(std::to_string(short_reference) +
                    " period(s) were fitted on fewer reference values than b·(2w+1): the series starts too late "
                    "for b years of history");
  }
  if (too_few > 0) {
    notes.push_back(std::to_string(too_few) +
                    " period(s) have no threshold and cannot alarm: fewer cases than limit54 requires");
  }
  return points;
}

PowerTransform ToPowerTransform(const std::string& text) {
  if (text == "none") return PowerTransform::kNone;
  if (text == "1/2") return PowerTransform::kSquareRoot;
  return PowerTransform::kTwoThirds;
}

Result<Detection> DetectEarsMethod(Method method, ParamReader& reader, const DetectInput& input) {
  const EarsMethod ears = method == Method::kEarsC1 ? EarsMethod::kC1
                          : method == Method::kEarsC2 ? EarsMethod::kC2
                                                      : EarsMethod::kC3;
  auto range = reader.Range();
  if (!range) return tl::unexpected(range.error());
  EarsOptions options;
  auto baseline = reader.Integer("baseline", 7, 3);
  if (!baseline) return tl::unexpected(baseline.error());
  options.baseline = *baseline;
  auto min_sigma = reader.Number("minSigma", 0, 0, 1e12);
  if (!min_sigma) return tl::unexpected(min_sigma.error());
  options.min_sigma = *min_sigma;
  auto alpha = reader.Number("alpha", ears == EarsMethod::kC3 ? 0.025 : 0.001, 1e-12, 0.5);
  if (!alpha) return tl::unexpected(alpha.error());
  options.alpha = *alpha;
  if (ears == EarsMethod::kC3) {
    auto compat = reader.Boolean("surveillance_compat", false);
    if (!compat) return tl::unexpected(compat.error());
    options.surveillance_compat = *compat;
  }
  if (auto status = reader.CheckNoneLeft(); !status) return tl::unexpected(status.error());
  const auto raw = DetectEars(input.observed, ears, options);
  auto points = FromSimple(input.observed, raw, *range, MethodName(method), reader);
  if (!points) return tl::unexpected(points.error());
  return Detection{.method = method, .params = reader.resolved(), .points = std::move(*points), .notes = {}};
}

Result<Detection> DetectRule(Method method, ParamReader& reader, const DetectInput& input) {
  auto range = reader.Range();
  if (!range) return tl::unexpected(range.error());
  std::vector<DetectorPoint> raw;
  if (method == Method::kCusum) {
    auto k = reader.Number("k", 1.04, 0, 1e12);
    if (!k) return tl::unexpected(k.error());
    auto h = reader.Number("h", 2.26, 1e-12, 1e12);
    if (!h) return tl::unexpected(h.error());
    if (auto status = reader.CheckNoneLeft(); !status) return tl::unexpected(status.error());
    raw = DetectPoissonCusum(input.observed, *k, *h);
  } else if (method == Method::kThreshold) {
    auto threshold = reader.Number("threshold", 0, -1e12, 1e12);
    if (!threshold) return tl::unexpected(threshold.error());
    if (auto status = reader.CheckNoneLeft(); !status) return tl::unexpected(status.error());
    raw = DetectThreshold(input.observed, *threshold);
  } else if (method == Method::kRatioToBaseline) {
    auto baseline = reader.Integer("baseline", 7, 1);
    if (!baseline) return tl::unexpected(baseline.error());
    auto ratio = reader.Number("ratio", 3, 1e-12, 1e12);
    if (!ratio) return tl::unexpected(ratio.error());
    auto min_count = reader.Number("minCount", 5, 0, 1e12);
    if (!min_count) return tl::unexpected(min_count.error());
    if (auto status = reader.CheckNoneLeft(); !status) return tl::unexpected(status.error());
    raw = DetectRatioToBaseline(input.observed, *baseline, *ratio, *min_count);
  } else {
    auto rate = reader.Number("rate", 0.5, 0, 1e12);
    if (!rate) return tl::unexpected(rate.error());
    if (auto status = reader.CheckNoneLeft(); !status) return tl::unexpected(status.error());
    raw = DetectRateOfChange(input.observed, *rate);
  }
  auto points = FromSimple(input.observed, raw, *range, MethodName(method), reader);
  if (!points) return tl::unexpected(points.error());
  return Detection{.method = method, .params = reader.resolved(), .points = std::move(*points), .notes = {}};
}

// The parameters algo.farrington and farringtonFlexible share, with their common defaults.
struct SharedFarringtonParams {
  int b = 5;
  int w = 3;
  bool reweight = true;
  double alpha = 0.05;
  bool trend = true;
  Limit54 limit54;
  PowerTransform powertrans = PowerTransform::kTwoThirds;

  // FarringtonOptions and FlexibleOptions name these fields alike.
  template <typename Options>
  void ApplyTo(Options& options) const {
    options.b = b;
    options.w = w;
    options.reweight = reweight;
    options.alpha = alpha;
    options.trend = trend;
    options.limit54 = limit54;
    options.powertrans = powertrans;
  }
};

Result<SharedFarringtonParams> ReadSharedFarringtonParams(ParamReader& reader) {
  SharedFarringtonParams shared;
  auto b = reader.Integer("b", 5, 1);
  if (!b) return tl::unexpected(b.error());
  auto w = reader.Integer("w", 3, 0);
  if (!w) return tl::unexpected(w.error());
  auto reweight = reader.Boolean("reweight", true);
  if (!reweight) return tl::unexpected(reweight.error());
  auto alpha = reader.Number("alpha", 0.05, 1e-12, 0.5);
  if (!alpha) return tl::unexpected(alpha.error());
  auto trend = reader.Boolean("trend", true);
  if (!trend) return tl::unexpected(trend.error());
  auto limit = reader.Limit("limit54");
  if (!limit) return tl::unexpected(limit.error());
  auto powertrans = reader.Choice("powertrans", "2/3", {"2/3", "1/2", "none"});
  if (!powertrans) return tl::unexpected(powertrans.error());
  shared.b = *b;
  shared.w = *w;
  shared.reweight = *reweight;
  shared.alpha = *alpha;
  shared.trend = *trend;
  shared.limit54 = *limit;
  shared.powertrans = ToPowerTransform(*powertrans);
  return shared;
}

Result<Detection> DetectFarringtonMethod(ParamReader& reader, const DetectInput& input) {
  auto range = reader.Range();
  if (!range) return tl::unexpected(range.error());
  auto shared = ReadSharedFarringtonParams(reader);
  if (!shared) return tl::unexpected(shared.error());
  if (auto status = reader.CheckNoneLeft(); !status) return tl::unexpected(status.error());
  FarringtonOptions options;
  options.range = *range;
  shared->ApplyTo(options);
  auto raw = DetectFarrington(input.observed, input.frequency, options);
  if (!raw) return tl::unexpected(raw.error());
  Detection detection{.method = Method::kFarrington};
  detection.points = FromFarrington(*raw, detection.notes);
  reader.ResolveRange(raw->front().index, raw->back().index);
  detection.params = reader.resolved();
  return detection;
}

Result<Detection> DetectFlexibleMethod(Method method, ParamReader& reader, const DetectInput& input) {
  const bool noufaily = method == Method::kNoufaily;
  auto range = reader.Range();
  if (!range) return tl::unexpected(range.error());
  auto shared = ReadSharedFarringtonParams(reader);
  if (!shared) return tl::unexpected(shared.error());
  auto weights_threshold = reader.Number("weightsThreshold", 2.58, 0, 1e12);
  if (!weights_threshold) return tl::unexpected(weights_threshold.error());
  auto p_trend = reader.Number("pThresholdTrend", 0.05, 0, 1);
  if (!p_trend) return tl::unexpected(p_trend.error());
  auto population_offset = reader.Boolean("populationOffset", false);
  if (!population_offset) return tl::unexpected(population_offset.error());
  auto no_periods = reader.Integer("noPeriods", noufaily ? 10 : 1, 1);
  if (!no_periods) return tl::unexpected(no_periods.error());
  auto past = reader.OptionalInteger("pastWeeksNotIncluded", noufaily ? std::optional<int>(26) : std::nullopt, 0);
  if (!past) return tl::unexpected(past.error());
  auto threshold = reader.Choice("thresholdMethod", noufaily ? "nbPlugin" : "delta", {"delta", "nbPlugin", "muan"});
  if (!threshold) return tl::unexpected(threshold.error());
  if (auto status = reader.CheckNoneLeft(); !status) return tl::unexpected(status.error());
  FlexibleOptions options;
  options.range = *range;
  shared->ApplyTo(options);
  options.weights_threshold = *weights_threshold;
  options.p_threshold_trend = *p_trend;
  options.population_offset = *population_offset;
  options.no_periods = *no_periods;
  options.past_weeks_not_included = *past;
  options.threshold_method = *threshold == "nbPlugin" ? ThresholdMethod::kNbPlugin
                             : *threshold == "muan"   ? ThresholdMethod::kMuan
                                                      : ThresholdMethod::kDelta;
  auto raw = DetectFlexible(input.observed, input.population, input.frequency, options);
  if (!raw) return tl::unexpected(raw.error());
  Detection detection{.method = method};
  detection.points = FromFarrington(*raw, detection.notes);
  reader.ResolveRange(raw->front().index, raw->back().index);
  detection.params = reader.resolved();
  return detection;
}

}  // namespace

std::optional<Method> ParseMethod(std::string_view name) {
  for (const auto& [method, text] : kMethodNames) {
    if (text == name) return method;
  }
  return std::nullopt;
}

std::string_view MethodName(Method method) {
  for (const auto& [value, text] : kMethodNames) {
    if (value == method) return text;
  }
  return "unknown";
}

const std::vector<std::string_view>& MethodNames() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> list;
    for (const auto& [method, text] : kMethodNames) list.push_back(text);
    return list;
  }();
  return names;
}

Result<Detection> Detect(Method method, const std::vector<Parameter>& params, const DetectInput& input) {
  if (auto status = CheckInput(input); !status) return tl::unexpected(status.error());
  ParamReader reader(method, params);
  switch (method) {
    case Method::kEarsC1:
    case Method::kEarsC2:
    case Method::kEarsC3:
      return DetectEarsMethod(method, reader, input);
    case Method::kFarrington:
      return DetectFarringtonMethod(reader, input);
    case Method::kFlexible:
    case Method::kNoufaily:
      return DetectFlexibleMethod(method, reader, input);
    case Method::kCusum:
    case Method::kThreshold:
    case Method::kRateOfChange:
    case Method::kRatioToBaseline:
      return DetectRule(method, reader, input);
  }
  return MakeError(ErrorCode::kInternal, "unknown method");
}

}  // namespace vigil::core::signals
