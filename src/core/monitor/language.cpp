#include "core/monitor/language.hpp"

#include "core/monitor/byte_runs.hpp"
#include "core/monitor/language_letters.hpp"
#include "core/monitor/sse_bytes.hpp"

// CLD2's headers use printf-family declarations without including <cstdio>.
#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>
#include <vector>

#include <cld2/internal/lang_script.h>
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace vigil::core::monitor {
namespace {

#if defined(__SSE2__)
using sse_bytes::InRange;
using sse_bytes::Splat;
#endif

// Cuts `text` to at most `limit` bytes without splitting a UTF-8 sequence.
std::string_view BoundedPrefix(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return text;
  std::size_t end = limit;
  while (end > 0 && (static_cast<uint8_t>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

// What one letter adds to the counts, as bits.
enum LetterBits : std::uint16_t {
  kLatin = 1, kLatinNonAscii = 2, kCyrillic = 4, kGreek = 8, kUkrainian = 16, kRussian = 32,
  kPolish = 64, kRomanian = 128, kCzech = 256, kGerman = 512,
};

std::uint16_t ClassifyCodePoint(UChar32 c) {
  if (c < 0x80) return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? kLatin : 0;
  // Cyrillic and Latin letters by range (the common case), other characters through ICU.
  const bool cyrillic_letter = c >= 0x0400 && c <= 0x052F && !(c >= 0x0482 && c <= 0x0489);
  const bool latin_letter = c >= 0x00C0 && c <= 0x024F && c != 0x00D7 && c != 0x00F7;
  if (!cyrillic_letter && !latin_letter && !u_isalpha(c)) return 0;
  if (cyrillic_letter) {
    if (c >= 0x0410 && c <= 0x042F) c += 0x20;
    else if (c >= 0x0400 && c <= 0x040F) c += 0x50;
    else if (c >= 0x0460 && (c & 1) == 0) c += 1;  // paired letters from ѡ on: capital is even
  } else {
    c = u_tolower(c);
  }
  if (c >= 0x0400 && c <= 0x052F) {
    std::uint16_t bits = kCyrillic;
    if (c == 0x0456 || c == 0x0457 || c == 0x0454 || c == 0x0491) bits |= kUkrainian;
    if (c == 0x044B || c == 0x044D || c == 0x044A || c == 0x0451) bits |= kRussian;
    return bits;
  }
  if (c >= 0x0370 && c <= 0x03FF) return kGreek;
  if (c > 0x024F && !(c >= 0x1E00 && c <= 0x1EFF)) return 0;
  std::uint16_t bits = kLatin | kLatinNonAscii;
  switch (c) {
    case 0x0105: case 0x0119: case 0x0142: case 0x017C: case 0x017A: case 0x015B:
    case 0x0107: case 0x0144:
      return bits | kPolish;
    case 0x0103: case 0x0219: case 0x015F: case 0x021B: case 0x0163: case 0x00EE: case 0x00E2:
      return bits | kRomanian;
    case 0x0159: case 0x016F: case 0x011B: case 0x010D: case 0x0161: case 0x017E:
      return bits | kCzech;
    case 0x00E4: case 0x00F6: case 0x00FC: case 0x00DF:
      return bits | kGerman;
    default:
      return bits;
  }
}

// Adds `count` times the letter `bits` to `sums` (one counter a bit).
void AddBits(std::uint16_t bits, int count, int (&sums)[10]) {
  for (int bit = 0; bits != 0; ++bit, bits >>= 1) sums[bit] += (bits & 1) * count;
}

// ClassifyCodePoint of every one- and two-byte character, computed once, as a small class
// number: the characters fall into a dozen distinct bit sets, so a text is counted as a histogram
// of classes (one increment a character) and the bits are added up once at the end.
struct ShortLetterClasses {
  std::array<std::uint8_t, 0x800> of{};  // class of each code point below U+0800
  std::vector<std::uint16_t> bits;       // the LetterBits of each class
};

const ShortLetterClasses& ShortLetterTable() {
  static const auto table = [] {
    ShortLetterClasses classes;
    for (UChar32 c = 0; c < 0x800; ++c) {
      const std::uint16_t bits = ClassifyCodePoint(c);
      auto known = std::find(classes.bits.begin(), classes.bits.end(), bits);
      if (known == classes.bits.end()) known = classes.bits.insert(classes.bits.end(), bits);
      classes.of[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(known - classes.bits.begin());
    }
    return classes;
  }();
  return table;
}

// Adds the character at `pos` to `histogram` (characters below U+0800, by class) or `sums` (the
// LetterBits of longer ones); returns the position after it. Invalid UTF-8 is skipped.
std::int32_t CountCharacter(const std::uint8_t* bytes, std::int32_t pos, std::int32_t length,
                            const ShortLetterClasses& table, std::array<int, 256>& histogram, int (&sums)[10]) {
  const std::uint8_t lead = bytes[pos];
  if (lead < 0x80) {
    ++histogram[table.of[lead]];
    return pos + 1;
  }
  if (lead >= 0xC2 && lead <= 0xDF && pos + 1 < length && (bytes[pos + 1] & 0xC0) == 0x80) {
    ++histogram[table.of[(static_cast<std::size_t>(lead & 0x1F) << 6) | (bytes[pos + 1] & 0x3F)]];
    return pos + 2;
  }
  UChar32 c = 0;
  U8_NEXT(bytes, pos, length, c);
  if (c < 0) return pos;
  if (c < 0x800) {
    ++histogram[table.of[static_cast<std::size_t>(c)]];
  } else {
    AddBits(ClassifyCodePoint(c), 1, sums);
  }
  return pos;
}

LetterCounts ToLetterCounts(const ShortLetterClasses& table, const std::array<int, 256>& histogram, int (&sums)[10]) {
  for (std::size_t cls = 0; cls < table.bits.size(); ++cls) {
    if (histogram[cls] != 0) AddBits(table.bits[cls], histogram[cls], sums);
  }
  LetterCounts counts;
  counts.latin = sums[0];
  counts.latin_non_ascii = sums[1];
  counts.cyrillic = sums[2];
  counts.greek = sums[3];
  counts.ukrainian = sums[4];
  counts.russian = sums[5];
  counts.polish = sums[6];
  counts.romanian = sums[7];
  counts.czech = sums[8];
  counts.german = sums[9];
  return counts;
}

#if defined(__SSE2__)
// Per-lane byte counters of CountLetters' blocks (a lane counts at most one per block).
struct BlockCounters {
  __m128i latin = _mm_setzero_si128();
  __m128i cyrillic = _mm_setzero_si128();
  __m128i ukrainian = _mm_setzero_si128();
  __m128i russian = _mm_setzero_si128();
  int blocks = 0;

  // Moves the counts into `sums` before a lane can overflow (and at the end).
  void Flush(int (&sums)[10]) {
    const auto total = [](__m128i lanes) {
      const __m128i halves = _mm_sad_epu8(lanes, _mm_setzero_si128());
      return _mm_cvtsi128_si32(halves) + _mm_cvtsi128_si32(_mm_unpackhi_epi64(halves, halves));
    };
    sums[0] += total(latin);
    sums[2] += total(cyrillic);
    sums[4] += total(ukrainian);
    sums[5] += total(russian);
    *this = BlockCounters{};
  }
};

// Counts the sixteen bytes at `bytes` when they hold only ASCII and whole two-byte characters (a
// lead in the last byte is left to the next block); returns how many bytes it counted, 0 when the
// block holds anything else (three- and four-byte characters, invalid UTF-8). ASCII letters and
// the Cyrillic letters of leads 0xD0 and 0xD1 (U+0400–U+047F, all letters; the Ukrainian і ї є
// and Russian ы э ъ ё among them, either case) are counted in lanes; other two-byte characters
// go to the histogram one by one.
int CountBlock(const std::uint8_t* bytes, const ShortLetterClasses& table, std::array<int, 256>& histogram,
               BlockCounters& counters) {
  const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes));
  // ASCII letters: with bit 5 set, 'a'..'z' (unsigned, through the sign bit; bytes from 0x80 on
  // fall outside).
  const __m128i lowered = _mm_or_si128(block, Splat(0x20));
  const __m128i letters =
      InRange(lowered, 'a', 26);
  const auto high = static_cast<unsigned>(_mm_movemask_epi8(block));
  if (high == 0) {
    counters.latin = _mm_sub_epi8(counters.latin, letters);
    return 16;
  }
  const auto leads = static_cast<unsigned>(_mm_movemask_epi8(
      InRange(block, 0xC2, 0x1E)));
  const auto continuations =
      static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(block, Splat(0xC0)), Splat(0x80))));
  const unsigned whole_leads = leads & 0x7FFF;
  const unsigned counted_high = leads & 0x8000 ? high & 0x7FFF : high;
  if ((whole_leads | continuations) != counted_high || continuations != whole_leads << 1) return 0;
  counters.latin = _mm_sub_epi8(counters.latin, letters);
  const __m128i d0 = _mm_cmpeq_epi8(block, Splat(0xD0));
  const __m128i d1 = _mm_cmpeq_epi8(block, Splat(0xD1));
  const auto cyrillic_leads = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(d0, d1))) & 0x7FFF;
  if (cyrillic_leads != 0) {
    // Counted at the continuation byte, so a lead in the last byte is not.
    const __m128i after_d0 = _mm_slli_si128(d0, 1);
    const __m128i after_d1 = _mm_slli_si128(d1, 1);
    const auto is = [&](int byte) { return _mm_cmpeq_epi8(block, Splat(byte)); };
    counters.cyrillic = _mm_sub_epi8(counters.cyrillic, _mm_or_si128(after_d0, after_d1));
    // і ї є (D1 96, 97, 94) and І Ї Є (D0 86, 87, 84).
    const __m128i ukrainian = _mm_or_si128(_mm_and_si128(after_d1, _mm_or_si128(is(0x96), _mm_or_si128(is(0x97), is(0x94)))),
                                           _mm_and_si128(after_d0, _mm_or_si128(is(0x86), _mm_or_si128(is(0x87), is(0x84)))));
    // ы э ъ ё (D1 8B, 8D, 8A, 91) and Ы Э Ъ Ё (D0 AB, AD, AA, 81).
    const __m128i russian = _mm_or_si128(
        _mm_and_si128(after_d1, _mm_or_si128(_mm_or_si128(is(0x8B), is(0x8D)), _mm_or_si128(is(0x8A), is(0x91)))),
        _mm_and_si128(after_d0, _mm_or_si128(_mm_or_si128(is(0xAB), is(0xAD)), _mm_or_si128(is(0xAA), is(0x81)))));
    counters.ukrainian = _mm_sub_epi8(counters.ukrainian, ukrainian);
    counters.russian = _mm_sub_epi8(counters.russian, russian);
  }
  for (unsigned others = whole_leads & ~cyrillic_leads; others != 0; others &= others - 1) {
    const auto at = static_cast<std::size_t>(std::countr_zero(others));
    ++histogram[table.of[(static_cast<std::size_t>(bytes[at] & 0x1F) << 6) | (bytes[at + 1] & 0x3F)]];
  }
  return leads & 0x8000 ? 15 : 16;
}
#endif

}  // namespace

