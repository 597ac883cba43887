#include "core/common/random.hpp"

#include <sodium.h>

#include <vector>

#include "core/common/encoding.hpp"

namespace vigil {

void SecureRandom::Fill(std::span<std::uint8_t> out) { randombytes_buf(out.data(), out.size()); }

std::string RandomToken(Random& random, std::size_t byte_count) {
  std::vector<std::uint8_t> bytes(byte_count);
  random.Fill(bytes);
  return EncodeBase64Url(bytes);
}

std::string RandomHex(Random& random, std::size_t byte_count) {
  std::vector<std::uint8_t> bytes(byte_count);
  random.Fill(bytes);
  return EncodeHex(bytes);
}

}  // namespace vigil
