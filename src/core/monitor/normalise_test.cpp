#include "core/monitor/normalise.hpp"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uspoof.h>
#include <unicode/utf8.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

#include "core/monitor/digit_words.hpp"

namespace vigil::core::monitor {
namespace {

Normaliser MakeNormaliser() {
  auto normaliser = Normaliser::Create();
  EXPECT_TRUE(normaliser.has_value());
  return std::move(*normaliser);
}

std::string OriginalOf(std::string_view original, const MappedText& mapped, std::size_t start, std::size_t end) {
  const ByteSpan span = mapped.ToOriginal(start, end);
  return std::string(original.substr(span.start, span.end - span.start));
}

TEST(Normalise, FoldsCaseAndCompatibilityForms) {
  Normaliser normaliser = MakeNormaliser();
  EXPECT_EQ(normaliser.Fold("Praca W NIEMCZECH").text(), "praca w niemczech");
  EXPECT_EQ(normaliser.Fold("РОБОТА Ґанок").text(), "робота ґанок");
  EXPECT_EQ(normaliser.Fold("Ｗｏｒｋ ０５０").text(), "work 050");  // full-width forms
  EXPECT_EQ(normaliser.Fold("ﬁnance Straße").text(), "finance strasse");
  // A decomposed accent composes with its ASCII base.
  EXPECT_EQ(normaliser.Fold("Cafe\xCC\x81").text(), "caf\xC3\xA9");
}

TEST(Normalise, RemovesZeroWidthAndControlCharacters) {
  Normaliser normaliser = MakeNormaliser();
  // zero-width space, zero-width joiner, soft hyphen, bidi mark, BOM, a bell and a carriage return
  EXPECT_EQ(normaliser.Fold("ро\u200Bбо\u200Dта\u00AD\u200E\uFEFF\a\r").text(), "робота");
  EXPECT_EQ(normaliser.Fold("line one\n\tline two").text(), "line one\n\tline two");
  // Invalid UTF-8 bytes are dropped, the rest kept.
  EXPECT_EQ(normaliser.Fold(std::string("ok\xFF\xFEok")).text(), "okok");
}

TEST(Normalise, MapsFoldedSpansBackToTheOriginal) {
  Normaliser normaliser = MakeNormaliser();
  const std::string original = "Тел: \u200B０５０ ﬁne";
  const MappedText folded = normaliser.Fold(original);
  ASSERT_EQ(folded.text(), "тел: 050 fine");
  const std::size_t digits = folded.text().find("050");
  EXPECT_EQ(OriginalOf(original, folded, digits, digits + 3), "０５０");
  // Half of a ligature maps to the whole ligature.
  const std::size_t fine = folded.text().find("fine");
  EXPECT_EQ(OriginalOf(original, folded, fine, fine + 1), "ﬁ");
  EXPECT_EQ(folded.ToOriginal(0, folded.text().size()), (ByteSpan{0, original.size()}));
}

TEST(Normalise, AsciiRunsEndBeforeControlsAndCombiningMarksAtAnyLength) {
  // The ASCII runs are read sixteen bytes at a time: the last letter before a combining mark
  // still composes with it, and control characters still drop, wherever the run ends.
  Normaliser normaliser = MakeNormaliser();
  for (std::size_t lead = 0; lead < 40; ++lead) {
    const std::string letters(lead, 'A');
    const std::string original = letters + "Cafe\xCC\x81\x01X\x7F" + letters + "Z";
    const MappedText folded = normaliser.Fold(original);
    const std::string lowered(lead, 'a');
    ASSERT_EQ(folded.text(), lowered + "caf\xC3\xA9x" + lowered + "z") << lead;
    EXPECT_EQ(OriginalOf(original, folded, lead + 3, lead + 5), "e\xCC\x81") << lead;
  }
}

TEST(Normalise, FoldIntoReplacesWhatTheTextHeld) {
  Normaliser normaliser = MakeNormaliser();
  MappedText out;
  normaliser.FoldInto("ДОВГИЙ ТЕКСТ, Straße ﬁnance 0501234567", out);
  const std::string second = "Ｔｅｌ 050";
  normaliser.FoldInto(second, out);
  const MappedText fresh = normaliser.Fold(second);
  EXPECT_EQ(out.text(), fresh.text());
  EXPECT_EQ(out.original_size(), second.size());
  ASSERT_EQ(out.text(), "tel 050");
  for (std::size_t at = 0; at < out.text().size(); ++at) EXPECT_EQ(out.ToOriginal(at, at + 1), fresh.ToOriginal(at, at + 1));
}

// Fold as its definition reads: each segment (a character and the non-ASCII characters after it
// with no normalisation boundary before them) folded by ICU, control and format characters
// dropped, every output byte mapped to its whole segment. Invalid bytes vanish.
std::pair<std::string, std::vector<ByteSpan>> ReferenceFold(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  std::string out;
  std::vector<ByteSpan> spans;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t pos = 0;
  while (pos < length) {
    const int32_t start = pos;
    UChar32 c = 0;
    U8_NEXT(bytes, pos, length, c);
    if (c < 0) continue;
    int32_t end = pos;
    while (end < length && bytes[end] >= 0x80) {
      int32_t next_pos = end;
      UChar32 next = 0;
      U8_NEXT(bytes, next_pos, length, next);
      if (next < 0 || casefold->hasBoundaryBefore(next)) break;
      end = next_pos;
    }
    const icu::UnicodeString segment = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data() + start, end - start));
    status = U_ZERO_ERROR;
    const icu::UnicodeString folded = casefold->normalize(segment, status);
    std::string piece;
    for (int32_t index = 0; index < folded.length();) {
      const UChar32 part = folded.char32At(index);
      index += U16_LENGTH(part);
      const int8_t type = u_charType(part);
      if (part != '\t' && part != '\n' && (type == U_CONTROL_CHAR || type == U_FORMAT_CHAR)) continue;
      icu::UnicodeString(part).toUTF8String(piece);
    }
    out += piece;
    spans.insert(spans.end(), piece.size(), ByteSpan{static_cast<std::size_t>(start), static_cast<std::size_t>(end)});
    pos = end;
  }
  return {out, spans};
}

