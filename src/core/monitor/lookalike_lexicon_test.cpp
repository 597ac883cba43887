#include "core/monitor/lookalike_lexicon.hpp"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace vigil::core::monitor
