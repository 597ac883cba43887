#include "core/monitor/trends.hpp"

#include <gtest/gtest.h>

#include "codec/csv/term_counts.hpp"

namespace vigil::core::monitor {
namespace {

TEST(TermCounts, GroupsByTermAndCountsMissingDaysAsZero) {
  const auto series = codec::csv::ParseTermCounts(
      "date,term,count\n2022-03-01,a,4\n2022-03-01,b,1\n2022-03-03,a,6\n2022-03-02,b,2\n");
  ASSERT_TRUE(series.has_value()) << series.error().message;
  ASSERT_EQ(series->size(), 2u);
  EXPECT_EQ((*series)[0].term, "a");
  EXPECT_EQ((*series)[0].dates, (std::vector<std::string>{"2022-03-01", "2022-03-02", "2022-03-03"}));
  EXPECT_EQ((*series)[0].counts, (std::vector<double>{4, 0, 6}));
  EXPECT_EQ((*series)[0].filled_days, 1);
  EXPECT_EQ((*series)[1].counts, (std::vector<double>{1, 2}));
  EXPECT_EQ((*series)[1].filled_days, 0);
}

TEST(TermCounts, BadRowsAreNamedByLine) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"date,term,count\n2022-03-01,a,4\n2022-03-01,a,5\n", "line 3: term and date repeat line 2"},
      {"date,term,count\n2022-13-01,a,4\n", "line 2: date is not YYYY-MM-DD"},
      {"date,term,count\n2022-03-01,a,-1\n", "line 2: count is negative"},
      {"date,term,count\n2022-03-01,a,many\n", "line 2: count is not a number"},
      {"date,term,count\n2022-03-01,,4\n", "line 2: term is empty"},
      {"day,term,count\n2022-03-01,a,4\n", "no \"date\" column"},
  };
  for (const auto& [text, expected] : cases) {
    const auto series = codec::csv::ParseTermCounts(text);
    ASSERT_FALSE(series.has_value()) << text;
    EXPECT_NE(series.error().message.find(expected), std::string::npos) << series.error().message;
  }
}

TermSeries Daily(const std::string& term, const std::vector<double>& counts) {
  TermSeries series{.term = term, .counts = counts};
  for (std::size_t i = 0; i < counts.size(); ++i) series.dates.push_back("2022-01-" + std::string(i + 1 < 10 ? "0" : "") + std::to_string(i + 1));
  return series;
}

TEST(Trends, ReportsEachSurgeWithItsBaselineAndThreshold) {
  std::vector<double> counts(20, 10.0);
  for (std::size_t i = 0; i < counts.size(); ++i) counts[i] += static_cast<double>(i % 3);
  counts[19] = 60;  // a sixfold rise on the last day
  const auto report = DetectTrends({Daily("work abroad", counts), Daily("new", {1, 2})}, signals::Method::kRatioToBaseline,
                                   {{"ratio", "3"}});
  ASSERT_TRUE(report.has_value()) << report.error().message;
  ASSERT_EQ(report->terms.size(), 2u);
  const TermTrend& trend = report->terms[0];
  ASSERT_EQ(trend.surges.size(), 1u);
  EXPECT_EQ(trend.surges[0].date, "2022-01-20");
  EXPECT_EQ(trend.surges[0].observed, 60);
  ASSERT_TRUE(trend.surges[0].expected.has_value());
  EXPECT_NEAR(*trend.surges[0].upper, 3 * *trend.surges[0].expected, 1e-12);
  ASSERT_TRUE(trend.latest.has_value());
  EXPECT_TRUE(trend.latest->alarm);
  // Too short for a 7-day baseline: reported, not an error.
  EXPECT_NE(report->terms[1].problem.find("too few"), std::string::npos) << report->terms[1].problem;
  // A parameter the method does not have fails the whole run.
  EXPECT_FALSE(DetectTrends({Daily("x", counts)}, signals::Method::kEarsC2, {{"ratio", "3"}}).has_value());
}

}  // namespace
}  // namespace vigil::core::monitor
