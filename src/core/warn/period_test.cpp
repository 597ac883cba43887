#include "core/warn/period.hpp"

#include <gtest/gtest.h>

namespace vigil::core::warn {
namespace {

TEST(Period, CanonicalisesTheThreeKinds) {
  EXPECT_EQ(*CanonicalPeriod("2024-3-5", PeriodKind::kDay), "2024-03-05");
  EXPECT_EQ(*CanonicalPeriod("2024w9", PeriodKind::kWeek), "2024-W09");
  EXPECT_EQ(*CanonicalPeriod("2024-W09", PeriodKind::kWeek), "2024-W09");
  EXPECT_EQ(*CanonicalPeriod("2024-3", PeriodKind::kMonth), "2024-03");
}

TEST(Period, RefusesImpossibleLabels) {
  EXPECT_FALSE(ParsePeriod("2023-02-29", PeriodKind::kDay));
  EXPECT_TRUE(ParsePeriod("2024-02-29", PeriodKind::kDay));
  EXPECT_FALSE(ParsePeriod("2024-13", PeriodKind::kMonth));
  EXPECT_FALSE(ParsePeriod("2024-03-01", PeriodKind::kMonth));
  EXPECT_FALSE(ParsePeriod("24-03", PeriodKind::kMonth));
  EXPECT_FALSE(ParsePeriod("2021-W53", PeriodKind::kWeek));  // 2021 has 52 ISO weeks
  EXPECT_TRUE(ParsePeriod("2020-W53", PeriodKind::kWeek));   // 2020 has 53
  EXPECT_FALSE(ParsePeriod("2020-W00", PeriodKind::kWeek));
  EXPECT_FALSE(ParsePeriod("", PeriodKind::kDay));
  EXPECT_EQ(ParsePeriod("x", PeriodKind::kDay).error().reason, "invalid-period");
}

TEST(Period, IsoWeeksCrossYearEnds) {
  // 2020-W53 is followed by 2021-W01; 2019-W01 starts on Monday 2018-12-31.
  const auto last = *ParsePeriod("2020-W53", PeriodKind::kWeek);
  EXPECT_EQ(RenderPeriod(Next(last)), "2021-W01");
  const auto w1 = *ParsePeriod("2019-W01", PeriodKind::kWeek);
  const auto w52 = *ParsePeriod("2018-W52", PeriodKind::kWeek);
  EXPECT_EQ(Distance(w52, w1), 1);
  EXPECT_EQ(Distance(*ParsePeriod("2015-W01", PeriodKind::kWeek),
                     *ParsePeriod("2016-W01", PeriodKind::kWeek)),
            53);
}

TEST(Period, SuccessorAndDistance) {
  EXPECT_EQ(RenderPeriod(Next(*ParsePeriod("2024-12", PeriodKind::kMonth))), "2025-01");
  EXPECT_EQ(RenderPeriod(Next(*ParsePeriod("2024-02-29", PeriodKind::kDay))), "2024-03-01");
  EXPECT_EQ(Distance(*ParsePeriod("1989-05", PeriodKind::kMonth),
                     *ParsePeriod("2018-12", PeriodKind::kMonth)),
            355);
  EXPECT_EQ(Distance(*ParsePeriod("1969-12-31", PeriodKind::kDay),
                     *ParsePeriod("1970-01-01", PeriodKind::kDay)),
            1);
  EXPECT_EQ(RenderPeriod(*ParsePeriod("1969-12", PeriodKind::kMonth)), "1969-12");
}

TEST(Period, GuessesTheKind) {
  EXPECT_EQ(ParsePeriodAnyKind("2024-03-05")->kind, PeriodKind::kDay);
  EXPECT_EQ(ParsePeriodAnyKind("2024-W10")->kind, PeriodKind::kWeek);
  EXPECT_EQ(ParsePeriodAnyKind("2024-03")->kind, PeriodKind::kMonth);
  EXPECT_FALSE(ParsePeriodAnyKind("2024"));
}

TEST(Period, MonthOfDay) {
  EXPECT_EQ(RenderPeriod(MonthOfDay(*ParsePeriod("2013-12-31", PeriodKind::kDay))), "2013-12");
}

TEST(Period, FindsGapsDuplicatesAndDisorder) {
  auto month = [](const char* text) { return *ParsePeriod(text, PeriodKind::kMonth); };
  const auto issues = FindPeriodIssues(
      {month("2024-01"), month("2024-02"), month("2024-05"), month("2024-05"), month("2024-04")});
  ASSERT_EQ(issues.size(), 3u);
  EXPECT_EQ(issues[0].kind, PeriodIssue::Kind::kGap);
  EXPECT_EQ(issues[0].position, 2u);
  EXPECT_EQ(issues[0].detail, "2024-05 follows 2024-02: 2 periods missing (2024-03…2024-04)");
  EXPECT_EQ(issues[1].kind, PeriodIssue::Kind::kDuplicate);
  EXPECT_EQ(issues[2].kind, PeriodIssue::Kind::kOutOfOrder);
  EXPECT_TRUE(FindPeriodIssues({month("2024-01"), month("2024-02")}).empty());
}

}  // namespace
}  // namespace vigil::core::warn

namespace vigil::core::warn {
namespace {

TEST(PeriodLastDay, OrdersPeriodsOfDifferentKinds) {
  const auto day = [](std::string_view text) { return LastDayOf(*ParsePeriodAnyKind(text)); };
  EXPECT_EQ(day("1970-01-01"), 0);
  EXPECT_EQ(day("1970-01"), 30);
  EXPECT_EQ(day("2024-02"), day("2024-02-29"));   // leap year
  EXPECT_EQ(day("2024-W01"), day("2024-01-07"));  // ISO week 1 of 2024: Monday 1 January
  EXPECT_EQ(day("2020-W53"), day("2021-01-03"));
  EXPECT_GT(day("2024-06"), day("2024-W23"));     // June ends after the week of 3–9 June
  EXPECT_GT(day("2024-W23"), day("2024-06-05"));
}

}  // namespace
}  // namespace vigil::core::warn
