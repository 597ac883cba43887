// Byte encodings used across layers: hex, base64url, UTF-8 validation, constant-time compare.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vigil {

[[nodiscard]] std::string EncodeHex(std::span<const std::uint8_t> bytes);
// Returns nullopt when `text` is not an even-length lowercase or uppercase hex string.
[[nodiscard]] std::optional<std::vector<std::uint8_t>> DecodeHex(std::string_view text);

// Unpadded base64url (RFC 4648 §5).
[[nodiscard]] std::string EncodeBase64Url(std::span<const std::uint8_t> bytes);
// Returns nullopt on any character outside the base64url alphabet or a bad length.
[[nodiscard]] std::optional<std::vector<std::uint8_t>> DecodeBase64Url(std::string_view text);

// True when `text` is well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
[[nodiscard]] bool IsValidUtf8(std::string_view text);

// Compares in time that depends only on the lengths, for secrets.
[[nodiscard]] bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace vigil
