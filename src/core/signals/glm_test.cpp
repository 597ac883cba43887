#include "core/signals/glm.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace vigil::core::signals {
namespace {

GlmInput InterceptOnly(const std::vector<double>& y) {
  GlmInput input;
  input.columns = 1;
  input.design.assign(y.size(), 1.0);
  input.response = y;
  return input;
}

TEST(Glm, InterceptOnlyFitsTheMean) {
  const GlmInput input = InterceptOnly({2, 4, 6, 8});
  const auto fit = FitQuasiPoisson(input);
  ASSERT_TRUE(fit.has_value());
  EXPECT_TRUE(fit->converged);
  EXPECT_NEAR(std::exp(fit->coefficients[0]), 5.0, 1e-9);
  // Pearson dispersion: Σ (y − 5)² / 5 / 3 = (9 + 1 + 1 + 9) / 15. Like R's summary.glm it uses
  // the working weights of the last IRLS step (μ one step before convergence), hence 1e-4.
  EXPECT_NEAR(SummaryDispersion(input, *fit), 20.0 / 15.0, 1e-4);
  // Hat values of an intercept-only model are 1/n each.
  for (const double h : HatValues(input, *fit)) EXPECT_NEAR(h, 0.25, 1e-7);
  // Var(η̂) = 1 / Σ w = 1 / (n·μ).
  EXPECT_NEAR(UnscaledVariance(*fit, {1.0}), 1.0 / 20.0, 1e-5);
}

TEST(Glm, PriorWeightsGiveAWeightedMean) {
  GlmInput input = InterceptOnly({2, 10});
  input.prior_weights = {3, 1};
  const auto fit = FitQuasiPoisson(input);
  ASSERT_TRUE(fit.has_value());
  EXPECT_NEAR(std::exp(fit->coefficients[0]), 4.0, 1e-9);
}

TEST(Glm, LogLinearTrendIsRecoveredExactly) {
  GlmInput input;
  input.columns = 2;
  for (int t = 0; t < 10; ++t) {
    input.design.push_back(1);
    input.design.push_back(t);
    input.response.push_back(std::exp(1.0 + 0.2 * t));
  }
  const auto fit = FitQuasiPoisson(input);
  ASSERT_TRUE(fit.has_value());
  EXPECT_NEAR(fit->coefficients[0], 1.0, 1e-7);
  EXPECT_NEAR(fit->coefficients[1], 0.2, 1e-8);
}

TEST(Glm, AnyDesignGivesTheSameFitAsTheFarringtonShape) {
  // [1, t, indicator] takes the structured path; [2, t, indicator + 1] (the same column space)
  // takes the general sparse path. Fitted values must agree.
  GlmInput structured;
  GlmInput general;
  structured.columns = general.columns = 3;
  const std::vector<double> y = {3, 5, 2, 8, 6, 9, 4, 12, 7, 10};
  for (int t = 0; t < 10; ++t) {
    const double group = t % 3 == 0 ? 1 : 0;
    structured.design.insert(structured.design.end(), {1.0, static_cast<double>(t), group});
    general.design.insert(general.design.end(), {2.0, static_cast<double>(t), group + 1});
  }
  structured.response = general.response = y;
  const auto a = FitQuasiPoisson(structured);
  const auto b = FitQuasiPoisson(general);
  ASSERT_TRUE(a.has_value());
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(a->iterations, b->iterations);
  for (std::size_t i = 0; i < y.size(); ++i) EXPECT_NEAR(a->fitted[i], b->fitted[i], 1e-9 * a->fitted[i]);
  EXPECT_NEAR(SummaryDispersion(structured, *a), SummaryDispersion(general, *b), 1e-9);
}

TEST(Glm, DependentColumnsAreRefused) {
  GlmInput input;
  input.columns = 2;
  for (int t = 0; t < 5; ++t) {
    input.design.push_back(1);
    input.design.push_back(2);
    input.response.push_back(t);
  }
  EXPECT_FALSE(FitQuasiPoisson(input).has_value());
}

TEST(Glm, MeansNeverReachZero) {
  // All-zero counts drive η towards −∞; R floors exp(η) at the machine epsilon.
  const auto fit = FitQuasiPoisson(InterceptOnly({0, 0, 0}));
  ASSERT_TRUE(fit.has_value());
  for (const double mu : fit->fitted) EXPECT_GE(mu, 2.2e-16);
  EXPECT_EQ(InverseLink(-800), std::numeric_limits<double>::epsilon());
}

}  // namespace
}  // namespace vigil::core::signals
