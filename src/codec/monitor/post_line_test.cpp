#include "codec/monitor/post_line.hpp"

#include <gtest/gtest.h>

#include "codec/monitor/posts_input.hpp"

namespace vigil::codec::monitor {
namespace {

using core::monitor::Post;

TEST(ReadPostLineFast, ReadsTheCommonShapeWithEscapes) {
  Post post;
  ASSERT_TRUE(ReadPostLineFast(
      R"({"id": 42, "source":"tg","posted_at":"2024-05-01T10:00:00Z","text":"a \"b\" \\ \/ \n\u0416\ud83d\ude00","title":null,"lang":"uk","extra":"x"})",
      post));
  EXPECT_EQ(post.id, "42");
  EXPECT_EQ(post.source, "tg");
  EXPECT_EQ(post.text, "a \"b\" \\ / \n\xD0\x96\xF0\x9F\x98\x80");
  EXPECT_FALSE(post.title.has_value());
  EXPECT_EQ(post.lang, "uk");
  EXPECT_FALSE(post.url.has_value());
}

TEST(ReadPostLineFast, FindsEveryQuoteEscapeAndControlByteAtAnyOffset) {
  // A quote, a backslash escape or a raw control character at every offset from the start of an
  // eight-byte step: the text read must be the JSON text, and a raw control character declines.
  for (std::size_t offset = 0; offset < 20; ++offset) {
    const std::string before(offset, 'x');
    const std::string tail = "\xD0\x96yz";
    Post post;
    const std::string escaped = R"({"id":"1","source":"s","posted_at":"2024-05-01T10:00:00Z","text":")" + before +
                                R"(\"q\\)" + tail + R"("})";
    ASSERT_TRUE(ReadPostLineFast(escaped, post)) << offset;
    EXPECT_EQ(post.text, before + "\"q\\" + tail) << offset;
    const std::string control = R"({"id":"1","source":"s","posted_at":"2024-05-01T10:00:00Z","text":")" + before +
                                "\x01" + tail + R"("})";
    EXPECT_FALSE(ReadPostLineFast(control, post)) << offset;
  }
}

TEST(ReadPostLineFast, DeclinesWhatTheFullParserMustJudge) {
  const char* const lines[] = {
      R"({"id":"1","source":"s","posted_at":"2024-05-01T10:00:00Z"})",                    // no text
      R"({"id":"","source":"s","posted_at":"2024-05-01T10:00:00Z","text":"t"})",          // empty id
      R"({"id":"1","source":"s","posted_at":"yesterday","text":"t"})",                    // bad date
      R"({"id":1.5,"source":"s","posted_at":"2024-05-01T10:00:00Z","text":"t"})",         // fraction
      R"({"id":007,"source":"s","posted_at":"2024-05-01T10:00:00Z","text":"t"})",         // not JSON
      R"({"id":"1","id":"2","source":"s","posted_at":"2024-05-01T10:00:00Z","text":"t"})",  // repeated
      R"({"id":"1","source":"s","posted_at":"2024-05-01T10:00:00Z","text":"t","x":[1]})",  // nested
      R"({"id":"1","source":"s","posted_at":"2024-05-01T10:00:00Z","text":"\ud83d"})",     // lone half
      R"({"id":"1","source":"s","posted_at":"2024-05-01T10:00:00Z","text":"t"} trailing)",
      "{\"id\":\"1\",\"source\":\"s\",\"posted_at\":\"2024-05-01T10:00:00Z\",\"text\":\"a\tb\"}",  // raw tab
      R"({"id":"1","source":5,"posted_at":"2024-05-01T10:00:00Z","text":"t"})",
  };
  for (const char* line : lines) {
    Post post;
    EXPECT_FALSE(ReadPostLineFast(line, post)) << line;
  }
}

