// Byte and character tables of IdentifierWindowFinder's pre-filter, shared by its two sources
// (identifier_windows.cpp reads tokens one by one, identifier_windows_find.cpp by chunks). Only
// those files include it.
#pragma once

#include <unicode/umachine.h>

#include <array>
#include <cstdint>

namespace vigil::core::monitor::window_bytes {

// CharInfo flags.
inline constexpr std::uint8_t kKnown = 1;      // folds to one known, ASCII-free two-byte character
inline constexpr std::uint8_t kWordChar = 2;   // its fold is a letter or digit (a word character)
inline constexpr std::uint8_t kLetter = 4;     // its fold is a letter (an apostrophe before it joins)
inline constexpr std::uint8_t kLookalike = 8;  // its fold is Cyrillic о or Ukrainian і

inline bool IsAsciiAlnum(unsigned char byte) {
  return (byte >= '0' && byte <= '9') || (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z');
}

inline UChar32 DecodeTwoBytes(unsigned char lead, unsigned char trail) {
  return static_cast<UChar32>(((lead & 0x1F) << 6) | (trail & 0x3F));
}

// ASCII byte classes for the scan.
enum ByteClass : std::uint8_t {
  kLetterByte,     // a letter that is no look-alike
  kLookalikeByte,  // o, l, i (either case)
  kDigitByte,
  kSeparatorByte,  // space, tab, newline
  kApostropheByte, // ' and `: inside a word when a letter follows
  kMarkByte,       // @ . : ( [ {: live depending on the next byte
  kControlByte,    // dropped by folding: live
  kPunctByte,      // other punctuation: ends a word
  kLeadByte,       // starts a two-byte character
  kOtherByte,      // three- and four-byte characters, stray continuation bytes: live
};

inline constexpr std::array<ByteClass, 256> kByteClasses = [] {
  std::array<ByteClass, 256> classes{};
  for (int byte = 0; byte < 256; ++byte) {
    ByteClass cls = kPunctByte;
    if (byte >= 0x80) {
      cls = byte >= 0xC2 && byte <= 0xDF ? kLeadByte : kOtherByte;
    } else if (byte >= '0' && byte <= '9') {
      cls = kDigitByte;
    } else if ((byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z')) {
      const int lower = byte | 0x20;
      cls = lower == 'o' || lower == 'l' || lower == 'i' ? kLookalikeByte : kLetterByte;
    } else if (byte == ' ' || byte == '\t' || byte == '\n') {
      cls = kSeparatorByte;
    } else if (byte == '\'' || byte == '`') {
      cls = kApostropheByte;
    } else if (byte == '@' || byte == '.' || byte == ':' || byte == '(' || byte == '[' || byte == '{') {
      cls = kMarkByte;
    } else if (byte < 0x20 || byte == 0x7F) {
      cls = kControlByte;
    }
    classes[static_cast<std::size_t>(byte)] = cls;
  }
  return classes;
}();

inline unsigned char LowerAscii(unsigned char byte) { return byte >= 'A' && byte <= 'Z' ? byte + 32 : byte; }

// How a byte may end a one-word token for IdentifierWindowFinder::ScanPlainToken: 1 a separator,
// 2 punctuation ScanToken steps over without a change when a separator follows (not a mark that
// may be live, not an apostrophe, not a control character), 0 otherwise.
inline constexpr std::array<std::uint8_t, 256> kWordEnds = [] {
  std::array<std::uint8_t, 256> ends{};
  for (int byte = 0; byte < 256; ++byte) {
    const ByteClass cls = kByteClasses[static_cast<std::size_t>(byte)];
    ends[static_cast<std::size_t>(byte)] = cls == kSeparatorByte ? 1 : (cls == kPunctByte || byte == '.' || byte == ':') ? 2 : 0;
  }
  return ends;
}();

}  // namespace vigil::core::monitor::window_bytes
