#include "codec/monitor/posts_input.hpp"

#include <gtest/gtest.h>

namespace vigil::codec::monitor {
namespace {

const char* kGood = R"({"id":"a1","source":"tg","posted_at":"2024-05-01T10:00:00Z","text":"hello","title":null,"region":"UA","extra":1})";

TEST(PostsJsonLines, ReadsPostsAndNamesBadLinesByNumberWithoutQuotingThem) {
  const std::string text = std::string(kGood) + "\n\n{\"id\":\"secret-value\n" +
                           R"({"id":7,"source":"tg","posted_at":"2024-05-01T10:00:00+03:00","text":"x"})" + "\n" +
                           R"({"id":"b","source":"tg","posted_at":"2024-05-01T10:00:00Z","text":5})" + "\n" +
                           R"({"id":"c","source":"tg","posted_at":"2024-05-01T10:00:00Z","text":"t","lang":3})" + "\n" +
                           R"(["not","an","object"])" + "\n";
  auto input = ReadPostsJsonLines(text, {});
  ASSERT_TRUE(input.has_value()) << input.error().message;
  ASSERT_EQ(input->posts.size(), 2u);
  EXPECT_EQ(input->posts[0].id, "a1");
  EXPECT_EQ(input->posts[0].region, std::optional<std::string>("UA"));
  EXPECT_FALSE(input->posts[0].title.has_value());
  EXPECT_EQ(input->posts[1].id, "7");
  EXPECT_EQ(input->lines, (std::vector<int>{1, 4}));
  ASSERT_EQ(input->invalid.size(), 4u);
  EXPECT_EQ(input->invalid[0].line, 3);
  EXPECT_EQ(input->invalid[0].reason.find("secret"), std::string::npos);
  EXPECT_EQ(input->invalid[1].line, 5);
  EXPECT_NE(input->invalid[1].reason.find("\"text\""), std::string::npos);
  EXPECT_NE(input->invalid[2].reason.find("\"lang\""), std::string::npos);
  EXPECT_EQ(input->invalid[3].line, 7);

  InputOptions strict;
  strict.strict = true;
  auto stopped = ReadPostsJsonLines(text, strict);
  ASSERT_FALSE(stopped.has_value());
  EXPECT_EQ(stopped.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(stopped.error().message.rfind("line 3: ", 0), 0u) << stopped.error().message;
}

TEST(PostsJsonLines, RepairsInvalidUtf8AndTruncatesAtACharacterBoundary) {
  const std::string text =
      "{\"id\":\"1\",\"source\":\"s\",\"posted_at\":\"2024-05-01T10:00:00Z\",\"text\":\"a\xFF" "b\"}\n"
      "{\"id\":\"2\",\"source\":\"s\",\"posted_at\":\"2024-05-01T10:00:00Z\",\"text\":\"ab\xD0\xB6\xD0\xB6\"}\n";
  InputOptions options;
  options.max_text_bytes = 3;  // inside the first "ж"
  auto input = ReadPostsJsonLines(text, options);
  ASSERT_TRUE(input.has_value()) << input.error().message;
  ASSERT_EQ(input->posts.size(), 2u);
  // "a", U+FFFD, "b" is 5 bytes: the cut at 3 falls inside U+FFFD and backs off to "a".
  EXPECT_EQ(input->posts[0].text, "a");
  EXPECT_TRUE(input->flags[0].utf8_repaired);
  EXPECT_TRUE(input->flags[0].truncated);
  EXPECT_EQ(input->posts[1].text, "ab");
  EXPECT_TRUE(input->flags[1].truncated);
  EXPECT_FALSE(input->flags[1].utf8_repaired);
  bool changed = false;
  EXPECT_EQ(RepairUtf8("\xE0\x80\x80ok", changed), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDok");  // overlong
  EXPECT_TRUE(changed);
  EXPECT_EQ(RepairUtf8("fine ж", changed), "fine ж");
  EXPECT_FALSE(changed);
}

TEST(PostsJsonLines, RepairsOnlyTheLinesWithInvalidUtf8InALargeInput) {
  // About 300 KB: UTF-8 is checked in blocks of whole lines, and only the lines of a failing
  // block one by one. Bad bytes in two lines far apart, one of them the last line, without a
  // newline; the lines around them stay as they are and unflagged.
  std::string text;
  constexpr int kLines = 3000;
  for (int idx = 0; idx < kLines; ++idx) {
    std::string body = "post " + std::to_string(idx) + " \xD0\x9F\xD1\x80\xD0\xB0\xD1\x86\xD1\x8F " + std::string(40, 'x');
    if (idx == 1234) body += "\xC0\xAF";
    if (idx == kLines - 1) body += "\xE2\x80";
    text += R"({"id":")" + std::to_string(idx) + R"(","source":"s","posted_at":"2024-05-01T10:00:00Z","text":")" + body +
            (idx == kLines - 1 ? "\"}" : "\"}\n");
  }
  for (int threads : {1, 3}) {
    auto input = ReadPostsJsonLines(text, {}, {}, threads);
    ASSERT_TRUE(input.has_value()) << input.error().message;
    ASSERT_EQ(input->posts.size(), static_cast<std::size_t>(kLines));
    std::vector<int> repaired;
    for (int idx = 0; idx < kLines; ++idx) {
      if (input->flags[static_cast<std::size_t>(idx)].utf8_repaired) repaired.push_back(idx);
    }
    EXPECT_EQ(repaired, (std::vector<int>{1234, kLines - 1}));
    EXPECT_NE(input->posts[1234].text.find("x\xEF\xBF\xBD\xEF\xBF\xBD"), std::string::npos);
    EXPECT_EQ(input->posts[1233].text, "post 1233 \xD0\x9F\xD1\x80\xD0\xB0\xD1\x86\xD1\x8F " + std::string(40, 'x'));
    EXPECT_EQ(input->lines.back(), kLines);
  }
}

TEST(PostsJsonLines, ReadsEveryPostWhenTheFirstMegabyteMisleadsTheEstimate) {
  // Over 4 MB, room for the posts is estimated from the first megabyte: long lines first, then
  // short ones (the vectors must grow), and the other way round (room to spare); read whole and
  // in two pieces (the first one has room for all).
  const auto line = [](std::size_t idx, std::size_t text_bytes) {
    return R"({"id":")" + std::to_string(idx) + R"(","source":"s","posted_at":"2024-05-01T10:00:00Z","text":")" +
           std::string(text_bytes, 't') + "\"}\n";
  };
  for (const bool long_first : {true, false}) {
    std::string text;
    std::size_t count = 0;
    while (text.size() < (std::size_t{1} << 20)) text += line(count++, long_first ? 2000 : 1);
    while (text.size() < (std::size_t{6} << 20)) text += line(count++, long_first ? 1 : 2000);
    for (int threads : {1, 2}) {
      auto input = ReadPostsJsonLines(text, {}, {}, threads);
      ASSERT_TRUE(input.has_value()) << input.error().message;
      ASSERT_EQ(input->posts.size(), count) << long_first << threads;
      EXPECT_EQ(input->posts.back().id, std::to_string(count - 1));
      EXPECT_EQ(input->lines.back(), static_cast<int>(count));
      EXPECT_EQ(input->flags.size(), count);
    }
  }
}

TEST(PostsCsv, MapsColumnsAndChecksTheMap) {
  auto map = ParseColumnMap({"id=job_id,text=description", "source=site"});
  ASSERT_TRUE(map.has_value()) << map.error().message;
  EXPECT_EQ(map->at("text"), "description");
  EXPECT_FALSE(ParseColumnMap({"colour=x"}).has_value());
  EXPECT_FALSE(ParseColumnMap({"id"}).has_value());
  EXPECT_FALSE(ParseColumnMap({"id=a", "id=b"}).has_value());

  const std::string csv =
      "Job_ID,description,site,posted_at,title\n"
      "1,\"Line one\nline two\",,2024-01-01T00:00:00Z,\n"
      ",no id,x,,\n"
      "3,third,board,,A title\n";
  auto input = ReadPostsCsv(csv, *map, "file.csv", {});
  ASSERT_TRUE(input.has_value()) << input.error().message;
  ASSERT_EQ(input->posts.size(), 2u);
  EXPECT_EQ(input->posts[0].text, "Line one\nline two");
  EXPECT_EQ(input->posts[0].source, "file.csv");
  EXPECT_FALSE(input->posts[0].title.has_value());
  EXPECT_EQ(input->posts[1].source, "board");
  EXPECT_EQ(input->posts[1].title, std::optional<std::string>("A title"));
  EXPECT_EQ(input->lines, (std::vector<int>{2, 5}));
  ASSERT_EQ(input->invalid.size(), 1u);
  EXPECT_EQ(input->invalid[0].line, 4);

  auto missing = ReadPostsCsv("a,b\n1,2\n", {}, "f", {});
  ASSERT_FALSE(missing.has_value());
  EXPECT_NE(missing.error().message.find("\"id\""), std::string::npos);
}

}  // namespace
}  // namespace vigil::codec::monitor
