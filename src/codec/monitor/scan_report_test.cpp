// The JSON report writes strings by hand: quotes, backslashes and control characters at any
// offset must come out escaped, and invalid UTF-8 repaired, so that a JSON parser reads the text
// back.
#include "codec/monitor/scan_report.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/monitor/test_lexicon.hpp"

namespace vigil::codec::monitor {
namespace {

// A post with the lure phrase "easy money", on line (its position + 1).
void AddPost(PostsInput& input, std::string source, std::string id) {
  core::monitor::Post post;
  post.source = std::move(source);
  post.id = std::move(id);
  post.posted_at = "2024-05-01T10:00:00Z";
  post.text = "easy money";
  input.posts.push_back(std::move(post));
  input.lines.push_back(static_cast<int>(input.posts.size()));
  input.flags.push_back({});
}

// The JSON report of `input` scanned with a lexicon of that one phrase, parsed back.
nlohmann::json ScanAndParse(const PostsInput& input) {
  core::monitor::PipelineOptions options;
  options.lexicon = {core::monitor::PhraseEntry("en.easy", "pay-unrealistic", "pay", "easy money", 2.0)};
  auto pipeline = core::monitor::Pipeline::Create(std::move(options));
  EXPECT_TRUE(pipeline.has_value()) << pipeline.error().message;
  if (!pipeline) return {};
  auto result = pipeline->Run(input.posts);
  EXPECT_TRUE(result.has_value()) << result.error().message;
  if (!result) return {};
  return nlohmann::json::parse(RenderScanJson({input, *result, 0.0}, 1));
}

TEST(ScanJson, EscapesQuotesBackslashesAndControlCharactersAtAnyOffset) {
  PostsInput input;
  const std::string specials[] = {"\"", "\\", "\x01", "\n", "\t", "\x1F", "\xD0\x96"};
  for (std::size_t offset = 0; offset < 20; ++offset) {
    for (const std::string& special : specials) {
      AddPost(input, std::string(offset, 's') + special + "tail-of-source",
              std::to_string(input.posts.size()) + std::string(offset, 'i') + special);
    }
  }
  const auto json = ScanAndParse(input);
  ASSERT_EQ(json["posts"].size(), input.posts.size());
  for (std::size_t idx = 0; idx < input.posts.size(); ++idx) {
    EXPECT_EQ(json["posts"][idx]["source"], input.posts[idx].source) << idx;
    EXPECT_EQ(json["posts"][idx]["id"], input.posts[idx].id) << idx;
    EXPECT_EQ(json["posts"][idx]["line"], static_cast<int>(idx) + 1);
    EXPECT_EQ(json["posts"][idx]["indicators"][0]["span"], nlohmann::json::array({0, 10}));
  }
}

TEST(ScanJson, RepairsInvalidUtf8AndGrowsItsBufferForLongValues) {
  // Short and long values with bad bytes (each becomes U+FFFD), valid non-ASCII, and one value
  // of 3 MB, more than a slice's buffer holds at first.
  const std::string sources[] = {"a\xFF", "ab\xFF" "cd", std::string(30, 'x') + "\xC0\xAF" + std::string(30, 'y'),
                                 "\xD0\x96\xD0\xB0", std::string(3 << 20, 'l') + "\"end"};
  const std::string expected[] = {"a\xEF\xBF\xBD", "ab\xEF\xBF\xBD" "cd",
                                  std::string(30, 'x') + "\xEF\xBF\xBD\xEF\xBF\xBD" + std::string(30, 'y'),
                                  "\xD0\x96\xD0\xB0", std::string(3 << 20, 'l') + "\"end"};
  PostsInput input;
  for (const std::string& source : sources) AddPost(input, source, std::to_string(input.posts.size()));
  const auto json = ScanAndParse(input);
  ASSERT_EQ(json["posts"].size(), input.posts.size());
  for (std::size_t idx = 0; idx < input.posts.size(); ++idx) {
    EXPECT_EQ(json["posts"][idx]["source"].get<std::string>(), expected[idx]) << idx;
  }
}

}  // namespace
}  // namespace vigil::codec::monitor
