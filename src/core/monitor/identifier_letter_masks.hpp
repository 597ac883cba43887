// Sixteen-byte letter masks for IdentifierWindowFinder's pre-filter (identifier_windows.cpp):
// which bytes of a block are letters, plain letters (no look-alike of a digit) or other two-byte
// characters, with SSE2. Only that file includes it.
#pragma once

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace vigil::core::monitor::letter_masks {

#if defined(__SSE2__)
// Masks of sixteen bytes, bit i for byte i. A two-byte character counts only whole: its lead only
// with a continuation after it (a lead in the last byte waits for the next block), its
// continuation only after such a lead.
struct LetterMasks {
  // ASCII letters and both bytes of two-byte characters with lead 0xD0 or 0xD1 (Cyrillic).
  unsigned letters = 0;
  // Plain letters: ASCII letters but o, l, i, and leads of Cyrillic letters but о, О, і, І
  // (IdentifierWindowFinder checks at Create that these four are the only look-alikes there).
  unsigned plain = 0;
  // Both bytes of the other two-byte characters, and their leads alone: the character table says
  // what they are.
  unsigned other_chars = 0;
  unsigned other_leads = 0;
};

// `letters` only, unless `all`.
inline LetterMasks ReadLetterMasks(const unsigned char* bytes, bool all) {
  auto splat = [](int byte) { return _mm_set1_epi8(static_cast<char>(byte)); };
  // Unsigned `low <= byte < low + count` through the sign bit.
  auto in_range = [&](__m128i block, int low, int count) {
    return _mm_cmplt_epi8(_mm_xor_si128(_mm_sub_epi8(block, splat(low)), splat(0x80)), splat(count ^ 0x80));
  };
  const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes));
  const __m128i lowered = _mm_or_si128(block, splat(0x20));
  const __m128i letters = in_range(lowered, 'a', 26);
  const __m128i continuations = _mm_cmpeq_epi8(_mm_and_si128(block, splat(0xC0)), splat(0x80));
  const __m128i before_continuation = _mm_srli_si128(continuations, 1);
  const __m128i cyrillic_lead_bytes = _mm_cmpeq_epi8(_mm_and_si128(block, splat(0xFE)), splat(0xD0));
  const __m128i leads = _mm_and_si128(cyrillic_lead_bytes, before_continuation);
  const __m128i trails = _mm_and_si128(continuations, _mm_slli_si128(leads, 1));
  LetterMasks masks;
  masks.letters = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(letters, _mm_or_si128(leads, trails))));
  if (!all) return masks;
  const __m128i ascii_lookalikes = _mm_or_si128(
      _mm_cmpeq_epi8(lowered, splat('o')), _mm_or_si128(_mm_cmpeq_epi8(lowered, splat('l')), _mm_cmpeq_epi8(lowered, splat('i'))));
  // О о І after 0xD0 (trails 0x9E 0xBE 0x86), і after 0xD1 (0x96): moved onto their leads.
  const __m128i after_d0 = _mm_srli_si128(
      _mm_or_si128(_mm_cmpeq_epi8(block, splat(0x9E)), _mm_or_si128(_mm_cmpeq_epi8(block, splat(0xBE)), _mm_cmpeq_epi8(block, splat(0x86)))),
      1);
  const __m128i after_d1 = _mm_srli_si128(_mm_cmpeq_epi8(block, splat(0x96)), 1);
  const __m128i cyrillic_lookalikes = _mm_or_si128(_mm_and_si128(_mm_cmpeq_epi8(block, splat(0xD0)), after_d0),
                                                   _mm_and_si128(_mm_cmpeq_epi8(block, splat(0xD1)), after_d1));
  masks.plain = static_cast<unsigned>(_mm_movemask_epi8(
      _mm_or_si128(_mm_andnot_si128(ascii_lookalikes, letters), _mm_andnot_si128(cyrillic_lookalikes, leads))));
  const __m128i other_leads =
      _mm_and_si128(_mm_andnot_si128(cyrillic_lead_bytes, in_range(block, 0xC2, 0x1E)), before_continuation);
  const __m128i other_trails = _mm_and_si128(continuations, _mm_slli_si128(other_leads, 1));
  masks.other_leads = static_cast<unsigned>(_mm_movemask_epi8(other_leads));
  masks.other_chars = masks.other_leads | static_cast<unsigned>(_mm_movemask_epi8(other_trails));
  return masks;
}
#endif

}  // namespace vigil::core::monitor::letter_masks
