#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <random>
#include <string>
#include <vector>

#include "core/monitor/lexicon_matcher.hpp"

namespace vigil::core::monitor {
namespace {

// The fold's definition, one character at a time with ICU: white space and punctuation (but
// U+2019) become as many spaces as bytes, letters their lower case when it has the same length,
// invalid bytes stay.
std::string FoldByDefinition(const std::string& text) {
  std::string out;
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t pos = 0; pos < length;) {
    const int32_t start = pos;
    UChar32 code = 0;
    U8_NEXT(text.data(), pos, length, code);
    const auto size = static_cast<std::size_t>(pos - start);
    if (code < 0) {
      out.append(text, static_cast<std::size_t>(start), size);
    } else if (code >= 0x80 && code != 0x2019 && (u_isUWhiteSpace(code) || u_ispunct(code))) {
      out.append(size, ' ');
    } else {
      UChar32 lower = code < 0x80 ? (code >= 'A' && code <= 'Z' ? code + 0x20 : code) : u_tolower(code);
      if (static_cast<std::size_t>(U8_LENGTH(lower)) != size) lower = code;
      char buffer[4];
      int32_t written = 0;
      U8_APPEND_UNSAFE(buffer, written, lower);
      out.append(buffer, static_cast<std::size_t>(written));
    }
  }
  return out;
}

std::string Utf8(UChar32 code) {
  char buffer[4];
  int32_t written = 0;
  U8_APPEND_UNSAFE(buffer, written, code);
  return std::string(buffer, static_cast<std::size_t>(written));
}

TEST(FoldForScan, EqualsTheDefinitionOnRandomTexts) {
  // Every ASCII byte, every letter of the Cyrillic block (the sixteen-byte path) and its
  // supplement, Latin letters with diacritics, punctuation of two and three bytes, an emoji, and
  // bytes that are not UTF-8 (a lone lead, a lone continuation).
  std::vector<std::string> pieces;
  for (int byte = 0; byte < 0x80; ++byte) pieces.push_back(std::string(1, static_cast<char>(byte)));
  for (UChar32 code = 0x400; code < 0x530; ++code) pieces.push_back(Utf8(code));
  for (UChar32 code : {0xC0, 0xC9, 0xDF, 0xE4, 0x104, 0x105, 0x141, 0x142, 0x15A, 0x17B, 0x218, 0x21B, 0x3A9, 0x3C9,
                       0xA0, 0xAB, 0xBB, 0x2019, 0x2014, 0x201E, 0x2116, 0x3000, 0xFF10, 0x1F600}) {
    pieces.push_back(Utf8(code));
  }
  pieces.push_back("\xD0");
  pieces.push_back("\x90");
  pieces.push_back("\xD1");
  std::mt19937 random(11);
  for (int round = 0; round < 4000; ++round) {
    std::string text;
    const int count = static_cast<int>(random() % 120);
    // Mostly Cyrillic and ASCII in some texts, so that whole blocks take the fast path.
    const bool plain = round % 2 == 0;
    for (int idx = 0; idx < count; ++idx) {
      if (plain && random() % 8 != 0) {
        text += random() % 2 == 0 ? Utf8(0x400 + static_cast<UChar32>(random() % 0x60))
                                  : std::string(1, static_cast<char>(0x20 + random() % 0x5F));
      } else {
        text += pieces[random() % pieces.size()];
      }
    }
    ASSERT_EQ(FoldForScan(text), FoldByDefinition(text)) << "round " << round;
  }
}

TEST(FoldForScan, CyrillicCapitalsFoldInsideAndAcrossSixteenByteBlocks) {
  const std::string capitals = "ЀЁЂЃЄЅІЇЈЉЊЋЌЍЎЏАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ";
  const std::string small = "ѐёђѓєѕіїјљњћќѝўџабвгдежзийклмнопрстуфхцчшщъыьэюя";
  for (std::size_t shift = 0; shift < 17; ++shift) {
    EXPECT_EQ(FoldForScan(std::string(shift, 'Q') + capitals), std::string(shift, 'q') + small) << shift;
  }
}

}  // namespace
}  // namespace vigil::core::monitor
