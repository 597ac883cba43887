// Language identification for posts: CLD2 on a bounded prefix, and a script-based guess when
// CLD2 cannot decide (short texts such as "Дякую!", or transliterated Ukrainian).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace vigil::core::monitor {

enum class LanguageMethod {
  kCld2,    // CLD2 judged its answer reliable
  kScript,  // guessed from the letters used (see DetectLanguage)
  kFunctionWords,  // plain ASCII text with many English function words (see DetectLanguage)
  kNone,    // no letters to judge: code is "und"
};

struct LanguageGuess {
  std::string code = "und";  // ISO 639-1 where one exists (CLD2's codes otherwise), or "und"
  LanguageMethod method = LanguageMethod::kNone;
};

// Reads at most `prefix_bytes` of `text` (cut back to a character boundary), so the cost per
// post is bounded whatever its length. Fast path: when the prefix holds at least three letters
// that only one language of interest uses and none of its rivals' (і/ї/є/ґ and no ы/э/ъ/ё → uk,
// the reverse → ru; Polish, Romanian or Czech letters alone → pl, ro, cs) CLD2 is not run;
// nor when CLD2's part of the prefix is plain ASCII holding at least kEnglishFunctionWords words
// that are English function words no other language of interest writes the same way
// (PlainEnglish: "the", "and", "with", "you", …) → en.
// CLD2 judges the rest; when it is not reliable, or read fewer than 48 bytes of letters, the
// letters decide: Cyrillic
// with і/ї/є/ґ → uk, other Cyrillic → ru; Latin with ą/ę/ł/ż/ź/ś/ć/ń → pl, ă/ș/ț/î/â → ro,
// ř/ů/ě/č/š/ž → cs, ä/ö/ü/ß → de, plain ASCII letters → en; Greek → el. Invalid UTF-8 in the
// prefix is skipped. Thread-safe.
[[nodiscard]] LanguageGuess DetectLanguage(std::string_view text, std::size_t prefix_bytes = 1024);

// The English shortcut of DetectLanguage, and DetectLanguage without it (for the test that checks
// the shortcut only ever answers what CLD2 and the letters would).
inline constexpr int kEnglishFunctionWords = 3;
[[nodiscard]] bool PlainEnglish(std::string_view prefix);
[[nodiscard]] LanguageGuess DetectLanguageWithoutShortcuts(std::string_view text, std::size_t prefix_bytes = 1024);

}  // namespace vigil::core::monitor
