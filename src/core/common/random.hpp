// The Random port: the source of every secret the core makes (session ids, CSRF tokens, API
// tokens, request ids), injected so that tests can make it deterministic.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

namespace vigil {

class Random {
 public:
  virtual ~Random() = default;
  // Fills `out` with random bytes. Thread-safe.
  virtual void Fill(std::span<std::uint8_t> out) = 0;
};

// Cryptographically secure bytes from libsodium (randombytes_buf).
class SecureRandom final : public Random {
 public:
  void Fill(std::span<std::uint8_t> out) override;
};

// Returns `byte_count` random bytes encoded as unpadded base64url.
[[nodiscard]] std::string RandomToken(Random& random, std::size_t byte_count);

// Returns `byte_count` random bytes encoded as lowercase hex.
[[nodiscard]] std::string RandomHex(Random& random, std::size_t byte_count);

}  // namespace vigil
