#include "core/access/password.hpp"

#include <sodium.h>

#include <array>
#include <mutex>

#include "core/common/encoding.hpp"

namespace vigil::core::access {
namespace {

std::size_t CountCodePoints(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xc0) != 0x80) ++count;
  }
  return count;
}

}  // namespace

PasswordCost PasswordCost::Interactive() {
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

PasswordCost PasswordCost::MinimumForTests() {
  return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

Result<std::string> PasswordHasher::Hash(std::string_view password) const {
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_str_alg(out.data(), password.data(), password.size(), cost_.ops_limit,
                            cost_.mem_limit, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return MakeError(ErrorCode::kInternal, "password hashing ran out of memory");
  }
  return std::string(out.data());
}

bool PasswordHasher::Verify(std::string_view encoded_hash, std::string_view password) const {
  // crypto_pwhash_str_verify needs a NUL-terminated string.
  const std::string hash(encoded_hash);
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void PasswordHasher::VerifyDummy(std::string_view password) const {
  static std::once_flag once;
  static std::string dummy_hash;
  std::call_once(once, [this] {
    dummy_hash = Hash("vigil-dummy-password-for-timing").value_or(std::string());
  });
  (void)Verify(dummy_hash, password);
}

Status ValidatePassword(std::string_view password) {
  if (!IsValidUtf8(password)) {
    return MakeError(ErrorCode::kInvalidArgument, "the password is not valid UTF-8");
  }
  if (password.size() > kMaxPasswordLength) {
    return MakeError(ErrorCode::kInvalidArgument, "the password is longer than 1024 bytes");
  }
  if (CountCodePoints(password) < kMinPasswordLength) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "the password is shorter than 12 characters");
  }
  return {};
}

}  // namespace vigil::core::access
