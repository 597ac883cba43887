#include "codec/csv/iom_dtm.hpp"

#include <gtest/gtest.h>

#include <fstream>
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

const core::warn::Observation* At(const DtmImport& import, const std::string& area,
                                  const std::string& period) {
  for (const auto& series : import.series) {
    if (series.key.area != area) continue;
    for (const auto& observation : series.observations) {
      if (observation.period == period) return &observation;
    }
  }
  return nullptr;
}

const std::string kHeader =
    "id,operation,admin0Name,admin0Pcode,admin1Name,admin1Pcode,admin2Name,admin2Pcode,adminLevel,"
    "numPresentIdpInd,reportingDate,yearReportingDate,monthReportingDate,roundNumber,"
    "displacementReason,"
    "numberMales,numberFemales,idpOriginAdmin1Name,idpOriginAdmin1Pcode,assessmentType,"
    "operationStatus\r\n"
    "#id+code,#operation+name,#country+name,#country+code,#adm1+name,#adm1+code,#adm2+name,#adm2+"
    "code,"
    "#adm+level,#affected+idps,#date+reported,#date+year+reported,#date+month+reported,#round+code,"
    "#cause+type,#affected+idps+m,#affected+idps+f,#adm1+name+origin,#adm1+code+origin,#assessment+"
    "type,"
    "#operation+status\r\n";

std::string Row(const std::string& op, int level, const std::string& adm1, int people,
                const std::string& date, int round, const std::string& assessment,
                const std::string& reason = "Conflict") {
  return "," + op + ",Testland,TST," + (level >= 1 ? "Region," + adm1 : ",") + ",,," +
         std::to_string(level) + "," + std::to_string(people) + "," + date + "T00:00:00,,," +
         std::to_string(round) + "," + reason + ",,,,," + assessment + ",Active\r\n";
}

TEST(IomDtm, AppliesTheIrregularRoundRule) {
  const std::string text = kHeader +
                           // January: round 1, split by reason → summed (100 + 50).
                           Row("Op A", 0, "", 100, "2024-01-10", 1, "BA") +
                           Row("Op A", 0, "", 50, "2024-01-10", 1, "BA", "Natural disaster") +
                           // March: two rounds → the later one (400), and a site assessment of
                           // the same operation that the baseline assessment replaces.
                           Row("Op A", 0, "", 300, "2024-03-05", 2, "BA") +
                           Row("Op A", 0, "", 400, "2024-03-28", 3, "BA") +
                           Row("Op A", 0, "", 999, "2024-03-30", 4, "SA") +
                           // March: another operation → added (20).
                           Row("Op B", 0, "", 20, "2024-03-15", 1, "SA") +
                           // An admin-1 row, left out at level 0.
                           Row("Op A", 1, "TS01", 7, "2024-01-10", 1, "BA");
  auto import = ParseIomDtm(text, 0, "iom-dtm:test");
  ASSERT_TRUE(import) << import.error().message;
  ASSERT_EQ(import->series.size(), 1u);
  const auto& series = import->series[0];
  EXPECT_EQ(series.key.area, "TST");
  EXPECT_EQ(series.key.indicator, "idp-stock");
  ASSERT_EQ(series.observations.size(), 3u);
  EXPECT_DOUBLE_EQ(series.observations[0].value, 150);
  EXPECT_EQ(series.observations[1].period, "2024-02");
  EXPECT_DOUBLE_EQ(series.observations[1].value, 150);
  EXPECT_EQ(series.observations[1].source, "iom-dtm:test; carried forward from 2024-01");
  EXPECT_DOUBLE_EQ(series.observations[2].value, 420);
  EXPECT_EQ(series.observations[2].source, "iom-dtm:test; Op A round 3 (BA) + Op B round 1 (SA)");
  EXPECT_EQ(import->months_carried, 1);
  EXPECT_EQ(import->months_observed, 2);
  EXPECT_EQ(import->rows, 7);
  EXPECT_EQ(import->rows_used, 6);

  auto all_levels = ParseIomDtm(text, std::nullopt, "s");
  ASSERT_TRUE(all_levels);
  EXPECT_EQ(all_levels->series.size(), 2u);
  ASSERT_NE(At(*all_levels, "TS01", "2024-01"), nullptr);
}

TEST(IomDtm, BadRowsAreNamed) {
  auto negative =
      ParseIomDtm(kHeader + Row("Op", 0, "", -5, "2024-01-10", 1, "BA"), std::nullopt, "s");
  ASSERT_FALSE(negative);
  EXPECT_EQ(negative.error().message, "line 3: numPresentIdpInd is negative");
  auto bad_level =
      ParseIomDtm(kHeader + Row("Op", 3, "X", 5, "2024-01-10", 1, "BA"), std::nullopt, "s");
  ASSERT_FALSE(bad_level);
  EXPECT_EQ(bad_level.error().message, "line 3: adminLevel must be 0, 1 or 2");
  auto bad_date =
      ParseIomDtm(kHeader + Row("Op", 0, "", 5, "2024-02-30", 1, "BA"), std::nullopt, "s");
  ASSERT_FALSE(bad_date);
  EXPECT_NE(bad_date.error().message.find("line 3: reportingDate"), std::string::npos);
}

// The excerpt of the bundled DTM file (tests/warn/fixtures/README.md): all Haiti and Chad rows,
// Afghanistan at admin level 0. Expected figures computed independently from the CSV.
TEST(IomDtm, ReadsTheRealExcerpt) {
  auto import = ParseIomDtm(ReadFixture("iom_dtm_excerpt.csv"), std::nullopt, "iom-dtm");
  ASSERT_TRUE(import) << import.error().message;
  EXPECT_EQ(import->rows, 2123);
  EXPECT_EQ(import->series.size(), 156u);
  EXPECT_EQ(import->months_carried, 8975);
  const auto* first = At(*import, "HTI", "2010-11");
  ASSERT_NE(first, nullptr);
  EXPECT_DOUBLE_EQ(first->value, 1068882);
  // August 2021: two earthquake rounds (20 and 27 August) → the later one.
  const auto* quake = At(*import, "HTI", "2021-08");
  ASSERT_NE(quake, nullptr);
  EXPECT_DOUBLE_EQ(quake->value, 24425);
  EXPECT_NE(quake->source.find("Earthquake (August-2021) round 2 (SA)"), std::string::npos);
  const auto* carried = At(*import, "AFG", "2019-01");
  ASSERT_NE(carried, nullptr);
  EXPECT_DOUBLE_EQ(carried->value, 3529971);
  EXPECT_NE(carried->source.find("carried forward from"), std::string::npos);
  const auto* last = At(*import, "AFG", "2022-12");
  ASSERT_NE(last, nullptr);
  EXPECT_DOUBLE_EQ(last->value, 6557855);
  auto level0 = ParseIomDtm(ReadFixture("iom_dtm_excerpt.csv"), 0, "iom-dtm");
  ASSERT_TRUE(level0);
  EXPECT_EQ(level0->series.size(), 3u);
}

}  // namespace
}  // namespace vigil::codec::csv