LetterCounts CountLettersOneByOne(std::string_view text) {
  const ShortLetterClasses& table = ShortLetterTable();
  int sums[10] = {};
  std::array<int, 256> histogram{};
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  for (std::int32_t pos = 0; pos < length;) pos = CountCharacter(bytes, pos, length, table, histogram, sums);
  return ToLetterCounts(table, histogram, sums);
}

// Most of a post's prefix is ASCII and Cyrillic: counted sixteen bytes at a time where SSE2 is.
LetterCounts CountLetters(std::string_view text) {
#if defined(__SSE2__)
  const ShortLetterClasses& table = ShortLetterTable();
  int sums[10] = {};
  std::array<int, 256> histogram{};
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  BlockCounters counters;
  std::int32_t pos = 0;
  while (pos + 16 <= length) {
    if (++counters.blocks == 255) counters.Flush(sums);
    const int counted = CountBlock(bytes + pos, table, histogram, counters);
    if (counted > 0) {
      pos += counted;
      continue;
    }
    // Something else in the block: its characters one by one (the last may reach beyond it).
    for (const std::int32_t end = pos + 16; pos < end;) pos = CountCharacter(bytes, pos, length, table, histogram, sums);
  }
  counters.Flush(sums);
  while (pos < length) pos = CountCharacter(bytes, pos, length, table, histogram, sums);
  return ToLetterCounts(table, histogram, sums);
#else
  return CountLettersOneByOne(text);
#endif
}

