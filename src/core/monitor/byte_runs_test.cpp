#include "core/monitor/byte_runs.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

#include "core/monitor/lexicon_matcher.hpp"

namespace vigil::core::monitor {
namespace {

bool IsAsciiSpace(unsigned char byte) { return byte == ' ' || (byte >= '\t' && byte <= '\r'); }

// Runs of bytes for which `in_run` holds, read one byte at a time: the definition.
template <typename InRun>
std::vector<std::pair<std::size_t, std::size_t>> RunsByteByByte(const std::string& text, InRun in_run) {
  std::vector<std::pair<std::size_t, std::size_t>> runs;
  for (std::size_t pos = 0; pos < text.size();) {
    if (!in_run(static_cast<unsigned char>(text[pos]))) {
      ++pos;
      continue;
    }
    const std::size_t start = pos;
    while (pos < text.size() && in_run(static_cast<unsigned char>(text[pos]))) ++pos;
    runs.emplace_back(start, pos);
  }
  return runs;
}

TEST(ByteRuns, SpaceFlagsMarkExactlyTheSixAsciiSpaces) {
  for (int value = 0; value < 256; ++value) {
    const auto byte = static_cast<unsigned char>(value);
    for (int lane = 0; lane < 8; ++lane) {
      // The byte in one lane, a neighbour that could carry into it in the others.
      std::uint64_t chunk = 0xFFFF'FFFF'FFFF'FFFFULL;
      chunk &= ~(std::uint64_t{0xFF} << (8 * lane));
      chunk |= std::uint64_t{byte} << (8 * lane);
      const std::uint64_t flags = AsciiSpaceFlags(chunk);
      EXPECT_EQ((flags >> (8 * lane + 7)) & 1U, IsAsciiSpace(byte) ? 1U : 0U) << value << " lane " << lane;
      EXPECT_EQ(flags & ~(std::uint64_t{0x80} << (8 * lane)), 0U) << value;
    }
  }
}

TEST(ByteRuns, NonSpaceWordAndLetterRunsEqualAByteByByteSplit) {
  std::mt19937 random(7);
  // Spaces, controls, letters, digits, punctuation, UTF-8 bytes: runs of every length, across
  // block ends, at the text's end.
  const std::string alphabet = std::string(" \t\n\v\f\r\x1f\x7f.-,az09AZ") + "\xd0\xb8\xc3\xa9\xe2\x80\x94";
  for (int round = 0; round < 3000; ++round) {
    std::string text(random() % 300, ' ');
    const bool long_runs = round % 3 == 0;
    for (char& c : text) c = alphabet[random() % (long_runs ? 4 + random() % 3 : alphabet.size())];
    if (long_runs) {
      for (char& c : text) if (random() % 8 != 0) c = 'w';
    }
    if (round % 3 == 1) {
      // Every byte value, the neighbours of each class's ranges included.
      for (char& c : text) c = static_cast<char>(random() % 256);
    }
    std::vector<std::pair<std::size_t, std::size_t>> words;
    ForEachByteRun(
        text.size(), [&](std::size_t base) { return ByteClassMask<ByteClass::kNonSpace>(text, base); },
        [&](std::size_t start, std::size_t end) { words.emplace_back(start, end); });
    EXPECT_EQ(words, RunsByteByByte(text, [](unsigned char byte) { return !IsAsciiSpace(byte); })) << round;
    std::vector<std::pair<std::size_t, std::size_t>> folded_words;
    ForEachByteRun(
        text.size(),
        [&](std::size_t base) { return ByteClassMask<ByteClass::kFoldedWord>(text, base); },
        [&](std::size_t start, std::size_t end) { folded_words.emplace_back(start, end); });
    EXPECT_EQ(folded_words, RunsByteByByte(text, [](unsigned char byte) { return IsFoldedWordByte(static_cast<char>(byte)); }))
        << round;
    std::vector<std::pair<std::size_t, std::size_t>> letter_words;
    ForEachByteRun(
        text.size(), [&](std::size_t base) { return ByteClassMask<ByteClass::kAsciiLetter>(text, base); },
        [&](std::size_t start, std::size_t end) { letter_words.emplace_back(start, end); });
    EXPECT_EQ(letter_words, RunsByteByByte(text, [](unsigned char byte) {
                return (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z');
              })) << round;
  }
}

}  // namespace
}  // namespace vigil::core::monitor
