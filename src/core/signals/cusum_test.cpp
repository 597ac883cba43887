#include "core/signals/cusum.hpp"

#include <gtest/gtest.h>

namespace vigil::core::signals {
namespace {

TEST(PoissonCusum, AccumulatesExcessesAndRestartsAfterAnAlarm) {
  // k = 3, h = 4: sums 0, 0, 2, 5 (alarm, restart), 1, 0.
  const auto points = DetectPoissonCusum({2, 3, 5, 6, 4, 1}, 3, 4);
  const std::vector<double> scores = {0, 0, 0.5, 1.25, 0.25, 0};
  const std::vector<bool> alarms = {false, false, false, true, false, false};
  for (std::size_t t = 0; t < points.size(); ++t) {
    EXPECT_NEAR(points[t].score, scores[t], 1e-12) << t;
    EXPECT_EQ(points[t].alarm, alarms[t]) << t;
  }
  // Before t = 3 the sum is 2: a count above 4 − 2 + 3 = 5 alarms.
  EXPECT_NEAR(points[3].upper, 5, 1e-12);
}

TEST(ManualRules, ThresholdAndRateOfChange) {
  const auto threshold = DetectThreshold({1, 5, 6}, 5);
  EXPECT_FALSE(threshold[1].alarm);
  EXPECT_TRUE(threshold[2].alarm);
  const auto rate = DetectRateOfChange({10, 14, 16, 0, 3}, 0.5);
  EXPECT_FALSE(rate[0].tested);
  EXPECT_FALSE(rate[1].alarm);  // +40 %
  EXPECT_FALSE(rate[2].alarm);  // +14 %
  EXPECT_FALSE(rate[3].alarm);  // a fall
  EXPECT_TRUE(rate[4].alarm);   // from 0 to 3
  EXPECT_NEAR(rate[1].upper, 15, 1e-12);
}

}  // namespace
}  // namespace vigil::core::signals

namespace vigil::core::signals {
namespace {

TEST(RatioToBaseline, AlarmsWhenTheCountTriplesTheRecentMean) {
  // Baseline 3: mean of the three previous days.
  const std::vector<double> counts = {4, 4, 4, 12, 13, 20, 0, 0, 0, 6};
  const auto points = DetectRatioToBaseline(counts, 3, 3.0, 5);
  for (int t = 0; t < 3; ++t) EXPECT_FALSE(points[t].tested);
  EXPECT_DOUBLE_EQ(points[3].expected, 4);
  EXPECT_DOUBLE_EQ(points[3].upper, 12);
  EXPECT_FALSE(points[3].alarm);  // 12 is not above 3 × 4
  EXPECT_DOUBLE_EQ(points[4].expected, 20.0 / 3.0);
  EXPECT_FALSE(points[4].alarm);
  EXPECT_DOUBLE_EQ(points[5].expected, 29.0 / 3.0);
  EXPECT_FALSE(points[5].alarm);
  // From a zero baseline any count ≥ minCount alarms; below it nothing does.
  EXPECT_DOUBLE_EQ(points[9].expected, 0);
  EXPECT_TRUE(points[9].alarm);
  const auto strict = DetectRatioToBaseline(counts, 3, 3.0, 7);
  EXPECT_FALSE(strict[9].alarm);
}

}  // namespace
}  // namespace vigil::core::signals
