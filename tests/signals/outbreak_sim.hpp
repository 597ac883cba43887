// Simulated weekly count series with injected outbreaks of known start and size, for evaluating
// the detectors (docs/quality.md). Every draw comes from a seeded std::mt19937_64 (whose output
// sequence the C++ standard fixes) through the samplers below, written out here rather than taken
// from <random>'s distributions, whose algorithms differ between standard libraries: the same seed
// gives the same series everywhere.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace vigil::tests::signals {

// Uniform, normal, gamma, Poisson and negative binomial draws from one seeded engine.
class CountSampler {
 public:
  explicit CountSampler(std::uint64_t seed) : engine_(seed) {}
  double Uniform();                  // (0, 1)
  double Normal();                   // standard normal, Box–Muller
  double Gamma(double shape);        // scale 1; Marsaglia–Tsang (shape < 1 via the u^(1/shape) boost)
  int Poisson(double mean);          // inversion by sequential search; REQUIRES 0 <= mean <= 500
  // Mean `mean`, variance dispersion·mean (gamma–Poisson mixture); Poisson when dispersion is 1.
  int NegativeBinomial(double mean, double dispersion);

 private:
  std::mt19937_64 engine_;
};

// One scenario: weekly mean exp(intercept + amplitude·cos(2πt/52 + phase)), counts Poisson
// (dispersion 1) or negative binomial (dispersion > 1).
struct Scenario {
  std::string name;
  double base_mean = 5;   // exp(intercept): the mean in an average week
  double amplitude = 0.5; // seasonal log-amplitude
  double dispersion = 1;  // variance / mean
};

struct SimulationDesign {
  int weeks = 416;             // eight years: six of history, two evaluated
  int evaluated_weeks = 104;   // the last two years
  int outbreaks_evaluated = 4; // outbreaks starting inside the evaluated years
  int outbreaks_history = 4;   // outbreaks in the history, to test down-weighting of past outbreaks
  double size_in_sd = 5;       // outbreak size: Poisson with mean size_in_sd · sd(week of start)
  int duration = 3;            // weeks; the cases fall multinomially with weights 1:2:1 (3 weeks)
  int min_gap = 13;            // weeks between outbreak starts
};

struct SimulatedSeries {
  std::vector<double> observed;
  std::vector<bool> state;        // true in the weeks of an injected outbreak
  std::vector<int> outbreak_starts;  // 0-based
  std::vector<int> outbreak_sizes;   // cases added per outbreak
};

// Draws one series of `design.weeks` weeks for `scenario` from `seed`.
[[nodiscard]] SimulatedSeries SimulateSeries(const Scenario& scenario, const SimulationDesign& design,
                                             std::uint64_t seed);

}  // namespace vigil::tests::signals
