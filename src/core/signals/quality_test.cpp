#include "core/signals/quality.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace vigil::core::signals {
namespace {

// Two outbreaks (weeks 2–4 and 7–8, 0-based); alarms at weeks 1, 3 and 9. Worked by hand and
// checked against R surveillance 1.20.3 algo.quality on the same vectors.
const std::vector<bool> kState = {false, false, true, true, true, false, false, true, true, false};
const std::vector<bool> kAlarm = {false, true, false, true, false, false, false, false, false, true};

TEST(Quality, CountsWeeksAndDerivesRates) {
  const auto quality = ComputeQuality(kState, kAlarm);
  ASSERT_TRUE(quality.has_value());
  EXPECT_EQ(quality->tp, 1);
  EXPECT_EQ(quality->fp, 2);
  EXPECT_EQ(quality->tn, 3);
  EXPECT_EQ(quality->fn, 4);
  EXPECT_DOUBLE_EQ(quality->sens, 0.2);
  EXPECT_DOUBLE_EQ(quality->spec, 0.6);
  EXPECT_NEAR(quality->dist, std::sqrt(0.8), 1e-12);
}

TEST(Quality, DelayCountsAnAlarmAfterTheOutbreakEnded) {
  // Outbreak 1: first alarm one week after its start. Outbreak 2 (weeks 7–8): the alarm at week 9
  // comes after it ended but within the penalty window, so R credits it with a delay of 2.
  EXPECT_DOUBLE_EQ(ComputeQuality(kState, kAlarm)->mlag, (1.0 + 2.0) / 2);
}

TEST(Quality, MissedOutbreakCountsThePenalty) {
  // With penalty 1 the second outbreak looks at weeks 7 and 8 only: missed, delay 1.
  EXPECT_DOUBLE_EQ(ComputeQuality(kState, kAlarm, 1)->mlag, (1.0 + 1.0) / 2);
}

TEST(Quality, SearchStopsBeforeTheNextOutbreakStart) {
  // The alarm at week 2 belongs to the second outbreak; the first one is missed (20).
  const auto quality = ComputeQuality({true, false, true}, {false, false, true});
  ASSERT_TRUE(quality.has_value());
  EXPECT_DOUBLE_EQ(quality->mlag, (20.0 + 0.0) / 2);
  EXPECT_DOUBLE_EQ(quality->sens, 0.5);
  EXPECT_DOUBLE_EQ(quality->dist, 0.5);
}

TEST(Quality, NoOutbreakGivesNanSensitivityAndZeroDelay) {
  const auto quality = ComputeQuality({false, false, false}, {false, true, false});
  ASSERT_TRUE(quality.has_value());
  EXPECT_TRUE(std::isnan(quality->sens));
  EXPECT_TRUE(std::isnan(quality->dist));
  EXPECT_NEAR(quality->spec, 2.0 / 3, 1e-12);
  EXPECT_EQ(quality->mlag, 0);
}

TEST(Quality, RejectsMismatchedLengthsAndNegativePenalty) {
  EXPECT_FALSE(ComputeQuality({true}, {true, false}).has_value());
  EXPECT_FALSE(ComputeQuality({true}, {true}, -1).has_value());
}

TEST(Quality, PoolingSumsCountsAndAveragesDelaysPerSeries) {
  Quality second;
  second.tp = 3;
  second.fp = 0;
  second.tn = 5;
  second.fn = 1;
  second.mlag = 0.5;
  const Quality pooled = PoolQuality({*ComputeQuality(kState, kAlarm), second});
  EXPECT_EQ(pooled.tp, 4);
  EXPECT_EQ(pooled.fp, 2);
  EXPECT_EQ(pooled.tn, 8);
  EXPECT_EQ(pooled.fn, 5);
  EXPECT_DOUBLE_EQ(pooled.sens, 4.0 / 9);
  EXPECT_DOUBLE_EQ(pooled.spec, 0.8);
  EXPECT_NEAR(pooled.dist, std::hypot(0.2, 5.0 / 9), 1e-12);
  EXPECT_DOUBLE_EQ(pooled.mlag, 1.0);  // (1.5 + 0.5) / 2, not weighted by outbreak counts
}

TEST(EnlargeData, PrependsCopiesOfTheRange) {
  const auto enlarged = EnlargeData(std::vector<double>{1, 2, 3, 4, 5}, 1, 2, 2);
  ASSERT_TRUE(enlarged.has_value());
  EXPECT_EQ(*enlarged, (std::vector<double>{1, 2, 1, 2, 1, 2, 3, 4, 5}));
  EXPECT_EQ(*EnlargeData(std::vector<double>{1, 2, 3}, 2, 3, 0), (std::vector<double>{1, 2, 3}));
}

TEST(EnlargeData, RejectsARangeOutsideTheSeries) {
  EXPECT_FALSE(EnlargeData(std::vector<double>{1, 2, 3}, 0, 2, 1).has_value());
  EXPECT_FALSE(EnlargeData(std::vector<double>{1, 2, 3}, 2, 4, 1).has_value());
  EXPECT_FALSE(EnlargeData(std::vector<double>{1, 2, 3}, 3, 2, 1).has_value());
  EXPECT_FALSE(EnlargeData(std::vector<double>{1, 2, 3}, 1, 2, -1).has_value());
}

TEST(EnlargeForEvaluation, EvaluatesExactlyTheOriginalWeeks) {
  // Two "years" of two weeks copied twice in front of five weeks: 8 + 5 values, range 9..13.
  const auto series = EnlargeForEvaluation({1, 2, 3, 4, 5}, {false, true, false, false, true}, 2, 2, 2);
  ASSERT_TRUE(series.has_value());
  EXPECT_EQ(series->observed, (std::vector<double>{1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4, 5}));
  EXPECT_EQ(series->state.size(), 13u);
  EXPECT_TRUE(series->state[1]);
  EXPECT_TRUE(series->state[12]);
  EXPECT_EQ(series->range_from, 9);
  EXPECT_EQ(series->range_to, 13);
}

TEST(EnlargeForEvaluation, RejectsAShortSeries) {
  const auto series = EnlargeForEvaluation({1, 2, 3}, {false, false, false}, 52, 4, 2);
  ASSERT_FALSE(series.has_value());
  EXPECT_NE(series.error().message.find("too short"), std::string::npos);
}

}  // namespace
}  // namespace vigil::core::signals

namespace vigil::core::signals {
namespace {

// algo.quality's table() leaves NA alarms out of the counts; for the delay they are no alarm.
TEST(QualityMissing, NaAlarmsAreLeftOutOfTheCountsButDelayTheDetection) {
  const std::vector<bool> state = {false, true, true, false, false};
  const std::vector<bool> alarm = {false, false, true, false, true};
  const std::vector<bool> missing = {true, true, false, false, false};
  const auto quality = ComputeQuality(state, alarm, 20, missing);
  ASSERT_TRUE(quality.has_value());
  EXPECT_EQ(quality->tp, 1);
  EXPECT_EQ(quality->fn, 0);  // the NA outbreak week is not a miss
  EXPECT_EQ(quality->tn, 1);  // week 0 (NA) is not counted
  EXPECT_EQ(quality->fp, 1);
  EXPECT_DOUBLE_EQ(quality->mlag, 1.0);  // first alarm one week after the start
  EXPECT_FALSE(ComputeQuality(state, alarm, 20, {true}).has_value());
}

}  // namespace
}  // namespace vigil::core::signals
