// Evaluates the count detectors with R surveillance's quality measures (docs/quality.md, "Warn
// detectors"): on the 14 labelled SurvStat@RKI series under the protocol of the surveillance
// vignette (cyclic enlargement, α = 0.05, detection-delay penalty 20), beside the published table
// and R's own run; on simulated Poisson and negative-binomial series with injected outbreaks; and,
// with --explore, over a declared grid of parameters with a leave-one-series-out check.
//
//   quality_eval [--replicates N]   labelled and simulated tables (markdown)
//   quality_eval --explore [--threads N]   adds the parameter search (long: hundreds of runs)
//   quality_eval --check            the CTest run: parity with R's rows and regression floors
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "labelled_eval.hpp"
#include "outbreak_sim.hpp"

namespace vigil::tests::signals {
namespace {

using core::signals::ComputeQuality;
using core::signals::PoolQuality;

struct Options {
  std::string labelled_dir = std::string(VIGIL_SOURCE_DIR) + "/tests/signals/labelled";
  std::string r_table = std::string(VIGIL_SOURCE_DIR) + "/tests/signals/quality_r.csv";
  int replicates = 20;
  bool explore = false;
  bool check = false;
  int threads = 1;  // for --explore
};

int Fail(const std::string& error) {
  std::fprintf(stderr, "quality_eval: %s\n", error.c_str());
  return 1;
}

bool LoadAll(const Options& options, std::vector<Labelled>& all, std::string& error) {
  for (const std::string& name : kSeriesNames) {
    Labelled series;
    series.name = name;
    if (!ReadLabelled(options.labelled_dir + "/" + name + ".txt", series, error)) return false;
    all.push_back(std::move(series));
  }
  return true;
}

// --- simulated series ---------------------------------------------------------------------------

const std::vector<Scenario>& Scenarios() {
  static const std::vector<Scenario> scenarios = {
      {"poisson, mean 1", 1, 0.5, 1},  {"poisson, mean 5", 5, 0.5, 1},  {"poisson, mean 20", 20, 0.5, 1},
      {"negbin φ=2, mean 1", 1, 0.5, 2}, {"negbin φ=2, mean 5", 5, 0.5, 2}, {"negbin φ=2, mean 20", 20, 0.5, 2}};
  return scenarios;
}

// Pooled quality per scenario and detector: result[scenario][config].
bool EvaluateSimulated(const std::vector<Config>& configs, int replicates,
                       std::vector<std::vector<Quality>>& result, std::string& error) {
  const SimulationDesign design;
  const int from = design.weeks - design.evaluated_weeks + 1;
  result.assign(Scenarios().size(), std::vector<Quality>(configs.size()));
  for (std::size_t scenario_idx = 0; scenario_idx < Scenarios().size(); ++scenario_idx) {
    std::vector<std::vector<Quality>> per_config(configs.size());
    for (int replicate = 0; replicate < replicates; ++replicate) {
      const auto seed = static_cast<std::uint64_t>(20261128 + 1000 * scenario_idx + replicate);
      const SimulatedSeries series = SimulateSeries(Scenarios()[scenario_idx], design, seed);
      const std::vector<bool> state(series.state.begin() + (from - 1), series.state.end());
      for (std::size_t config_idx = 0; config_idx < configs.size(); ++config_idx) {
        std::vector<bool> alarms;
        if (!RunDetector(configs[config_idx], series.observed, from, design.weeks, alarms, error)) return false;
        per_config[config_idx].push_back(*ComputeQuality(state, alarms, 20));
      }
    }
    for (std::size_t config_idx = 0; config_idx < configs.size(); ++config_idx) {
      result[scenario_idx][config_idx] = PoolQuality(per_config[config_idx]);
    }
  }
  return true;
}

// Pools scenarios [first, first + count) for one detector (counts summed, mlag averaged).
Quality PoolScenarios(const std::vector<std::vector<Quality>>& result, std::size_t config_idx, std::size_t first,
                      std::size_t count) {
  std::vector<Quality> parts;
  for (std::size_t idx = first; idx < first + count; ++idx) parts.push_back(result[idx][config_idx]);
  return PoolQuality(parts);
}

// --- parameter search ---------------------------------------------------------------------------

// The declared grid, every member at α = 0.05 where the method has an α.
std::vector<Config> SearchGrid() {
  std::vector<Config> grid;
  const std::vector<std::pair<const char*, const char*>> seasonal = {{"1", "NULL"}, {"10", "26"}};
  // muan is left out: with some of these settings its inflated mean reaches ~1e10 on these series
  // and Vigil's negative binomial quantile then takes minutes per point (docs/quality.md).
  for (const char* threshold : {"nbPlugin", "delta"}) {
    for (const auto& [no_periods, past] : seasonal) {
      for (const char* b : {"3", "5"}) {
        for (const char* w : {"2", "3", "5"}) {
          for (const char* limit : {"5,4", "0,4"}) {
            for (const char* trend : {"true", "false"}) {
              for (const char* reweight_at : {"2.58", "1"}) {
                grid.push_back({std::string("flexible(thresholdMethod=") + threshold + " noPeriods=" + no_periods +
                                    " pastWeeksNotIncluded=" + past + " b=" + b + " w=" + w + " limit54=" + limit +
                                    " trend=" + trend + " weightsThreshold=" + reweight_at + ")",
                                Method::kFlexible,
                                {{"alpha", "0.05"},
                                 {"thresholdMethod", threshold},
                                 {"noPeriods", no_periods},
                                 {"pastWeeksNotIncluded", past},
                                 {"b", b},
                                 {"w", w},
                                 {"limit54", limit},
                                 {"trend", trend},
                                 {"weightsThreshold", reweight_at}},
                                nullptr});
              }
            }
          }
        }
      }
    }
  }
  for (const char* b : {"3", "5"}) {
    for (const char* w : {"2", "3", "5"}) {
      for (const char* limit : {"5,4", "0,4"}) {
        for (const char* power : {"2/3", "1/2", "none"}) {
          grid.push_back({std::string("farrington(b=") + b + " w=" + w + " limit54=" + limit + " powertrans=" + power + ")",
                          Method::kFarrington,
                          {{"alpha", "0.05"}, {"b", b}, {"w", w}, {"limit54", limit}, {"powertrans", power}},
                          nullptr});
        }
      }
    }
  }
  for (const auto& [method, name] : {std::pair{Method::kEarsC1, "ears-c1"}, std::pair{Method::kEarsC2, "ears-c2"},
                                     std::pair{Method::kEarsC3, "ears-c3"}}) {
    for (const char* baseline : {"7", "14", "28"}) {
      for (const char* sigma : {"0", "0.5", "1", "2"}) {
        grid.push_back({std::string(name) + "(baseline=" + baseline + " minSigma=" + sigma + ")",
                        method,
                        {{"alpha", "0.05"}, {"baseline", baseline}, {"minSigma", sigma}},
                        nullptr});
      }
    }
  }
  // CUSUM: k for a rise of the mean by `ratio` over the weeks before the range, and h.
  for (const double ratio : {1.5, 2.0, 3.0}) {
    for (const char* h : {"2.26", "5", "10"}) {
      grid.push_back({"cusum(k for " + std::to_string(ratio).substr(0, 3) + "×mean, h=" + h + ")", Method::kCusum,
                      {{"h", h}}, CusumForRise(ratio)});
    }
  }
  return grid;
}

// The selection rule: highest sensitivity among configurations with specificity ≥ 0.97; ties go
// to the smaller distance. -1 when none reaches the specificity.
int SelectBest(const std::vector<Quality>& pooled) {
  int best = -1;
  for (std::size_t idx = 0; idx < pooled.size(); ++idx) {
    if (!(pooled[idx].spec >= 0.97)) continue;
    if (best < 0 || pooled[idx].sens > pooled[best].sens ||
        (pooled[idx].sens == pooled[best].sens && pooled[idx].dist < pooled[best].dist)) {
      best = static_cast<int>(idx);
    }
  }
  return best;
}

Quality PoolExcept(const std::vector<Quality>& per_series, std::size_t left_out) {
  std::vector<Quality> kept;
  for (std::size_t idx = 0; idx < per_series.size(); ++idx) {
    if (idx != left_out) kept.push_back(per_series[idx]);
  }
  return PoolQuality(kept);
}

int Explore(const std::vector<Labelled>& all, int threads) {
  const std::vector<Config> grid = SearchGrid();
  std::vector<std::vector<Quality>> per_series(grid.size());
  std::vector<std::string> errors(grid.size());
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t idx = next++; idx < grid.size(); idx = next++) {
      (void)EvaluateLabelled(grid[idx], all, per_series[idx], errors[idx]);
      std::fprintf(stderr, "%zu/%zu %s\n", idx + 1, grid.size(), grid[idx].label.c_str());
    }
  };
  std::vector<std::thread> workers;
  for (int worker = 0; worker < threads; ++worker) workers.emplace_back(work);
  for (std::thread& worker : workers) worker.join();
  std::vector<Quality> pooled;
  for (std::size_t idx = 0; idx < grid.size(); ++idx) {
    if (!errors[idx].empty()) return Fail(errors[idx]);
    pooled.push_back(PoolQuality(per_series[idx]));
  }
  std::printf("\n## Parameter search (%zu configurations, alpha = 0.05; in-sample)\n\n", grid.size());
  std::printf("Highest sensitivity among configurations with specificity >= 0.97, and the five best by dist:\n\n");
  PrintHeader();
  const int best = SelectBest(pooled);
  if (best >= 0) PrintRow("best at spec>=0.97: " + grid[best].label, pooled[best]);
  std::vector<std::size_t> order(grid.size());
  for (std::size_t idx = 0; idx < order.size(); ++idx) order[idx] = idx;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return pooled[a].dist < pooled[b].dist; });
  for (std::size_t rank = 0; rank < 5 && rank < order.size(); ++rank) PrintRow(grid[order[rank]].label, pooled[order[rank]]);

  // Leave one series out: choose on 13, score the 14th with that choice, pool the 14 scores.
  std::printf("\n## Leave-one-series-out check of the selection rule\n\n| held out | chosen on the other 13 |\n|---|---|\n");
  std::vector<Quality> held_out;
  for (std::size_t series_idx = 0; series_idx < all.size(); ++series_idx) {
    std::vector<Quality> without;
    for (std::size_t idx = 0; idx < grid.size(); ++idx) without.push_back(PoolExcept(per_series[idx], series_idx));
    const int chosen = SelectBest(without);
    if (chosen < 0) return Fail("no configuration reaches specificity 0.97 without " + all[series_idx].name);
    std::printf("| %s | %s |\n", all[series_idx].name.c_str(), grid[chosen].label.c_str());
    held_out.push_back(per_series[chosen][series_idx]);
  }
  std::printf("\n");
  PrintHeader();
  PrintRow("leave-one-series-out (pooled over the 14 held-out series)", PoolQuality(held_out));
  return 0;
}

