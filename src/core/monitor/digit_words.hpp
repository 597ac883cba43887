// Digit de-obfuscation behind Normaliser::DeobfuscateDigits: number words and look-alike letters
// inside digit runs become digits (see the contract there).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/monitor/normalise.hpp"

namespace vigil::core::monitor {

// The value of a number word in English, Ukrainian, Russian or Polish ("п'ять" → "5",
// "dwanaście" → "12", "forty" → "40"), folded text expected; any apostrophe form is accepted.
// nullopt for other words.
[[nodiscard]] std::optional<std::string> NumberWordValue(std::string_view folded_word);

// False when `folded_word` cannot be a number word: its first two bytes, last two bytes and byte
// length (any apostrophe form counted) match no word's. A quick filter before NumberWordValue.
[[nodiscard]] bool MayBeNumberWord(std::string_view folded_word);
// The same from the word's first two bytes, last two bytes and length (at least 2).
[[nodiscard]] bool MayBeNumberWord(unsigned char first, unsigned char second, unsigned char before_last,
                                   unsigned char last, std::size_t length);

// See Normaliser::DeobfuscateDigits.
[[nodiscard]] MappedText DeobfuscateDigitRuns(const MappedText& folded);

}  // namespace vigil::core::monitor
