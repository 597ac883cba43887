#include "core/monitor/lookalike_lexicon.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "core/monitor/test_lexicon.hpp"

namespace vigil::core::monitor {
namespace {

LookalikeLexicon MakeLookalikes(const char* phrase) {
  auto lookalike = LookalikeLexicon::Build({PhraseEntry("en.a", "a", "logistics", phrase, 1.0)});
  EXPECT_TRUE(lookalike.has_value()) << (lookalike ? "" : lookalike.error().message);
  return std::move(*lookalike);
}

TEST(LookalikeLexicon, NeededForMixedWordsAndFullWidthLettersOnly) {
  const LookalikeLexicon lookalike = MakeLookalikes("free accommodation");
  EXPECT_TRUE(lookalike.Needed(FoldForScan("Fr\xD0\xB5\xD0\xB5 accommodation")));  // Cyrillic е in "free"
  EXPECT_TRUE(lookalike.Needed(FoldForScan("\xEF\xBD\x86ree")));                  // full-width f
  EXPECT_TRUE(lookalike.Needed(FoldForScan("\xF0\x9D\x90\x9F""ree")));              // mathematical bold f
  EXPECT_FALSE(lookalike.Needed(FoldForScan("Free accommodation, безкоштовне житло")));
  // Full-width digits (a phone number) cannot change a match when no phrase holds a digit.
  EXPECT_FALSE(lookalike.Needed(FoldForScan("tel \xEF\xBC\x90\xEF\xBC\x95\xEF\xBC\x90 123")));
}

TEST(LookalikeLexicon, FullWidthDigitsCountInWordsWhenASkeletonHasDigitsInWords) {
  // "w3rk": a digit inside a word; a full-width phone number alone cannot match it.
  const LookalikeLexicon lookalike = MakeLookalikes("w3rk now");
  EXPECT_FALSE(lookalike.Needed(FoldForScan("tel \xEF\xBC\x90\xEF\xBC\x95\xEF\xBC\x90 123")));
  EXPECT_TRUE(lookalike.Needed(FoldForScan("w\xEF\xBC\x93rk now")));
}

TEST(LookalikeLexicon, FullWidthDigitsCountWhenAPhraseHoldsADigit) {
  const LookalikeLexicon lookalike = MakeLookalikes("work 24 hours");
  EXPECT_TRUE(lookalike.Needed(FoldForScan("work \xEF\xBC\x92\xEF\xBC\x94 hours")));
  auto normaliser = Normaliser::Create();
  ASSERT_TRUE(normaliser.has_value());
  auto scratch = lookalike.matcher().NewScratch();
  ASSERT_TRUE(scratch.has_value());
  auto hits = lookalike.Scan("work \xEF\xBC\x92\xEF\xBC\x94 hours", *normaliser, *scratch);
  ASSERT_TRUE(hits.has_value());
  EXPECT_EQ(hits->size(), 1u);
}

// Needed written the plain way, word by word, for the comparison below.
bool NeededByWords(std::string_view folded, LookalikeLexicon::Digits digits) {
  std::size_t pos = 0;
  while (pos < folded.size()) {
    bool ascii_letter = false, other_letter = false, wide_digit = false, more_than_digits = false;
    while (pos < folded.size()) {
      const auto byte = static_cast<unsigned char>(folded[pos]);
      if (byte < 0x80 && !(byte >= 'a' && byte <= 'z') && !(byte >= '0' && byte <= '9')) break;
      const std::string_view rest = folded.substr(pos);
      if (rest.starts_with("\xF0\x9D")) return true;
      const bool wide = rest.size() >= 3 && (rest.starts_with("\xEF\xBC") || rest.starts_with("\xEF\xBD"));
      if (wide && rest[1] == '\xBC' && static_cast<unsigned char>(rest[2]) >= 0x90 &&
          static_cast<unsigned char>(rest[2]) <= 0x99) {
        wide_digit = true;
        pos += 3;
        continue;
      }
      if (wide) return true;
      ascii_letter = ascii_letter || (byte >= 'a' && byte <= 'z');
      other_letter = other_letter || (byte >= 0xCD && byte <= 0xD4);
      more_than_digits = more_than_digits || !((byte >= '0' && byte <= '9') || (byte & 0xC0) == 0x80);
      if (ascii_letter && other_letter) return true;
      ++pos;
    }
    if (wide_digit && (digits == LookalikeLexicon::Digits::kAlone ||
                       (digits == LookalikeLexicon::Digits::kInWords && more_than_digits))) {
      return true;
    }
    ++pos;
  }
  return false;
}

TEST(LookalikeLexicon, NeededAgreesWithAWordByWordCheckOnRandomText) {
  const LookalikeLexicon none = MakeLookalikes("free accommodation");
  const LookalikeLexicon alone = MakeLookalikes("work 24 hours");
  const LookalikeLexicon in_words = MakeLookalikes("w3rk now");
  const std::vector<std::string> pieces = {"a", "q", "7", " ", ".", "-", "\xD0\xB5", "\xCE\xB1", "\xD3\x81",
                                           "\xEF\xBC\x92", "\xEF\xBD\x86", "\xEF\xBC\x81", "\xF0\x9D\x90\x9F",
                                           "\xC5\xBC", "\xE2\x80\x94", "\xD8\xA7", "\xEF\xBC\x90\xEF\xBC\x99"};
  std::mt19937 random(5);
  int needed = 0;
  for (int round = 0; round < 30000; ++round) {
    std::string text;
    const int count = static_cast<int>(random() % 10);
    for (int idx = 0; idx < count; ++idx) text += pieces[random() % pieces.size()];
    const std::string folded = FoldForScan(text);
    ASSERT_EQ(none.Needed(folded), NeededByWords(folded, LookalikeLexicon::Digits::kNone)) << "round " << round;
    ASSERT_EQ(alone.Needed(folded), NeededByWords(folded, LookalikeLexicon::Digits::kAlone)) << "round " << round;
    ASSERT_EQ(in_words.Needed(folded), NeededByWords(folded, LookalikeLexicon::Digits::kInWords)) << "round " << round;
    needed += in_words.Needed(folded) ? 1 : 0;
  }
  EXPECT_GT(needed, 1000);
  EXPECT_LT(needed, 29000);
}

}  // namespace
}  // namespace vigil::core::monitor
