#include "core/monitor/lookalike_lexicon.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <utility>

namespace vigil::core::monitor {
namespace {

// The skeleton of a phrase, its syntax (spaces, `*` stems, apostrophes) left as it is.
std::string SkeletonPhrase(const std::string& phrase, Normaliser& normaliser) {
  std::string out;
  std::size_t pos = 0;
  while (pos < phrase.size()) {
    std::size_t end = phrase.find_first_of(" *'", pos);
    if (end == std::string::npos) end = phrase.size();
    if (end > pos) out += normaliser.Skeleton(normaliser.Fold(std::string_view(phrase).substr(pos, end - pos))).text();
    if (end < phrase.size()) out += phrase[end];
    pos = end + 1;
  }
  return out;
}

// What a byte of folded text does to Needed's word state: the bits it adds (1: an ASCII letter,
// 2: a Greek or Cyrillic lead byte) and the bits it keeps (none after a byte that ends a word; all after letters, digits and the other
// bytes of non-ASCII characters).
struct WordStateTable {
  std::array<std::uint8_t, 256> adds{};
  std::array<std::uint8_t, 256> keeps{};
  WordStateTable() {
    for (int byte = 0; byte < 256; ++byte) {
      const bool ascii_letter = byte >= 'a' && byte <= 'z';
      const bool digit = byte >= '0' && byte <= '9';
      adds[byte] = ascii_letter ? 1 : (byte >= 0xCD && byte <= 0xD4) ? 2 : 0;
      keeps[byte] = byte < 0x80 && !ascii_letter && !digit ? 0 : 0xFF;
    }
  }
};

bool IsAsciiDigit(unsigned char byte) { return byte >= '0' && byte <= '9'; }
bool IsAsciiLetter(unsigned char byte) { return byte >= 'a' && byte <= 'z'; }

// Whether a skeleton phrase has digits (the skeleton writes some letters as digits: Cyrillic з
// as 3), and whether a word of one is digits alone.
LookalikeLexicon::Digits DigitsIn(std::string_view skeleton) {
  auto digits = LookalikeLexicon::Digits::kNone;
  std::size_t start = 0;
  for (std::size_t pos = 0; pos <= skeleton.size(); ++pos) {
    if (pos < skeleton.size() && skeleton[pos] != ' ' && skeleton[pos] != '*' && skeleton[pos] != '\'') continue;
    const std::string_view word = skeleton.substr(start, pos - start);
    const bool some = std::any_of(word.begin(), word.end(), [](char c) { return IsAsciiDigit(static_cast<unsigned char>(c)); });
    const bool all = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) { return IsAsciiDigit(static_cast<unsigned char>(c)); });
    if (all) return LookalikeLexicon::Digits::kAlone;
    if (some) digits = LookalikeLexicon::Digits::kInWords;
    start = pos + 1;
  }
  return digits;
}

bool IsFullWidthDigit(std::string_view text, std::size_t pos) {
  return pos + 2 < text.size() && static_cast<unsigned char>(text[pos]) == 0xEF &&
         static_cast<unsigned char>(text[pos + 1]) == 0xBC && static_cast<unsigned char>(text[pos + 2]) >= 0x90 &&
         static_cast<unsigned char>(text[pos + 2]) <= 0x99;
}

// Whether the word of `folded` around `pos` holds anything but ASCII and full-width digits
// (a letter or another character), the words being those of Needed.
bool WordHasMoreThanDigits(std::string_view folded, std::size_t pos) {
  const auto in_word = [&](std::size_t at) {
    const auto byte = static_cast<unsigned char>(folded[at]);
    return byte >= 0x80 || IsAsciiLetter(byte) || IsAsciiDigit(byte);
  };
  std::size_t start = pos;
  while (start > 0 && in_word(start - 1)) --start;
  for (std::size_t at = start; at < folded.size() && in_word(at);) {
    const auto byte = static_cast<unsigned char>(folded[at]);
    if (IsFullWidthDigit(folded, at)) {
      at += 3;
    } else if (IsAsciiDigit(byte) || (byte & 0xC0) == 0x80) {
      ++at;  // a digit, or a byte inside a character already looked at
    } else {
      return true;
    }
  }
  return false;
}

// Whether `folded` holds a Greek or Cyrillic lead byte, or a lead byte of full-width forms or of
// mathematical letters: without one no word can need the skeleton. Branch-free over the whole
// text, so the compiler checks many bytes per instruction (most posts are Latin-script).
bool HasSkeletonLeadBytes(std::string_view folded) {
  unsigned char any = 0;
  for (const char c : folded) {
    const auto byte = static_cast<unsigned char>(c);
    any |= static_cast<unsigned char>((static_cast<unsigned char>(byte - 0xCD) <= 0xD4 - 0xCD) | (byte == 0xEF) |
                                      (byte == 0xF0));
  }
  return any != 0;
}

