#include "labelled_eval.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace vigil::tests::signals {

using core::signals::ComputeQuality;
using core::signals::Detect;
using core::signals::DetectInput;
using core::signals::EnlargeForEvaluation;
using core::signals::PoolQuality;

const std::vector<std::string> kSeriesNames = {"m1", "m2", "m3", "m4", "m5", "q1_nrwh", "q2",
                                               "s1", "s2", "s3", "k1", "n1", "n2", "h1_nrwrp"};

bool ReadLabelled(const std::string& path, Labelled& series, std::string& error) {
  std::ifstream in(path);
  if (!in) {
    error = "cannot open " + path;
    return false;
  }
  std::string line;
  std::getline(in, line);  // header
  int row = 1;
  while (std::getline(in, line)) {
    ++row;
    std::istringstream fields(line);
    int week = 0;
    double observed = 0;
    int state = 0;
    if (!(fields >> week >> observed >> state) || observed < 0 || (state != 0 && state != 1)) {
      error = path + " row " + std::to_string(row) + ": expected week, a count and a state 0/1";
      return false;
    }
    if (week == 53 || week == 106 || week == 159) {
      if (observed != 0) {
        error = path + " row " + std::to_string(row) + ": week-53 placeholder holds a count";
        return false;
      }
      continue;
    }
    series.observed.push_back(observed);
    series.state.push_back(state == 1);
  }
  return true;
}

bool RunDetector(const Config& config, const std::vector<double>& observed, int from, int to,
                 std::vector<bool>& alarms, std::string& error, std::vector<bool>* missing) {
  std::vector<Parameter> params = config.params;
  params.push_back({"range", std::to_string(from) + ":" + std::to_string(to)});
  if (config.per_series) {
    const auto extra = config.per_series(std::vector<double>(observed.begin(), observed.begin() + (from - 1)));
    params.insert(params.end(), extra.begin(), extra.end());
  }
  DetectInput input;
  input.observed = observed;
  const auto detection = Detect(config.method, params, input);
  if (!detection) {
    error = config.label + ": " + detection.error().message;
    return false;
  }
  alarms.assign(static_cast<std::size_t>(to - from + 1), false);
  if (detection->points.size() != alarms.size()) {
    error = config.label + ": the detection does not cover the range " + std::to_string(from) + ":" + std::to_string(to);
    return false;
  }
  for (const auto& point : detection->points) alarms[static_cast<std::size_t>(point.index - from)] = point.alarm;
  if (missing != nullptr) {
    // R's alarm is NA where earsC has no bound (a zero spread under surveillance_compat). The
    // Farrington family's missing bounds (limit54 unmet, an infinite muan mean) are a plain
    // "no alarm" in R; only a point with no fitted model would be NA there, which these series
    // never produce.
    const bool ears = config.method == Method::kEarsC1 || config.method == Method::kEarsC2 ||
                      config.method == Method::kEarsC3;
    missing->assign(alarms.size(), false);
    for (const auto& point : detection->points) {
      (*missing)[static_cast<std::size_t>(point.index - from)] = ears && !point.upper;
    }
  }
  return true;
}

bool EvaluateLabelled(const Config& config, const std::vector<Labelled>& all, std::vector<Quality>& out,
                      std::string& error) {
  out.clear();
  for (const Labelled& series : all) {
    const auto enlarged = EnlargeForEvaluation(series.observed, series.state);
    if (!enlarged) {
      error = series.name + ": " + enlarged.error().message;
      return false;
    }
    std::vector<bool> alarms;
    std::vector<bool> missing;
    if (!RunDetector(config, enlarged->observed, enlarged->range_from, enlarged->range_to, alarms, error,
                     &missing)) {
      error = series.name + ": " + error;
      return false;
    }
    const std::vector<bool> state(enlarged->state.begin() + (enlarged->range_from - 1), enlarged->state.end());
    out.push_back(*ComputeQuality(state, alarms, 20, missing));
  }
  return true;
}

void PrintHeader() {
  std::printf("| detector | TP | FP | TN | FN | sens | spec | dist | mlag |\n|---|---|---|---|---|---|---|---|---|\n");
}

