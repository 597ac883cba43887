#include "core/monitor/identifier_windows.hpp"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <string>

#include "core/monitor/digit_words.hpp"
#include "core/monitor/identifier_letter_masks.hpp"
#include "core/monitor/identifier_windows_bytes.hpp"

namespace vigil::core::monitor {
namespace {

using namespace window_bytes;  // NOLINT(google-build-using-namespace): this file's own tables

#if defined(__SSE2__)
using letter_masks::LetterMasks;
using letter_masks::ReadLetterMasks;
#endif

// The e-mail markers written as words (folded): those for "@" may create an address by
// themselves, those for "." matter only near an "@" (see UnmaskEmails).
struct MarkerWord {
  std::string_view text;
  bool at;
};
constexpr MarkerWord kMarkerWords[] = {{"собака", true}, {"małpa", true}, {"malpa", true}, {"равлик", true},
                                       {"dot", false},   {"точка", false}, {"крапка", false}, {"kropka", false}};

// From `pos` (a character boundary) past ASCII letters and two-byte characters with lead 0xD0 or
// 0xD1, whole blocks of sixteen bytes at a time; the caller's byte loop does the rest. Never stops
// between a lead and its continuation byte.
std::size_t SkipPlainLetters(const unsigned char* bytes, std::size_t pos, std::size_t size) {
#if defined(__SSE2__)
  while (pos + 16 <= size) {
    // The run of good bytes from the block's start (bits above 15 of ~good are set: at most 16).
    const auto run = static_cast<std::size_t>(std::countr_zero(~ReadLetterMasks(bytes + pos, false).letters));
    pos += run;
    if (run < 15) break;
  }
#endif
  return pos;
}

}  // namespace

Result<IdentifierWindowFinder> IdentifierWindowFinder::Create(Normaliser& normaliser) {
  IdentifierWindowFinder finder;
  for (UChar32 code = 0x80; code < 0x800; ++code) {
    const char bytes[2] = {static_cast<char>(0xC0 | (code >> 6)), static_cast<char>(0x80 | (code & 0x3F))};
    const MappedText folded = normaliser.Fold(std::string_view(bytes, 2));
    const std::string& text = folded.text();
    // Characters that fold to ASCII, change length, vanish, or may combine with a neighbour are
    // left unknown: a token holding one is always looked at with the real fold.
    if (text.size() != 2 || static_cast<unsigned char>(text[0]) < 0xC2 || static_cast<unsigned char>(text[0]) > 0xDF ||
        u_getCombiningClass(code) != 0 || u_getIntPropertyValue(code, UCHAR_NFKC_QUICK_CHECK) != UNORM_YES) {
      continue;
    }
    const UChar32 target = DecodeTwoBytes(static_cast<unsigned char>(text[0]), static_cast<unsigned char>(text[1]));
    if (u_getCombiningClass(target) != 0) continue;
    CharInfo& info = finder.chars_[static_cast<std::size_t>(code)];
    info.flags = kKnown;
    if (u_isalnum(target)) info.flags |= kWordChar;
    if (u_isalpha(target)) info.flags |= kLetter;
    if (target == 0x043E || target == 0x0456) info.flags |= kLookalike;
    info.folded[0] = static_cast<std::uint8_t>(text[0]);
    info.folded[1] = static_cast<std::uint8_t>(text[1]);
  }
  finder.cyrillic_letters_ = true;
  for (std::size_t code = 0x400; code < 0x480; ++code) {
    if ((finder.chars_[code].flags & (kKnown | kWordChar)) != (kKnown | kWordChar)) finder.cyrillic_letters_ = false;
  }
  finder.special_words_.assign(1 << 16, false);
  for (const std::string& form : NumberWordForms()) finder.special_words_[WordShapeKey(form)] = true;
  for (const MarkerWord& marker : kMarkerWords) finder.special_words_[WordShapeKey(marker.text)] = true;
  // (first character, length) of every number word and marker, for a check before the shape key.
  finder.special_starts_.assign(0x800 * (kMaxSpecialWord + 1), false);
  auto add_start = [&](std::string_view word) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(word.data());
    const UChar32 first = bytes[0] < 0x80 ? bytes[0] : DecodeTwoBytes(bytes[0], bytes[1]);
    if (word.size() <= kMaxSpecialWord) finder.special_starts_[static_cast<std::size_t>(first) * (kMaxSpecialWord + 1) + word.size()] = true;
  };
  for (const std::string& form : NumberWordForms()) add_start(form);
  for (const MarkerWord& marker : kMarkerWords) add_start(marker.text);
  // The same by the raw first character (ASCII of either case, or a known two-byte character).
  for (std::size_t code = 0; code < 0x800; ++code) {
    UChar32 first = LowerAscii(static_cast<unsigned char>(code < 0x80 ? code : 0));
    if (code >= 0x80) {
      const CharInfo& info = finder.chars_[code];
      if (info.flags == 0) continue;
      first = DecodeTwoBytes(info.folded[0], info.folded[1]);
    }
    for (std::size_t length = 0; length <= kMaxSpecialWord; ++length) {
      if (length >= 3 && finder.special_starts_[static_cast<std::size_t>(first) * (kMaxSpecialWord + 1) + length]) {
        finder.special_lengths_[code] |= std::uint64_t{1} << length;
      }
    }
  }
  // By the last folded byte: bit n set when a number word or marker of n bytes ends with it.
  auto add_end = [&](std::string_view word) {
    if (word.size() >= 3 && word.size() <= kMaxSpecialWord) {
      finder.special_ends_[static_cast<unsigned char>(word.back())] |= std::uint64_t{1} << word.size();
    }
  };
  for (const std::string& form : NumberWordForms()) add_end(form);
  for (const MarkerWord& marker : kMarkerWords) add_end(marker.text);
  // ScanPlainToken's masks take О о І і for the only look-alikes among the Cyrillic letters.
#if defined(__SSE2__)
  finder.plain_masks_ = finder.cyrillic_letters_;
#endif
  for (std::size_t code = 0x400; code < 0x480; ++code) {
    const bool lookalike = code == 0x41E || code == 0x43E || code == 0x406 || code == 0x456;
    if (((finder.chars_[code].flags & kLookalike) != 0) != lookalike) finder.plain_masks_ = false;
  }
  return finder;
}

