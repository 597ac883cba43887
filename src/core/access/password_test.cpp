#include "core/access/password.hpp"

#include <gtest/gtest.h>

namespace vigil::core::access {
namespace {

TEST(Password, HashIsArgon2idAndVerifies) {
  PasswordHasher hasher(PasswordCost::MinimumForTests());
  auto hash = hasher.Hash("correct horse battery");
  ASSERT_TRUE(hash.has_value());
  EXPECT_TRUE(hash->starts_with("$argon2id$"));
  EXPECT_TRUE(hasher.Verify(*hash, "correct horse battery"));
  EXPECT_FALSE(hasher.Verify(*hash, "correct horse batterx"));
  EXPECT_FALSE(hasher.Verify("not a hash", "correct horse battery"));
}

TEST(Password, SamePasswordHashesDifferently) {
  PasswordHasher hasher(PasswordCost::MinimumForTests());
  EXPECT_NE(*hasher.Hash("correct horse battery"), *hasher.Hash("correct horse battery"));
}

TEST(Password, PolicyCountsCharactersNotBytes) {
  EXPECT_TRUE(ValidatePassword("twelve chars").has_value());
  EXPECT_FALSE(ValidatePassword("eleven char").has_value());
  // 11 Cyrillic letters are 22 bytes but still too short.
  EXPECT_FALSE(ValidatePassword("абвгдеєжзий").has_value());
  EXPECT_TRUE(ValidatePassword("абвгдеєжзийк").has_value());
  auto invalid = ValidatePassword("\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF");
  ASSERT_FALSE(invalid.has_value());
  EXPECT_EQ(invalid.error().code, ErrorCode::kInvalidArgument);
  EXPECT_FALSE(ValidatePassword(std::string(1025, 'x')).has_value());
}

}  // namespace
}  // namespace vigil::core::access
