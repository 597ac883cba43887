#include "core/monitor/lexicon_matcher.hpp"

#include <gtest/gtest.h>

#include <random>

namespace vigil::core::monitor {
namespace {

LexiconEntry Entry(std::string id, std::vector<LexiconPattern> patterns) {
  LexiconEntry entry;
  entry.id = std::move(id);
  entry.language = "uk";
  entry.indicator = "no-experience-or-language";
  entry.category = "requirements";
  entry.weight = 1.0;
  entry.source = "test";
  entry.verification = "unverified";
  entry.patterns = std::move(patterns);
  entry.file = "test.yaml";
  entry.line = 3;
  return entry;
}

LexiconMatcher Build(std::vector<LexiconEntry> entries) {
  auto matcher = LexiconMatcher::Build(std::move(entries));
  EXPECT_TRUE(matcher.has_value()) << matcher.error().message;
  return std::move(*matcher);
}

std::vector<LexiconHit> ScanText(const LexiconMatcher& matcher, std::string_view text) {
  auto scratch = matcher.NewScratch();
  EXPECT_TRUE(scratch.has_value());
  auto hits = matcher.Scan(text, *scratch);
  EXPECT_TRUE(hits.has_value()) << hits.error().message;
  return hits.value_or(std::vector<LexiconHit>{});
}

TEST(LexiconMatcher, PhraseIsCaselessInCyrillicAndSpanExcludesBoundaries) {
  auto matcher = Build({Entry("uk.a", {{PatternKind::kPhrase, "без досвіду"}})});
  const std::string text = "Робота БЕЗ   ДОСВІДУ!";
  auto hits = ScanText(matcher, text);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].entry_id, "uk.a");
  EXPECT_EQ(text.substr(hits[0].start, hits[0].end - hits[0].start), "БЕЗ   ДОСВІДУ");
}

TEST(LexiconMatcher, PhraseNeedsWordBoundariesAroundCyrillic) {
  auto matcher = Build({Entry("uk.a", {{PatternKind::kPhrase, "без досвіду"}})});
  EXPECT_TRUE(ScanText(matcher, "безз досвіду").empty());
  EXPECT_TRUE(ScanText(matcher, "без досвідуння").empty());
  EXPECT_EQ(ScanText(matcher, "«без досвіду»").size(), 1u);
}

TEST(LexiconMatcher, StemMatchesWordEndingsAndMergesOverlaps) {
  auto matcher = Build({Entry("uk.b", {{PatternKind::kPhrase, "молод* дівч*"}})});
  const std::string text = "Шукаємо МОЛОДИХ ДІВЧАТ. Молода дівчина теж.";
  auto hits = ScanText(matcher, text);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(text.substr(hits[0].start, hits[0].end - hits[0].start), "МОЛОДИХ ДІВЧАТ");
  EXPECT_EQ(text.substr(hits[1].start, hits[1].end - hits[1].start), "Молода дівчина");
}

TEST(LexiconMatcher, RegexPlaceholdersAndOrderByStart) {
  auto matcher = Build({
      Entry("en.age", {{PatternKind::kRegex, "{B}1[6-9]{S}?-{S}?2[0-9]{S}years{B}"}}),
      Entry("en.free", {{PatternKind::kPhrase, "free room"}}),
  });
  const std::string text = "Free room; girls 18-25 years.";
  auto hits = ScanText(matcher, text);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].entry_id, "en.free");
  EXPECT_EQ(hits[0].start, 0u);
  EXPECT_EQ(hits[1].entry_id, "en.age");
  EXPECT_EQ(text.substr(hits[1].start, hits[1].end - hits[1].start), "18-25 years");
}

TEST(LexiconMatcher, RefusesAsciiOnlyWordBoundary) {
  auto matcher = LexiconMatcher::Build({Entry("uk.c", {{PatternKind::kRegex, "\\bбез\\b"}})});
  ASSERT_FALSE(matcher.has_value());
  EXPECT_NE(matcher.error().message.find("test.yaml:3: uk.c"), std::string::npos);
}

TEST(LexiconMatcher, NamesThePatternThatDoesNotCompile) {
  auto matcher = LexiconMatcher::Build({Entry("uk.d", {{PatternKind::kRegex, "(unclosed"}})});
  ASSERT_FALSE(matcher.has_value());
  EXPECT_NE(matcher.error().message.find("uk.d"), std::string::npos);
  EXPECT_NE(matcher.error().message.find("does not compile"), std::string::npos);
}