std::size_t IdentifierWindowFinder::FoldWord(std::string_view field, std::size_t start, std::size_t end,
                                             char* out) const {
  std::size_t length = 0;
  for (std::size_t pos = start; pos < end; ++pos) {
    const auto byte = static_cast<unsigned char>(field[pos]);
    if (byte < 0x80) {
      out[length++] = static_cast<char>(LowerAscii(byte));
    } else {
      const CharInfo& info = chars_[static_cast<std::size_t>(DecodeTwoBytes(byte, static_cast<unsigned char>(field[++pos])))];
      out[length++] = static_cast<char>(info.folded[0]);
      out[length++] = static_cast<char>(info.folded[1]);
    }
  }
  return length;
}

bool IdentifierWindowFinder::MayBeSpecialStart(const unsigned char* word, std::size_t length) const {
  UChar32 first = LowerAscii(word[0]);
  if (word[0] >= 0x80) {
    const CharInfo& info = chars_[static_cast<std::size_t>(DecodeTwoBytes(word[0], word[1]))];
    first = DecodeTwoBytes(info.folded[0], info.folded[1]);
  }
  return special_starts_[static_cast<std::size_t>(first) * (kMaxSpecialWord + 1) + length];
}

std::uint16_t IdentifierWindowFinder::ShapeKey(std::string_view field, std::size_t start, std::size_t end) const {
  const auto* bytes = reinterpret_cast<const unsigned char*>(field.data());
  auto folded_char = [&](std::size_t at, unsigned char* out) -> std::size_t {
    if (bytes[at] < 0x80) {
      out[0] = LowerAscii(bytes[at]);
      return 1;
    }
    const CharInfo& info = chars_[static_cast<std::size_t>(DecodeTwoBytes(bytes[at], bytes[at + 1]))];
    out[0] = info.folded[0];
    out[1] = info.folded[1];
    return 2;
  };
  unsigned char head[6] = {0, 0, 0, 0, 0, 0};
  for (std::size_t filled = 0, at = start; filled < 4 && at < end;) {
    const std::size_t added = folded_char(at, head + filled);
    filled += added;
    at += added;
  }
  unsigned char tail[2] = {0, 0};
  if (bytes[end - 1] >= 0x80) {
    folded_char(end - 2, tail);
  } else {
    tail[1] = LowerAscii(bytes[end - 1]);
    unsigned char before[2] = {0, 0};
    if (bytes[end - 2] < 0x80) {
      tail[0] = LowerAscii(bytes[end - 2]);
    } else {
      folded_char(end - 3, before);
      tail[0] = before[1];
    }
  }
  const std::uint32_t head_key = head[0] | (head[1] << 8) | (head[2] << 16) | (static_cast<std::uint32_t>(head[3]) << 24);
  return WordShapeKey(head_key, static_cast<std::uint16_t>((tail[0] << 8) | tail[1]), end - start);
}

