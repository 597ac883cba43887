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

core::monitor::PipelineOptions Options() {
  core::monitor::PipelineOptions options;
  options.lexicon = {core::monitor::PhraseEntry("en.easy", "pay-unrealistic", "pay", "easy money", 2.0)};
  return options;
}

// `texts` scanned as posts "1", "2", … with the report's inputs kept.
struct Scanned {
  PostsInput input;
  core::monitor::PipelineResult result;
  std::string Html(bool show, const IdentifierPlaces& places = {}) const {
    return RenderScanHtml({input, result, 0.0}, show, places);
  }
};

Scanned Scan(const std::vector<std::string>& texts) {
  auto pipeline = core::monitor::Pipeline::Create(Options());
  EXPECT_TRUE(pipeline) << pipeline.error().message;
  Scanned scanned;
  for (std::size_t idx = 0; idx < texts.size(); ++idx) {
    scanned.input.posts.push_back(MakePost(std::to_string(idx + 1), texts[idx]));
    scanned.input.lines.push_back(static_cast<int>(idx + 1));
  }
  scanned.input.flags.resize(texts.size());
  auto result = pipeline->Run(scanned.input.posts);
  EXPECT_TRUE(result) << result.error().message;
  if (result) scanned.result = std::move(*result);
  return scanned;
}

TEST(ScanReportMasking, HidesRepeatedAndGroupedPhoneNumbers) {
  const Scanned scanned = Scan({"Easy money! Call +380 50 123 45 67, again: +380 50 123 45 67",
                                "Easy money, call +380 50 123 45 67"});
  ASSERT_EQ(scanned.result.clusters.size(), 1u);
  const std::string masked = scanned.Html(false);
  EXPECT_EQ(masked.find("123 45 67"), std::string::npos);
  EXPECT_NE(masked.find("[phone hidden]"), std::string::npos);
  EXPECT_NE(scanned.Html(true).find("123 45 67"), std::string::npos);
}

// The pipeline reports a number once; written a second time another way (in words after
// "+380501234567") it is still masked when the caller lists every place.
TEST(ScanReportMasking, HidesAnotherWritingOfTheSameNumberWhenPlacesAreGiven) {
  auto extractor = core::monitor::IdentifierExtractor::Create(Options().identifiers);
  ASSERT_TRUE(extractor) << extractor.error().message;
  const Scanned scanned =
      Scan({"Easy money! Call +380501234567 or нуль п'ять нуль один два три чотири п'ять шість сім today"});
  ASSERT_EQ(scanned.result.posts[0].identifiers.size(), 1u);
  const IdentifierPlaces places = [&](const core::monitor::Post& post, std::string_view field) {
    std::vector<core::monitor::ByteSpan> spans;
    for (const auto& found : core::monitor::FindIdentifierOccurrences(*extractor, field, post.region)) spans.push_back(found.span);
    return spans;
  };
  EXPECT_NE(scanned.Html(false).find("чотири"), std::string::npos);  // what the places close
  const std::string masked = scanned.Html(false, places);
  EXPECT_EQ(masked.find("380501234567"), std::string::npos);
  EXPECT_EQ(masked.find("чотири"), std::string::npos);
}

// A number the phone stage rejects is still masked in the shared page; prices are not.
TEST(ScanReportMasking, HidesLongDigitRunsThePhoneStageRejected) {
  const Scanned scanned = Scan({"Easy money, 1 500 euro! Call +380 84 119 99 21 (ask for Ann)"});
  const std::string masked = scanned.Html(false);
  EXPECT_EQ(masked.find("119 99 21"), std::string::npos);
  EXPECT_NE(masked.find("1 500 euro"), std::string::npos);
  EXPECT_NE(scanned.Html(true).find("+380 84 119 99 21"), std::string::npos);
}

}  // namespace
}  // namespace vigil::codec::monitor
