// Scanning JSON string text for the bytes that end a plain run: a quote, a backslash or a
// control character (below 0x20), optionally any non-ASCII byte too. Shared by the monitor's JSON
// Lines reader (where a run ends at the closing quote or an escape) and its report writer (where
// these bytes need escaping, and non-ASCII text a UTF-8 check).
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace vigil::codec {

namespace json_text_detail {

// The first position from `pos` in `text` holding '"', '\\', a byte below 0x20 or, when
// `kAsciiOnly`, a byte from 0x80 up; text.size() when there is none. Sixteen bytes at a time with
// SSE2, else eight, the last few in one load that ends with the text. In eight bytes, a byte b is
// flagged when b ^ '"', b ^ '\\' or b itself is below the bound (the classic "has a byte less
// than" test; its first flagged byte is always a true one, a borrow only reaches the bytes above).
constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHigh = 0x8080808080808080ULL;

// The high bit of each of the eight bytes of `chunk` that RunEnd stops at, and perhaps of bytes
// above such a byte (a borrow); 0 exactly when none of the eight is one.
template <bool kAsciiOnly>
constexpr std::uint64_t Flags8(std::uint64_t chunk) {
  const auto below = [](std::uint64_t x, std::uint64_t n) { return (x - kOnes * n) & ~x & kHigh; };
  return below(chunk ^ (kOnes * '"'), 1) | below(chunk ^ (kOnes * '\\'), 1) | below(chunk, 0x20) |
         (kAsciiOnly ? chunk & kHigh : 0);
}

template <bool kAsciiOnly>
std::size_t RunEnd(std::string_view text, std::size_t pos) {
  const std::size_t size = text.size();
#if defined(__SSE2__)
  // A byte is flagged when it equals '"' or '\\', or when it is at most 0x1F unsigned (then
  // max(byte, 0x1F) is 0x1F); compared as signed, bytes from 0x80 up are below 0x20 as well.
  const auto flags16 = [&text](std::size_t at) {
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + at));
    const __m128i control = _mm_set1_epi8(0x1F);
    const __m128i low = kAsciiOnly ? _mm_cmplt_epi8(chunk, _mm_set1_epi8(0x20))
                                   : _mm_cmpeq_epi8(_mm_max_epu8(chunk, control), control);
    const __m128i flagged = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(chunk, _mm_set1_epi8('"')), _mm_cmpeq_epi8(chunk, _mm_set1_epi8('\\'))), low);
    return static_cast<unsigned>(_mm_movemask_epi8(flagged));
  };
  for (; pos + 16 <= size; pos += 16) {
    if (const unsigned mask = flags16(pos); mask != 0) return pos + static_cast<std::size_t>(std::countr_zero(mask));
  }
  if (pos < size && size >= 16) {
    // The last bytes in one load that ends with the text (the bytes before `pos` shifted out).
    const unsigned mask = flags16(size - 16) >> (pos - (size - 16));
    return mask != 0 ? pos + static_cast<std::size_t>(std::countr_zero(mask)) : size;
  }
#endif
  constexpr auto flags8 = Flags8<kAsciiOnly>;
  for (; pos + 8 <= size; pos += 8) {
    std::uint64_t chunk = 0;
    std::memcpy(&chunk, text.data() + pos, sizeof chunk);
    if (const std::uint64_t flagged = flags8(chunk); flagged != 0) {
      return pos + static_cast<std::size_t>(std::countr_zero(flagged) / 8);
    }
  }
  if (pos < size && size >= 8) {
    // The last eight bytes in one load; the bytes before `pos` become 'a' first, so that no
    // borrow from them reaches the bytes tested.
    std::uint64_t chunk = 0;
    std::memcpy(&chunk, text.data() + size - 8, sizeof chunk);
    const std::uint64_t before = (std::uint64_t{1} << (8 * (pos - (size - 8)))) - 1;
    chunk = (chunk & ~before) | (kOnes * 'a' & before);
    const std::uint64_t flagged = flags8(chunk);
    return flagged != 0 ? size - 8 + static_cast<std::size_t>(std::countr_zero(flagged) / 8) : size;
  }
  for (; pos < size; ++pos) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte == '"' || byte == '\\' || byte < 0x20 || (kAsciiOnly && byte >= 0x80)) break;
  }
  return pos;
}

}  // namespace json_text_detail

// The first position from `pos` in `text` holding '"', '\\' or a byte below 0x20, or
// text.size().
inline std::size_t PlainJsonRunEnd(std::string_view text, std::size_t pos) {
  return json_text_detail::RunEnd<false>(text, pos);
}

// As PlainJsonRunEnd, and stopping at the first byte from 0x80 up too (the start of a non-ASCII
// character): text.size() tells that `text` from `pos` is ASCII with nothing to escape.
inline std::size_t PlainAsciiJsonRunEnd(std::string_view text, std::size_t pos) {
  return json_text_detail::RunEnd<true>(text, pos);
}

// True when `text` is ASCII with nothing to escape, as PlainAsciiJsonRunEnd(text, 0) ==
// text.size(); texts up to 16 bytes long (most values in a report) are checked in one or two
// overlapping loads, without a loop. A yes-or-no answer needs no care for borrows: one only
// comes from a byte that is flagged itself.
inline bool IsPlainAsciiJson(std::string_view text) {
  const std::size_t size = text.size();
  if (size > 16) return PlainAsciiJsonRunEnd(text, 0) == size;
  const auto load = [&text](std::size_t at, auto word) {
    std::memcpy(&word, text.data() + at, sizeof word);
    return static_cast<std::uint64_t>(word);
  };
  constexpr auto flags = json_text_detail::Flags8<true>;
  if (size >= 8) return (flags(load(0, std::uint64_t{})) | flags(load(size - 8, std::uint64_t{}))) == 0;
  std::uint64_t chunk = json_text_detail::kOnes * 'a';  // padding that is never flagged
  if (size >= 4) {
    chunk = load(0, std::uint32_t{}) | load(size - 4, std::uint32_t{}) << 32;
  } else if (size >= 2) {
    chunk = chunk << 32 | load(0, std::uint16_t{}) | load(size - 2, std::uint16_t{}) << 16;
  } else if (size == 1) {
    chunk = chunk << 8 | load(0, std::uint8_t{});
  }
  return flags(chunk) == 0;
}

}  // namespace vigil::codec
