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
