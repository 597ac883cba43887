#include "core/signals/ears.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace vigil::core::signals {
namespace {

// Baseline 1..7: mean 4, sample sd sqrt(28/6).
const std::vector<double> kSeries = {1, 2, 3, 4, 5, 6, 7, 20, 4, 4, 4, 30};

TEST(Ears, C1UsesTheSevenPointsBefore) {
  EarsOptions options;
  options.alpha = 0.05;
  const auto points = DetectEars(kSeries, EarsMethod::kC1, options);
  for (int t = 0; t < 7; ++t) EXPECT_FALSE(points[t].tested);
  ASSERT_TRUE(points[7].tested);
  const double sd = std::sqrt(28.0 / 6.0);
  EXPECT_NEAR(points[7].expected, 4, 1e-12);
  EXPECT_NEAR(points[7].upper, 4 + 1.6448536269514722 * sd, 1e-9);
  EXPECT_TRUE(points[7].alarm);
  EXPECT_NEAR(points[7].score, 16 / sd, 1e-9);
}

TEST(Ears, C2KeepsATwoPointGuardGap) {
  EarsOptions options;
  options.alpha = 0.05;
  const auto points = DetectEars(kSeries, EarsMethod::kC2, options);
  EXPECT_FALSE(points[8].tested);
  ASSERT_TRUE(points[9].tested);  // baseline points 0..6, skipping 7 and 8
  EXPECT_NEAR(points[9].expected, 4, 1e-12);
  EXPECT_FALSE(points[9].alarm);
}

TEST(Ears, MinSigmaFloorsAFlatBaseline) {
  const std::vector<double> flat = {2, 2, 2, 2, 2, 2, 2, 3};
  EarsOptions options;
  EXPECT_TRUE(DetectEars(flat, EarsMethod::kC1, options)[7].alarm);  // sd 0: any rise alarms
  options.min_sigma = 1;
  EXPECT_FALSE(DetectEars(flat, EarsMethod::kC1, options)[7].alarm);
}

TEST(Ears, C3TextbookAndSurveillanceCompatibleForms) {
  EarsOptions options;
  const auto textbook = DetectEars(kSeries, EarsMethod::kC3, options);
  ASSERT_FALSE(textbook[10].tested);
  ASSERT_TRUE(textbook[11].tested);
  // At t = 11 the C2 baseline is points 2..8, and t−1, t−2 have their own baselines.
  const double z = 1.959963984540054;  // alpha 0.025
  const double mean = (3 + 4 + 5 + 6 + 7 + 20 + 4) / 7.0;
  double squares = 0;
  for (double value : {3.0, 4.0, 5.0, 6.0, 7.0, 20.0, 4.0}) squares += (value - mean) * (value - mean);
  const double sd = std::sqrt(squares / 6);
  // p1 = p2 = 0: at t = 10 and t = 9 the count (4) is below its C2 baseline mean (6.7 and 4).
  EXPECT_NEAR(textbook[11].upper, mean + sd * (1 + z), 1e-9);
  EXPECT_TRUE(textbook[11].alarm);
  options.surveillance_compat = true;
  const auto compat = DetectEars(kSeries, EarsMethod::kC3, options);
  // R's form: the current count never matters; alarm only when p1 + p2 > z.
  EXPECT_NEAR(compat[11].upper, 30 + sd * z, 1e-9);
  EXPECT_FALSE(compat[11].alarm);
}

}  // namespace
}  // namespace vigil::core::signals
