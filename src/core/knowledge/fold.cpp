#include "core/knowledge/fold.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

namespace vigil::core::knowledge {
namespace {

bool IsArabicMark(UChar32 c) {
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640;  // harakat, dagger alif, tatweel
}

bool IsLatin(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(c, &status) == USCRIPT_LATIN && U_SUCCESS(status);
}

UChar32 MapLetter(UChar32 c) {
  switch (c) {
    case 0x0623:  // أ
    case 0x0625:  // إ
    case 0x0622:  // آ
      return 0x0627;  // ا
    case 0x0629: return 0x0647;  // ة → ه
    case 0x0649: return 0x064A;  // ى → ي
    case 0x0451: return 0x0435;  // ё → е
    default: return c;
  }
}

}  // namespace

std::string FoldForSearch(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  const icu::Normalizer2* decompose = icu::Normalizer2::getNFDInstance(status);
  const icu::Normalizer2* compose = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(utf8);

  const icu::UnicodeString input = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString folded = casefold->normalize(input, status);
  icu::UnicodeString decomposed = decompose->normalize(folded, status);
  if (U_FAILURE(status)) return std::string(utf8);

  icu::UnicodeString kept;
  UChar32 base = 0;
  for (int32_t pos = 0; pos < decomposed.length();) {
    const UChar32 c = decomposed.char32At(pos);
    pos += U16_LENGTH(c);
    if (IsArabicMark(c)) continue;
    const bool is_mark = u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK;
    if (is_mark && IsLatin(base)) continue;  // Latin diacritics go; other scripts keep theirs
    if (!is_mark) base = c;
    kept.append(MapLetter(c));
  }
  icu::UnicodeString result = compose->normalize(kept, status);
  if (U_FAILURE(status)) return std::string(utf8);
  // The letter mappings may meet marks again after recomposition (آ decomposes to ا + madda).
  icu::UnicodeString mapped;
  for (int32_t pos = 0; pos < result.length();) {
    const UChar32 c = result.char32At(pos);
    pos += U16_LENGTH(c);
    if (c == 0x0653 || c == 0x0654 || c == 0x0655) continue;  // madda, hamza above/below
    mapped.append(MapLetter(c));
  }
  std::string out;
  mapped.toUTF8String(out);
  return out;
}

}  // namespace vigil::core::knowledge
