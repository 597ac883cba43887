#include "core/warn/level.hpp"

#include <gtest/gtest.h>

namespace vigil::core::warn {
namespace {

// A history from a string of alarms, one character per month from 2024-01: 'x' alarm, '.' none.
IndicatorHistory History(const std::string& indicator, const std::string& family,
                         const std::string& marks) {
  IndicatorHistory history{indicator, family, {}};
  for (std::size_t month_idx = 0; month_idx < marks.size(); ++month_idx) {
    const int month = static_cast<int>(month_idx) + 1;
    history.points.push_back({"2024-" + std::string(month < 10 ? "0" : "") + std::to_string(month),
                              marks[month_idx] == 'x'});
  }
  return history;
}

LevelRule DefaultRule() {
  LevelRule rule;
  rule.critical_families = {"armed-group-conduct"};
  return rule;
}

TEST(WarnLevel, NoAlarmIsNone) {
  const auto outcome = ComputeLevel(DefaultRule(), {History("idp-stock", "displacement", "x....")});
  EXPECT_EQ(outcome.level, Level::kNone);  // the alarm is outside the 2-period window
  ASSERT_EQ(outcome.reasons.size(), 1u);
  EXPECT_EQ(outcome.reasons[0], "no alarm in the last 2 periods of 1 indicator");
  EXPECT_EQ(outcome.latest_period, "2024-05");
}

TEST(WarnLevel, OneAlarmInTheWindowIsWatch) {
  const auto outcome = ComputeLevel(DefaultRule(), {History("idp-stock", "displacement", "...x."),
                                                    History("clinic-cases", "case-health", "....")});
  EXPECT_EQ(outcome.level, Level::kWatch);
  ASSERT_EQ(outcome.reasons.size(), 2u);
  EXPECT_EQ(outcome.reasons[0], "watch: 1 alarm in the last 2 periods (watch from 1)");
  EXPECT_EQ(outcome.reasons[1], "idp-stock alarmed in 2024-04");
  EXPECT_EQ(outcome.alarming_indicators, std::vector<std::string>{"idp-stock"});
  EXPECT_EQ(outcome.latest_period, "2024-04");
}

TEST(WarnLevel, TwoIndicatorsAlarmingIsWarning) {
  const auto outcome = ComputeLevel(DefaultRule(), {History("idp-stock", "displacement", "....x"),
                                                    History("clinic-cases", "case-health", "...x.")});
  EXPECT_EQ(outcome.level, Level::kWarning);
  EXPECT_EQ(outcome.reasons[0],
            "warning: 2 indicators alarmed in the last 2 periods (idp-stock and clinic-cases; "
            "warning from 2)");
}

TEST(WarnLevel, OneIndicatorTwoPeriodsRunningIsWarning) {
  const auto outcome =
      ComputeLevel(DefaultRule(), {History("conflict-events", "displacement", "...xx")});
  EXPECT_EQ(outcome.level, Level::kWarning);
  EXPECT_EQ(outcome.reasons[0], "warning: conflict-events alarmed 2 periods running (warning from 2)");
  EXPECT_EQ(outcome.reasons[1], "conflict-events alarmed in 2024-04 and 2024-05");
}

TEST(WarnLevel, CriticalFamilyWithAWarningConditionIsAlert) {
  const auto outcome =
      ComputeLevel(DefaultRule(), {History("conflict-events", "armed-group-conduct", "....xx")});
  EXPECT_EQ(outcome.level, Level::kAlert);
  EXPECT_EQ(outcome.reasons[0],
            "alert: a warning condition holds and 2 alarms came from a critical family: "
            "conflict-events (armed-group-conduct)");
  EXPECT_EQ(outcome.latest_period, "2024-06");
}

TEST(WarnLevel, CriticalFamilyAloneStaysWatch) {
  const auto outcome =
      ComputeLevel(DefaultRule(), {History("conflict-events", "armed-group-conduct", "....x.")});
  EXPECT_EQ(outcome.level, Level::kWatch);
}

TEST(WarnLevel, EveryThresholdIsASetting) {
  LevelRule rule = DefaultRule();
  rule.window_periods = 3;
  rule.watch_min_alarms = 2;
  rule.warning_min_indicators = 3;
  rule.warning_consecutive = 3;
  rule.alert_min_critical_alarms = 2;
  // One alarm: below the watch threshold of 2.
  EXPECT_EQ(ComputeLevel(rule, {History("a", "f", "..x")}).level, Level::kNone);
  // Two alarms (not running) inside a 3-period window: watch, not warning.
  EXPECT_EQ(ComputeLevel(rule, {History("a", "f", "x.x")}).level, Level::kWatch);
  // Three periods running: warning.
  EXPECT_EQ(ComputeLevel(rule, {History("a", "f", "xxx")}).level, Level::kWarning);
  // Two indicators are no longer enough for a warning.
  EXPECT_EQ(ComputeLevel(rule, {History("a", "f", "..x"), History("b", "f", "..x")}).level,
            Level::kWatch);
  // A warning with only one critical alarm stays a warning; with two it is an alert.
  EXPECT_EQ(ComputeLevel(rule, {History("a", "f", "xxx"), History("c", "armed-group-conduct", "..x")})
                .level,
            Level::kWarning);
  EXPECT_EQ(ComputeLevel(rule, {History("a", "f", "xxx"), History("c", "armed-group-conduct", ".xx")})
                .level,
            Level::kAlert);
}

TEST(WarnLevel, NothingEvaluatedSaysSo) {
  const auto outcome = ComputeLevel(DefaultRule(), {});
  EXPECT_EQ(outcome.level, Level::kNone);
  EXPECT_EQ(outcome.reasons, std::vector<std::string>{"no indicator could be evaluated"});
}

TEST(WarnLevel, RuleValidationNamesTheSetting) {
  LevelRule rule = DefaultRule();
  rule.warning_consecutive = 3;
  auto checked = ValidateLevelRule(rule);
  ASSERT_FALSE(checked);
  EXPECT_NE(checked.error().message.find("warning.consecutive_periods"), std::string::npos);
  rule = DefaultRule();
  rule.watch_min_alarms = 0;
  checked = ValidateLevelRule(rule);
  ASSERT_FALSE(checked);
  EXPECT_NE(checked.error().message.find("watch.min_alarms"), std::string::npos);
  EXPECT_TRUE(ValidateLevelRule(DefaultRule()));
}

TEST(WarnLevel, NamesRoundTrip) {
  for (Level level : {Level::kNone, Level::kWatch, Level::kWarning, Level::kAlert}) {
    EXPECT_EQ(ParseLevel(LevelName(level)), level);
  }
  EXPECT_FALSE(ParseLevel("red"));
  EXPECT_EQ(JoinInWords({"a", "b", "c"}), "a, b and c");
}

}  // namespace
}  // namespace vigil::core::warn

namespace vigil::core::warn {
namespace {

TEST(WarnLevelPeriods, LatestPeriodComparesWeeksAndMonthsByDate) {
  // A weekly indicator alarming in 2024-W23 (3–9 June): after a monthly alarm in 2024-05, but
  // before one in 2024-06 — which text order ("W" sorts after "0") would get wrong.
  IndicatorHistory weekly{"online-ads", "online-demand", {{"2024-W22", false}, {"2024-W23", true}}};
  IndicatorHistory monthly{"idp-stock", "displacement", {{"2024-04", false}, {"2024-05", true}}};
  LevelRule rule;
  const auto outcome = ComputeLevel(rule, {monthly, weekly});
  EXPECT_EQ(outcome.latest_period, "2024-W23");
  IndicatorHistory june{"idp-stock", "displacement", {{"2024-05", false}, {"2024-06", true}}};
  EXPECT_EQ(ComputeLevel(rule, {weekly, june}).latest_period, "2024-06");  // June ends after W23
}

}  // namespace
}  // namespace vigil::core::warn