TEST(Normalise, FoldOfShortCharactersEqualsTheSegmentDefinition) {
  // Random texts of every character below U+0800 (letters, combining marks, soft hyphens, "ß"),
  // ASCII, a few longer characters and invalid bytes: the table path for runs of short
  // characters must give the per-segment fold and map.
  Normaliser normaliser = MakeNormaliser();
  std::mt19937 random(20261128);
  const std::vector<std::string> others = {" ", "a", "Z", "7", ".", "\t", "\x01", "\xE2\x80\x8B", "\xEF\xAC\x81",
                                           "\xFF", "\xC0", "\xCC\x81", "\xD0"};
  MappedText out;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int chars = static_cast<int>(random() % 24);
    for (int index = 0; index < chars; ++index) {
      if (random() % 3 == 0) {
        text += others[random() % others.size()];
      } else {
        const auto code = static_cast<unsigned>(0x80 + random() % (0x800 - 0x80));
        text += static_cast<char>(0xC0 | (code >> 6));
        text += static_cast<char>(0x80 | (code & 0x3F));
      }
    }
    const auto [expected, spans] = ReferenceFold(text);
    normaliser.FoldInto(text, out);
    ASSERT_EQ(out.text(), expected) << round;
    for (std::size_t at = 0; at < expected.size(); ++at) ASSERT_EQ(out.ToOriginal(at, at + 1), spans[at]) << round << " " << at;
  }
}

TEST(Normalise, SkeletonMatchesLatinAndCyrillicLookalikes) {
  Normaliser normaliser = MakeNormaliser();
  // "работа" in Cyrillic, and with Latin p, a and o mixed in.
  const MappedText pure = normaliser.Skeleton(normaliser.Fold("работа"));
  const MappedText mixed = normaliser.Skeleton(normaliser.Fold("pабoтa"));
  EXPECT_EQ(pure.text(), mixed.text());
  EXPECT_EQ(normaliser.Skeleton(normaliser.Fold("ＰＡＹ")).text(), normaliser.Skeleton(normaliser.Fold("pay")).text());
  EXPECT_NE(normaliser.Skeleton(normaliser.Fold("робота")).text(), normaliser.Skeleton(normaliser.Fold("работа")).text());
}

// The per-character skeleton must give what ICU gives on the whole text (then case folded).
TEST(Normalise, SkeletonPerCharacterEqualsIcuOnTheWholeText) {
  Normaliser normaliser = MakeNormaliser();
  UErrorCode status = U_ZERO_ERROR;
  USpoofChecker* spoof = uspoof_open(&status);
  const icu::Normalizer2* casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  ASSERT_TRUE(U_SUCCESS(status));
  for (const std::string text : {"praca w niemczech, 1200 euro", "робота за кордоном, житло є", "pабoтa ∂ля ∂iвчат",
                                 "ｆｕｌｌ ｗｉｄｔｈ", "mоdеl аgеnсу — rn vs m, 0 vs o, 1 vs l", "Ελληνικά και ąęłżś"}) {
    const MappedText folded = normaliser.Fold(text);
    char buffer[1024];
    status = U_ZERO_ERROR;
    const int32_t size = uspoof_getSkeletonUTF8(spoof, 0, folded.text().data(), static_cast<int32_t>(folded.text().size()),
                                                buffer, sizeof buffer, &status);
    ASSERT_TRUE(U_SUCCESS(status));
    std::string expected;
    casefold->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(buffer, size)), status).toUTF8String(expected);
    EXPECT_EQ(normaliser.Skeleton(folded).text(), expected) << text;
  }
  uspoof_close(spoof);
}