TEST(LexiconMatcher, FoldKeepsByteLengthAndScansPastInvalidBytes) {
  const std::string text = "ПРАЦЯ\xC2\xA0«Łódź»\xD0 OK";
  const std::string folded = FoldForScan(text);
  EXPECT_EQ(folded.size(), text.size());
  EXPECT_EQ(folded, "праця    łódź  \xD0 ok");
  auto matcher = Build({Entry("pl.a", {{PatternKind::kPhrase, "łódź"}})});
  auto hits = ScanText(matcher, text);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(text.substr(hits[0].start, hits[0].end - hits[0].start), "Łódź");
}

TEST(LexiconMatcher, FoldLowersEveryAsciiByteAtAnyOffset) {
  // Every ASCII byte, at every offset from an eight-byte step, with a two-byte letter after it.
  std::string text;
  for (int byte = 1; byte < 0x80; ++byte) text += static_cast<char>(byte);
  for (std::size_t shift = 0; shift < 9; ++shift) {
    const std::string shifted = std::string(shift, 'Q') + text + "\xD0\x96" + text;  // Ж between
    const std::string folded = FoldForScan(shifted);
    ASSERT_EQ(folded.size(), shifted.size());
    for (std::size_t pos = 0; pos < shifted.size(); ++pos) {
      const auto byte = static_cast<unsigned char>(shifted[pos]);
      if (byte >= 0x80) continue;
      const char expected = byte >= 'A' && byte <= 'Z' ? static_cast<char>(byte + 0x20) : static_cast<char>(byte);
      ASSERT_EQ(folded[pos], expected) << "byte " << static_cast<int>(byte) << " at " << pos;
    }
    EXPECT_NE(folded.find("\xD0\xB6"), std::string::npos);  // ж
  }
}

TEST(LexiconMatcher, ApostropheInAPhraseMatchesItsTypographicForms) {
  auto matcher = Build({Entry("uk.e", {{PatternKind::kPhrase, "об'єм грудей"}})});
  EXPECT_EQ(ScanText(matcher, "Вкажіть об'єм грудей").size(), 1u);
  EXPECT_EQ(ScanText(matcher, "Вкажіть ОБ’ЄМ грудей").size(), 1u);
  EXPECT_EQ(ScanText(matcher, "Вкажіть обʼєм грудей").size(), 1u);
  EXPECT_TRUE(ScanText(matcher, "Вкажіть об єм грудей").empty());
}

TEST(LexiconMatcher, RefusesNonAsciiInsideAClass) {
  auto matcher = LexiconMatcher::Build({Entry("pl.b", {{PatternKind::kRegex, "[ąę]"}})});
  ASSERT_FALSE(matcher.has_value());
  EXPECT_NE(matcher.error().message.find("inside [...]"), std::string::npos);
}

TEST(LexiconValidation, NamesEveryProblemWithFileAndLine) {
  LexiconEntry bad = Entry("uk.x", {});
  bad.category = "pay";
  bad.ilo = {"DR-2"};
  bad.weight = 0;
  auto status = ValidateLexicon({bad, Entry("uk.x", {{PatternKind::kPhrase, "a"}})});
  ASSERT_FALSE(status.has_value());
  const std::string& message = status.error().message;
  EXPECT_NE(message.find("test.yaml:3: uk.x: indicator \"no-experience-or-language\" belongs to "
                         "category \"requirements\""),
            std::string::npos);
  EXPECT_NE(message.find("\"DR-2\" is not an ILO 2009 indicator id"), std::string::npos);
  EXPECT_NE(message.find("the weight must be above 0"), std::string::npos);
  EXPECT_NE(message.find("at least one phrase or regex"), std::string::npos);
  EXPECT_NE(message.find("the id is used twice"), std::string::npos);
  EXPECT_NE(message.find("\"match\" sentence"), std::string::npos);
}

// Starts found by walking back over a phrase's words agree with start tracking (a regex of the
// same text is matched with it), whatever the punctuation or spacing around them.
TEST(LexiconMatcher, WalkedPhraseStartsAgreeWithStartTracking) {
  auto matcher = Build({Entry("uk.a", {{PatternKind::kPhrase, "житло безкоштовн*"}}),
                        Entry("uk.b", {{PatternKind::kRegex, "{B}житло{S}безкоштовн{L}*{B}"}})});
  for (std::string text : {"житло безкоштовне", "(Житло\t\n  БЕЗКОШТОВНЕ)", "x-житло безкоштовно.",
                           "xжитло безкоштовне, житло безкоштовно"}) {
    const auto hits = ScanText(matcher, text);
    std::vector<std::pair<std::size_t, std::size_t>> phrase, regex;
    for (const auto& hit : hits) (hit.entry == 0 ? phrase : regex).push_back({hit.start, hit.end});
    EXPECT_EQ(phrase, regex) << text;
    EXPECT_FALSE(phrase.empty()) << text;
  }
}

