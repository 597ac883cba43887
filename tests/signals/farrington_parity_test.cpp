// Parity with R for the Farrington family: every case of farrington_cases.csv (series × method
// × R-named parameters) is run through signals::Detect — the same entry point as `vigil warn
// detect` — and compared with farrington_golden.csv, written by generate_farrington_golden.R with
// R surveillance 1.20.3: upper bounds within 1e-6 relative, alarms identical, and the expected
// value and score wherever R reports them.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "core/signals/detect.hpp"

namespace vigil::core::signals {
namespace {

const std::string kDir = std::string(VIGIL_SOURCE_DIR) + "/tests/signals/";

// Splits one CSV line on commas outside double quotes.
std::vector<std::string> SplitCsv(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (const char c : line) {
    if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      fields.emplace_back();
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  return fields;
}

std::vector<double> ReadColumn(const std::string& path, int skip_lines, int column) {
  std::ifstream in(path);
  std::string line;
  for (int i = 0; i < skip_lines; ++i) std::getline(in, line);
  std::vector<double> values;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string field;
    for (int i = 0; i <= column; ++i) fields >> field;
    if (!field.empty()) values.push_back(std::stod(field));
  }
  return values;
}

std::map<std::string, std::vector<double>> LoadSeries() {
  std::map<std::string, std::vector<double>> series;
  series["agona"] = ReadColumn(kDir + "salmonella_agona.txt", 1, 1);
  series["newport"] = ReadColumn(kDir + "salmnewport_germany.txt", 0, 0);
  for (const char* name : {"m1", "s2", "q1_nrwh"}) {
    series[name] = ReadColumn(kDir + "labelled/" + name + ".txt", 1, 1);
  }
  {
    std::ifstream monthly(kDir + "ucdp_bgd_monthly.csv");
    std::string row;
    std::getline(monthly, row);
    while (std::getline(monthly, row)) series["ucdp_bgd"].push_back(std::stod(SplitCsv(row)[1]));
  }
  std::ifstream in(kDir + "generated_series.csv");
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    const auto fields = SplitCsv(line);
    series[fields[0]].push_back(std::stod(fields[2]));
  }
  return series;
}

std::vector<Parameter> ParseParams(const std::string& text) {
  std::vector<Parameter> params;
  std::istringstream pairs(text);
  std::string pair;
  while (std::getline(pairs, pair, ';')) {
    const auto eq = pair.find('=');
    params.push_back({pair.substr(0, eq), pair.substr(eq + 1)});
  }
  return params;
}

std::optional<double> ParseR(const std::string& text) {
  if (text == "NA") return std::nullopt;
  return std::stod(text);
}

bool Close(double expected, double actual) {
  return std::abs(expected - actual) <= 1e-6 * std::max(1.0, std::abs(expected));
}

struct GoldenRow {
  int index = 0;
  double observed = 0;
  std::optional<double> expected;
  std::optional<double> upper;
  bool alarm = false;
  std::optional<double> score;
};

TEST(FarringtonParity, EveryCaseMatchesRSurveillance) {
  const auto series = LoadSeries();
  ASSERT_EQ(series.at("agona").size(), 312u);
  ASSERT_EQ(series.at("gen_pois").size(), 364u);
  ASSERT_EQ(series.at("gen_monthly").size(), 96u);
  ASSERT_EQ(series.at("ucdp_bgd").size(), 360u);

  std::map<std::string, std::vector<GoldenRow>> golden;
  {
    std::ifstream in(kDir + "farrington_golden.csv");
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
      const auto f = SplitCsv(line);
      golden[f[0]].push_back({std::stoi(f[1]), std::stod(f[2]), ParseR(f[3]), ParseR(f[4]), f[5] == "1", ParseR(f[6])});
    }
  }
  std::ifstream cases(kDir + "farrington_cases.csv");
  std::string line;
  std::getline(cases, line);
  int case_count = 0;
  int compared_uppers = 0;
  int alarms = 0;
  while (std::getline(cases, line)) {
    const auto f = SplitCsv(line);
    const std::string& name = f[0];
    SCOPED_TRACE(name);
    ++case_count;
    const auto method = ParseMethod(f[3]);
    ASSERT_TRUE(method.has_value());
    DetectInput input{.observed = series.at(f[1]), .population = {}, .frequency = std::stoi(f[2])};
    const auto detection = Detect(*method, ParseParams(f.size() > 4 ? f[4] : ""), input);
    ASSERT_TRUE(detection.has_value()) << detection.error().message;
    const auto& rows = golden.at(name);
    ASSERT_EQ(detection->points.size(), rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const GoldenRow& r = rows[i];
      const DetectedPoint& p = detection->points[i];
      SCOPED_TRACE("index " + std::to_string(r.index));
      ASSERT_EQ(p.index, r.index);
      ASSERT_EQ(p.observed, r.observed);
      EXPECT_EQ(p.alarm, r.alarm);
      alarms += r.alarm ? 1 : 0;
      // algo.farrington writes 0 where limit54 is not met; Vigil reports no bound (null) there.
      const bool classic_zero = *method == Method::kFarrington && r.upper && *r.upper == 0 && !p.upper;
      if (classic_zero) continue;
      ASSERT_EQ(p.upper.has_value(), r.upper.has_value());
      if (r.upper) {
        EXPECT_TRUE(Close(*r.upper, *p.upper)) << "upper R " << *r.upper << " Vigil " << *p.upper;
        ++compared_uppers;
      }
      if (r.expected) {
        ASSERT_TRUE(p.expected.has_value());
        EXPECT_TRUE(Close(*r.expected, *p.expected)) << "expected R " << *r.expected << " Vigil " << *p.expected;
      }
      if (r.score) {
        ASSERT_TRUE(p.score.has_value());
        EXPECT_TRUE(Close(*r.score, *p.score)) << "score R " << *r.score << " Vigil " << *p.score;
      }
    }
  }
  EXPECT_EQ(case_count, 43);
  EXPECT_GT(compared_uppers, 4000);
  EXPECT_GT(alarms, 20);
}

