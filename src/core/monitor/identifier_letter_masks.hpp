// Letter masks for IdentifierWindowFinder's pre-filter (identifier_windows.cpp): which bytes of a
// block of sixteen or sixty-four are letters, plain letters (no look-alike of a digit) or other
// two-byte characters, with SSE2. Only that file includes it.
#pragma once

#include <cstdint>

#include "core/monitor/sse_bytes.hpp"

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
  using sse_bytes::InRange;
  using sse_bytes::Splat;
  const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes));
  const __m128i lowered = _mm_or_si128(block, Splat(0x20));
  const __m128i letters = InRange(lowered, 'a', 26);
  const __m128i continuations = _mm_cmpeq_epi8(_mm_and_si128(block, Splat(0xC0)), Splat(0x80));
  const __m128i before_continuation = _mm_srli_si128(continuations, 1);
  const __m128i cyrillic_lead_bytes = _mm_cmpeq_epi8(_mm_and_si128(block, Splat(0xFE)), Splat(0xD0));
  const __m128i leads = _mm_and_si128(cyrillic_lead_bytes, before_continuation);
  const __m128i trails = _mm_and_si128(continuations, _mm_slli_si128(leads, 1));
  LetterMasks masks;
  masks.letters = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(letters, _mm_or_si128(leads, trails))));
  if (!all) return masks;
  const __m128i ascii_lookalikes = _mm_or_si128(
      _mm_cmpeq_epi8(lowered, Splat('o')), _mm_or_si128(_mm_cmpeq_epi8(lowered, Splat('l')), _mm_cmpeq_epi8(lowered, Splat('i'))));
  // О о І after 0xD0 (trails 0x9E 0xBE 0x86), і after 0xD1 (0x96): moved onto their leads.
  const __m128i after_d0 = _mm_srli_si128(
      _mm_or_si128(_mm_cmpeq_epi8(block, Splat(0x9E)), _mm_or_si128(_mm_cmpeq_epi8(block, Splat(0xBE)), _mm_cmpeq_epi8(block, Splat(0x86)))),
      1);
  const __m128i after_d1 = _mm_srli_si128(_mm_cmpeq_epi8(block, Splat(0x96)), 1);
  const __m128i cyrillic_lookalikes = _mm_or_si128(_mm_and_si128(_mm_cmpeq_epi8(block, Splat(0xD0)), after_d0),
                                                   _mm_and_si128(_mm_cmpeq_epi8(block, Splat(0xD1)), after_d1));
  masks.plain = static_cast<unsigned>(_mm_movemask_epi8(
      _mm_or_si128(_mm_andnot_si128(ascii_lookalikes, letters), _mm_andnot_si128(cyrillic_lookalikes, leads))));
  const __m128i other_leads =
      _mm_and_si128(_mm_andnot_si128(cyrillic_lead_bytes, InRange(block, 0xC2, 0x1E)), before_continuation);
  const __m128i other_trails = _mm_and_si128(continuations, _mm_slli_si128(other_leads, 1));
  masks.other_leads = static_cast<unsigned>(_mm_movemask_epi8(other_leads));
  masks.other_chars = masks.other_leads | static_cast<unsigned>(_mm_movemask_epi8(other_trails));
  return masks;
}

// LetterMasks over sixty-four bytes, bit i for byte i (a lead in the last byte is no letter), and
// the separators (space, tab, newline).
struct ChunkMasks {
  std::uint64_t letters = 0;
  std::uint64_t plain = 0;
  std::uint64_t other_chars = 0;
  std::uint64_t other_leads = 0;
  std::uint64_t separators = 0;
};

// Reads the sixty-four bytes at `bytes`: each kind of byte compared sixteen at a time, then the
// two-byte characters joined across the blocks with 64-bit shifts.
inline ChunkMasks ReadChunkMasks(const unsigned char* bytes) {
  using sse_bytes::InRange;
  using sse_bytes::Splat;
  auto bits = [](__m128i mask, int part) {
    return static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(mask))) << (16 * part);
  };
  std::uint64_t ascii_letters = 0, ascii_lookalikes = 0, d0 = 0, d1 = 0, continuations = 0, two_byte_leads = 0;
  std::uint64_t d0_lookalike_trails = 0, d1_lookalike_trails = 0, separators = 0;
  for (int part = 0; part < 4; ++part) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + 16 * part));
    const __m128i lowered = _mm_or_si128(block, Splat(0x20));
    const auto is = [&](int byte) { return _mm_cmpeq_epi8(block, Splat(byte)); };
    ascii_letters |= bits(InRange(lowered, 'a', 26), part);
    ascii_lookalikes |= bits(_mm_or_si128(_mm_cmpeq_epi8(lowered, Splat('o')),
                                          _mm_or_si128(_mm_cmpeq_epi8(lowered, Splat('l')), _mm_cmpeq_epi8(lowered, Splat('i')))),
                             part);
    d0 |= bits(is(0xD0), part);
    d1 |= bits(is(0xD1), part);
    continuations |= bits(_mm_cmpeq_epi8(_mm_and_si128(block, Splat(0xC0)), Splat(0x80)), part);
    two_byte_leads |= bits(InRange(block, 0xC2, 0x1E), part);
    // О о І after 0xD0 (0x9E 0xBE 0x86), і after 0xD1 (0x96).
    d0_lookalike_trails |= bits(_mm_or_si128(is(0x9E), _mm_or_si128(is(0xBE), is(0x86))), part);
    d1_lookalike_trails |= bits(is(0x96), part);
    separators |= bits(_mm_or_si128(is(' '), _mm_or_si128(is('\n'), is('\t'))), part);
  }
  const std::uint64_t before_continuation = continuations >> 1;
  const std::uint64_t cyrillic_leads = (d0 | d1) & before_continuation;
  const std::uint64_t cyrillic_lookalikes = (d0 & (d0_lookalike_trails >> 1)) | (d1 & (d1_lookalike_trails >> 1));
  ChunkMasks masks;
  masks.letters = ascii_letters | cyrillic_leads | (continuations & (cyrillic_leads << 1));
  masks.plain = (ascii_letters & ~ascii_lookalikes) | (cyrillic_leads & ~cyrillic_lookalikes);
  masks.other_leads = two_byte_leads & ~(d0 | d1) & before_continuation;
  masks.other_chars = masks.other_leads | (continuations & (masks.other_leads << 1));
  masks.separators = separators;
  return masks;
}
#endif

}  // namespace vigil::core::monitor::letter_masks
