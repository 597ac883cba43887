// Parity with R: EARS C1, C2 and C3 (R's form, surveillance_compat) on the bundled
// salmonella.agona series against the golden file written by generate_ears_golden.R with R
// surveillance 1.20.3 (Debian r-cran-surveillance). Upper bounds within 1e-6 relative, alarms equal.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "core/signals/ears.hpp"

namespace vigil::core::signals {
namespace {

std::vector<double> ReadSeries() {
  std::ifstream in(std::string(VIGIL_SOURCE_DIR) + "/tests/signals/salmonella_agona.txt");
  std::string line;
  std::getline(in, line);  // header
  std::vector<double> counts;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string week;
    double observed = 0;
    if (fields >> week >> observed) counts.push_back(observed);
  }
  return counts;
}

TEST(EarsParity, MatchesRSurveillanceOnSalmonellaAgona) {
  const auto counts = ReadSeries();
  ASSERT_EQ(counts.size(), 312u);
  std::ifstream golden(std::string(VIGIL_SOURCE_DIR) + "/tests/signals/ears_salmonella_agona.csv");
  std::string line;
  std::getline(golden, line);
  std::map<std::pair<std::string, double>, std::vector<DetectorPoint>> runs;
  int rows = 0;
  while (std::getline(golden, line)) {
    std::istringstream fields(line);
    std::string method, alpha_text, index_text, observed_text, upper_text, alarm_text;
    std::getline(fields, method, ',');
    std::getline(fields, alpha_text, ',');
    std::getline(fields, index_text, ',');
    std::getline(fields, observed_text, ',');
    std::getline(fields, upper_text, ',');
    std::getline(fields, alarm_text, ',');
    const double alpha = std::stod(alpha_text);
    auto key = std::make_pair(method, alpha);
    if (!runs.contains(key)) {
      EarsOptions options;
      options.alpha = alpha;
      options.surveillance_compat = true;
      const EarsMethod kind = method == "C1" ? EarsMethod::kC1 : method == "C2" ? EarsMethod::kC2 : EarsMethod::kC3;
      runs[key] = DetectEars(counts, kind, options);
    }
    const std::size_t t = std::stoul(index_text) - 1;  // R is 1-based
    const DetectorPoint& point = runs[key][t];
    ASSERT_TRUE(point.tested) << line;
    EXPECT_EQ(counts[t], std::stod(observed_text)) << line;
    const double upper = std::stod(upper_text);
    EXPECT_NEAR(point.upper, upper, 1e-6 * std::max(1.0, std::fabs(upper))) << line;
    EXPECT_EQ(point.alarm, alarm_text == "1") << line;
    ++rows;
  }
  EXPECT_GT(rows, 1700);
}

// Reference R1: C1 upper bounds on salmNewport summed over units, ISO-year 2011, alpha 0.05.
TEST(EarsParity, ReferenceR1OnSalmNewport) {
  std::ifstream series(std::string(VIGIL_SOURCE_DIR) + "/tests/signals/salmnewport_germany.txt");
  std::vector<double> counts;
  for (double value = 0; series >> value;) counts.push_back(value);
  ASSERT_EQ(counts.size(), 528u);
  EarsOptions options;
  options.alpha = 0.05;
  const auto points = DetectEars(counts, EarsMethod::kC1, options);
  // The four values the reference document quotes from R's own test (1-based weeks 366-369).
  const double expected[] = {3.278854, 3.278854, 3.436517, 3.855617};
  for (int idx = 0; idx < 4; ++idx) EXPECT_NEAR(points[365 + idx].upper, expected[idx], 1e-6);
  // And every week of 2011 against the golden file.
  std::ifstream golden(std::string(VIGIL_SOURCE_DIR) + "/tests/signals/ears_r1_salmnewport.csv");
  std::string line;
  std::getline(golden, line);
  int rows = 0;
  while (std::getline(golden, line)) {
    std::istringstream fields(line);
    std::string index, upper, alarm;
    std::getline(fields, index, ',');
    std::getline(fields, upper, ',');
    std::getline(fields, alarm, ',');
    const DetectorPoint& point = points[std::stoul(index) - 1];
    EXPECT_NEAR(point.upper, std::stod(upper), 1e-6 * std::max(1.0, std::stod(upper))) << line;
    EXPECT_EQ(point.alarm, alarm == "1") << line;
    ++rows;
  }
  EXPECT_EQ(rows, 52);
}

}  // namespace
}  // namespace vigil::core::signals