TEST(Normalise, SkeletonSpansPointIntoTheOriginal) {
  Normaliser normaliser = MakeNormaliser();
  const std::string original = "Job: pабoтa!";
  const MappedText skeleton = normaliser.Skeleton(normaliser.Fold(original));
  const MappedText target = normaliser.Skeleton(normaliser.Fold("работа"));
  const std::size_t at = skeleton.text().find(target.text());
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(OriginalOf(original, skeleton, at, at + target.text().size()), "pабoтa");
}

TEST(Normalise, NeedsSkeletonOnlyForWordsThatMixScripts) {
  Normaliser normaliser = MakeNormaliser();
  EXPECT_FALSE(normaliser.NeedsSkeleton("praca w niemczech od zaraz"));
  EXPECT_FALSE(normaliser.NeedsSkeleton("робота в польщі, english words too"));
  EXPECT_TRUE(normaliser.NeedsSkeleton("pабота"));     // Latin p in a Cyrillic word
  EXPECT_TRUE(normaliser.NeedsSkeleton("z0lota praca"));  // digit zero for the letter o
}

TEST(Normalise, NumberWordsInFourLanguages) {
  EXPECT_EQ(NumberWordValue("п'ять"), "5");
  EXPECT_EQ(NumberWordValue("п\u2019ять"), "5");  // typographic apostrophe
  EXPECT_EQ(NumberWordValue("девять"), "9");
  EXPECT_EQ(NumberWordValue("dziewięć"), "9");
  EXPECT_EQ(NumberWordValue("dziewiec"), "9");
  EXPECT_EQ(NumberWordValue("forty"), "40");
  EXPECT_EQ(NumberWordValue("работа"), std::nullopt);
}

std::string Deobfuscate(Normaliser& normaliser, std::string_view text) {
  return normaliser.DeobfuscateDigits(normaliser.Fold(text)).text();
}

TEST(Normalise, DigitsWrittenAsWordsBecomeDigits) {
  Normaliser normaliser = MakeNormaliser();
  EXPECT_EQ(Deobfuscate(normaliser, "тел: нуль п'ять нуль один два три сорок п'ять шість сім"), "тел: 0501234567");
  EXPECT_EQ(Deobfuscate(normaliser, "call zero seven four zero zero, one two three, four five six"),
            "call 07400123456");
  EXPECT_EQ(Deobfuscate(normaliser, "dzwoń: pięćset? nie: pięć jeden dwa trzy cztery pięć sześć siedem osiem"),
            "dzwoń: pięćset? nie: 512345678");
  // Hundreds, tens and units make one number, as phone numbers are read out.
  EXPECT_EQ(Deobfuscate(normaliser, "нуль п'ять нуль сто двадцять три сорок п'ять шістдесят сім"), "0501234567");
  EXPECT_EQ(Deobfuscate(normaliser, "пятьсот двенадцать, триста сорок пять, шестьсот семьдесят восемь"), "512345678");
  EXPECT_EQ(Deobfuscate(normaliser, "zero, sto trzy, dwa"), "01032");
  // Fewer than three number tokens stay words.
  EXPECT_EQ(Deobfuscate(normaliser, "три дні, one or two"), "три дні, one or two");
}

TEST(Normalise, LookalikeLettersOnlyInsideDigitRuns) {
  Normaliser normaliser = MakeNormaliser();
  EXPECT_EQ(Deobfuscate(normaliser, "O5O l23 45 67"), "05012345 67");
  EXPECT_EQ(Deobfuscate(normaliser, "тел 0О0 123 4567"), "тел 000123 4567");
  // Company forms and abbreviations never turn into zeros.
  EXPECT_EQ(Deobfuscate(normaliser, "ООО Ромашка, Sp. z o.o."), "ооо ромашка, sp. z o.o.");
  EXPECT_EQ(Deobfuscate(normaliser, "ООО 12"), "ооо 12");
  // A lone look-alike between digit groups converts; at the edge of a run it does not.
  EXPECT_EQ(Deobfuscate(normaliser, "5 1 2 O 4 5 6"), "5 1 204 5 6");
  EXPECT_EQ(Deobfuscate(normaliser, "o 1234"), "o 1234");
  // Zeros written as letters between digit groups: "О67 ООО 11 22" (held-out contact case).
  EXPECT_EQ(Deobfuscate(normaliser, "О67 ООО 11 22"), "06700011 22");
  EXPECT_EQ(Deobfuscate(normaliser, "ООО 1234"), "ооо 1234");
}

TEST(Normalise, DeobfuscatedSpansPointIntoTheOriginal) {
  Normaliser normaliser = MakeNormaliser();
  const std::string original = "Дзвоніть: нуль п'ять нуль 123 45 67.";
  const MappedText digits = normaliser.DeobfuscateDigits(normaliser.Fold(original));
  const std::size_t at = digits.text().find("050");
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(OriginalOf(original, digits, at, at + 3), "нуль п'ять нуль");
  const std::size_t end = digits.text().find("67");
  EXPECT_EQ(OriginalOf(original, digits, at, end + 2), "нуль п'ять нуль 123 45 67");
}

}  // namespace
}  // namespace vigil::core::monitor
