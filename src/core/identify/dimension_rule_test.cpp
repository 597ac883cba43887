#include "core/identify/dimension_rule.hpp"

#include <gtest/gtest.h>

#include "core/identify/test_ruleset.hpp"

namespace vigil::core::identify {
namespace {

GradeCounts Counts(int strong, int medium, int weak) { return {strong, medium, weak}; }

TEST(DimensionRule, MinimalPositiveCombinations) {
  const auto& rule = ShippedRuleset().dimension_rule;
  EXPECT_TRUE(IsPositive(rule, Counts(2, 0, 0)));
  EXPECT_TRUE(IsPositive(rule, Counts(1, 1, 0)));
  EXPECT_TRUE(IsPositive(rule, Counts(1, 0, 1)));
  EXPECT_TRUE(IsPositive(rule, Counts(0, 3, 0)));
  EXPECT_TRUE(IsPositive(rule, Counts(0, 2, 1)));
}

TEST(DimensionRule, NotSufficient) {
  const auto& rule = ShippedRuleset().dimension_rule;
  EXPECT_FALSE(IsPositive(rule, Counts(1, 0, 0)));
  EXPECT_FALSE(IsPositive(rule, Counts(0, 2, 0)));
  EXPECT_FALSE(IsPositive(rule, Counts(0, 1, 2)));
  EXPECT_FALSE(IsPositive(rule, Counts(0, 0, 9)));
}

TEST(DimensionRule, MonotoneOverAllSmallCounts) {
  const auto& rule = ShippedRuleset().dimension_rule;
  for (int strong = 0; strong < 4; ++strong) {
    for (int medium = 0; medium < 4; ++medium) {
      for (int weak = 0; weak < 4; ++weak) {
        if (!IsPositive(rule, Counts(strong, medium, weak))) continue;
        EXPECT_TRUE(IsPositive(rule, Counts(strong + 1, medium, weak)));
        EXPECT_TRUE(IsPositive(rule, Counts(strong, medium + 1, weak)));
        EXPECT_TRUE(IsPositive(rule, Counts(strong, medium, weak + 1)));
      }
    }
  }
}

TEST(EvaluateDimension, ThreeValuedWithOpenItems) {
  const Ruleset& ruleset = ShippedRuleset();
  const Dimension& cd = *ruleset.FindDimension("CD");
  Answers answers;
  answers.values["CD-01"] = Answer::kYes;  // strong in adult-labour
  auto result = EvaluateDimension(ruleset, cd, "adult-labour", answers);
  EXPECT_EQ(result.status, DimensionStatus::kUndetermined);
  EXPECT_EQ(result.by, std::vector<std::string>{"CD-01"});
  EXPECT_EQ(result.open.size(), 14u);  // any other indicator completes 1 strong + 1
  answers.values["CD-14"] = Answer::kYes;  // medium
  EXPECT_EQ(EvaluateDimension(ruleset, cd, "adult-labour", answers).status,
            DimensionStatus::kPositive);
}

TEST(EvaluateDimension, NegativeWhenNoCompletionCanReachTheRule) {
  const Ruleset& ruleset = ShippedRuleset();
  const Dimension& ex = *ruleset.FindDimension("EX");
  Answers answers;
  for (const std::string& id : ex.indicators) answers.values[id] = Answer::kNo;
  answers.values["EX-02"] = Answer::kUnknown;  // medium
  answers.values["EX-09"] = Answer::kDeclined;  // weak
  // At most 1 medium + 1 weak: never positive.
  auto result = EvaluateDimension(ruleset, ex, "adult-labour", answers);
  EXPECT_EQ(result.status, DimensionStatus::kNegative);
  EXPECT_TRUE(result.open.empty());
}

TEST(EvaluateDimension, IndicatorsOutsideTheSetDoNotCount) {
  const Ruleset& ruleset = ShippedRuleset();
  const Dimension& av = *ruleset.FindDimension("AV");
  Answers answers;
  answers.values["AV-08"] = Answer::kYes;  // not in child-labour
  answers.values["AV-01"] = Answer::kYes;
  answers.values["AV-02"] = Answer::kYes;
  EXPECT_EQ(EvaluateDimension(ruleset, av, "adult-labour", answers).status,
            DimensionStatus::kPositive);
  EXPECT_NE(EvaluateDimension(ruleset, av, "child-labour", answers).status,
            DimensionStatus::kPositive);
}

}  // namespace
}  // namespace vigil::core::identify