// --- main sections ------------------------------------------------------------------------------

int Report(const Options& options) {
  std::vector<Labelled> all;
  std::string error;
  if (!LoadAll(options, all, error)) return Fail(error);
  const std::vector<Config> configs = StandardConfigs();
  std::printf("## 14 labelled SurvStat@RKI series (vignette protocol, alpha = 0.05, penalty 20)\n\n");
  PrintHeader();
  for (const Config& config : configs) {
    std::vector<Quality> per_series;
    if (!EvaluateLabelled(config, all, per_series, error)) return Fail(error);
    PrintRow("Vigil " + config.label, PoolQuality(per_series));
  }
  for (const auto& [label, quality] : ReadRTable(options.r_table)) PrintRow("R 1.20.3 " + label, quality);
  for (const auto& [label, quality] : PublishedTable()) PrintRow("published " + label, quality);

  std::vector<std::vector<Quality>> simulated;
  if (!EvaluateSimulated(configs, options.replicates, simulated, error)) return Fail(error);
  std::printf("\n## Simulated series (%d per scenario, last 104 of 416 weeks evaluated)\n\n", options.replicates);
  std::printf("| scenario | detector | TP | FP | TN | FN | sens | spec | dist | mlag |\n|---|---|---|---|---|---|---|---|---|---|\n");
  const auto print = [&](const std::string& scenario, const std::string& label, const Quality& q) {
    std::printf("| %s | %s | %d | %d | %d | %d | %.3f | %.3f | %.3f | %.2f |\n", scenario.c_str(), label.c_str(), q.tp,
                q.fp, q.tn, q.fn, q.sens, q.spec, q.dist, q.mlag);
  };
  for (std::size_t config_idx = 0; config_idx < configs.size(); ++config_idx) {
    print("all Poisson", configs[config_idx].label, PoolScenarios(simulated, config_idx, 0, 3));
    print("all negbin", configs[config_idx].label, PoolScenarios(simulated, config_idx, 3, 3));
  }
  for (std::size_t scenario_idx = 0; scenario_idx < Scenarios().size(); ++scenario_idx) {
    for (std::size_t config_idx = 0; config_idx < configs.size(); ++config_idx) {
      print(Scenarios()[scenario_idx].name, configs[config_idx].label, simulated[scenario_idx][config_idx]);
    }
  }
  return options.explore ? Explore(all, options.threads) : 0;
}

