#include "core/warn/series_check.hpp"

#include <gtest/gtest.h>

namespace vigil::core::warn {
namespace {

Catalogue TestCatalogue() {
  IndicatorDraft monthly{.line = 1,
                         .id = "conflict-events",
                         .family = "armed-group-conduct",
                         .name = "n",
                         .unit = "events",
                         .period = "month",
                         .detector = "farrington",
                         .params = {},
                         .source_key = "S5",
                         .source_url = "https://example.org",
                         .verified = true,
                         .description = {}};
  IndicatorDraft weekly = monthly;
  weekly.id = "trafficking-reports";
  weekly.period = "week";
  weekly.detector = "ears-c2";
  return *ValidateCatalogue({monthly, weekly}, "t.yaml");
}

TEST(SeriesCheck, GroupsSortsAndCanonicalises) {
  const Catalogue catalogue = TestCatalogue();
  std::vector<SeriesRow> rows = {
      {2, "AFG", "conflict-events", "2024-2", "3", ""},
      {3, "AFG", "conflict-events", "2024-01", "1.5", "field report"},
      {4, "AF01", "trafficking-reports", "2024W1", "0", "clinic"},
  };
  auto series = ValidateSeriesRows(rows, &catalogue, {.default_source = "file.csv"});
  ASSERT_TRUE(series) << series.error().message;
  ASSERT_EQ(series->size(), 2u);
  const ImportedSeries& afg = (*series)[1];
  EXPECT_EQ(afg.key.area, "AFG");
  EXPECT_EQ(afg.key.period, PeriodKind::kMonth);
  ASSERT_EQ(afg.observations.size(), 2u);
  EXPECT_EQ(afg.observations[0].period, "2024-01");
  EXPECT_DOUBLE_EQ(afg.observations[0].value, 1.5);
  EXPECT_EQ(afg.observations[0].source, "field report");
  EXPECT_EQ(afg.observations[1].period, "2024-02");
  EXPECT_EQ(afg.observations[1].source, "file.csv");
  EXPECT_EQ((*series)[0].key.period, PeriodKind::kWeek);
  EXPECT_EQ((*series)[0].observations[0].period, "2024-W01");
}

TEST(SeriesCheck, NamesTheRowAndReason) {
  const Catalogue catalogue = TestCatalogue();
  std::vector<SeriesRow> rows = {
      {2, "AFG", "conflict-events", "2024-01", "2", ""},
      {3, "AFG", "conflict-events", "2024-01", "4", ""},   // duplicate
      {4, "AFG", "conflict-events", "2024-04", "1", ""},   // gap (02, 03)
      {5, "AFG", "conflict-events", "2024-05", "-1", ""},  // negative
      {6, "AFG", "conflict-events", "2024-06", "many", ""},
      {7, "AFG", "unknown-thing", "2024-06", "1", ""},
      {8, "AFG", "conflict-events", "2024-06-01", "1", ""},  // a day where a month is expected
      {9, "A/B", "conflict-events", "2024-06", "1", ""},
  };
  auto series = ValidateSeriesRows(rows, &catalogue, {});
  ASSERT_FALSE(series);
  const std::string& message = series.error().message;
  EXPECT_EQ(series.error().reason, "invalid-series");
  EXPECT_NE(message.find("line 3: period 2024-01 of AFG × conflict-events is also on line 2"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("line 4: gap in AFG × conflict-events: 2 periods missing before 2024-04 "
                         "(2024-02…2024-03)"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("line 5: value is negative"), std::string::npos);
  EXPECT_NE(message.find("line 6: value is not a number"), std::string::npos);
  EXPECT_NE(message.find("line 7: indicator \"unknown-thing\" is not in the catalogue"),
            std::string::npos);
  EXPECT_NE(message.find("line 8: period: not a valid period: expected a month YYYY-MM"),
            std::string::npos);
  EXPECT_NE(message.find("line 9: area id must not contain '/'"), std::string::npos);
  EXPECT_EQ(message.find("many"), std::string::npos);  // values are not echoed
}

TEST(SeriesCheck, WithoutCatalogueTakesTheKindFromTheFirstRow) {
  std::vector<SeriesRow> rows = {{2, "X", "y", "2024-W02", "1", ""},
                                 {3, "X", "y", "2024-W03", "2", ""}};
  auto series = ValidateSeriesRows(rows, nullptr, {});
  ASSERT_TRUE(series);
  EXPECT_EQ((*series)[0].key.period, PeriodKind::kWeek);
}

TEST(SeriesCheck, CapsTheNumberOfProblems) {
  std::vector<SeriesRow> rows;
  for (int line = 2; line < 40; ++line) rows.push_back({line, "X", "y", "2024-01", "bad", ""});
  auto series = ValidateSeriesRows(rows, nullptr, {.default_source = {}, .max_problems = 5});
  ASSERT_FALSE(series);
  EXPECT_NE(series.error().message.find("… and 33 more problems"), std::string::npos)
      << series.error().message;
}

}  // namespace
}  // namespace vigil::core::warn
