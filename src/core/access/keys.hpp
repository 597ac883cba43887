// The key ring: every secret of a deployment is derived from one 32-byte master key (the key
// file), one subkey per purpose, so that no key ever has to enter the database.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "core/common/error.hpp"

namespace vigil::core::access {

using Key = std::array<std::uint8_t, 32>;

struct KeyRing {
  Key audit;        // keys the audit chain
  Key secrets;      // keys the hashes of session ids and API tokens
  Key fields;       // roots the per-field encryption keys of identifying data
  Key identifiers;  // keys hashes of identifiers used for linking
  // Keys the hashes of contact identifiers (phones, e-mails, handles) in monitored posts, so that
  // the monitor links posts without storing raw numbers; a purpose of its own so that monitor
  // hashes never match hashes made for case records.
  Key monitor_identifiers;
};

// Derives the key ring from the master key with libsodium's KDF (BLAKE2b).
// kInvalidArgument when `master` is not exactly 32 bytes.
[[nodiscard]] Result<KeyRing> DeriveKeyRing(std::span<const std::uint8_t> master);

// Keyed BLAKE2b-256 of `data`, lowercase hex.
[[nodiscard]] std::string KeyedHashHex(const Key& key, std::string_view data);

}  // namespace vigil::core::access
