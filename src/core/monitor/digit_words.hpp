// Digit de-obfuscation behind Normaliser::DeobfuscateDigits: number words and look-alike letters
// inside digit runs become digits (see the contract there).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/monitor/normalise.hpp"

namespace vigil::core::monitor {

// The value of a number word in English, Ukrainian, Russian or Polish ("п'ять" → "5",
// "dwanaście" → "12", "forty" → "40"), folded text expected; any apostrophe form is accepted.
// nullopt for other words.
[[nodiscard]] std::optional<std::string> NumberWordValue(std::string_view folded_word);

// Every number word, folded, in each apostrophe form ("п'ять", "п`ять", "пʼять", "п’ять").
[[nodiscard]] const std::vector<std::string>& NumberWordForms();

// A 16-bit hash of a folded word's shape: `head` = its first four bytes (little end first, zero
// when shorter), `tail` = its last two bytes (the second-last in the high byte), and its length.
// Words of one shape share the key, so a bitset of keys rules most other words out.
[[nodiscard]] inline std::uint16_t WordShapeKey(std::uint32_t head, std::uint16_t tail, std::size_t length) {
  const std::uint64_t mixed = (static_cast<std::uint64_t>(head) * 0x9E3779B97F4A7C15ULL) ^
                              (static_cast<std::uint64_t>(tail) * 0xC2B2AE3D27D4EB4FULL) ^
                              (static_cast<std::uint64_t>(length) * 0x165667B19E3779F9ULL);
  return static_cast<std::uint16_t>((mixed ^ (mixed >> 29)) >> 32);
}
[[nodiscard]] std::uint16_t WordShapeKey(std::string_view folded_word);

// False when `folded_word` cannot be a number word (its WordShapeKey is no number word's). A
// quick filter before NumberWordValue.
[[nodiscard]] bool MayBeNumberWord(std::string_view folded_word);

// See Normaliser::DeobfuscateDigits.
[[nodiscard]] MappedText DeobfuscateDigitRuns(const MappedText& folded);
// The same, or nullopt when nothing in `folded` becomes digits (most texts): the caller then
// uses `folded` itself and no copy is made.
[[nodiscard]] std::optional<MappedText> DeobfuscateDigitRunsIfAny(const MappedText& folded);

}  // namespace vigil::core::monitor
