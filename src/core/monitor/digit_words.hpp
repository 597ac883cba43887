// Digit de-obfuscation behind Normaliser::DeobfuscateDigits: number words and look-alike letters
// inside digit runs become digits (see the contract there).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/monitor/normalise.hpp"

namespace vigil::core::monitor {

// The value of a number word in English, Ukrainian, Russian or Polish ("п'ять" → "5",
// "dwanaście" → "12", "forty" → "40"), folded text expected; any apostrophe form is accepted.
// nullopt for other words.
[[nodiscard]] std::optional<std::string> NumberWordValue(std::string_view folded_word);

// See Normaliser::DeobfuscateDigits.
[[nodiscard]] MappedText DeobfuscateDigitRuns(const MappedText& folded);

}  // namespace vigil::core::monitor
