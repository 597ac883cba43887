#include "core/signals/ears.hpp"

#include <algorithm>
#include <cmath>

#include "core/signals/distributions.hpp"

namespace vigil::core::signals {
namespace {

struct Baseline {
  double mean = 0;
  double sd = 0;
};

// Mean and sample sd (n − 1) of counts[first, first + length), sd floored at min_sigma.
Baseline BaselineOf(const std::vector<double>& counts, std::size_t first, int length, double min_sigma) {
  double sum = 0;
  for (int idx = 0; idx < length; ++idx) sum += counts[first + idx];
  const double mean = sum / length;
  double squares = 0;
  for (int idx = 0; idx < length; ++idx) squares += std::pow(counts[first + idx] - mean, 2);
  return {mean, std::max(std::sqrt(squares / (length - 1)), min_sigma)};
}

// The C2 statistic at t (baseline t−B−2 … t−3), or nullopt before it can be computed.
std::optional<std::pair<Baseline, double>> C2At(const std::vector<double>& counts, std::size_t t, int b,
                                                double min_sigma) {
  if (t < static_cast<std::size_t>(b + 2)) return std::nullopt;
  const Baseline base = BaselineOf(counts, t - b - 2, b, min_sigma);
  const double stat = base.sd > 0 ? (counts[t] - base.mean) / base.sd : 0;
  return std::make_pair(base, stat);
}

}  // namespace

std::vector<DetectorPoint> DetectEars(const std::vector<double>& counts, EarsMethod method,
                                      const EarsOptions& options) {
  const int b = std::max(3, options.baseline);
  const double alpha = options.alpha.value_or(method == EarsMethod::kC3 ? 0.025 : 0.001);
  const double z = NormalQuantile(1 - alpha);
  std::vector<DetectorPoint> points(counts.size());
  for (std::size_t t = 0; t < counts.size(); ++t) {
    DetectorPoint& point = points[t];
    const double y = counts[t];
    if (method == EarsMethod::kC1) {
      if (t < static_cast<std::size_t>(b)) continue;
      const Baseline base = BaselineOf(counts, t - b, b, options.min_sigma);
      point = {true, base.mean, base.mean + z * base.sd, false, base.sd > 0 ? (y - base.mean) / base.sd : 0};
    } else if (method == EarsMethod::kC2) {
      auto c2 = C2At(counts, t, b, options.min_sigma);
      if (!c2) continue;
      point = {true, c2->first.mean, c2->first.mean + z * c2->first.sd, false, c2->second};
    } else {
      auto now = C2At(counts, t, b, options.min_sigma);
      auto one_back = t >= 1 ? C2At(counts, t - 1, b, options.min_sigma) : std::nullopt;
      auto two_back = t >= 2 ? C2At(counts, t - 2, b, options.min_sigma) : std::nullopt;
      if (!now || !one_back || !two_back) continue;
      const double p1 = std::max(0.0, one_back->second - 1);
      const double p2 = std::max(0.0, two_back->second - 1);
      const Baseline& base = now->first;
      double upper = base.mean + base.sd * (1 + z - p1 - p2);
      if (options.surveillance_compat) {
        // R divides by a zero spread as IEEE does (±Inf, or NaN for 0/0) and its pmax keeps NaN:
        // such weeks get no bound (NA) and no alarm there.
        auto r_part = [&](std::size_t at, const Baseline& lag) {
          const double c2 = (counts[at] - lag.mean) / lag.sd;
          return std::isnan(c2) ? c2 : std::max(0.0, c2 - 1);
        };
        const double r_p1 = r_part(t - 1, one_back->first);
        const double r_p2 = r_part(t - 2, two_back->first);
        const double raw = y + base.sd * (z - r_p2 - r_p1);
        upper = std::isnan(raw) ? raw : std::max(0.0, raw);
      }
      point = {true, base.mean, upper, false, std::max(0.0, now->second - 1) + p1 + p2};
    }
    point.alarm = y > point.upper;  // false when the bound is NaN
  }
  return points;
}

}  // namespace vigil::core::signals