TEST(LexiconMatcher, ReusesItsSerializedDatabasesOnlyForTheSameLexicon) {
  const std::vector<LexiconEntry> entries = {Entry("uk.a", {{PatternKind::kPhrase, "без досвіду"}}),
                                             Entry("uk.b", {{PatternKind::kRegex, "{B}віком{S}до{S}3[0-9]{B}"}})};
  auto first = Build(entries);
  EXPECT_FALSE(first.reused());
  const std::string compiled = first.Serialize();
  auto again = LexiconMatcher::Build(entries, compiled);
  ASSERT_TRUE(again.has_value());
  EXPECT_TRUE(again->reused());
  const std::string text = "Робота без досвіду, віком до 35 років";
  const auto expected = ScanText(first, text);
  const auto hits = ScanText(*again, text);
  ASSERT_EQ(hits.size(), 2u);
  for (std::size_t idx = 0; idx < hits.size(); ++idx) {
    EXPECT_EQ(hits[idx].start, expected[idx].start);
    EXPECT_EQ(hits[idx].end, expected[idx].end);
  }
  // Another lexicon, or damaged bytes: compiled afresh.
  auto other = LexiconMatcher::Build({Entry("uk.a", {{PatternKind::kPhrase, "без досвіду роботи"}})}, compiled);
  ASSERT_TRUE(other.has_value());
  EXPECT_FALSE(other->reused());
  auto damaged = LexiconMatcher::Build(entries, compiled.substr(0, compiled.size() / 2));
  ASSERT_TRUE(damaged.has_value());
  EXPECT_FALSE(damaged->reused());
  EXPECT_EQ(ScanText(*damaged, text).size(), 2u);
}

TEST(LexiconMatcher, TheSingleSpaceDatabaseFindsWhatTheRunDatabaseFinds) {
  // Texts without two white space bytes in a row are scanned with the single-space database; the
  // same text followed by two spaces goes to the database with white space runs. Their hits must
  // be the same (the trailing spaces add no phrase and the spans leave boundaries out).
  const LexiconMatcher matcher =
      Build({Entry("uk.a", {{PatternKind::kPhrase, "free housing"}}),
             Entry("uk.b", {{PatternKind::kPhrase, "робота за кордоном"}}),
             Entry("uk.c", {{PatternKind::kPhrase, "no exp*"}}),
             Entry("uk.d", {{PatternKind::kRegex, "{B}pay{S}(?:of{S})?[0-9]+{B}"}}),
             Entry("uk.e", {{PatternKind::kPhrase, "housing"}})});
  const std::vector<std::string> words = {"free", "housing", "робота", "за", "кордоном", "no", "experience",
                                          "exp", "pay", "of", "500", "x", "Free", "HOUSING"};
  const std::vector<std::string> separators = {" ", "\n", "\t", ", ", ". ", "-", " (", ") ", "\r"};
  std::mt19937 random(77);
  int found = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int count = 1 + static_cast<int>(random() % 12);
    for (int idx = 0; idx < count; ++idx) {
      if (idx > 0) text += separators[random() % separators.size()];
      text += words[random() % words.size()];
    }
    const auto single = ScanText(matcher, text);
    const auto runs = ScanText(matcher, text + "  ");
    ASSERT_EQ(single.size(), runs.size()) << text;
    for (std::size_t idx = 0; idx < single.size(); ++idx) {
      EXPECT_EQ(single[idx].entry, runs[idx].entry) << text;
      EXPECT_EQ(single[idx].start, runs[idx].start) << text;
      EXPECT_EQ(single[idx].end, runs[idx].end) << text;
    }
    found += static_cast<int>(single.size());
  }
  EXPECT_GT(found, 1000);
  // A phrase across a white space run is still found (by the run database).
  const auto hits = ScanText(matcher, "free \n  housing");
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].entry_id, "uk.a");
}

}  // namespace
}  // namespace vigil::core::monitor
