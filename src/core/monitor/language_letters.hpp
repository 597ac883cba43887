// The letter counts behind language identification's script rules (language.cpp): how many
// letters of each script and of each language's own letters a prefix holds. Declared here so the
// test can hold the block-wise count to the character-wise one.
#pragma once

#include <string_view>

namespace vigil::core::monitor {

struct LetterCounts {
  int latin = 0;
  int latin_non_ascii = 0;
  int cyrillic = 0;
  int greek = 0;
  int ukrainian = 0;  // і ї є ґ
  int russian = 0;    // ы э ъ ё
  int polish = 0;     // ą ę ł ż ź ś ć ń
  int romanian = 0;   // ă ș ş ț ţ î â
  int czech = 0;      // ř ů ě č š ž
  int german = 0;     // ä ö ü ß

  bool operator==(const LetterCounts&) const = default;
};

// The letters of `text` (either case), sixteen bytes at a time where it is ASCII and two-byte
// characters; invalid UTF-8 is skipped. Thread-safe.
[[nodiscard]] LetterCounts CountLetters(std::string_view text);
// The same, one character at a time (the reference for the test).
[[nodiscard]] LetterCounts CountLettersOneByOne(std::string_view text);

}  // namespace vigil::core::monitor
