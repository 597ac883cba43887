// Runs of bytes of one class (word bytes, non-space bytes) found 64 bytes at a time: a class is
// given as a function that flags bit 7 of each of eight bytes, the flags of a block are gathered
// into one 64-bit mask, and the runs are read off the mask with bit scans instead of byte by byte.
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string_view>

#include "core/monitor/sse_bytes.hpp"

#include "core/monitor/lexicon_matcher.hpp"

namespace vigil::core::monitor {

// Bit 7 set in each byte of `chunk` that is ASCII white space (' ', '\t', '\n', '\v', '\f', '\r'),
// clear in every other byte (those from 0x80 included). For b = byte & 0x7F: b ^ 0x20 is zero only
// for ' ', and b + 0x77 / b + 0x72 reach bit 7 from 9 / 14 on; no byte carries into the next.
[[nodiscard]] inline std::uint64_t AsciiSpaceFlags(std::uint64_t chunk) {
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  const std::uint64_t low = chunk & ~kHigh;
  const std::uint64_t blank = low ^ (kOnes * 0x20);
  const std::uint64_t is_blank = ~((blank + kOnes * 0x7F) | blank);
  const std::uint64_t control = (low + kOnes * 0x77) & ~(low + kOnes * 0x72);
  return (is_blank | control) & ~chunk & kHigh;
}

// The byte classes whose runs are looked for.
enum class ByteClass {
  kFoldedWord,  // IsFoldedWordByte: 0x80 and above, 'a'..'z', '0'..'9' (MinHash's words)
  kNonSpace,    // not ASCII white space (the template's words)
  kAsciiLetter,  // 'a'..'z' and 'A'..'Z' (the English function-word check's words)
};

namespace byte_runs_detail {

// Bit 7 of each of eight bytes in the class (SWAR, for a block's tail and builds without SSE2).
template <ByteClass kClass>
std::uint64_t ClassFlags(std::uint64_t chunk) {
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  if constexpr (kClass == ByteClass::kFoldedWord) return (chunk & kHigh) | AsciiAlnumFlags(chunk);
  if constexpr (kClass == ByteClass::kAsciiLetter) {
    // With bit 5 set, letters are 'a'..'z': bit 7 of b + 0x1F is set from 'a' on, of b + 0x05 from
    // '{' on (b below 0x80: no carry).
    const std::uint64_t low = (chunk | 0x2020202020202020ULL) & ~kHigh;
    return (low + 0x1F1F1F1F1F1F1F1FULL) & ~(low + 0x0505050505050505ULL) & ~chunk & kHigh;
  }
  return ~AsciiSpaceFlags(chunk) & kHigh;
}

#if defined(__SSE2__)
// Bit i for byte i of the sixteen at `bytes`.
template <ByteClass kClass>
std::uint64_t ClassMask16(const char* bytes) {
  using sse_bytes::InRange;
  using sse_bytes::Splat;
  const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes));
  if constexpr (kClass == ByteClass::kFoldedWord) {
    // A byte from 0x80 has its sign bit set already.
    const __m128i ascii_word = _mm_or_si128(InRange(block, 'a', 26), InRange(block, '0', 10));
    return static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_or_si128(ascii_word, block)));
  }
  if constexpr (kClass == ByteClass::kAsciiLetter) {
    return static_cast<std::uint32_t>(_mm_movemask_epi8(InRange(_mm_or_si128(block, Splat(0x20)), 'a', 26)));
  }
  const __m128i space = _mm_or_si128(_mm_cmpeq_epi8(block, Splat(' ')), InRange(block, '\t', 5));
  return ~static_cast<std::uint32_t>(_mm_movemask_epi8(space)) & 0xFFFFU;
}
#endif

}  // namespace byte_runs_detail

// One bit per byte of text[base, base + 64) (bit k for byte base + k): set for the bytes of the
// class; bytes past the end are clear. A whole block sixteen bytes at a time with SSE2, a block's
// tail eight at a time.
template <ByteClass kClass>
[[nodiscard, gnu::always_inline]] inline std::uint64_t ByteClassMask(std::string_view text, std::size_t base) {
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  std::uint64_t mask = 0;
#if defined(__SSE2__)
  if (base + 64 <= text.size()) {
    for (std::size_t at = 0; at < 64; at += 16) {
      mask |= byte_runs_detail::ClassMask16<kClass>(text.data() + base + at) << at;
    }
    return mask;
  }
#endif
  for (std::size_t chunk_at = 0; chunk_at < 64 && base + chunk_at < text.size(); chunk_at += 8) {
    const std::size_t length = std::min<std::size_t>(8, text.size() - base - chunk_at);
    std::uint64_t chunk = 0;
    std::memcpy(&chunk, text.data() + base + chunk_at, length);
    std::uint64_t marked = byte_runs_detail::ClassFlags<kClass>(chunk);
    if (length < 8) marked &= kHigh >> (8 * (8 - length));  // bytes past the end
    mask |= (((marked >> 7) * 0x0102040810204080ULL) >> 56) << chunk_at;
  }
  return mask;
}

// Calls emit(start, end) for each maximal run of bytes whose bits are set in the masks that
// mask_at(base) gives for base = 0, 64, 128, ... < size; a run may cross blocks.
template <typename MaskAt, typename Emit>
void ForEachByteRun(std::size_t size, MaskAt mask_at, Emit emit) {
  constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
  std::size_t open = kNone;  // start of a run that reached the end of the previous block
  for (std::size_t base = 0; base < size; base += 64) {
    std::uint64_t mask = mask_at(base);
    if (open != kNone) {
      if (mask == ~std::uint64_t{0}) continue;  // the run goes on through this block
      const int end = std::countr_one(mask);
      emit(open, base + static_cast<std::size_t>(end));
      open = kNone;
      mask &= ~std::uint64_t{0} << end;
    }
    while (mask != 0) {
      const int start = std::countr_zero(mask);
      const std::uint64_t after = ~mask & (~std::uint64_t{0} << start);
      if (after == 0) {
        open = base + static_cast<std::size_t>(start);
        break;
      }
      const int end = std::countr_zero(after);
      emit(base + static_cast<std::size_t>(start), base + static_cast<std::size_t>(end));
      mask &= ~std::uint64_t{0} << end;
    }
  }
  if (open != kNone) emit(open, size);
}

}  // namespace vigil::core::monitor
