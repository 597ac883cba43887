#include "codec/csv/series_csv.hpp"

#include <gtest/gtest.h>

namespace vigil::codec::csv {
namespace {

TEST(TidyCsv, ReadsColumnsInAnyOrder) {
  auto rows = ParseTidySeriesCsv(
      "Period,Area,Value,Indicator,Source\r\n2024-01,AFG,3,conflict-events,\"UCDP, v24\"\r\n");
  ASSERT_TRUE(rows) << rows.error().message;
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].line, 2);
  EXPECT_EQ((*rows)[0].area, "AFG");
  EXPECT_EQ((*rows)[0].indicator, "conflict-events");
  EXPECT_EQ((*rows)[0].period, "2024-01");
  EXPECT_EQ((*rows)[0].value, "3");
  EXPECT_EQ((*rows)[0].source, "UCDP, v24");
}

TEST(TidyCsv, RefusesBadHeadersAndShortRows) {
  auto missing = ParseTidySeriesCsv("area,indicator,value\nAFG,x,1\n");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message, "line 1: column period is missing");
  auto unknown = ParseTidySeriesCsv("area,indicator,period,value,name\n");
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("unknown column \"name\""), std::string::npos);
  auto short_row =
      ParseTidySeriesCsv("area,indicator,period,value\nAFG,x,2024-01,1\nAFG,x,2024-02\n");
  ASSERT_FALSE(short_row);
  EXPECT_EQ(short_row.error().message, "line 3: expected 4 fields, found 3");
  EXPECT_FALSE(ParseTidySeriesCsv(""));
}

TEST(HxlCsv, FindsColumnsByHashtag) {
  const std::string text =
      "Country,Province,What,When,Count,Note\n"
      "#country+code,#adm1 +code,#indicator+code,#date+reported,#affected+num,#meta+source\n"
      "AFG,AF01,conflict-events,2024-01,4,report A\n"
      "AFG,,conflict-events,2024-01,9,\n";
  auto rows = ParseHxlSeriesCsv(text);
  ASSERT_TRUE(rows) << rows.error().message;
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].area, "AF01");  // the most specific code wins
  EXPECT_EQ((*rows)[0].line, 3);
  EXPECT_EQ((*rows)[0].value, "4");
  EXPECT_EQ((*rows)[0].source, "report A");
  EXPECT_EQ((*rows)[1].area, "AFG");  // falls back to the country code
}

TEST(HxlCsv, ExplainsMissingTags) {
  auto no_tags = ParseHxlSeriesCsv("area,indicator,period,value\nAFG,x,2024-01,1\n");
  ASSERT_FALSE(no_tags);
  EXPECT_NE(no_tags.error().message.find("no HXL hashtag row"), std::string::npos);
  auto no_value = ParseHxlSeriesCsv("a,b,c\n#adm1+code,#indicator+code,#date\nAF01,x,2024-01\n");
  ASSERT_FALSE(no_value);
  EXPECT_NE(no_value.error().message.find("line 2: no value column"), std::string::npos);
}

TEST(SeriesExport, TidyAndHxlReadBack) {
  std::vector<ExportSeries> series = {
      {{"BGD:Dhaka Division", "conflict-events", core::warn::PeriodKind::kMonth},
       {{"2016-06", 0, "ucdp"}, {"2016-07", 4, "ucdp"}, {"2016-08", 0.25, "note, with comma"}}}};
  const std::string tidy = RenderTidySeriesCsv(series);
  EXPECT_EQ(tidy.substr(0, tidy.find("\r\n")), "area,indicator,period,value,source");
  EXPECT_NE(tidy.find("BGD:Dhaka Division,conflict-events,2016-08,0.25,\"note, with comma\"\r\n"),
            std::string::npos);
  auto tidy_rows = ParseTidySeriesCsv(tidy);
  ASSERT_TRUE(tidy_rows);
  ASSERT_EQ(tidy_rows->size(), 3u);
  EXPECT_EQ((*tidy_rows)[1].value, "4");

  const std::string hxl = RenderHxlSeriesCsv(series);
  EXPECT_NE(hxl.find("#loc+code,#indicator+code,#date,#indicator+value+num,#meta+source\r\n"),
            std::string::npos);
  auto hxl_rows = ParseHxlSeriesCsv(hxl);
  ASSERT_TRUE(hxl_rows) << hxl_rows.error().message;
  ASSERT_EQ(hxl_rows->size(), 3u);
  EXPECT_EQ((*hxl_rows)[2].area, "BGD:Dhaka Division");
  EXPECT_EQ((*hxl_rows)[2].value, "0.25");
  EXPECT_EQ((*hxl_rows)[2].source, "note, with comma");
}

}  // namespace
}  // namespace vigil::codec::csv