namespace {

LanguageGuess GuessFromScript(std::string_view text) {
  const LetterCounts counts = CountLetters(text);
  const int total = counts.latin + counts.cyrillic + counts.greek;
  if (total == 0) return {};
  auto guess = [](const char* code) { return LanguageGuess{code, LanguageMethod::kScript}; };
  if (counts.cyrillic >= counts.latin && counts.cyrillic >= counts.greek) {
    return guess(counts.ukrainian > 0 ? "uk" : "ru");
  }
  if (counts.greek > counts.latin) return guess("el");
  if (counts.polish > 0 && counts.polish >= counts.romanian && counts.polish >= counts.czech) return guess("pl");
  if (counts.romanian > 0 && counts.romanian >= counts.czech) return guess("ro");
  if (counts.czech > 0) return guess("cs");
  if (counts.german > 0) return guess("de");
  if (counts.latin_non_ascii == 0) return guess("en");
  return {};
}

}  // namespace

// The letters alone decide when they are plain enough: several letters only one of the
// languages of interest uses, and none of a rival's. Cyrillic: і/ї/є/ґ (uk) against ы/э/ъ/ё (ru);
// Latin: Polish, Romanian or Czech letters with no letters of the other two. Returns nullopt
// when CLD2 should judge (plain ASCII, few letters, mixed evidence).
std::optional<LanguageGuess> DecisiveScript(std::string_view prefix) {
  constexpr int kDecisive = 3;
  const LetterCounts counts = CountLetters(prefix);
  auto guess = [](const char* code) { return LanguageGuess{code, LanguageMethod::kScript}; };
  if (counts.cyrillic > 4 * counts.latin) {
    if (counts.ukrainian >= kDecisive && counts.russian == 0) return guess("uk");
    if (counts.russian >= kDecisive && counts.ukrainian == 0) return guess("ru");
    return std::nullopt;
  }
  if (counts.latin > 4 * counts.cyrillic) {
    const int rivals_pl = counts.romanian + counts.czech + counts.german;
    if (counts.polish >= kDecisive && rivals_pl == 0) return guess("pl");
    if (counts.romanian >= kDecisive && counts.polish + counts.czech + counts.german == 0) return guess("ro");
    if (counts.czech >= kDecisive && counts.polish + counts.romanian + counts.german == 0) return guess("cs");
  }
  return std::nullopt;
}

