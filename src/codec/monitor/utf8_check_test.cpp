#include "codec/monitor/utf8_check.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "core/common/encoding.hpp"

namespace vigil::codec::monitor {
namespace {

// vigil::IsValidUtf8 is checked against the Unicode Standard's table 3-7 in encoding_test.cpp;
// here the fast validator is compared with it. The SIMD code works on blocks of 64 bytes, so the
// sequences are also placed across a block's end and behind long runs.

TEST(Utf8Check, AgreesOnEveryTwoAndThreeByteSequenceAtBlockEdges) {
  const std::vector<unsigned char> thirds = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
  int disagreements = 0;
  int valid = 0;
  for (std::size_t offset : {std::size_t{0}, std::size_t{62}, std::size_t{63}, std::size_t{100}}) {
    for (unsigned first = 0x80; first <= 0xFF; ++first) {
      for (unsigned second = 0; second <= 0xFF; ++second) {
        for (unsigned char third : thirds) {
          std::string text(offset, 'a');
          text += static_cast<char>(first);
          text += static_cast<char>(second);
          text += static_cast<char>(third);
          text += "tail";
          const bool expected = IsValidUtf8(text);
          valid += expected ? 1 : 0;
          if (IsValidUtf8Fast(text) != expected) ++disagreements;
        }
      }
    }
  }
  EXPECT_EQ(disagreements, 0);
  EXPECT_GT(valid, 1000);
}

TEST(Utf8Check, AgreesOnRandomTextWithFaults) {
  const std::vector<std::string> pieces = {"abcdefghijklmnopqrstuvwxyz ", "xy", "\xD0\x9F\xD1\x80", "\xC5\xBC",
                                           "\xE2\x80\x94", "\xF0\x9F\x98\x80", "\xE4\xB8\xAD\xE6\x96\x87", " "};
  std::mt19937 random(20261128);
  int valid = 0, invalid = 0;
  for (int round = 0; round < 50000; ++round) {
    std::string text;
    const int count = static_cast<int>(random() % 60);  // up to about 1,600 bytes: many blocks
    for (int idx = 0; idx < count; ++idx) text += pieces[random() % pieces.size()];
    if (!text.empty() && random() % 2 == 0) text[random() % text.size()] = static_cast<char>(random() % 256);
    if (random() % 4 == 0 && !text.empty()) text.resize(random() % text.size());  // cut anywhere
    const bool expected = IsValidUtf8(text);
    ASSERT_EQ(IsValidUtf8Fast(text), expected) << "round " << round;
    (expected ? valid : invalid) += 1;
  }
  EXPECT_GT(valid, 1000);
  EXPECT_GT(invalid, 1000);
  EXPECT_TRUE(IsValidUtf8Fast(""));
  EXPECT_FALSE(IsValidUtf8Fast("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8Fast("\xF4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(IsValidUtf8Fast("\xC0\xAF"));          // overlong '/'
}

}  // namespace
}  // namespace vigil::codec::monitor