void IdentifierWindowFinder::ClassifyWord(std::string_view field, std::size_t start, std::size_t end, bool plain,
                                          Token& token) const {
  const std::size_t length = end - start;  // the fold of known characters keeps their length
  if (!plain) {  // digits and look-alikes only ("O5O", "ооо")
    const auto* bytes = reinterpret_cast<const unsigned char*>(field.data());
    int lookalikes = 0;
    for (std::size_t pos = start; pos < end; ++pos) {
      if (kByteClasses[bytes[pos]] == kLookalikeByte) {
        ++lookalikes;
      } else if (bytes[pos] >= 0xC2) {
        ++lookalikes;
        ++pos;
      }
    }
    token.digits += lookalikes;
    if (lookalikes > 0) {
      token.convertible = true;
      if (token.kind == TokenKind::kInert) token.kind = TokenKind::kChain;
    }
    return;
  }
  if (length < 3 || length > kMaxSpecialWord || !special_words_[ShapeKey(field, start, end)]) {
    token.ordinary = true;
    return;
  }
  char folded[kMaxSpecialWord];
  const std::string_view text(folded, FoldWord(field, start, end, folded));
  for (const MarkerWord& marker : kMarkerWords) {
    if (text == marker.text) {
      token.kind = marker.at ? TokenKind::kLive : std::max(token.kind, TokenKind::kChain);
      token.email_mark = token.email_mark || marker.at;
      return;
    }
  }
  if (auto value = NumberWordValue(text)) {
    token.convertible = true;
    token.digits += static_cast<int>(value->size());
    token.kind = std::max(token.kind, TokenKind::kChain);
  } else {
    token.ordinary = true;
  }
}