void PrintRow(const std::string& label, const Quality& q) {
  std::printf("| %s | %d | %d | %d | %d | %.3f | %.3f | %.3f | %.2f |\n", label.c_str(), q.tp, q.fp, q.tn, q.fn,
              q.sens, q.spec, q.dist, q.mlag);
}

namespace {

Quality Row(int tp, int fp, int tn, int fn, double mlag) {
  Quality q{.tp = tp, .fp = fp, .tn = tn, .fn = fn};
  q = PoolQuality({q});
  q.mlag = mlag;
  return q;
}

}  // namespace

std::function<std::vector<Parameter>(const std::vector<double>&)> CusumForRise(double ratio) {
  return [ratio](const std::vector<double>& history) {
    double sum = 0;
    for (double value : history) sum += value;
    const double mu0 = std::max(history.empty() ? 0.0 : sum / static_cast<double>(history.size()), 0.1);
    return std::vector<Parameter>{{"k", std::to_string(mu0 * (ratio - 1) / std::log(ratio))}};
  };
}

const std::vector<std::pair<std::string, Quality>>& PublishedTable() {
  static const std::vector<std::pair<std::string, Quality>> table = {
      {"rki(6,6,0)", Row(38, 62, 2646, 180, 5.43)},    {"rki(6,6,1)", Row(65, 83, 2625, 153, 5.57)},
      {"rki(4,0,2)", Row(80, 106, 2602, 138, 5.43)},   {"bayes(6,6,0)", Row(46, 101, 2607, 172, 4.07)},
      {"bayes(6,6,1)", Row(84, 130, 2578, 134, 2.21)}, {"bayes(4,0,2)", Row(117, 200, 2508, 101, 1.93)},
      {"cdc(4*,0,5)", Row(65, 94, 2614, 153, 7.14)},   {"farrington(3,0,5)", Row(43, 71, 2637, 175, 4.79)}};
  return table;
}

// detector,TP,FP,TN,FN,sens,spec,dist,mlag; the detector label may be quoted.
std::vector<std::pair<std::string, Quality>> ReadRTable(const std::string& path) {
  std::vector<std::pair<std::string, Quality>> rows;
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::string label;
    std::size_t rest = 0;
    if (!line.empty() && line[0] == '"') {
      rest = line.find('"', 1);
      label = line.substr(1, rest - 1);
      rest += 2;
    } else {
      rest = line.find(',');
      label = line.substr(0, rest);
      rest += 1;
    }
    Quality q;
    if (std::sscanf(line.c_str() + rest, "%d,%d,%d,%d,%lf,%lf,%lf,%lf", &q.tp, &q.fp, &q.tn, &q.fn, &q.sens,
                    &q.spec, &q.dist, &q.mlag) == 8) {
      rows.emplace_back(label, q);
    }
  }
  return rows;
}

std::vector<Config> StandardConfigs() {
  return {
      {"ears-c1", Method::kEarsC1, {{"alpha", "0.05"}}, nullptr},
      {"ears-c2", Method::kEarsC2, {{"alpha", "0.05"}}, nullptr},
      {"ears-c3", Method::kEarsC3, {{"alpha", "0.05"}}, nullptr},
      {"ears-c3-r", Method::kEarsC3, {{"alpha", "0.05"}, {"surveillance_compat", "true"}}, nullptr},
      {"farrington", Method::kFarrington, {{"alpha", "0.05"}}, nullptr},
      {"flexible", Method::kFlexible, {{"alpha", "0.05"}}, nullptr},
      {"noufaily", Method::kNoufaily, {{"alpha", "0.05"}}, nullptr},
      {"noufaily-muan", Method::kNoufaily, {{"alpha", "0.05"}, {"thresholdMethod", "muan"}}, nullptr},
      {"cusum (k=1.04, h=2.26)", Method::kCusum, {}, nullptr},
      {"cusum (k for 2×mean, h=5)", Method::kCusum, {{"h", "5"}}, CusumForRise(2)},
  };
}

}  // namespace vigil::tests::signals