// Simulation floors for --check: detector label, then sens and spec floors for the Poisson and the
// negative-binomial scenarios.
struct SimulationFloor {
  std::string label;
  double poisson_sens, poisson_spec, negbin_sens, negbin_spec;
};
const std::vector<SimulationFloor> kSimulationFloors = {
    {"ears-c2", 0.43, 0.89, 0.39, 0.915},
    {"farrington", 0.36, 0.975, 0.42, 0.945},
    {"noufaily", 0.37, 0.975, 0.39, 0.96},
    {"cusum (k for 2×mean, h=5)", 0.25, 0.965, 0.33, 0.95},
};

// The CTest run (seconds): Vigil's rows must equal R's where the port is exact, and the other
// figures must not fall below the floors recorded in docs/quality.md.
int Check(const Options& options) {
  std::vector<Labelled> all;
  std::string error;
  if (!LoadAll(options, all, error)) return Fail(error);
  const auto r_rows = ReadRTable(options.r_table);
  if (r_rows.empty()) return Fail("cannot read R's table " + options.r_table);
  int failures = 0;
  const auto expect = [&](bool ok, const std::string& what) {
    std::printf("%s %s\n", ok ? "ok  " : "FAIL", what.c_str());
    failures += ok ? 0 : 1;
  };
  // Vigil label → R label of the same detector and parameters.
  const std::vector<std::pair<std::string, std::string>> parity = {
      {"ears-c1", "ears-c1"}, {"ears-c2", "ears-c2"}, {"farrington", "farrington"},
      {"flexible", "flexible"}, {"noufaily", "noufaily"}, {"noufaily-muan", "noufaily-muan"},
      {"ears-c3-r", "ears-c3-r"}};
  std::map<std::string, Quality> ours;
  for (const Config& config : StandardConfigs()) {
    std::vector<Quality> per_series;
    if (!EvaluateLabelled(config, all, per_series, error)) return Fail(error);
    ours[config.label] = PoolQuality(per_series);
  }
  for (const auto& [vigil_label, r_label] : parity) {
    const auto found = std::find_if(r_rows.begin(), r_rows.end(), [&](const auto& row) { return row.first == r_label; });
    if (found == r_rows.end()) return Fail("R's table has no row " + r_label);
    const Quality& q = ours[vigil_label];
    const Quality& r = found->second;
    char line[200];
    std::snprintf(line, sizeof line, "%s equals R: TP %d/%d FP %d/%d TN %d/%d FN %d/%d mlag %.6f/%.6f",
                  vigil_label.c_str(), q.tp, r.tp, q.fp, r.fp, q.tn, r.tn, q.fn, r.fn, q.mlag, r.mlag);
    expect(q.tp == r.tp && q.fp == r.fp && q.tn == r.tn && q.fn == r.fn && std::abs(q.mlag - r.mlag) < 1e-6, line);
  }

  // The search's results on the labelled series (--explore; in-sample): the best sensitivity at
  // specificity >= 0.97 and the smallest distance. The target (sens >= 0.55 at spec >= 0.97) is
  // not met; these floors keep what was reached.
  const std::vector<std::pair<Config, std::pair<double, double>>> labelled_floors = {
      {{"flexible(delta noPeriods=10 pastWeeksNotIncluded=26 b=5 w=2 limit54=0,4 trend=false weightsThreshold=1)",
        Method::kFlexible,
        {{"alpha", "0.05"}, {"thresholdMethod", "delta"}, {"noPeriods", "10"}, {"pastWeeksNotIncluded", "26"},
         {"b", "5"}, {"w", "2"}, {"limit54", "0,4"}, {"trend", "false"}, {"weightsThreshold", "1"}},
        nullptr},
       {0.39, 0.97}},
      {{"farrington(b=3 w=5 limit54=0,4 powertrans=none)",
        Method::kFarrington,
        {{"alpha", "0.05"}, {"b", "3"}, {"w", "5"}, {"limit54", "0,4"}, {"powertrans", "none"}},
        nullptr},
       {0.60, 0.90}}};
  for (const auto& [config, floor] : labelled_floors) {
    std::vector<Quality> per_series;
    if (!EvaluateLabelled(config, all, per_series, error)) return Fail(error);
    const Quality q = PoolQuality(per_series);
    char line[300];
    std::snprintf(line, sizeof line, "labelled %s: sens %.3f (floor %.2f) spec %.3f (floor %.2f)", config.label.c_str(),
                  q.sens, floor.first, q.spec, floor.second);
    expect(q.sens >= floor.first && q.spec >= floor.second, line);
  }

  // Regression floors on the seeded simulation (3 series per scenario): the figures reached when
  // this was written, rounded down to 0.01 for sensitivity and 0.005 for specificity.
  const std::vector<SimulationFloor>& floors = kSimulationFloors;
  std::vector<Config> simulated_configs;
  for (const SimulationFloor& floor : floors) {
    for (const Config& config : StandardConfigs()) {
      if (config.label == floor.label) simulated_configs.push_back(config);
    }
  }
  std::vector<std::vector<Quality>> simulated;
  if (!EvaluateSimulated(simulated_configs, 3, simulated, error)) return Fail(error);
  for (std::size_t idx = 0; idx < floors.size(); ++idx) {
    const Quality poisson = PoolScenarios(simulated, idx, 0, 3);
    const Quality negbin = PoolScenarios(simulated, idx, 3, 3);
    char line[240];
    std::snprintf(line, sizeof line, "simulated %s: Poisson sens %.3f (floor %.2f) spec %.3f (floor %.3f); negbin sens %.3f (floor %.2f) spec %.3f (floor %.3f)",
                  floors[idx].label.c_str(), poisson.sens, floors[idx].poisson_sens, poisson.spec, floors[idx].poisson_spec,
                  negbin.sens, floors[idx].negbin_sens, negbin.spec, floors[idx].negbin_spec);
    expect(poisson.sens >= floors[idx].poisson_sens && poisson.spec >= floors[idx].poisson_spec &&
               negbin.sens >= floors[idx].negbin_sens && negbin.spec >= floors[idx].negbin_spec,
           line);
  }
  return failures == 0 ? 0 : 1;
}

}  // namespace
}  // namespace vigil::tests::signals

int main(int argc, char** argv) {
  using vigil::tests::signals::Options;
  Options options;
  for (int arg = 1; arg < argc; ++arg) {
    const std::string flag = argv[arg];
    if (flag == "--explore") {
      options.explore = true;
    } else if (flag == "--check") {
      options.check = true;
    } else if ((flag == "--replicates" || flag == "--labelled" || flag == "--r-table" || flag == "--threads") && arg + 1 < argc) {
      const std::string value = argv[++arg];
      if (flag == "--replicates") options.replicates = std::max(1, std::atoi(value.c_str()));
      if (flag == "--labelled") options.labelled_dir = value;
      if (flag == "--r-table") options.r_table = value;
      if (flag == "--threads") options.threads = std::max(1, std::atoi(value.c_str()));
    } else {
      std::fprintf(stderr, "usage: quality_eval [--explore] [--check] [--replicates N] [--threads N] [--labelled DIR] [--r-table FILE]\n");
      return 2;
    }
  }
  if (options.check) return vigil::tests::signals::Check(options);
  return vigil::tests::signals::Report(options);
}
