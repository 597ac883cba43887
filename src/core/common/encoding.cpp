#include "core/common/encoding.hpp"

#include <sodium.h>

#include <array>
#include <cstring>

namespace vigil {
namespace {

constexpr std::string_view kHexDigits = "0123456789abcdef";
constexpr std::string_view kBase64UrlAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

constexpr std::array<int, 256> MakeBase64UrlTable() {
  std::array<int, 256> table{};
  for (auto& value : table) value = -1;
  for (std::size_t idx = 0; idx < kBase64UrlAlphabet.size(); ++idx) {
    table[static_cast<unsigned char>(kBase64UrlAlphabet[idx])] = static_cast<int>(idx);
  }
  return table;
}

constexpr std::array<int, 256> kBase64UrlTable = MakeBase64UrlTable();

}  // namespace

std::string EncodeHex(std::span<const std::uint8_t> bytes) {
  std::string out;
  out.reserve(bytes.size() * 2);
  for (std::uint8_t byte : bytes) {
    out.push_back(kHexDigits[byte >> 4]);
    out.push_back(kHexDigits[byte & 0x0f]);
  }
  return out;
}

std::optional<std::vector<std::uint8_t>> DecodeHex(std::string_view text) {
  if (text.size() % 2 != 0) return std::nullopt;
  std::vector<std::uint8_t> out;
  out.reserve(text.size() / 2);
  for (std::size_t pos = 0; pos < text.size(); pos += 2) {
    const int high = HexValue(text[pos]);
    const int low = HexValue(text[pos + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    out.push_back(static_cast<std::uint8_t>(high * 16 + low));
  }
  return out;
}

std::string EncodeBase64Url(std::span<const std::uint8_t> bytes) {
  std::string out;
  out.reserve((bytes.size() * 4 + 2) / 3);
  std::size_t pos = 0;
  for (; pos + 3 <= bytes.size(); pos += 3) {
    const std::uint32_t group = (bytes[pos] << 16) | (bytes[pos + 1] << 8) | bytes[pos + 2];
    out.push_back(kBase64UrlAlphabet[(group >> 18) & 63]);
    out.push_back(kBase64UrlAlphabet[(group >> 12) & 63]);
    out.push_back(kBase64UrlAlphabet[(group >> 6) & 63]);
    out.push_back(kBase64UrlAlphabet[group & 63]);
  }
  const std::size_t rest = bytes.size() - pos;
  if (rest == 1) {
    const std::uint32_t group = bytes[pos] << 16;
    out.push_back(kBase64UrlAlphabet[(group >> 18) & 63]);
    out.push_back(kBase64UrlAlphabet[(group >> 12) & 63]);
  } else if (rest == 2) {
    const std::uint32_t group = (bytes[pos] << 16) | (bytes[pos + 1] << 8);
    out.push_back(kBase64UrlAlphabet[(group >> 18) & 63]);
    out.push_back(kBase64UrlAlphabet[(group >> 12) & 63]);
    out.push_back(kBase64UrlAlphabet[(group >> 6) & 63]);
  }
  return out;
}

std::optional<std::vector<std::uint8_t>> DecodeBase64Url(std::string_view text) {
  if (text.size() % 4 == 1) return std::nullopt;
  std::vector<std::uint8_t> out;
  out.reserve(text.size() * 3 / 4);
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    const int value = kBase64UrlTable[static_cast<unsigned char>(c)];
    if (value < 0) return std::nullopt;
    buffer = (buffer << 6) | static_cast<std::uint32_t>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<std::uint8_t>((buffer >> bits) & 0xff));
    }
  }
  return out;
}

namespace {

// How many of the eight bytes of `chunk` (little-endian: byte 0 first) are complete characters
// of one or two bytes, U+0000..U+07FF, when they are all such characters except perhaps a lead
// byte at the end (then 7); 0 when the chunk holds anything else (a continuation byte at its
// start, a lead byte C0, C1 or E0..FF, a lead without its continuation), left to the general path.
std::size_t AsciiOrTwoByteRun(std::uint64_t chunk) {
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  if ((chunk & kHigh) == 0) return 8;
  const std::uint64_t bit6 = (chunk << 1) & kHigh;  // bit 6 of each byte, moved to bit 7
  const std::uint64_t bit5 = (chunk << 2) & kHigh;
  const std::uint64_t high = chunk & kHigh;
  const std::uint64_t continuation = high & ~bit6;    // 10xxxxxx
  const std::uint64_t lead = high & bit6 & ~bit5;     // 110xxxxx
  const std::uint64_t longer = high & bit6 & bit5;    // 111xxxxx: three- and four-byte leads
  // C0 and C1 (overlong two-byte forms): bits 4..1 all clear in a lead byte.
  const std::uint64_t low_bits = (chunk & 0x1E1E1E1E1E1E1E1EULL) + 0x7F7F7F7F7F7F7F7FULL;  // bit 7 set if any
  const std::uint64_t overlong = lead & ~(low_bits & kHigh);
  if (longer != 0 || overlong != 0) return 0;
  constexpr std::uint64_t kLastByte = 0x80ULL << 56;
  const std::size_t step = (lead & kLastByte) != 0 ? 7 : 8;
  const std::uint64_t leads = lead & ~kLastByte;
  // Each continuation byte right after a lead, each lead (but a last one) before a continuation.
  return (leads << 8) == continuation ? step : 0;
}

}  // namespace

bool IsValidUtf8(std::string_view text) {
  std::size_t pos = 0;
  const std::size_t size = text.size();
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  while (pos < size) {
    // Most text is ASCII or two-byte letters (Cyrillic, Latin with diacritics): eight bytes are
    // checked at once when they hold only those, a two-byte character alone without the general
    // path.
    if (pos + 8 <= size) {
      std::uint64_t chunk = 0;
      std::memcpy(&chunk, bytes + pos, sizeof chunk);
      if (const std::size_t step = AsciiOrTwoByteRun(chunk); step > 0) {
        pos += step;
        continue;
      }
    }
    const unsigned char lead = bytes[pos];
    if (lead < 0x80) {
      ++pos;
      continue;
    }
    if (lead >= 0xc2 && lead <= 0xdf) {  // two bytes, never overlong from 0xc2 on
      if (pos + 1 >= size || (bytes[pos + 1] & 0xc0) != 0x80) return false;
      pos += 2;
      continue;
    }
    std::size_t length = 0;
    std::uint32_t code_point = 0;
    if ((lead & 0xe0) == 0xc0) {
      length = 2;
      code_point = lead & 0x1f;
    } else if ((lead & 0xf0) == 0xe0) {
      length = 3;
      code_point = lead & 0x0f;
    } else if ((lead & 0xf8) == 0xf0) {
      length = 4;
      code_point = lead & 0x07;
    } else {
      return false;
    }
    if (pos + length > size) return false;
    for (std::size_t idx = 1; idx < length; ++idx) {
      const unsigned char next = bytes[pos + idx];
      if ((next & 0xc0) != 0x80) return false;
      code_point = (code_point << 6) | (next & 0x3f);
    }
    const bool overlong = (length == 2 && code_point < 0x80) ||
                          (length == 3 && code_point < 0x800) ||
                          (length == 4 && code_point < 0x10000);
    if (overlong || code_point > 0x10ffff || (code_point >= 0xd800 && code_point <= 0xdfff)) {
      return false;
    }
    pos += length;
  }
  return true;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace vigil
