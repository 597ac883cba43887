#include "codec/csv/ucdp_ged.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

namespace vigil::codec::csv {
namespace {

std::string ReadFixture(const std::string& name) {
  std::ifstream in(std::string(VIGIL_SOURCE_DIR) + "/tests/warn/fixtures/" + name,
                   std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

const core::warn::ImportedSeries* FindSeries(const UcdpImport& import, const std::string& area,
                                             const std::string& indicator) {
  for (const auto& series : import.series) {
    if (series.key.area == area && series.key.indicator == indicator) return &series;
  }
  return nullptr;
}

double ValueAt(const core::warn::ImportedSeries& series, const std::string& period) {
  for (const auto& observation : series.observations) {
    if (observation.period == period) return observation.value;
  }
  return -1;
}

// The bundled Bangladesh GED file (reference §4.1): 601 events, Σbest 1,362, 207 event months,
// 10 adm_1 values (counting the empty one), 58 PRIO-GRID cells, 1989-05 … 2018-12.
TEST(UcdpGed, AggregatesTheBangladeshFileByAdm1) {
  const std::string text = ReadFixture("ucdp_ged_conflict_data_BGD.csv");
  ASSERT_FALSE(text.empty());
  auto import = ParseUcdpGed(text, UcdpLevel::kAdm1, "ucdp-ged:BGD");
  ASSERT_TRUE(import) << import.error().message;
  EXPECT_EQ(import->events, 601);
  EXPECT_DOUBLE_EQ(import->fatalities, 1362);
  EXPECT_EQ(import->event_months, 207);
  EXPECT_EQ(import->areas, 10);
  EXPECT_EQ(import->months, 356);
  EXPECT_EQ(import->series.size(), 20u);
  double events = 0, deaths = 0;
  for (const auto& series : import->series) {
    EXPECT_EQ(series.observations.size(), 356u) << series.key.area;
    EXPECT_EQ(series.observations.front().period, "1989-05");
    EXPECT_EQ(series.observations.back().period, "2018-12");
    for (const auto& observation : series.observations) {
      (series.key.indicator == "conflict-events" ? events : deaths) += observation.value;
      EXPECT_EQ(observation.source, "ucdp-ged:BGD");
    }
  }
  EXPECT_DOUBLE_EQ(events, 601);
  EXPECT_DOUBLE_EQ(deaths, 1362);
  const auto* chittagong = FindSeries(*import, "BGD:Chittagong Division", "conflict-fatalities");
  ASSERT_NE(chittagong, nullptr);
  EXPECT_DOUBLE_EQ(ValueAt(*chittagong, "1992-04"), 142);
  EXPECT_DOUBLE_EQ(ValueAt(*chittagong, "1992-03"), 5);
  EXPECT_DOUBLE_EQ(ValueAt(*chittagong, "1992-09"), 0);  // a month without events is 0
  const auto* dhaka = FindSeries(*import, "BGD:Dhaka Division", "conflict-events");
  ASSERT_NE(dhaka, nullptr);
  EXPECT_DOUBLE_EQ(ValueAt(*dhaka, "2016-07"), 4);
  ASSERT_NE(FindSeries(*import, "BGD:unlocated", "conflict-events"), nullptr);
  ASSERT_NE(FindSeries(*import, "BGD:Barisāl Division", "conflict-events"), nullptr);
}

TEST(UcdpGed, AggregatesByPrioGridCell) {
  auto import =
      ParseUcdpGed(ReadFixture("ucdp_ged_conflict_data_BGD.csv"), UcdpLevel::kPrioGrid, "s");
  ASSERT_TRUE(import) << import.error().message;
  EXPECT_EQ(import->areas, 58);
  EXPECT_EQ(import->series.size(), 116u);
  const auto* cell = FindSeries(*import, "pg:162544", "conflict-events");
  ASSERT_NE(cell, nullptr);
  EXPECT_DOUBLE_EQ(ValueAt(*cell, "1992-05"), 5);
}

TEST(UcdpGed, BadRowsAreNamed) {
  const std::string header = "id,date_start,best,adm_1,priogrid_gid,iso3\n";
  auto bad_best = ParseUcdpGed(header + "1,2001-01-02,3,A,1,BGD\n2,2001-02-03,-1,A,1,BGD\n",
                               UcdpLevel::kAdm1, "s");
  ASSERT_FALSE(bad_best);
  EXPECT_EQ(bad_best.error().message, "line 3: best is not a whole number ≥ 0");
  auto bad_date = ParseUcdpGed(header + "1,2001-13-02,3,A,1,BGD\n", UcdpLevel::kAdm1, "s");
  ASSERT_FALSE(bad_date);
  EXPECT_NE(bad_date.error().message.find("line 2: date_start"), std::string::npos);
  auto no_column =
      ParseUcdpGed("id,date_start,best,iso3\n1,2001-01-01,1,BGD\n", UcdpLevel::kPrioGrid, "s");
  ASSERT_FALSE(no_column);
  EXPECT_EQ(no_column.error().message, "line 1: column priogrid_gid is missing");
}

}  // namespace
}  // namespace vigil::codec::csv
