// The JSON report writes strings by hand: quotes, backslashes and control characters at any
// offset must come out escaped so that a JSON parser reads the original text back.
#include "codec/monitor/scan_report.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/monitor/test_lexicon.hpp"

namespace vigil::codec::monitor {
namespace {

TEST(ScanJson, EscapesQuotesBackslashesAndControlCharactersAtAnyOffset) {
  core::monitor::PipelineOptions options;
  options.lexicon = {core::monitor::PhraseEntry("en.easy", "pay-unrealistic", "pay", "easy money", 2.0)};
  auto pipeline = core::monitor::Pipeline::Create(std::move(options));
  ASSERT_TRUE(pipeline.has_value()) << pipeline.error().message;
  PostsInput input;
  const std::string specials[] = {"\"", "\\", "\x01", "\n", "\t", "\x1F", "\xD0\x96"};
  for (std::size_t offset = 0; offset < 20; ++offset) {
    for (const std::string& special : specials) {
      core::monitor::Post post;
      post.source = std::string(offset, 's') + special + "tail-of-source";
      post.id = std::to_string(input.posts.size()) + std::string(offset, 'i') + special;
      post.posted_at = "2024-05-01T10:00:00Z";
      post.text = "easy money";
      input.posts.push_back(post);
      input.lines.push_back(static_cast<int>(input.posts.size()));
      input.flags.push_back({});
    }
  }
  auto result = pipeline->Run(input.posts);
  ASSERT_TRUE(result.has_value()) << result.error().message;
  const auto json = nlohmann::json::parse(RenderScanJson({input, *result, 0.0}, 1));
  ASSERT_EQ(json["posts"].size(), input.posts.size());
  for (std::size_t idx = 0; idx < input.posts.size(); ++idx) {
    EXPECT_EQ(json["posts"][idx]["source"], input.posts[idx].source) << idx;
    EXPECT_EQ(json["posts"][idx]["id"], input.posts[idx].id) << idx;
    EXPECT_EQ(json["posts"][idx]["line"], static_cast<int>(idx) + 1);
    EXPECT_EQ(json["posts"][idx]["indicators"][0]["span"], nlohmann::json::array({0, 10}));
  }
}

TEST(ScanJson, RepairsInvalidUtf8AndGrowsItsBufferForLongValues) {
  core::monitor::PipelineOptions options;
  options.lexicon = {core::monitor::PhraseEntry("en.easy", "pay-unrealistic", "pay", "easy money", 2.0)};
  auto pipeline = core::monitor::Pipeline::Create(std::move(options));
  ASSERT_TRUE(pipeline.has_value()) << pipeline.error().message;
  // Short and long values with bad bytes (each becomes U+FFFD), valid non-ASCII, and one value
  // of 3 MB, more than a slice's buffer holds at first.
  const std::string sources[] = {"a\xFF", "ab\xFF" "cd", std::string(30, 'x') + "\xC0\xAF" + std::string(30, 'y'),
                                 "\xD0\x96\xD0\xB0", std::string(3 << 20, 'l') + "\"end"};
  const std::string expected[] = {"a\xEF\xBF\xBD", "ab\xEF\xBF\xBD" "cd",
                                  std::string(30, 'x') + "\xEF\xBF\xBD\xEF\xBF\xBD" + std::string(30, 'y'),
                                  "\xD0\x96\xD0\xB0", std::string(3 << 20, 'l') + "\"end"};
  PostsInput input;
  for (const std::string& source : sources) {
    core::monitor::Post post;
    post.source = source;
    post.id = std::to_string(input.posts.size());
    post.posted_at = "2024-05-01T10:00:00Z";
    post.text = "easy money";
    input.posts.push_back(post);
    input.lines.push_back(static_cast<int>(input.posts.size()));
    input.flags.push_back({});
  }
  auto result = pipeline->Run(input.posts);
  ASSERT_TRUE(result.has_value()) << result.error().message;
  const auto json = nlohmann::json::parse(RenderScanJson({input, *result, 0.0}, 1));
  ASSERT_EQ(json["posts"].size(), input.posts.size());
  for (std::size_t idx = 0; idx < input.posts.size(); ++idx) {
    EXPECT_EQ(json["posts"][idx]["source"].get<std::string>(), expected[idx]) << idx;
  }
}

}  // namespace
}  // namespace vigil::codec::monitor