void IdentifierWindowFinder::ScanToken(std::string_view field, std::size_t start, Token& token) const {
  const auto* bytes = reinterpret_cast<const unsigned char*>(field.data());
  const std::size_t size = field.size();
  token = Token{static_cast<std::uint32_t>(start), 0, TokenKind::kInert, false, false, false, 0};
  bool unknown = false;  // holds a character whose fold is not known here
  // The flags of the two-byte character at `at`, 0 when it is unknown or malformed.
  auto flags_at = [&](std::size_t at) -> std::uint8_t {
    if (at + 1 >= size || (bytes[at + 1] & 0xC0) != 0x80) return 0;
    return chars_[static_cast<std::size_t>(DecodeTwoBytes(bytes[at], bytes[at + 1]))].flags;
  };
  std::size_t pos = start;
  while (pos < size) {
    ByteClass cls = kByteClasses[bytes[pos]];
    if (cls == kSeparatorByte) break;
    // A word: letters and digits, and apostrophes followed by a letter, as digit de-obfuscation
    // reads words ("п'ять"). Most bytes of a post are read by this loop.
    const std::size_t word_start = pos;
    bool plain = false;  // holds a letter that is no look-alike (or an apostrophe)
    for (;;) {
      if (plain && cyrillic_letters_) {
        // Further letters change nothing once the word is plain: skip ASCII letters and Cyrillic
        // U+0400–U+047F (leads 0xD0, 0xD1; all letters), sixteen bytes at a time where SSE2 is.
        pos = SkipPlainLetters(bytes, pos, size);
        while (pos + 1 < size) {
          const unsigned char byte = bytes[pos];
          if (kByteClasses[byte] <= kLookalikeByte) {
            ++pos;
          } else if ((byte & 0xFE) == 0xD0 && (bytes[pos + 1] & 0xC0) == 0x80) {
            pos += 2;
          } else {
            break;
          }
        }
        if (pos >= size) break;
        cls = kByteClasses[bytes[pos]];
      }
      if (cls == kLetterByte) {
        plain = true;
        ++pos;
      } else if (cls == kLookalikeByte) {
        ++pos;
      } else if (cls == kDigitByte) {
        ++token.digits;
        ++pos;
      } else if (cls == kLeadByte) {
        const std::uint8_t flags = flags_at(pos);
        if ((flags & kWordChar) == 0) break;
        plain = plain || (flags & kLookalike) == 0;
        pos += 2;
      } else if (cls == kApostropheByte && pos > word_start && pos + 1 < size) {
        const unsigned char next = bytes[pos + 1];
        const ByteClass next_class = kByteClasses[next];
        const bool letter_next = next_class == kLetterByte || next_class == kLookalikeByte ||
                                 (next_class == kLeadByte && (flags_at(pos + 1) & kLetter) != 0);
        if (!letter_next) break;
        plain = true;
        ++pos;
      } else {
        break;
      }
      if (pos >= size) break;
      cls = kByteClasses[bytes[pos]];
    }
    if (pos > word_start) {
      EndWord(field, word_start, pos, plain, token);
      continue;
    }
    // Not a word character: punctuation, a mark, or something folding may change.
    const unsigned char byte = bytes[pos];
    const unsigned char next = pos + 1 < size ? bytes[pos + 1] : 0;
    if (cls == kMarkByte) {
      // The rest of a live token is still read: whether de-obfuscation may change it.
      const bool bracket_marker = (byte == '(' || byte == '[' || byte == '{') &&
                                  (next == 'a' || next == 'A' || next == 'd' || next == 'D' || next == '@' || next == '.');
      const bool live = byte == '@' || (byte == '.' && IsAsciiAlnum(next)) || (byte == ':' && next == '/') || bracket_marker;
      if (live) token.kind = TokenKind::kLive;
      if (byte == '@' || bracket_marker) token.email_mark = true;
      ++pos;
    } else if (cls == kPunctByte || cls == kApostropheByte) {
      ++pos;
    } else if (cls == kLeadByte && flags_at(pos) != 0) {
      pos += 2;  // a known character that is no letter ("«", "°")
    } else {
      unknown = true;  // control characters, unknown or malformed characters
      break;
    }
  }
  if (unknown) {
    token.kind = TokenKind::kLive;
    token.convertible = true;  // what folding makes of it is not known here
    token.email_mark = true;
    while (pos < size && kByteClasses[bytes[pos]] != kSeparatorByte) ++pos;
  } else if (token.kind != TokenKind::kLive && (token.digits > 0 || !token.ordinary)) {
    token.kind = TokenKind::kChain;
  }
  token.end = static_cast<std::uint32_t>(pos);
}

