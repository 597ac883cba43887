#include "codec/csv/csv_reader.hpp"

#include <gtest/gtest.h>

namespace vigil::codec::csv {
namespace {

TEST(CsvReader, QuotedCommasQuotesAndNewlines) {
  auto records = ParseCsv("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",z\n3,,\n");
  ASSERT_TRUE(records) << records.error().message;
  ASSERT_EQ(records->size(), 4u);
  EXPECT_EQ((*records)[1].fields, (std::vector<std::string>{"1", "x, y", "say \"hi\""}));
  EXPECT_EQ((*records)[2].fields[1], "two\nlines");
  EXPECT_EQ((*records)[2].line, 3);
  EXPECT_EQ((*records)[3].line, 5);  // the quoted newline moved it down one line
  EXPECT_EQ((*records)[3].fields, (std::vector<std::string>{"3", "", ""}));
}

TEST(CsvReader, CrlfBomAndNoFinalNewline) {
  auto records = ParseCsv("\xEF\xBB\xBFh1,h2\r\n\"a\",b\r\n\r\nc,\"\"");
  ASSERT_TRUE(records);
  ASSERT_EQ(records->size(), 3u);
  EXPECT_EQ((*records)[0].fields[0], "h1");
  EXPECT_EQ((*records)[1].fields, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ((*records)[2].line, 4);
  EXPECT_EQ((*records)[2].fields, (std::vector<std::string>{"c", ""}));
}

TEST(CsvReader, ErrorsNameTheLine) {
  auto unclosed = ParseCsv("a,b\n1,\"open\n2,3\n");
  ASSERT_FALSE(unclosed);
  EXPECT_EQ(unclosed.error().message,
            "line 2: a quoted field is not closed before the end of the file");
  auto stray = ParseCsv("a,b\n1,2\n3,4\"x\"\n");
  ASSERT_FALSE(stray);
  EXPECT_EQ(stray.error().message, "line 3: a quote inside an unquoted field");
  auto after = ParseCsv("a\n\"x\"y\n");
  ASSERT_FALSE(after);
  EXPECT_NE(after.error().message.find("line 2: text after a closing quote"), std::string::npos);
  EXPECT_EQ(after.error().reason, "invalid-csv");
}

TEST(CsvReader, RenderRoundTrips) {
  std::string out;
  RenderCsvRecord({"plain", "with,comma", "with \"quote\"", "two\nlines", "=SUM(A1)", "-3"}, out);
  EXPECT_EQ(out, "plain,\"with,comma\",\"with \"\"quote\"\"\",\"two\nlines\",'=SUM(A1),-3\r\n");
  auto back = ParseCsv(out);
  ASSERT_TRUE(back);
  EXPECT_EQ((*back)[0].fields[3], "two\nlines");
  EXPECT_EQ((*back)[0].fields[2], "with \"quote\"");
}

TEST(CsvReader, ReportsProgress) {
  std::string text = "a,b\n";
  for (int row = 0; row < 60000; ++row) text += "1234567,89\n";
  std::size_t calls = 0, last = 0;
  auto records = ParseCsv(text, [&](std::size_t done, std::size_t total) {
    ++calls;
    last = done;
    EXPECT_EQ(total, text.size());
  });
  ASSERT_TRUE(records);
  EXPECT_EQ(records->size(), 60001u);
  EXPECT_GE(calls, 2u);
  EXPECT_EQ(last, text.size());
}

}  // namespace
}  // namespace vigil::codec::csv
