// Reference values R2–R4 of shared/reference/early-warning.md §3.7 (from R surveillance's
// test-farringtonFlexible.R).
#include "core/signals/thresholds.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace vigil::core::signals {
namespace {

void ExpectThreshold(const Threshold& got, double lower, double upper, double p, double score) {
  EXPECT_NEAR(got.lower, lower, 1e-6);
  EXPECT_NEAR(got.upper, upper, 1e-6);
  EXPECT_NEAR(got.p, p, 1e-6);
  EXPECT_NEAR(got.score, score, 1e-6);
}

TEST(FarringtonDelta, ReferenceR2) {
  ExpectThreshold(FarringtonDeltaThreshold(5, 0.2, 1, 0.05, 8, PowerTransform::kNone), 1.3073128,
                  8.6926872, 0.0907246, 0.8124165);
  ExpectThreshold(FarringtonDeltaThreshold(5, 0.2, 1, 0.05, 8, PowerTransform::kSquareRoot), 1.9891097,
                  9.3744842, 0.1189986, 0.6857951);
  ExpectThreshold(FarringtonDeltaThreshold(5, 0.2, 1, 0.05, 8, PowerTransform::kTwoThirds), 1.8084477,
                  9.1154825, 0.1094727, 0.7289546);
}

TEST(Noufaily, ReferenceR3) {
  const double eta = std::log(5.0);
  const double se = std::log(2.0);
  ExpectThreshold(NoufailyThreshold(eta, se, 1.5, 0.05, 11, NoufailyMethod::kMuan), 8, 24, 0.8597797, 0.4193982);
  ExpectThreshold(NoufailyThreshold(eta, se, 1.0, 0.05, 11, NoufailyMethod::kMuan), 9, 22, 0.9093099, 0.4605347);
  ExpectThreshold(NoufailyThreshold(eta, se, 1.5, 0.05, 11, NoufailyMethod::kNbPlugin), 1, 10, 0.03763657,
                  1.11918153);
  ExpectThreshold(NoufailyThreshold(eta, se, 1.0, 0.05, 11, NoufailyMethod::kNbPlugin), 2, 9, 0.01369527,
                  1.27061541);
}

TEST(Reweighting, ReferenceR4) {
  const auto weights = ReweightingWeights({0, 0, 0, 0, 0, 2, 2, 2, 2, 2}, 0);
  for (int idx = 0; idx < 5; ++idx) EXPECT_NEAR(weights[idx], 1.6, 1e-12);
  for (int idx = 5; idx < 10; ++idx) EXPECT_NEAR(weights[idx], 0.4, 1e-12);
}

}  // namespace
}  // namespace vigil::core::signals
