// Speed of the Farrington family in Vigil (bench/warn/run.sh runs R surveillance on the same file).
//
//   warn_bench --generate FILE [--series 1000] [--weeks 312]
//       writes the seeded series: a header `series,w1,…,wN`, then one row of counts per series
//       (simulated Poisson and negative-binomial weekly counts with seasonality and outbreaks,
//       tests/signals/outbreak_sim.hpp; seed 20261128 + series number)
//   warn_bench --in FILE --range FROM:TO
//       times farrington (algo.farrington defaults, α 0.05) and noufaily over every series on one
//       thread, detection only (the file is read first), and prints
//       `method series points alarms cpu_seconds wall_seconds` per method
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/signals/detect.hpp"
#include "outbreak_sim.hpp"

namespace {

using vigil::core::signals::Detect;
using vigil::core::signals::DetectInput;
using vigil::core::signals::Method;
namespace sim = vigil::tests::signals;

int Generate(const std::string& path, int series_count, int weeks) {
  std::ofstream out(path);
  if (!out) {
    std::fprintf(stderr, "warn_bench: cannot write %s\n", path.c_str());
    return 1;
  }
  out << "series";
  for (int week = 1; week <= weeks; ++week) out << ",w" << week;
  out << "\n";
  const std::vector<sim::Scenario> scenarios = {{"poisson 1", 1, 0.5, 1}, {"poisson 5", 5, 0.5, 1},
                                                {"poisson 20", 20, 0.5, 1}, {"negbin 1", 1, 0.5, 2},
                                                {"negbin 5", 5, 0.5, 2}, {"negbin 20", 20, 0.5, 2}};
  sim::SimulationDesign design;
  design.weeks = weeks;
  design.evaluated_weeks = 52;
  for (int series = 1; series <= series_count; ++series) {
    const auto& scenario = scenarios[static_cast<std::size_t>(series - 1) % scenarios.size()];
    const auto simulated = sim::SimulateSeries(scenario, design, 20261128ULL + static_cast<unsigned>(series));
    out << series;
    for (double count : simulated.observed) out << "," << count;
    out << "\n";
  }
  return 0;
}

bool ReadSeries(const std::string& path, std::vector<std::vector<double>>& all) {
  std::ifstream in(path);
  std::string line;
  if (!in || !std::getline(in, line)) return false;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string cell;
    std::getline(fields, cell, ',');  // series id
    std::vector<double> counts;
    while (std::getline(fields, cell, ',')) counts.push_back(std::strtod(cell.c_str(), nullptr));
    all.push_back(std::move(counts));
  }
  return !all.empty();
}

int Time(const std::string& path, const std::string& range) {
  std::vector<std::vector<double>> all;
  if (!ReadSeries(path, all)) {
    std::fprintf(stderr, "warn_bench: cannot read %s\n", path.c_str());
    return 1;
  }
  for (const auto& [method, name] : {std::pair{Method::kFarrington, "farrington"}, std::pair{Method::kNoufaily, "noufaily"}}) {
    long points = 0;
    long alarms = 0;
    const auto start = std::chrono::steady_clock::now();
    const std::clock_t cpu_start = std::clock();
    for (const auto& counts : all) {
      DetectInput input;
      input.observed = counts;
      const auto detection = Detect(method, {{"range", range}, {"alpha", "0.05"}}, input);
      if (!detection) {
        std::fprintf(stderr, "warn_bench: %s: %s\n", name, detection.error().message.c_str());
        return 1;
      }
      for (const auto& point : detection->points) {
        ++points;
        alarms += point.alarm ? 1 : 0;
      }
    }
    const double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%s %zu %ld %ld %.4f %.4f\n", name, all.size(), points, alarms, cpu, wall);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string generate;
  std::string in;
  std::string range;
  int series = 1000;
  int weeks = 312;
  for (int arg = 1; arg + 1 < argc; arg += 2) {
    const std::string flag = argv[arg];
    const std::string value = argv[arg + 1];
    if (flag == "--generate") generate = value;
    else if (flag == "--in") in = value;
    else if (flag == "--range") range = value;
    else if (flag == "--series") series = std::atoi(value.c_str());
    else if (flag == "--weeks") weeks = std::atoi(value.c_str());
  }
  if (!generate.empty() && series > 0 && weeks > 0) return Generate(generate, series, weeks);
  if (!in.empty() && !range.empty()) return Time(in, range);
  std::fprintf(stderr, "usage: warn_bench --generate FILE [--series N] [--weeks N] | --in FILE --range FROM:TO\n");
  return 2;
}
