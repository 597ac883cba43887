#include "core/monitor/risk.hpp"

#include <gtest/gtest.h>

namespace vigil::core::monitor {
namespace {

double SumOfReasons(const RiskScore& score) {
  double sum = 0;
  for (const auto& reason : score.reasons) sum += reason.points;
  return sum;
}

TEST(PostRisk, EachIndicatorCountsOnceWithItsHighestWeight) {
  const RiskScore score = ComputePostRisk({{"free-housing", "logistics", 1.0},
                                           {"free-housing", "logistics", 1.5},
                                           {"photos-measurements", "profile", 2.5}},
                                          {});
  ASSERT_EQ(score.reasons.size(), 2u);
  EXPECT_EQ(score.reasons[0].subject, "free-housing");
  EXPECT_DOUBLE_EQ(score.reasons[0].points, 1.5);
  EXPECT_NE(score.reasons[0].detail.find("2 hit(s)"), std::string::npos);
  EXPECT_DOUBLE_EQ(score.total, 4.0);
}

TEST(PostRisk, CategoryCapIsANamedNegativeReason) {
  RiskOptions options;
  options.category_caps["profile"] = 3.0;
  const RiskScore score = ComputePostRisk({{"young-women-only", "profile", 2.5},
                                           {"photos-measurements", "profile", 2.5},
                                           {"age-limit", "profile", 1.5}},
                                          options);
  EXPECT_DOUBLE_EQ(score.total, 3.0);
  EXPECT_DOUBLE_EQ(SumOfReasons(score), score.total);
  ASSERT_EQ(score.reasons.back().code, "category-cap");
  EXPECT_EQ(score.reasons.back().subject, "profile");
  EXPECT_DOUBLE_EQ(score.reasons.back().points, -3.5);
}

TEST(PostRisk, ScoresTheHitsOfALexiconScan) {
  LexiconEntry entry;
  entry.id = "en.fees-upfront";
  entry.indicator = "fees-upfront";
  entry.category = "fees";
  entry.weight = 2.5;
  entry.patterns = {{PatternKind::kPhrase, "registration fee"}};
  auto matcher = LexiconMatcher::Build({entry});
  ASSERT_TRUE(matcher.has_value());
  auto scratch = matcher->NewScratch();
  ASSERT_TRUE(scratch.has_value());
  auto hits = matcher->Scan("Pay the Registration Fee first.", *scratch);
  ASSERT_TRUE(hits.has_value());
  const RiskScore score = ComputePostRisk(ToIndicatorHits(*matcher, *hits), {});
  EXPECT_DOUBLE_EQ(score.total, 2.5);
  ASSERT_EQ(score.reasons.size(), 1u);
  EXPECT_EQ(score.reasons[0].subject, "fees-upfront");
}

TEST(PostRisk, NoHitsNoPoints) {
  const RiskScore score = ComputePostRisk({}, {});
  EXPECT_DOUBLE_EQ(score.total, 0.0);
  EXPECT_TRUE(score.reasons.empty());
}

TEST(ClusterRisk, SignalsAddNamedPointsWithoutRawIdentifiers) {
  std::vector<LinkPost> posts;
  const std::vector<std::string> cities = {"Kyiv", "Lviv", "Praha", "Berlin", "Kyiv"};
  const std::vector<std::string> languages = {"uk", "ru", "pl", "uk", "cs"};
  for (std::size_t idx = 0; idx < 5; ++idx) {
    posts.push_back({"src" + std::to_string(idx % 2), "p" + std::to_string(idx),
                     1000 + static_cast<std::int64_t>(idx) * 3600, languages[idx], cities[idx],
                     {{"phone", "+380501112233"}}});
  }
  const Linking linking = LinkPosts(posts, {}, {});
  ASSERT_EQ(linking.clusters.size(), 1u);
  std::vector<RiskScore> post_risks(5);
  post_risks[3] = ComputePostRisk({{"fees-upfront", "fees", 2.5}}, {});
  const RiskScore score = ComputeClusterRisk(linking.clusters[0], posts, post_risks, {});
  std::vector<std::string> codes;
  for (const auto& reason : score.reasons) {
    codes.push_back(reason.code);
    EXPECT_EQ(reason.detail.find("+380"), std::string::npos);
  }
  EXPECT_EQ(codes, (std::vector<std::string>{"top-post", "identifier-cities", "burst", "languages"}));
  EXPECT_EQ(score.reasons[0].subject, "3");
  EXPECT_DOUBLE_EQ(score.total, 2.5 + 2.0 + 1.5 + 1.5);
  EXPECT_DOUBLE_EQ(SumOfReasons(score), score.total);
  EXPECT_NE(score.reasons[1].detail.find("one phone in posts from 4 cities"), std::string::npos);
}

TEST(ClusterRisk, SpreadOutPostsInOneLanguageAddNoSignals) {
  std::vector<LinkPost> posts = {
      {"s", "a", 0, "uk", "Kyiv", {{"email", "a@example.org"}}},
      {"s", "b", 7 * 86400, "uk", "Kyiv", {{"email", "a@example.org"}}},
  };
  const Linking linking = LinkPosts(posts, {}, {});
  ASSERT_EQ(linking.clusters.size(), 1u);
  const RiskScore score = ComputeClusterRisk(linking.clusters[0], posts, {RiskScore{}, RiskScore{}}, {});
  ASSERT_EQ(score.reasons.size(), 1u);
  EXPECT_EQ(score.reasons[0].code, "top-post");
  EXPECT_DOUBLE_EQ(score.total, 0.0);
}

}  // namespace
}  // namespace vigil::core::monitor