constexpr std::size_t kCld2Bytes = 320;

namespace {

// English function words that are not words of Ukrainian or Russian transliterated, Polish,
// Romanian, Czech, German, French, Spanish, Italian or Dutch ("in", "a", "to", "no", "are", "we",
// "is", "of", "for" are, and are left out); each packed into an integer, its first letter in the
// lowest byte, so that a word is compared with all of them as numbers.
constexpr std::uint64_t Packed(std::string_view word) {
  std::uint64_t packed = 0;
  for (std::size_t idx = word.size(); idx-- > 0;) packed = (packed << 8) | static_cast<unsigned char>(word[idx]);
  return packed;
}

constexpr std::uint64_t kEnglishWordList[] = {
    Packed("the"),  Packed("and"),   Packed("with"),  Packed("you"),    Packed("your"),  Packed("this"),
    Packed("that"), Packed("will"),  Packed("have"),  Packed("from"),   Packed("they"),  Packed("their"),
    Packed("our"),  Packed("which"), Packed("would"), Packed("should"), Packed("been"),  Packed("were"),
    Packed("what"), Packed("there"), Packed("about")};

bool IsEnglishFunctionWord(std::uint64_t packed) {
  bool found = false;
  for (const std::uint64_t known : kEnglishWordList) found |= packed == known;
  return found;
}

LanguageGuess Cld2OrLetters(std::string_view prefix) {
  CLD2::Language language3[3];
  int percent3[3] = {0, 0, 0};
  double scores3[3] = {0, 0, 0};
  int text_bytes = 0;
  bool reliable = false;
  int valid_prefix = 0;
  const CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  // CLD2 costs about 40 ns a byte, twenty times the letter count above: it reads a shorter
  // prefix, enough for a reliable answer on a post (about forty words).
  const std::string_view cld2_text = BoundedPrefix(prefix, kCld2Bytes);
  const CLD2::Language language = CLD2::ExtDetectLanguageSummaryCheckUTF8(
      cld2_text.data(), static_cast<int>(cld2_text.size()), true, &hints, 0, language3, percent3,
      scores3, nullptr, &text_bytes, &reliable, &valid_prefix);
  // CLD2 sometimes calls a few words "reliable" (a Ukrainian fragment as Serbian): below a
  // sentence's worth of letters the script decides.
  constexpr int kMinCld2Bytes = 48;
  if (reliable && text_bytes >= kMinCld2Bytes && language != CLD2::UNKNOWN_LANGUAGE &&
      language != CLD2::TG_UNKNOWN_LANGUAGE) {
    return {CLD2::LanguageCode(language), LanguageMethod::kCld2};
  }
  return GuessFromScript(prefix);
}

}  // namespace

