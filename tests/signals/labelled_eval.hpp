// The pieces of quality_eval: reading the 14 labelled SurvStat@RKI series, running a detector
// through Detect() under the surveillance vignette's protocol, and the reference tables (the
// published one and R's run) to print beside Vigil's rows.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/signals/detect.hpp"
#include "core/signals/quality.hpp"

namespace vigil::tests::signals {

using core::signals::Method;
using core::signals::Parameter;
using core::signals::Quality;

extern const std::vector<std::string> kSeriesNames;  // m1 … h1_nrwrp, in the vignette's order

struct Labelled {
  std::string name;
  std::vector<double> observed;  // 209 weeks
  std::vector<bool> state;       // true = week inside a known outbreak
};

// Reads one `week observed state` file. The files hold four 53-row years whose rows 53, 106 and
// 159 are empty week-53 placeholders absent from R's data objects (data(k1) etc., 209 weeks);
// they are dropped and must hold 0. False with `error` naming the file and row on bad input.
bool ReadLabelled(const std::string& path, Labelled& series, std::string& error);

// A detector with its parameters; `per_series`, when set, adds parameters computed from the
// weeks before the evaluated range.
struct Config {
  std::string label;
  Method method = Method::kEarsC1;
  std::vector<Parameter> params;
  std::function<std::vector<Parameter>(const std::vector<double>& history)> per_series;
};

// Runs `config` on `observed`, evaluating positions from..to (1-based); `alarms` gets one entry
// per evaluated position.
bool RunDetector(const Config& config, const std::vector<double>& observed, int from, int to,
                 std::vector<bool>& alarms, std::string& error,
                 std::vector<bool>* missing = nullptr);

// Per-series quality of `config` on `all` under the vignette protocol (enlargement, penalty 20).
bool EvaluateLabelled(const Config& config, const std::vector<Labelled>& all, std::vector<Quality>& out,
                      std::string& error);

// Markdown table rows.
void PrintHeader();
void PrintRow(const std::string& label, const Quality& quality);

// The published comparison (surveillance vignette; shared/reference/early-warning.md §3.5).
const std::vector<std::pair<std::string, Quality>>& PublishedTable();

// Rows written by generate_quality_r.R (detector label, pooled quality), in file order; empty if
// unreadable.
std::vector<std::pair<std::string, Quality>> ReadRTable(const std::string& path);

// Poisson CUSUM reference value for a rise of the mean from μ0 to ratio·μ0, μ0 being the mean of
// the weeks before the evaluated range (floored at 0.1): k = (μ1 − μ0)/(ln μ1 − ln μ0).
std::function<std::vector<Parameter>(const std::vector<double>&)> CusumForRise(double ratio);

// The detectors of the standard table, each at α = 0.05 where it has an α.
std::vector<Config> StandardConfigs();

}  // namespace vigil::tests::signals
