#include "core/common/field_cipher.hpp"

#include <gtest/gtest.h>

namespace vigil {
namespace {

TEST(FieldCipher, RoundTripsAndHidesThePlaintext) {
  FieldCipher cipher(std::array<std::uint8_t, 32>{1});
  const std::string sealed = cipher.Seal("survivor answers", "row:1");
  EXPECT_EQ(sealed.find("survivor"), std::string::npos);
  EXPECT_NE(sealed, cipher.Seal("survivor answers", "row:1"));  // fresh nonce each time
  EXPECT_EQ(*cipher.Open(sealed, "row:1"), "survivor answers");
}

TEST(FieldCipher, RefusesAlteredMovedOrForeignValues) {
  FieldCipher cipher(std::array<std::uint8_t, 32>{1});
  std::string sealed = cipher.Seal("data", "row:1");
  EXPECT_FALSE(cipher.Open(sealed, "row:2").has_value());
  EXPECT_FALSE(FieldCipher(std::array<std::uint8_t, 32>{2}).Open(sealed, "row:1").has_value());
  sealed.back() ^= 1;
  EXPECT_FALSE(cipher.Open(sealed, "row:1").has_value());
  EXPECT_FALSE(cipher.Open("short", "row:1").has_value());
}

}  // namespace
}  // namespace vigil
