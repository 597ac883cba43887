// `vigil warn detect` end to end: the real binary on the bundled salmonella.agona series, its
// R-named parameters, and every kind of bad input (exit 2 with a message naming the problem).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/run_vigil.hpp"

namespace vigil {
namespace {

using testing_support::RunVigil;

class WarnDetectCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("vigil-warn-detect-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    std::ifstream in(std::string(VIGIL_SOURCE_DIR) + "/tests/signals/salmonella_agona.txt");
    std::string line;
    std::getline(in, line);
    std::ostringstream csv;
    csv << "period,observed\n";
    while (std::getline(in, line)) {
      std::istringstream fields(line);
      std::string week;
      std::string observed;
      fields >> week >> observed;
      // The source's weeks (199001…199552) are 52 per year, not ISO weeks (1992 has an ISO
      // week 53), so the file numbers them 1..312 as R does.
      csv << counts_.size() + 1 << "," << observed << "\n";
      counts_.push_back(std::stod(observed));
    }
    agona_ = Write("agona.csv", csv.str());
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& text) {
    const auto path = dir_ / name;
    std::ofstream(path) << text;
    return path.string();
  }

  std::filesystem::path dir_;
  std::string agona_;
  std::vector<double> counts_;
};

TEST_F(WarnDetectCli, NoufailyJsonMatchesTheRGoldenFile) {
  auto run = RunVigil("warn detect --method noufaily --in " + agona_ + " --format json");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const auto document = nlohmann::json::parse(run.output);
  EXPECT_EQ(document["method"], "noufaily");
  EXPECT_EQ(document["params"]["noPeriods"], 10);
  EXPECT_EQ(document["params"]["pastWeeksNotIncluded"], 26);
  EXPECT_EQ(document["params"]["thresholdMethod"], "nbPlugin");
  EXPECT_EQ(document["params"]["limit54"], nlohmann::json::array({5, 4}));
  const auto& points = document["points"];
  ASSERT_EQ(points.size(), 49u);  // 264..312
  EXPECT_EQ(points[0]["index"], 264);
  EXPECT_EQ(points[0]["period"], "264");
  // Compare with the golden rows of the same case.
  std::ifstream golden(std::string(VIGIL_SOURCE_DIR) + "/tests/signals/farrington_golden.csv");
  std::string line;
  int matched = 0;
  while (std::getline(golden, line)) {
    if (line.rfind("agona-noufaily,", 0) != 0) continue;
    std::vector<std::string> f;
    std::stringstream fields(line);
    for (std::string field; std::getline(fields, field, ',');) f.push_back(field);
    const int index = std::stoi(f[1]);
    const auto& point = points[static_cast<std::size_t>(index - 264)];
    ASSERT_EQ(point["index"], index);
    EXPECT_EQ(point["alarm"].get<bool>(), f[5] == "1") << line;
    if (f[4] == "NA") {
      EXPECT_TRUE(point["upper"].is_null()) << line;
    } else {
      EXPECT_NEAR(point["upper"].get<double>(), std::stod(f[4]), 1e-6 * std::stod(f[4])) << line;
    }
    ++matched;
  }
  EXPECT_EQ(matched, 49);
}

TEST_F(WarnDetectCli, ParametersTakeBothFormsAndBooleansInAnyCase) {
  auto equals = RunVigil("warn detect --method flexible --in " + agona_ +
                         " --reweight=FALSE --limit54=3,4 --range=300:310 --alpha=0.1");
  auto spaced = RunVigil("warn detect --method flexible --in " + agona_ +
                         " --reweight false --limit54 3,4 --range 300:310 --alpha 0.1");
  ASSERT_EQ(equals.exit_code, 0) << equals.output;
  EXPECT_EQ(equals.output, spaced.output);
  const auto document = nlohmann::json::parse(equals.output);
  EXPECT_EQ(document["params"]["reweight"], false);
  EXPECT_EQ(document["params"]["range"], nlohmann::json::array({300, 310}));
  EXPECT_EQ(document["points"].size(), 11u);
}

TEST_F(WarnDetectCli, CsvFormatListsTheEvaluatedRange) {
  auto run = RunVigil("warn detect --method ears-c1 --in " + agona_ + " --format csv --alpha=0.05");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  std::istringstream lines(run.output);
  std::string header;
  std::getline(lines, header);
  EXPECT_EQ(header, "index,period,observed,expected,upper,alarm,score\r");
  int rows = 0;
  for (std::string line; std::getline(lines, line);) ++rows;
  EXPECT_EQ(rows, 312 - 7);
}

TEST_F(WarnDetectCli, UnknownParameterIsAUsageError) {
  auto run = RunVigil("warn detect --method farrington --in " + agona_ + " --noPeriods=10");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.output.find("farrington has no parameter noPeriods"), std::string::npos) << run.output;
  auto ears = RunVigil("warn detect --method ears-c1 --in " + agona_ + " --surveillance_compat=true");
  EXPECT_EQ(ears.exit_code, 2);
  auto bad_value = RunVigil("warn detect --method flexible --in " + agona_ + " --reweight=yes");
  EXPECT_EQ(bad_value.exit_code, 2);
  EXPECT_NE(bad_value.output.find("reweight"), std::string::npos) << bad_value.output;
  auto bad_method = RunVigil("warn detect --method bayes --in " + agona_);
  EXPECT_EQ(bad_method.exit_code, 2);
}

TEST_F(WarnDetectCli, BadSeriesNamesTheLine) {
  struct Case {
    std::string csv;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"period,observed\n1,3\n2,4\n4,5\n", "line 4: period 4 leaves a gap"},
      {"period,observed\n1,3\n2,4\n2,5\n", "line 4: period 2 repeats line 3"},
      {"period,observed\n1,3\n2,-4\n", "line 3: observed is negative"},
      {"period,observed\n1,3\n2,many\n", "line 3: observed is not a number"},
      {"period,count\n1,3\n", "no \"observed\" column"},
      {"period,observed\n2024-01,3\n2024-03,3\n", "line 3: period 2024-03 leaves a gap"},
      {"period,observed\n2024-W01,3\n2024-02,3\n", "line 3: period should be an ISO week"},
  };
  for (const Case& c : cases) {
    const std::string path = Write("bad.csv", c.csv);
    auto run = RunVigil("warn detect --method ears-c1 --in " + path);
    EXPECT_EQ(run.exit_code, 2) << c.csv;
    EXPECT_NE(run.output.find(c.expected), std::string::npos) << c.csv << " → " << run.output;
  }
}

TEST_F(WarnDetectCli, TooShortForTheDetectorSaysSo) {
  std::string csv = "period,observed\n";
  for (int i = 1; i <= 100; ++i) csv += std::to_string(i) + ",3\n";
  const std::string path = Write("short.csv", csv);
  auto run = RunVigil("warn detect --method farrington --in " + path);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.output.find("100 periods"), std::string::npos) << run.output;
  auto ears = RunVigil("warn detect --method ears-c2 --in " + path + " --range=5:20");
  EXPECT_EQ(ears.exit_code, 2);
  EXPECT_NE(ears.output.find("range must start at 10"), std::string::npos) << ears.output;
}

}  // namespace
}  // namespace vigil