namespace {

// Whether `text` holds letters beyond ASCII as PlainEnglish sees them: lead bytes C3..FF (Latin
// with diacritics, Greek, Cyrillic; three- and four-byte scripts) other than E2 (punctuation,
// currency and other signs); Latin-1 signs (C2) do not count.
bool HoldsNonAsciiLetters(std::string_view text) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  std::size_t pos = 0;
#if defined(__SSE2__)
  for (; pos + 16 <= text.size(); pos += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + pos));
    // Unsigned byte >= 0xC3, through the sign bit, and not 0xE2.
    const __m128i from_c3 = _mm_cmpgt_epi8(_mm_xor_si128(block, Splat(0x80)), Splat(0xC2 ^ 0x80));
    if (_mm_movemask_epi8(_mm_andnot_si128(_mm_cmpeq_epi8(block, Splat(0xE2)), from_c3)) != 0) return true;
  }
#endif
  for (; pos < text.size(); ++pos) {
    if (bytes[pos] >= 0xC3 && bytes[pos] != 0xE2) return true;
  }
  return false;
}

}  // namespace

bool PlainEnglish(std::string_view prefix) {
  // Letters beyond ASCII leave the text to CLD2: looked for first.
  if (HoldsNonAsciiLetters(prefix)) return false;
  // Words of ASCII letters found 64 bytes at a time; one of three to six letters is packed,
  // lower-cased and compared with the function words as one number.
  int found = 0;
  ForEachByteRun(
      prefix.size(), [&](std::size_t base) { return ByteClassMask<ByteClass::kAsciiLetter>(prefix, base); },
      [&](std::size_t start, std::size_t end) {
        const std::size_t length = end - start;
        if (length < 3 || length > 6) return;
        std::uint64_t packed = 0;
        std::memcpy(&packed, prefix.data() + start, length);
        packed |= 0x2020202020202020ULL & ((std::uint64_t{1} << (8 * length)) - 1);
        if (IsEnglishFunctionWord(packed)) ++found;
      });
  return found >= kEnglishFunctionWords;
}

LanguageGuess DetectLanguageWithoutShortcuts(std::string_view text, std::size_t prefix_bytes) {
  return Cld2OrLetters(BoundedPrefix(text, prefix_bytes));
}

LanguageGuess DetectLanguage(std::string_view text, std::size_t prefix_bytes) {
  const std::string_view prefix = BoundedPrefix(text, prefix_bytes);
  if (auto decided = DecisiveScript(prefix)) return *decided;
  if (PlainEnglish(BoundedPrefix(prefix, kCld2Bytes))) return {"en", LanguageMethod::kFunctionWords};
  return Cld2OrLetters(prefix);
}

}  // namespace vigil::core::monitor
