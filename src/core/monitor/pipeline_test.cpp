#include "core/monitor/pipeline.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/monitor/test_lexicon.hpp"

namespace vigil::core::monitor {
namespace {

Pipeline MakePipeline() {
  PipelineOptions options;
  options.lexicon = {PhraseEntry("en.free-housing", "free-housing", "logistics", "free accommodation", 1.5),
                     PhraseEntry("en.young-women", "young-women-only", "profile", "only young women", 2.5)};
  options.identifiers.fallback_regions = {"UA", "PL"};
  options.identifiers.shared_hosts = {"facebook.com"};
  auto pipeline = Pipeline::Create(std::move(options));
  EXPECT_TRUE(pipeline.has_value()) << (pipeline ? "" : pipeline.error().message);
  return std::move(*pipeline);
}

Post MakePost(std::string source, std::string id, std::string text, std::string posted_at = "2024-05-01T10:00:00Z") {
  Post post;
  post.source = std::move(source);
  post.id = std::move(id);
  post.text = std::move(text);
  post.posted_at = std::move(posted_at);
  return post;
}

TEST(Rfc3339, ParsesOffsetsAndFractionsAndRejectsNonsense) {
  EXPECT_EQ(ParseRfc3339("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(ParseRfc3339("2024-05-01T12:00:00.25+02:00"), ParseRfc3339("2024-05-01T10:00:00Z"));
  EXPECT_EQ(ParseRfc3339("2024-02-29T00:00:00Z").value() - ParseRfc3339("2024-02-28T00:00:00Z").value(), 86400);
  EXPECT_FALSE(ParseRfc3339("2023-02-29T00:00:00Z"));
  EXPECT_FALSE(ParseRfc3339("2024-05-01 10:00"));
  EXPECT_FALSE(ParseRfc3339("2024-05-01T10:00:00"));
  EXPECT_FALSE(ParseRfc3339("2024-13-01T10:00:00Z"));
  EXPECT_EQ(FormatRfc3339(*ParseRfc3339("2024-05-01T12:34:56-01:00")), "2024-05-01T13:34:56Z");
  EXPECT_EQ(FormatRfc3339(-1), "1969-12-31T23:59:59Z");
}

TEST(Pipeline, ReportsALureHitWithItsSpanInTheOriginalField) {
  const Pipeline pipeline = MakePipeline();
  Post post = MakePost("site-a", "1", "Work in Berlin — Free Accommodation and good pay.");
  post.title = "Only young women";
  auto result = pipeline.Run({post});
  ASSERT_TRUE(result.has_value()) << result.error().message;
  ASSERT_EQ(result->posts.size(), 1u);
  const PostResult& out = result->posts[0];
  ASSERT_EQ(out.indicators.size(), 2u);
  EXPECT_EQ(out.indicators[0].field, "title");
  EXPECT_EQ(out.indicators[0].indicator, "young-women-only");
  EXPECT_EQ(out.indicators[0].span, (ByteSpan{0, 16}));
  EXPECT_EQ(out.indicators[1].field, "text");
  EXPECT_EQ(out.indicators[1].category, "logistics");
  const auto& span = out.indicators[1].span;
  EXPECT_EQ(post.text.substr(span.start, span.end - span.start), "Free Accommodation");
  EXPECT_DOUBLE_EQ(out.risk.total, 4.0);
  EXPECT_EQ(out.language, "en");
  EXPECT_FALSE(out.cluster.has_value());
  EXPECT_TRUE(result->clusters.empty());
}

TEST(Pipeline, ASharedPhoneLinksPostsAcrossSources) {
  const Pipeline pipeline = MakePipeline();
  auto result = pipeline.Run({MakePost("site-a", "1", "Cleaning job in Poland, call +380 50 123 45 67 today."),
                              MakePost("site-b", "9", "Warehouse staff wanted. Viber/phone: +380501234567"),
                              MakePost("site-c", "2", "Selling a bicycle, good condition, 300 zł.")});
  ASSERT_TRUE(result.has_value()) << result.error().message;
  ASSERT_EQ(result->clusters.size(), 1u);
  const ClusterResult& cluster = result->clusters[0];
  EXPECT_EQ(cluster.cluster.id, 0u);
  EXPECT_EQ(cluster.cluster.members, (std::vector<std::size_t>{0, 1}));
  ASSERT_FALSE(cluster.cluster.shared_identifiers.empty());
  EXPECT_EQ(cluster.cluster.shared_identifiers[0].type, "phone");
  EXPECT_EQ(cluster.cluster.shared_identifiers[0].value, "+380501234567");
  EXPECT_EQ(cluster.cluster.sources, (std::vector<std::string>{"site-a", "site-b"}));
  EXPECT_EQ(result->posts[0].cluster, std::optional<std::size_t>(0));
  EXPECT_EQ(result->posts[1].cluster, std::optional<std::size_t>(0));
  EXPECT_FALSE(result->posts[2].cluster.has_value());
  ASSERT_EQ(result->posts[0].identifiers.size(), 1u);
  EXPECT_EQ(result->posts[0].identifiers[0].type, "phone");
}

TEST(Pipeline, LinksANearDuplicatePairAndExplainsItsTemplate) {
  const Pipeline pipeline = MakePipeline();
  const std::string base =
      "We are hiring seasonal workers for a vegetable farm near the city. The work is simple and "
      "training is given on the first day. Shifts are ten hours long with a break for lunch. Write "
      "to us in a private message for details about the contract and the start date next month.";
  std::string edited = base;
  edited.replace(edited.find("vegetable"), 9, "strawberry");
  auto result = pipeline.Run({MakePost("a", "1", base), MakePost("b", "1", "Unrelated post about a lost cat."),
                              MakePost("c", "7", edited)});
  ASSERT_TRUE(result.has_value()) << result.error().message;
  ASSERT_EQ(result->clusters.size(), 1u);
  const ClusterResult& cluster = result->clusters[0];
  EXPECT_EQ(cluster.cluster.members, (std::vector<std::size_t>{0, 2}));
  EXPECT_EQ(cluster.cluster.near_duplicate_edges, 1u);
  EXPECT_TRUE(cluster.cluster.shared_identifiers.empty());
  EXPECT_EQ(cluster.explanation.slots, 1u);
  bool slot_found = false;
  for (const auto& part : cluster.explanation.parts) {
    if (part.is_slot) {
      slot_found = true;
      EXPECT_EQ(part.values, (std::vector<std::string>{"vegetable", "strawberry"}));
    }
  }
  EXPECT_TRUE(slot_found);
}

TEST(Pipeline, TheSameSourceAndIdTwiceIsOnePostAndTheFirstIsKept) {
  const Pipeline pipeline = MakePipeline();
  auto result = pipeline.Run({MakePost("a", "1", "first version with free accommodation"),
                              MakePost("a", "1", "second version"), MakePost("b", "1", "another source")});
  ASSERT_TRUE(result.has_value());
  ASSERT_EQ(result->posts.size(), 2u);
  EXPECT_EQ(result->duplicates, 1u);
  EXPECT_EQ(result->posts[0].input_index, 0u);
  EXPECT_EQ(result->posts[0].indicators.size(), 1u);
  EXPECT_EQ(result->posts[1].input_index, 2u);
}

TEST(Pipeline, ALargeClusterTakesItsTemplateFromItsFirstMembers) {
  const Pipeline pipeline = MakePipeline();
  std::vector<Post> posts;
  for (int idx = 0; idx < 70; ++idx) {
    posts.push_back(MakePost("s", std::to_string(idx),
                             "Call +48 512 345 678 about shift " + std::to_string(idx) + " today"));
  }
  auto result = pipeline.Run(posts);
  ASSERT_TRUE(result.has_value());
  ASSERT_EQ(result->clusters.size(), 1u);
  EXPECT_EQ(result->clusters[0].cluster.members.size(), 70u);
  const auto& parts = result->clusters[0].explanation.parts;
  const auto slot = std::find_if(parts.begin(), parts.end(), [](const TemplatePart& part) { return part.is_slot; });
  ASSERT_NE(slot, parts.end());
  ASSERT_EQ(slot->values.size(), 64u);
  EXPECT_EQ(slot->values.front(), "0");
  EXPECT_EQ(slot->values.back(), "63");
}

TEST(Pipeline, TheResultDoesNotDependOnTheThreadCount) {
  const Pipeline pipeline = MakePipeline();
  std::vector<Post> posts;
  // More than one block of posts, with families of near-duplicates and shared phones spread out.
  for (int idx = 0; idx < 5000; ++idx) {
    const int family = idx % 37;
    std::string text = "Offer number " + std::to_string(family) + " for work in the port city, apply soon with " +
                       "your documents; the family code is " + std::to_string(family * 7919) + " and shift " +
                       std::to_string(family % 5) + (idx % 11 == 0 ? " free accommodation" : "");
    if (idx % 13 == 0) text += " phone +48 512 345 " + std::to_string(100 + family % 3);
    posts.push_back(MakePost("s" + std::to_string(idx % 4), std::to_string(idx), text));
  }
  auto one = pipeline.Run(posts, 1);
  auto three = pipeline.Run(posts, 3);
  ASSERT_TRUE(one.has_value() && three.has_value());
  ASSERT_EQ(one->posts.size(), three->posts.size());
  ASSERT_FALSE(one->clusters.empty());
  for (std::size_t idx = 0; idx < one->posts.size(); ++idx) {
    EXPECT_EQ(one->posts[idx].cluster, three->posts[idx].cluster) << idx;
    EXPECT_EQ(one->posts[idx].indicators.size(), three->posts[idx].indicators.size()) << idx;
    EXPECT_EQ(one->posts[idx].identifiers.size(), three->posts[idx].identifiers.size()) << idx;
    EXPECT_DOUBLE_EQ(one->posts[idx].risk.total, three->posts[idx].risk.total) << idx;
  }
  ASSERT_EQ(one->clusters.size(), three->clusters.size());
  for (std::size_t idx = 0; idx < one->clusters.size(); ++idx) {
    EXPECT_EQ(one->clusters[idx].cluster.members, three->clusters[idx].cluster.members);
    EXPECT_DOUBLE_EQ(one->clusters[idx].risk.total, three->clusters[idx].risk.total);
  }
}

TEST(PipelineTest, AnalyseGivesTheSamePerPostResultsAsRun) {
  Pipeline pipeline = MakePipeline();
  const std::vector<Post> posts = {
      MakePost("a", "1", "Only young women, free accommodation, call +380 50 123 45 67."),
      MakePost("a", "2", "Lost cat near the station.")};
  auto analysed = pipeline.Analyse(posts);
  ASSERT_TRUE(analysed.has_value()) << analysed.error().message;
  auto run = pipeline.Run(posts);
  ASSERT_TRUE(run.has_value());
  ASSERT_EQ(analysed->size(), 2u);
  for (std::size_t idx = 0; idx < posts.size(); ++idx) {
    const PostResult& one = (*analysed)[idx].result;
    EXPECT_EQ(one.input_index, idx);
    EXPECT_EQ(one.language, run->posts[idx].language);
    EXPECT_EQ(one.indicators.size(), run->posts[idx].indicators.size());
    EXPECT_EQ(one.identifiers.size(), run->posts[idx].identifiers.size());
    EXPECT_DOUBLE_EQ(one.risk.total, run->posts[idx].risk.total);
  }
  EXPECT_EQ((*analysed)[0].result.indicators.size(), 2u);
  ASSERT_EQ((*analysed)[0].link_identifiers.size(), 1u);
  EXPECT_EQ((*analysed)[0].link_identifiers[0].value, "+380501234567");
  EXPECT_EQ((*analysed)[0].signature.size(), 126u);
  EXPECT_TRUE((*analysed)[1].link_identifiers.empty());
}

TEST(PipelineTest, LurePhrasesWrittenWithLookAlikeOrFullWidthLettersStillMatch) {
  Pipeline pipeline = MakePipeline();
  // "free" with Cyrillic е (U+0435) twice; "only young women" in full-width letters.
  const std::string mixed = "Frе\xD0\xB5 accommodation for workers.";
  const std::string wide = "\xEF\xBD\x8F\xEF\xBD\x8E\xEF\xBD\x8C\xEF\xBD\x99 young women, apply now.";
  auto result = pipeline.Run({MakePost("a", "1", mixed), MakePost("a", "2", wide), MakePost("a", "3", "Free accommodation.")});
  ASSERT_TRUE(result.has_value()) << result.error().message;
  ASSERT_EQ(result->posts[0].indicators.size(), 1u);
  EXPECT_EQ(result->posts[0].indicators[0].indicator, "free-housing");
  EXPECT_EQ(result->posts[0].indicators[0].span, (ByteSpan{0, mixed.find(" for")}));
  ASSERT_EQ(result->posts[1].indicators.size(), 1u);
  EXPECT_EQ(result->posts[1].indicators[0].indicator, "young-women-only");
  EXPECT_EQ(result->posts[1].indicators[0].span.start, 0u);
  EXPECT_DOUBLE_EQ(result->posts[1].risk.total, 2.5);
  // A plain post is found once, not twice.
  EXPECT_EQ(result->posts[2].indicators.size(), 1u);
  EXPECT_DOUBLE_EQ(result->posts[2].risk.total, 1.5);
}

}  // namespace
}  // namespace vigil::core::monitor