// Reference R5 (early-warning.md §3.7): farringtonFlexible(salmonella.agona, nbPlugin, α = 0.1)
// raises no alarm where y = 0, and its alarms are exactly the weeks with y > U.
TEST(FarringtonParity, ReferenceR5AlarmSanity) {
  const auto agona = LoadSeries().at("agona");
  const auto detection = Detect(Method::kFlexible, {{"thresholdMethod", "nbPlugin"}, {"alpha", "0.1"}},
                                DetectInput{.observed = agona});
  ASSERT_TRUE(detection.has_value());
  int alarms = 0;
  int above = 0;
  for (const DetectedPoint& point : detection->points) {
    if (point.observed == 0) EXPECT_FALSE(point.alarm) << point.index;
    alarms += point.alarm ? 1 : 0;
    above += point.upper && point.observed > *point.upper ? 1 : 0;
  }
  EXPECT_EQ(alarms, above);
  EXPECT_GT(alarms, 0);
}

TEST(FarringtonParity, RejectsParametersTheMethodDoesNotHave) {
  DetectInput input{.observed = std::vector<double>(312, 3.0)};
  const auto noufaily_only = Detect(Method::kFarrington, {{"noPeriods", "10"}}, input);
  ASSERT_FALSE(noufaily_only.has_value());
  EXPECT_EQ(noufaily_only.error().reason, "unknown-parameter");
  EXPECT_NE(noufaily_only.error().message.find("noPeriods"), std::string::npos);
  const auto ears_param = Detect(Method::kFlexible, {{"baseline", "7"}}, input);
  ASSERT_FALSE(ears_param.has_value());
  EXPECT_EQ(ears_param.error().reason, "unknown-parameter");
}

TEST(FarringtonParity, NotesThresholdsBuiltOnShortReferenceData) {
  // algo.farrington's default range starts at 52·5 − 3 = 257, where the oldest reference weeks
  // (before week 1) do not exist: R warns, Vigil says so in the notes.
  const auto detection = Detect(Method::kFarrington, {}, DetectInput{.observed = LoadSeries().at("agona")});
  ASSERT_TRUE(detection.has_value());
  ASSERT_FALSE(detection->notes.empty());
  EXPECT_EQ(detection->notes.front().rfind("7 period(s) were fitted on fewer reference values", 0), 0u)
      << detection->notes.front();
}

TEST(FarringtonParity, SaysWhenTheSeriesIsTooShort) {
  DetectInput input{.observed = std::vector<double>(200, 3.0)};
  const auto result = Detect(Method::kNoufaily, {}, input);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().reason, "series-too-short");
  EXPECT_NE(result.error().message.find("200"), std::string::npos);
}

}  // namespace
}  // namespace vigil::core::signals