bool IdentifierWindowFinder::SpecialShape(std::string_view field, const unsigned char* word, std::size_t start,
                                          std::size_t length) const {
  // Many ordinary words share a number word's first letter and length ("the", "two"): their
  // shape key rules them out, at once when its bytes are ASCII letters (folding lowers them).
  std::uint32_t head = 0;
  std::memcpy(&head, word, 4);
  if (length == 3) head &= 0x00FFFFFF;
  const std::uint16_t tail = static_cast<std::uint16_t>((word[length - 2] << 8) | word[length - 1]);
  const bool ascii = ((head | tail) & 0x80808080) == 0;
  const std::uint16_t key = ascii ? WordShapeKey(head | (0x20202020 & (length == 3 ? 0x00FFFFFF : 0xFFFFFFFF)),
                                                 static_cast<std::uint16_t>(tail | 0x2020), length)
                                  : ShapeKey(field, start, start + length);
  return special_words_[key];
}

bool IdentifierWindowFinder::ScanPlainToken(std::string_view field, std::size_t start, Token& token) const {
#if defined(__SSE2__)
  const auto* bytes = reinterpret_cast<const unsigned char*>(field.data());
  const std::size_t size = field.size();
  if (!plain_masks_) return false;
  // The word: sixteen bytes at a time while they are all letters (a lead in a block's last byte is
  // read again with the next block). Few branches: which way they go depends on the text, and a
  // wrong guess costs more than the work.
  std::size_t end = start;
  unsigned run = 16;
  bool plain = false;
  while (run >= 15) {
    if (end + 16 > size) return false;
    const LetterMasks masks = ReadLetterMasks(bytes + end, true);
    run = static_cast<unsigned>(std::countr_zero(~(masks.letters | masks.other_chars)));
    const unsigned inside = (1U << run) - 1;
    plain = plain || (masks.plain & inside) != 0;
    // Other two-byte characters: a word character continues the word as ScanToken reads it.
    for (unsigned others = masks.other_leads & inside; others != 0; others &= others - 1) {
      const std::size_t at = end + static_cast<std::size_t>(std::countr_zero(others));
      const std::uint8_t flags = chars_[static_cast<std::size_t>(DecodeTwoBytes(bytes[at], bytes[at + 1]))].flags;
      if ((flags & kWordChar) == 0) return false;
      plain = plain || (flags & kLookalike) == 0;
    }
    end += run;
  }
  if (end == start) return false;
  // The byte after the word's end lies in the last block read (run <= 14).
  const std::uint8_t ending = kWordEnds[bytes[end]];
  const bool closed = ending == 1 || (ending == 2 && IsSeparator(bytes[end + 1]));
  const std::size_t length = end - start;
  const unsigned first = bytes[start] < 0x80 ? bytes[start] : DecodeTwoBytes(bytes[start], bytes[start + 1]);
  const bool may_be_special = length < 64 && ((special_lengths_[first] >> length) & 1) != 0;
  if (!closed) return false;
  token = Token{static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end + (ending == 2 ? 1 : 0)),
                TokenKind::kInert, true, false, false, 0};
  if (plain && !may_be_special) return true;  // most tokens: an ordinary word
  if (plain && length <= kMaxSpecialWord && !SpecialShape(field, bytes + start, start, length)) return true;
  token.ordinary = false;
  EndWord(field, start, end, plain, token);
  if (token.kind != TokenKind::kLive && (token.digits > 0 || !token.ordinary)) token.kind = TokenKind::kChain;
  return true;
#else
  (void)field;
  (void)start;
  (void)token;
  return false;
#endif
}

void IdentifierWindowFinder::EndWord(std::string_view field, std::size_t start, std::size_t end, bool plain,
                                     Token& token) const {
  const std::size_t length = end - start;
  if (plain && (length < 3 || length > kMaxSpecialWord ||
                !MayBeSpecialStart(reinterpret_cast<const unsigned char*>(field.data()) + start, length) ||
                !special_words_[ShapeKey(field, start, end)])) {
    token.ordinary = true;  // most words end here
  } else {
    ClassifyWord(field, start, end, plain, token);
  }
}

}  // namespace vigil::core::monitor
