#include "outbreak_sim.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace vigil::tests::signals {

double CountSampler::Uniform() {
  // 53 random bits, shifted off 0 so that logarithms stay finite.
  return (static_cast<double>(engine_() >> 11) + 0.5) * 0x1.0p-53;
}

double CountSampler::Normal() {
  const double radius = std::sqrt(-2 * std::log(Uniform()));
  return radius * std::cos(2 * std::numbers::pi * Uniform());
}

double CountSampler::Gamma(double shape) {
  if (shape < 1) return Gamma(shape + 1) * std::pow(Uniform(), 1 / shape);
  const double d = shape - 1.0 / 3;
  const double c = 1 / std::sqrt(9 * d);
  while (true) {
    double x = 0;
    double v = 0;
    do {
      x = Normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const double u = Uniform();
    if (std::log(u) < 0.5 * x * x + d - d * v + d * std::log(v)) return d * v;
  }
}

int CountSampler::Poisson(double mean) {
  if (mean <= 0) return 0;
  const double u = Uniform();
  double probability = std::exp(-mean);
  double cumulative = probability;
  int count = 0;
  while (u > cumulative && count < 100000) {
    ++count;
    probability *= mean / count;
    cumulative += probability;
    if (probability == 0 && cumulative < u) break;  // u beyond the representable tail
  }
  return count;
}

int CountSampler::NegativeBinomial(double mean, double dispersion) {
  if (dispersion <= 1) return Poisson(mean);
  const double size = mean / (dispersion - 1);  // variance = mean + mean²/size = dispersion · mean
  return Poisson(Gamma(size) * mean / size);
}

namespace {

// Outbreak starts inside [first, last] at least `gap` weeks apart, drawn by rejection.
std::vector<int> DrawStarts(CountSampler& sampler, int count, int first, int last, int gap) {
  std::vector<int> starts;
  int attempts = 0;
  while (static_cast<int>(starts.size()) < count && attempts < 10000) {
    ++attempts;
    const int start = first + static_cast<int>(sampler.Uniform() * (last - first + 1));
    const bool clear = std::none_of(starts.begin(), starts.end(),
                                    [&](int other) { return std::abs(other - start) < gap; });
    if (clear) starts.push_back(start);
  }
  std::sort(starts.begin(), starts.end());
  return starts;
}

}  // namespace

SimulatedSeries SimulateSeries(const Scenario& scenario, const SimulationDesign& design, std::uint64_t seed) {
  CountSampler sampler(seed);
  const double phase = 2 * std::numbers::pi * sampler.Uniform();
  std::vector<double> mean(static_cast<std::size_t>(design.weeks));
  SimulatedSeries series;
  series.observed.resize(mean.size());
  series.state.assign(mean.size(), false);
  for (int week = 0; week < design.weeks; ++week) {
    mean[week] = scenario.base_mean * std::exp(scenario.amplitude * std::cos(2 * std::numbers::pi * week / 52 + phase));
    series.observed[week] = sampler.NegativeBinomial(mean[week], scenario.dispersion);
  }

  const int evaluated_from = design.weeks - design.evaluated_weeks;
  auto history = DrawStarts(sampler, design.outbreaks_history, 52, evaluated_from - design.duration - 1, design.min_gap);
  auto evaluated = DrawStarts(sampler, design.outbreaks_evaluated, evaluated_from, design.weeks - design.duration,
                              design.min_gap);
  series.outbreak_starts = history;
  series.outbreak_starts.insert(series.outbreak_starts.end(), evaluated.begin(), evaluated.end());

  // Triangular profile over the duration: 1:2:1 for three weeks.
  std::vector<double> profile;
  double profile_sum = 0;
  for (int day = 0; day < design.duration; ++day) {
    profile.push_back(std::min(day + 1, design.duration - day));
    profile_sum += profile.back();
  }
  for (const int start : series.outbreak_starts) {
    const double sd = std::sqrt(scenario.dispersion * mean[start]);
    const int size = sampler.Poisson(design.size_in_sd * sd);
    series.outbreak_sizes.push_back(size);
    for (int added = 0; added < size; ++added) {
      double pick = sampler.Uniform() * profile_sum;
      int offset = 0;
      while (offset + 1 < design.duration && pick > profile[offset]) pick -= profile[offset++];
      series.observed[start + offset] += 1;
    }
    for (int offset = 0; offset < design.duration; ++offset) series.state[start + offset] = true;
  }
  return series;
}

}  // namespace vigil::tests::signals
