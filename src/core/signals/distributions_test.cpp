#include "core/signals/distributions.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace vigil::core::signals {
namespace {

TEST(Distributions, NormalQuantileMatchesKnownValues) {
  EXPECT_NEAR(NormalQuantile(0.95), 1.6448536269514722, 1e-12);
  EXPECT_NEAR(NormalQuantile(0.999), 3.090232306167813, 1e-12);
  EXPECT_NEAR(NormalQuantile(0.5), 0.0, 1e-15);
  EXPECT_NEAR(NormalQuantile(1e-10), -6.361340902404056, 1e-9);
  EXPECT_NEAR(NormalCdf(1.6448536269514722), 0.95, 1e-12);
}

TEST(Distributions, DiscreteQuantilesAreTheSmallestCovering) {
  EXPECT_EQ(PoissonQuantile(0.95, 5), 9);  // R: qpois(0.95, 5)
  EXPECT_EQ(PoissonQuantile(0.05, 5), 2);
  EXPECT_NEAR(PoissonCdf(10, 5), 0.9863047314016171, 1e-12);  // R: ppois(10, 5)
  EXPECT_EQ(NegBinomialQuantile(0.95, 10, 2.0 / 3.0), 10);
  EXPECT_EQ(NegBinomialQuantile(0.05, 10, 2.0 / 3.0), 1);
  EXPECT_NEAR(NegBinomialCdf(0, 10, 2.0 / 3.0), std::pow(2.0 / 3.0, 10), 1e-15);
}

}  // namespace
}  // namespace vigil::core::signals

namespace vigil::core::signals {
namespace {

// Means far beyond any real count (a Noufaily "muan" fit on a degenerate series can ask for
// them) must not make the quantile search sum billions of terms. Expected values from R 4.2
// (qpois, qnbinom, ppois, pnbinom).
TEST(LargeMeanDistributions, MatchRWithoutSummingFromZero) {
  EXPECT_EQ(PoissonQuantile(0.95, 2e5), 200736);
  EXPECT_EQ(PoissonQuantile(0.05, 3e7), 29990991);
  EXPECT_NEAR(PoissonQuantile(0.999, 1e10), 10000309025.0, 5);
  EXPECT_NEAR(NegBinomialQuantile(0.95, 1e10 / 0.5, 1 / 1.5), 10000201453.0, 5);
  EXPECT_EQ(NegBinomialQuantile(0.95, 5e5 / 199, 1 / 200.0), 516561);
  EXPECT_NEAR(PoissonCdf(2.001e5, 2e5), 0.5890409598, 1e-9);
  EXPECT_NEAR(NegBinomialCdf(150000, 0.3, 0.3 / (0.3 + 2e5)), 0.6775053328, 1e-9);
}

}  // namespace
}  // namespace vigil::core::signals
