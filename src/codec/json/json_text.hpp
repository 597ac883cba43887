// Scanning JSON string text for the bytes that end a plain run: a quote, a backslash or a
// control character (below 0x20). Shared by the monitor's JSON Lines reader (where a run ends
// at the closing quote or an escape) and its report writer (where these bytes need escaping).
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace vigil::codec {

// The first position from `pos` in `text` holding '"', '\\' or a byte below 0x20, or
// text.size(). Eight bytes at a time: a byte b is flagged when b ^ '"', b ^ '\\' or b itself is
// below the bound (the classic "has a byte less than" test; its first flagged byte is always a
// true one, a borrow only reaches the bytes above it).
inline std::size_t PlainJsonRunEnd(std::string_view text, std::size_t pos) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  const auto below = [](std::uint64_t x, std::uint64_t n) { return (x - kOnes * n) & ~x & kHigh; };
  while (pos + 8 <= text.size()) {
    std::uint64_t chunk = 0;
    std::memcpy(&chunk, text.data() + pos, sizeof chunk);
    const std::uint64_t flagged = below(chunk ^ (kOnes * '"'), 1) | below(chunk ^ (kOnes * '\\'), 1) | below(chunk, 0x20);
    if (flagged != 0) return pos + static_cast<std::size_t>(std::countr_zero(flagged) / 8);
    pos += 8;
  }
  while (pos < text.size() && text[pos] != '"' && text[pos] != '\\' && static_cast<unsigned char>(text[pos]) >= 0x20) {
    ++pos;
  }
  return pos;
}

}  // namespace vigil::codec
