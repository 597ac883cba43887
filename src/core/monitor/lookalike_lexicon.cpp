#include "core/monitor/lookalike_lexicon.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
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
// 2: a Greek or Cyrillic lead byte, 4: a lead byte that needs a closer look, EF or F0) and the
// bits it keeps (none after a byte that ends a word; all after letters, digits and the other
// bytes of non-ASCII characters).
struct WordStateTable {
  std::array<std::uint8_t, 256> adds{};
  std::array<std::uint8_t, 256> keeps{};
  WordStateTable() {
    for (int byte = 0; byte < 256; ++byte) {
      const bool ascii_letter = byte >= 'a' && byte <= 'z';
      const bool digit = byte >= '0' && byte <= '9';
      adds[byte] = ascii_letter ? 1 : (byte >= 0xCD && byte <= 0xD4) ? 2 : (byte == 0xEF || byte == 0xF0) ? 4 : 0;
      keeps[byte] = byte < 0x80 && !ascii_letter && !digit ? 0 : 0xFF;
    }
  }
};

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

}  // namespace

Result<LookalikeLexicon> LookalikeLexicon::Build(const std::vector<LexiconEntry>& entries,
                                                 std::string_view compiled) {
  auto normaliser = Normaliser::Create();
  if (!normaliser) return tl::unexpected(normaliser.error());
  std::vector<LexiconEntry> skeletons;
  bool digits_matter = false;
  for (const LexiconEntry& entry : entries) {
    LexiconEntry copy = entry;
    copy.patterns.clear();
    for (const LexiconPattern& pattern : entry.patterns) {
      if (pattern.kind == PatternKind::kPhrase) {
        copy.patterns.push_back({PatternKind::kPhrase, SkeletonPhrase(pattern.text, *normaliser)});
        const std::string& skeleton = copy.patterns.back().text;
        digits_matter = digits_matter || std::any_of(skeleton.begin(), skeleton.end(),
                                                     [](char c) { return c >= '0' && c <= '9'; });
      }
    }
    if (!copy.patterns.empty()) skeletons.push_back(std::move(copy));
  }
  auto matcher = LexiconMatcher::Build(std::move(skeletons), compiled);
  if (!matcher) return tl::unexpected(matcher.error());
  return LookalikeLexicon(std::move(*matcher), digits_matter);
}

bool LookalikeLexicon::Needed(std::string_view folded) const {
  if (!HasSkeletonLeadBytes(folded)) return false;
  static const WordStateTable kTable;
  // One table step a byte; the rare EF and F0 lead bytes are looked at closely.
  std::uint8_t state = 0;
  for (std::size_t pos = 0; pos < folded.size(); ++pos) {
    const auto byte = static_cast<unsigned char>(folded[pos]);
    state = static_cast<std::uint8_t>((state & kTable.keeps[byte]) | kTable.adds[byte]);
    if ((state & 3) == 3) return true;  // a word mixes ASCII with Greek or Cyrillic letters
    if ((kTable.adds[byte] & 4) == 0 || pos + 1 >= folded.size()) continue;
    const auto next = static_cast<unsigned char>(folded[pos + 1]);
    if (byte == 0xEF && pos + 2 < folded.size() && (next == 0xBC || next == 0xBD)) {
      // Full-width forms U+FF00..U+FF7F; the digits U+FF10..U+FF19 (EF BC 90..99) only when a
      // phrase has digits.
      const auto third = static_cast<unsigned char>(folded[pos + 2]);
      const bool digit = next == 0xBC && third >= 0x90 && third <= 0x99;
      if (!digit || digits_matter_) return true;
    } else if (byte == 0xF0 && next == 0x9D) {
      return true;  // mathematical alphanumeric symbols U+1D400..
    }
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
