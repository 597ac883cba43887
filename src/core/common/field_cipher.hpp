// Encryption of sensitive fields at rest: XChaCha20-Poly1305 (libsodium) with a random nonce and
// associated data that binds a ciphertext to its row, so that values cannot be swapped between
// rows unnoticed.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/common/error.hpp"

namespace vigil {

class FieldCipher {
 public:
  explicit FieldCipher(const std::array<std::uint8_t, 32>& key) : key_(key) {}
  // Returns nonce || ciphertext || tag.
  [[nodiscard]] std::string Seal(std::string_view plaintext, std::string_view associated_data) const;
  // kInvalidArgument when the value was altered, belongs to another row or another key.
  [[nodiscard]] Result<std::string> Open(std::string_view sealed, std::string_view associated_data) const;

 private:
  std::array<std::uint8_t, 32> key_;
};

}  // namespace vigil
