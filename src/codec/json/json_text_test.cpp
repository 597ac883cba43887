#include "codec/json/json_text.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace vigil::codec {
namespace {

// Byte by byte: the reference the word-at-a-time scans are compared with.
std::size_t RunEndByBytes(std::string_view text, std::size_t pos, bool ascii_only) {
  for (; pos < text.size(); ++pos) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte == '"' || byte == '\\' || byte < 0x20 || (ascii_only && byte >= 0x80)) break;
  }
  return pos;
}

TEST(JsonText, RunEndsAgreeWithAByteByByteScanAtEveryStart) {
  // Texts of every length up to 70 (each step width, the last partial loads), made mostly of
  // plain bytes with the ones that end a run, and the bytes next to them ('#', ']', space, DEL,
  // 0x80, 0xFF), at random places.
  const std::string bytes = "abc \"\\\n\x1F #]\x7F\x80\xD0\xFF\x01";
  std::mt19937 random(5);
  int ends_found = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text(random() % 71, 'x');
    for (char& c : text) {
      if (random() % 6 == 0) c = bytes[random() % bytes.size()];
    }
    for (std::size_t pos = 0; pos <= text.size(); ++pos) {
      const std::size_t expected = RunEndByBytes(text, pos, false);
      ASSERT_EQ(PlainJsonRunEnd(text, pos), expected) << "round " << round << " from " << pos;
      ASSERT_EQ(PlainAsciiJsonRunEnd(text, pos), RunEndByBytes(text, pos, true)) << "round " << round << " from " << pos;
      const std::string_view rest = std::string_view(text).substr(pos);
      ASSERT_EQ(IsPlainAsciiJson(rest), RunEndByBytes(rest, 0, true) == rest.size()) << "round " << round << " from " << pos;
      ends_found += expected < text.size() ? 1 : 0;
    }
  }
  EXPECT_GT(ends_found, 10000);
  EXPECT_EQ(PlainJsonRunEnd("", 0), 0u);
  EXPECT_EQ(PlainAsciiJsonRunEnd("plain ascii, nothing to escape", 0), 30u);
  EXPECT_EQ(PlainAsciiJsonRunEnd("caf\xC3\xA9", 0), 3u);
  EXPECT_EQ(PlainJsonRunEnd("caf\xC3\xA9", 0), 5u);
  EXPECT_TRUE(IsPlainAsciiJson(""));
  EXPECT_TRUE(IsPlainAsciiJson("telegram"));
  EXPECT_FALSE(IsPlainAsciiJson("a\"b"));
  EXPECT_FALSE(IsPlainAsciiJson("\x7F\x80"));
}

}  // namespace
}  // namespace vigil::codec
