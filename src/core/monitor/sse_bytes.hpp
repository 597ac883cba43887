// SSE2 byte compares shared by the monitor's sixteen-bytes-at-a-time scans (fold, word runs,
// letter counts, the identifier pre-filter, the phone digit skip).
#pragma once

#if defined(__SSE2__)
#include <emmintrin.h>

namespace vigil::core::monitor::sse_bytes {

// Sixteen copies of `byte`.
inline __m128i Splat(int byte) { return _mm_set1_epi8(static_cast<char>(byte)); }

// 0xFF in each byte of `block` with unsigned `low <= byte < low + count` (count <= 128), through
// the sign bit: byte - low lands below `count` only inside the range.
inline __m128i InRange(__m128i block, int low, int count) {
  return _mm_cmplt_epi8(_mm_xor_si128(_mm_sub_epi8(block, Splat(low)), Splat(0x80)), Splat(count ^ 0x80));
}

}  // namespace vigil::core::monitor::sse_bytes

#endif