TEST(ReadPostLineFast, FillsAReusedPostAfreshAndLeavesEscapedKeysToTheFullParser) {
  Post post;
  ASSERT_TRUE(ReadPostLineFast(
      R"({"id":"1","source":"s","posted_at":"2024-05-01T10:00:00Z","text":"t","url":"u","title":"T","lang":"pl"})", post));
  ASSERT_TRUE(ReadPostLineFast(R"({"id":2,"source":"r","posted_at":"2024-05-01T10:00:00Z","text":"","lang":null})", post));
  EXPECT_EQ(post.id, "2");
  EXPECT_EQ(post.source, "r");
  EXPECT_EQ(post.text, "");
  EXPECT_FALSE(post.url.has_value());
  EXPECT_FALSE(post.title.has_value());
  EXPECT_FALSE(post.lang.has_value());

  // A key written with an escape ("\u0069d" is "id") is declined here and read by the full parser.
  const std::string line = R"({"\u0069d":"k","source":"s","posted_at":"2024-05-01T10:00:00Z","text":"t"})";
  EXPECT_FALSE(ReadPostLineFast(line, post));
  auto input = ReadPostsJsonLines(line + "\n", {});
  ASSERT_TRUE(input.has_value());
  ASSERT_EQ(input->posts.size(), 1u);
  EXPECT_EQ(input->posts[0].id, "k");
}

// Whichever path reads a line, the posts and the problems are those of the full parser.
TEST(ReadPostLineFast, JsonLinesReadTheSameAsTheFullParser) {
  const std::string text =
      R"({"id":"a","source":"s","posted_at":"2024-05-01T10:00:00+02:00","text":"x\u00e9","url":"https://e.pl/1"})"
      "\n"
      R"({"id":7,"source":"s","posted_at":"2024-05-01T10:00:00Z","text":""})"
      "\n"
      R"({"id":"b","source":"s","posted_at":"2024-05-01T10:00:00Z"})"
      "\n"
      R"({"id":true,"source":"s","posted_at":"2024-05-01T10:00:00Z","text":"t"})"
      "\n";
  auto input = ReadPostsJsonLines(text, {});
  ASSERT_TRUE(input.has_value());
  ASSERT_EQ(input->posts.size(), 2u);
  EXPECT_EQ(input->posts[0].text, "x\xC3\xA9");
  EXPECT_EQ(input->posts[0].url, "https://e.pl/1");
  EXPECT_EQ(input->posts[1].id, "7");
  ASSERT_EQ(input->invalid.size(), 2u);
  EXPECT_EQ(input->invalid[0].line, 3);
  EXPECT_EQ(input->invalid[0].reason, "field \"text\" is missing or not a string");
  EXPECT_EQ(input->invalid[1].reason, "field \"id\" must be a string or an integer");
}

TEST(ReadPostsJsonLines, ThreadsReadTheSamePostsLinesAndProblems) {
  std::string text;
  for (int idx = 0; idx < 500; ++idx) {
    if (idx % 37 == 5) {
      text += "{broken\n";
    } else if (idx % 53 == 7) {
      text += "\n";
    } else {
      text += R"({"id":")" + std::to_string(idx) +
              R"(","source":"s","posted_at":"2024-05-01T10:00:00Z","text":"post )" + std::to_string(idx) + "\"}\n";
    }
  }
  auto one = ReadPostsJsonLines(text, {});
  ASSERT_TRUE(one.has_value());
  for (int threads : {2, 3, 7}) {
    auto many = ReadPostsJsonLines(text, {}, {}, threads);
    ASSERT_TRUE(many.has_value());
    ASSERT_EQ(many->posts.size(), one->posts.size());
    for (std::size_t idx = 0; idx < one->posts.size(); ++idx) {
      EXPECT_EQ(many->posts[idx].id, one->posts[idx].id);
      EXPECT_EQ(many->lines[idx], one->lines[idx]);
    }
    ASSERT_EQ(many->invalid.size(), one->invalid.size());
    for (std::size_t idx = 0; idx < one->invalid.size(); ++idx) EXPECT_EQ(many->invalid[idx].line, one->invalid[idx].line);
  }
  EXPECT_EQ(one->invalid.front().line, 6);
  InputOptions strict;
  strict.strict = true;
  auto stopped = ReadPostsJsonLines(text, strict, {}, 4);
  ASSERT_FALSE(stopped.has_value());
  EXPECT_NE(stopped.error().message.find("line 6:"), std::string::npos) << stopped.error().message;
}

}  // namespace
}  // namespace vigil::codec::monitor
