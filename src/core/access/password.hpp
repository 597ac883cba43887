// Password hashing with Argon2id (libsodium) and the password policy.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/common/error.hpp"

namespace vigil::core::access {

inline constexpr std::size_t kMinPasswordLength = 12;
inline constexpr std::size_t kMaxPasswordLength = 1024;

// Cost settings for Argon2id. Production uses libsodium's "interactive" limits (~70 ms);
// unit tests use the minimum so that they stay fast.
struct PasswordCost {
  unsigned long long ops_limit;
  std::size_t mem_limit;
  [[nodiscard]] static PasswordCost Interactive();
  [[nodiscard]] static PasswordCost MinimumForTests();
};

class PasswordHasher {
 public:
  explicit PasswordHasher(PasswordCost cost) : cost_(cost) {}
  // Returns an encoded Argon2id hash. kInternal only when memory cannot be allocated.
  [[nodiscard]] Result<std::string> Hash(std::string_view password) const;
  // True when `password` matches `encoded_hash`; false for any malformed hash.
  [[nodiscard]] bool Verify(std::string_view encoded_hash, std::string_view password) const;
  // Spends the same effort as a Verify, for unknown accounts (no timing oracle on names).
  void VerifyDummy(std::string_view password) const;

 private:
  PasswordCost cost_;
};

// kInvalidArgument with a message naming the rule when the password is unusable: shorter than
// kMinPasswordLength characters, longer than kMaxPasswordLength bytes, or not valid UTF-8.
[[nodiscard]] Status ValidatePassword(std::string_view password);

}  // namespace vigil::core::access
