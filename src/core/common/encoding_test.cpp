#include "core/common/encoding.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace vigil {
namespace {

TEST(Encoding, HexRoundTrips) {
  const std::vector<std::uint8_t> bytes = {0x00, 0x7f, 0xff, 0x10};
  EXPECT_EQ(EncodeHex(bytes), "007fff10");
  EXPECT_EQ(DecodeHex("007FFF10"), bytes);
  EXPECT_FALSE(DecodeHex("abc").has_value());
  EXPECT_FALSE(DecodeHex("zz").has_value());
}

TEST(Encoding, Base64UrlRoundTripsEveryLength) {
  std::vector<std::uint8_t> bytes;
  for (int length = 0; length < 20; ++length) {
    const std::string encoded = EncodeBase64Url(bytes);
    EXPECT_EQ(encoded.find_first_of("+/="), std::string::npos);
    EXPECT_EQ(DecodeBase64Url(encoded), bytes) << "length " << length;
    bytes.push_back(static_cast<std::uint8_t>(length * 37 + 250));
  }
  EXPECT_EQ(EncodeBase64Url(std::vector<std::uint8_t>{'h', 'i'}), "aGk");
  EXPECT_FALSE(DecodeBase64Url("a").has_value());
  EXPECT_FALSE(DecodeBase64Url("ab$d").has_value());
}

TEST(Encoding, Utf8ValidationAcceptsTextAndRejectsMalformedBytes) {
  EXPECT_TRUE(IsValidUtf8("plain"));
  EXPECT_TRUE(IsValidUtf8("Україна — العربية — Polska ż"));
  EXPECT_TRUE(IsValidUtf8("\xF0\x9F\x98\x80"));   // emoji
  EXPECT_FALSE(IsValidUtf8("\xC3"));              // truncated
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\xFF"));
}

// The well-formed byte sequences of the Unicode Standard's table 3-7, checked byte by byte:
// a second implementation to compare the validator's fast paths with.
bool WellFormedByTable(std::string_view text) {
  const auto in = [](unsigned char byte, unsigned char low, unsigned char high) { return byte >= low && byte <= high; };
  for (std::size_t pos = 0; pos < text.size();) {
    const auto b0 = static_cast<unsigned char>(text[pos]);
    const auto at = [&](std::size_t offset) {
      return pos + offset < text.size() ? static_cast<unsigned char>(text[pos + offset]) : 0;
    };
    std::size_t length = 0;
    if (b0 <= 0x7F) length = 1;
    else if (in(b0, 0xC2, 0xDF) && in(at(1), 0x80, 0xBF)) length = 2;
    else if (b0 == 0xE0 && in(at(1), 0xA0, 0xBF) && in(at(2), 0x80, 0xBF)) length = 3;
    else if ((in(b0, 0xE1, 0xEC) || in(b0, 0xEE, 0xEF)) && in(at(1), 0x80, 0xBF) && in(at(2), 0x80, 0xBF)) length = 3;
    else if (b0 == 0xED && in(at(1), 0x80, 0x9F) && in(at(2), 0x80, 0xBF)) length = 3;
    else if (b0 == 0xF0 && in(at(1), 0x90, 0xBF) && in(at(2), 0x80, 0xBF) && in(at(3), 0x80, 0xBF)) length = 4;
    else if (in(b0, 0xF1, 0xF3) && in(at(1), 0x80, 0xBF) && in(at(2), 0x80, 0xBF) && in(at(3), 0x80, 0xBF)) length = 4;
    else if (b0 == 0xF4 && in(at(1), 0x80, 0x8F) && in(at(2), 0x80, 0xBF) && in(at(3), 0x80, 0xBF)) length = 4;
    else return false;
    pos += length;
  }
  return true;
}

TEST(Encoding, Utf8ValidationAgreesWithTheStandardsTableOnRandomText) {
  // Mostly valid text (ASCII runs longer than the eight-byte step, Cyrillic, three- and four-byte
  // characters) with one byte changed at a random place half of the time.
  const std::vector<std::string> pieces = {"abcdefghijkl ", "xy", "\xD0\x9F\xD1\x80", "\xC5\xBC",
                                           "\xE2\x80\x94", "\xF0\x9F\x98\x80", "0123456789", " "};
  std::mt19937 random(20261128);
  int valid = 0, invalid = 0;
  for (int round = 0; round < 100000; ++round) {
    std::string text;
    const int count = static_cast<int>(random() % 12);
    for (int idx = 0; idx < count; ++idx) text += pieces[random() % pieces.size()];
    if (!text.empty() && random() % 2 == 0) text[random() % text.size()] = static_cast<char>(random() % 256);
    if (random() % 4 == 0 && !text.empty()) text.resize(random() % text.size());  // cut anywhere
    const bool expected = WellFormedByTable(text);
    ASSERT_EQ(IsValidUtf8(text), expected) << "round " << round;
    (expected ? valid : invalid) += 1;
  }
  EXPECT_GT(valid, 1000);
  EXPECT_GT(invalid, 1000);
  // Faults right after an eight-byte ASCII step, and at the very end.
  EXPECT_FALSE(IsValidUtf8("abcdefgh\xC3"));
  EXPECT_FALSE(IsValidUtf8("abcdefgh\xC0\xAF"));
  EXPECT_FALSE(IsValidUtf8("abcdefghijklmnop\x80"));
  EXPECT_TRUE(IsValidUtf8("abcdefgh\xC3\xA9" "abcdefgh"));
  // Eight-byte steps over two-byte letters: a lead as the eighth byte, overlong C0/C1 leads, a
  // continuation byte without its lead.
  EXPECT_TRUE(IsValidUtf8("\xD0\x9F\xD1\x80\xD0\xB8 \xD0\xB2\xD1\x96\xD1\x82"));
  EXPECT_TRUE(IsValidUtf8("abcdefg\xD0\x9F" "abcdefgh"));
  EXPECT_FALSE(IsValidUtf8("abcdef\xC0\x80" "abcdefgh"));
  EXPECT_FALSE(IsValidUtf8("abcdef\xC1\xBF" "abcdefgh"));
  EXPECT_FALSE(IsValidUtf8("abc\x80" "defgh" "abcdefgh"));
  EXPECT_FALSE(IsValidUtf8("abcdefg\xD0" "abcdefgh"));
}

TEST(Encoding, ConstantTimeEqualsComparesContentAndLength) {
  EXPECT_TRUE(ConstantTimeEquals("token", "token"));
  EXPECT_FALSE(ConstantTimeEquals("token", "tokem"));
  EXPECT_FALSE(ConstantTimeEquals("token", "token2"));
}

}  // namespace
}  // namespace vigil
