#include "core/signals/cusum.hpp"

#include <algorithm>

namespace vigil::core::signals {

std::vector<DetectorPoint> DetectPoissonCusum(const std::vector<double>& counts, double k, double h) {
  std::vector<DetectorPoint> points(counts.size());
  double sum = 0;
  for (std::size_t t = 0; t < counts.size(); ++t) {
    DetectorPoint& point = points[t];
    point.tested = true;
    point.expected = k;
    point.upper = h - sum + k;
    sum = std::max(0.0, sum + counts[t] - k);
    point.score = sum / h;
    point.alarm = sum > h;
    if (point.alarm) sum = 0;
  }
  return points;
}

std::vector<DetectorPoint> DetectThreshold(const std::vector<double>& counts, double threshold) {
  std::vector<DetectorPoint> points(counts.size());
  for (std::size_t t = 0; t < counts.size(); ++t) {
    points[t] = {true, threshold, threshold, counts[t] > threshold, threshold > 0 ? counts[t] / threshold : 0};
  }
  return points;
}

std::vector<DetectorPoint> DetectRateOfChange(const std::vector<double>& counts, double rate) {
  std::vector<DetectorPoint> points(counts.size());
  for (std::size_t t = 1; t < counts.size(); ++t) {
    const double previous = counts[t - 1];
    const double upper = previous * (1 + rate);
    const double change = previous > 0 ? (counts[t] - previous) / previous : (counts[t] > 0 ? 1e9 : 0);
    points[t] = {true, previous, upper, counts[t] > upper, rate > 0 ? change / rate : 0};
  }
  return points;
}

std::vector<DetectorPoint> DetectRatioToBaseline(const std::vector<double>& counts, int baseline, double ratio,
                                                 double min_count) {
  std::vector<DetectorPoint> points(counts.size());
  const auto length = static_cast<std::size_t>(baseline);
  double window = 0;
  for (std::size_t t = 0; t < counts.size(); ++t) {
    if (t >= length) {
      const double expected = window / static_cast<double>(length);
      const double upper = ratio * expected;
      const bool alarm = counts[t] > upper && counts[t] >= min_count;
      points[t] = {true, expected, upper, alarm, expected > 0 ? counts[t] / expected : 0};
      window -= counts[t - length];
    }
    window += counts[t];
  }
  return points;
}

}  // namespace vigil::core::signals
