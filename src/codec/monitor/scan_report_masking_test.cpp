// Regression: the masked HTML report showed a phone number in the clear when a post repeated it
// (identifiers are reported once, at their first occurrence) or when a cluster template held it
// written in digit groups.
#include <gtest/gtest.h>

#include "codec/monitor/scan_report.hpp"
#include "core/monitor/masking.hpp"
#include "core/monitor/test_lexicon.hpp"

namespace vigil::codec::monitor {
namespace {

core::monitor::Post MakePost(const std::string& id, const std::string& text) {
  core::monitor::Post post;
  post.source = "site";
  post.id = id;
  post.posted_at = "2024-05-01T10:00:00Z";
  post.region = "UA";
  post.text = text;
  return post;
}

TEST(ScanReportMasking, HidesRepeatedAndGroupedPhoneNumbers) {
  core::monitor::PipelineOptions options;
  options.lexicon = {core::monitor::PhraseEntry("en.easy", "pay-unrealistic", "pay", "easy money", 2.0)};
  auto pipeline = core::monitor::Pipeline::Create(std::move(options));
  ASSERT_TRUE(pipeline) << pipeline.error().message;
  PostsInput input;
  input.posts = {MakePost("1", "Easy money! Call +380 50 123 45 67, again: +380 50 123 45 67"),
                 MakePost("2", "Easy money, call +380 50 123 45 67")};
  input.lines = {1, 2};
  input.flags.resize(2);
  auto result = pipeline->Run(input.posts);
  ASSERT_TRUE(result) << result.error().message;
  ASSERT_EQ(result->clusters.size(), 1u);
  const std::string masked = RenderScanHtml({input, *result, 0.0}, false);
  EXPECT_EQ(masked.find("123 45 67"), std::string::npos);
  EXPECT_NE(masked.find("[phone hidden]"), std::string::npos);
  const std::string shown = RenderScanHtml({input, *result, 0.0}, true);
  EXPECT_NE(shown.find("123 45 67"), std::string::npos);
}

// The pipeline reports a number once; written a second time another way (in words after
// "+380501234567") it is still masked when the caller lists every place.
TEST(ScanReportMasking, HidesAnotherWritingOfTheSameNumberWhenPlacesAreGiven) {
  core::monitor::PipelineOptions options;
  options.lexicon = {core::monitor::PhraseEntry("en.easy", "pay-unrealistic", "pay", "easy money", 2.0)};
  auto pipeline = core::monitor::Pipeline::Create(options);
  ASSERT_TRUE(pipeline) << pipeline.error().message;
  auto extractor = core::monitor::IdentifierExtractor::Create(options.identifiers);
  ASSERT_TRUE(extractor) << extractor.error().message;
  PostsInput input;
  input.posts = {MakePost("1", "Easy money! Call +380501234567 or нуль п'ять нуль один два три чотири п'ять шість сім today")};
  input.lines = {1};
  input.flags.resize(1);
  auto result = pipeline->Run(input.posts);
  ASSERT_TRUE(result) << result.error().message;
  ASSERT_EQ(result->posts[0].identifiers.size(), 1u);
  const IdentifierPlaces places = [&](const core::monitor::Post& post, std::string_view field) {
    std::vector<core::monitor::ByteSpan> spans;
    for (const auto& found : core::monitor::FindIdentifierOccurrences(*extractor, field, post.region)) spans.push_back(found.span);
    return spans;
  };
  const std::string without = RenderScanHtml({input, *result, 0.0}, false);
  EXPECT_NE(without.find("чотири"), std::string::npos);  // what the places close
  const std::string masked = RenderScanHtml({input, *result, 0.0}, false, places);
  EXPECT_EQ(masked.find("380501234567"), std::string::npos);
  EXPECT_EQ(masked.find("чотири"), std::string::npos);
}

// A number the phone stage rejects is still masked in the shared page; prices are not.
TEST(ScanReportMasking, HidesLongDigitRunsThePhoneStageRejected) {
  core::monitor::PipelineOptions options;
  options.lexicon = {core::monitor::PhraseEntry("en.easy", "pay-unrealistic", "pay", "easy money", 2.0)};
  auto pipeline = core::monitor::Pipeline::Create(options);
  ASSERT_TRUE(pipeline) << pipeline.error().message;
  PostsInput input;
  input.posts = {MakePost("1", "Easy money, 1 500 euro! Call +380 84 119 99 21 (ask for Ann)")};
  input.lines = {1};
  input.flags.resize(1);
  auto result = pipeline->Run(input.posts);
  ASSERT_TRUE(result) << result.error().message;
  const std::string masked = RenderScanHtml({input, *result, 0.0}, false);
  EXPECT_EQ(masked.find("119 99 21"), std::string::npos);
  EXPECT_NE(masked.find("1 500 euro"), std::string::npos);
  const std::string shown = RenderScanHtml({input, *result, 0.0}, true);
  EXPECT_NE(shown.find("+380 84 119 99 21"), std::string::npos);
}

}  // namespace
}  // namespace vigil::codec::monitor
