#include "core/common/encoding.hpp"

#include <gtest/gtest.h>

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

TEST(Encoding, ConstantTimeEqualsComparesContentAndLength) {
  EXPECT_TRUE(ConstantTimeEquals("token", "token"));
  EXPECT_FALSE(ConstantTimeEquals("token", "tokem"));
  EXPECT_FALSE(ConstantTimeEquals("token", "token2"));
}

}  // namespace
}  // namespace vigil
