#include "core/access/keys.hpp"

#include <sodium.h>

#include "core/common/encoding.hpp"

namespace vigil::core::access {
namespace {

constexpr char kKdfContext[crypto_kdf_CONTEXTBYTES + 1] = "vigilkey";

// Subkey ids are part of the on-disk format: never renumber them.
enum class Purpose : std::uint64_t {
  kAudit = 1,
  kSecrets = 2,
  kFields = 3,
  kIdentifiers = 4,
  kMonitorIdentifiers = 5,
};

Key Derive(std::span<const std::uint8_t> master, Purpose purpose) {
  Key key{};
  crypto_kdf_derive_from_key(key.data(), key.size(), static_cast<std::uint64_t>(purpose),
                             kKdfContext, master.data());
  return key;
}

}  // namespace

Result<KeyRing> DeriveKeyRing(std::span<const std::uint8_t> master) {
  static_assert(crypto_kdf_KEYBYTES == 32);
  if (master.size() != crypto_kdf_KEYBYTES) {
    return MakeError(ErrorCode::kInvalidArgument, "the master key must be 32 bytes");
  }
  return KeyRing{Derive(master, Purpose::kAudit), Derive(master, Purpose::kSecrets),
                 Derive(master, Purpose::kFields), Derive(master, Purpose::kIdentifiers),
                 Derive(master, Purpose::kMonitorIdentifiers)};
}

std::string KeyedHashHex(const Key& key, std::string_view data) {
  std::array<std::uint8_t, 32> digest{};
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<const unsigned char*>(data.data()), data.size(), key.data(),
                     key.size());
  return EncodeHex(digest);
}

}  // namespace vigil::core::access
