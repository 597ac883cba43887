#include "core/signals/quality.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace vigil::core::signals {
namespace {

double Ratio(int numerator, int denominator) {
  return denominator == 0 ? std::numeric_limits<double>::quiet_NaN()
                          : static_cast<double>(numerator) / denominator;
}

void FillRates(Quality& quality) {
  quality.sens = Ratio(quality.tp, quality.tp + quality.fn);
  quality.spec = Ratio(quality.tn, quality.tn + quality.fp);
  quality.dist = std::hypot(1 - quality.spec, 1 - quality.sens);
}

}  // namespace

Result<Quality> ComputeQuality(const std::vector<bool>& state, const std::vector<bool>& alarm, int penalty,
                               const std::vector<bool>& missing) {
  if (state.size() != alarm.size() || (!missing.empty() && missing.size() != state.size())) {
    return MakeError(ErrorCode::kInvalidArgument, "state has " + std::to_string(state.size()) +
                                                      " weeks but alarm has " + std::to_string(alarm.size()) +
                                                      " (and missing " + std::to_string(missing.size()) + ")");
  }
  if (penalty < 0) return MakeError(ErrorCode::kInvalidArgument, "penalty must be 0 or more");
  Quality quality;
  for (std::size_t week = 0; week < state.size(); ++week) {
    if (!missing.empty() && missing[week]) continue;  // R's table() leaves NA alarms out
    if (state[week]) {
      ++(alarm[week] ? quality.tp : quality.fn);
    } else {
      ++(alarm[week] ? quality.fp : quality.tn);
    }
  }
  FillRates(quality);

  std::vector<std::size_t> starts;
  for (std::size_t week = 0; week < state.size(); ++week) {
    if (state[week] && (week == 0 || !state[week - 1])) starts.push_back(week);
  }
  if (starts.empty()) return quality;  // R: lag 0 when there is no outbreak
  double total_delay = 0;
  for (std::size_t start_idx = 0; start_idx < starts.size(); ++start_idx) {
    const std::size_t start = starts[start_idx];
    // Last week looked at: start + penalty, cut before the next outbreak start or the series end.
    std::size_t last = std::min(start + static_cast<std::size_t>(penalty), state.size() - 1);
    if (start_idx + 1 < starts.size()) last = std::min(last, starts[start_idx + 1] - 1);
    int delay = penalty;
    for (std::size_t week = start; week <= last; ++week) {
      if (alarm[week]) {
        delay = static_cast<int>(week - start);
        break;
      }
    }
    total_delay += delay;
  }
  quality.mlag = total_delay / static_cast<double>(starts.size());
  return quality;
}

Quality PoolQuality(const std::vector<Quality>& per_series) {
  Quality pooled;
  double lag_sum = 0;
  for (const Quality& one : per_series) {
    pooled.tp += one.tp;
    pooled.fp += one.fp;
    pooled.tn += one.tn;
    pooled.fn += one.fn;
    lag_sum += one.mlag;
  }
  FillRates(pooled);
  pooled.mlag = per_series.empty() ? std::numeric_limits<double>::quiet_NaN()
                                   : lag_sum / static_cast<double>(per_series.size());
  return pooled;
}

template <typename T>
Result<std::vector<T>> EnlargeData(const std::vector<T>& values, int from, int to, int times) {
  if (from < 1 || to < from || static_cast<std::size_t>(to) > values.size()) {
    return MakeError(ErrorCode::kInvalidArgument, "range " + std::to_string(from) + ":" + std::to_string(to) +
                                                      " is outside the series of " +
                                                      std::to_string(values.size()) + " values");
  }
  if (times < 0) return MakeError(ErrorCode::kInvalidArgument, "times must be 0 or more");
  std::vector<T> enlarged;
  enlarged.reserve(static_cast<std::size_t>(times) * static_cast<std::size_t>(to - from + 1) + values.size());
  for (int copy = 0; copy < times; ++copy) {
    enlarged.insert(enlarged.end(), values.begin() + (from - 1), values.begin() + to);
  }
  enlarged.insert(enlarged.end(), values.begin(), values.end());
  return enlarged;
}

template Result<std::vector<double>> EnlargeData(const std::vector<double>&, int, int, int);
template Result<std::vector<bool>> EnlargeData(const std::vector<bool>&, int, int, int);

Result<EnlargedSeries> EnlargeForEvaluation(const std::vector<double>& observed, const std::vector<bool>& state,
                                            int frequency, int years, int times) {
  if (observed.size() != state.size()) {
    return MakeError(ErrorCode::kInvalidArgument, "observed has " + std::to_string(observed.size()) +
                                                      " weeks but state has " + std::to_string(state.size()));
  }
  const int copied = frequency * years;
  auto enlarged_observed = EnlargeData(observed, 1, copied, times);
  if (!enlarged_observed) {
    return MakeError(ErrorCode::kInvalidArgument, "series too short for the evaluation protocol: needs " +
                                                      std::to_string(copied) + " weeks, has " +
                                                      std::to_string(observed.size()));
  }
  auto enlarged_state = EnlargeData(state, 1, copied, times);
  if (!enlarged_state) return tl::unexpected(enlarged_state.error());
  EnlargedSeries series;
  series.observed = std::move(*enlarged_observed);
  series.state = std::move(*enlarged_state);
  series.range_from = times * copied + 1;
  series.range_to = static_cast<int>(series.observed.size());
  return series;
}

}  // namespace vigil::core::signals