// Whether an ASCII letter or digit stands right next to a byte of a non-ASCII character anywhere
// in `folded`. Without such a place every word is all ASCII or all non-ASCII, and no word mixes
// scripts. Eight byte pairs at a time: the chunks at pos and pos + 1 give each byte and its
// right-hand neighbour.
bool HasAsciiNextToOther(std::string_view folded) {
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  std::size_t pos = 0;
  for (; pos + 9 <= folded.size(); pos += 8) {
    std::uint64_t here = 0, next = 0;
    std::memcpy(&here, folded.data() + pos, sizeof here);
    std::memcpy(&next, folded.data() + pos + 1, sizeof next);
    if (((AsciiAlnumFlags(here) & next) | (here & AsciiAlnumFlags(next))) & kHigh) return true;
  }
  for (; pos + 1 < folded.size(); ++pos) {
    const auto byte = static_cast<unsigned char>(folded[pos]);
    const auto after = static_cast<unsigned char>(folded[pos + 1]);
    const auto alnum = [](unsigned char b) { return IsAsciiLetter(b) || IsAsciiDigit(b); };
    if ((alnum(byte) && after >= 0x80) || (byte >= 0x80 && alnum(after))) return true;
  }
  return false;
}

}  // namespace

Result<LookalikeLexicon> LookalikeLexicon::Build(const std::vector<LexiconEntry>& entries,
                                                 std::string_view compiled) {
  auto normaliser = Normaliser::Create();
  if (!normaliser) return tl::unexpected(normaliser.error());
  std::vector<LexiconEntry> skeletons;
  Digits digits = Digits::kNone;
  for (const LexiconEntry& entry : entries) {
    LexiconEntry copy = entry;
    copy.patterns.clear();
    for (const LexiconPattern& pattern : entry.patterns) {
      if (pattern.kind == PatternKind::kPhrase) {
        copy.patterns.push_back({PatternKind::kPhrase, SkeletonPhrase(pattern.text, *normaliser)});
        digits = std::max(digits, DigitsIn(copy.patterns.back().text));
      }
    }
    if (!copy.patterns.empty()) skeletons.push_back(std::move(copy));
  }
  // Few texts need the skeleton scan: its matcher does without the single-space database.
  auto matcher = LexiconMatcher::Build(std::move(skeletons), compiled, false);
  if (!matcher) return tl::unexpected(matcher.error());
  return LookalikeLexicon(std::move(*matcher), digits);
}

bool LookalikeLexicon::Needed(std::string_view folded) const {
  if (!HasSkeletonLeadBytes(folded)) return false;
  // Full-width and mathematical forms, wherever they stand (found by memchr: most texts have
  // none, and phone numbers are their usual place).
  for (std::size_t pos = folded.find('\xEF'); pos != std::string_view::npos; pos = folded.find('\xEF', pos + 1)) {
    if (pos + 2 >= folded.size()) break;
    const auto next = static_cast<unsigned char>(folded[pos + 1]);
    if (next != 0xBC && next != 0xBD) continue;
    // Full-width forms U+FF00..U+FF7F. A digit (U+FF10..U+FF19) can only change a match when a
    // skeleton phrase has digits: anywhere when a phrase word is digits alone, else only in a
    // word with more than digits ("бе３коштовно", not a full-width phone number).
    if (!IsFullWidthDigit(folded, pos)) return true;
    if (digits_ == Digits::kAlone || (digits_ == Digits::kInWords && WordHasMoreThanDigits(folded, pos))) {
      return true;
    }
  }
  for (std::size_t pos = folded.find('\xF0'); pos != std::string_view::npos; pos = folded.find('\xF0', pos + 1)) {
    if (pos + 1 < folded.size() && static_cast<unsigned char>(folded[pos + 1]) == 0x9D) {
      return true;  // mathematical alphanumeric symbols U+1D400..
    }
  }
  // Words that mix ASCII letters with Greek or Cyrillic ones: only where an ASCII letter or digit
  // touches a non-ASCII byte; then one table step a byte.
  if (!HasAsciiNextToOther(folded)) return false;
  static const WordStateTable kTable;
  std::uint8_t state = 0;
  for (const char c : folded) {
    const auto byte = static_cast<unsigned char>(c);
    state = static_cast<std::uint8_t>((state & kTable.keeps[byte]) | kTable.adds[byte]);
    if ((state & 3) == 3) return true;
  }
  return false;
}

Result<std::vector<LexiconHit>> LookalikeLexicon::Scan(std::string_view original, Normaliser& normaliser,
                                                       LexiconScratch& scratch) const {
  const MappedText skeleton = normaliser.Skeleton(normaliser.Fold(original));
  auto hits = matcher_.Scan(skeleton.text(), scratch);
  if (!hits) return tl::unexpected(hits.error());
  for (LexiconHit& hit : *hits) {
    const ByteSpan span = skeleton.ToOriginal(hit.start, hit.end);
    hit.start = span.start;
    hit.end = span.end;
  }
  return hits;
}

}  // namespace vigil::core::monitor
