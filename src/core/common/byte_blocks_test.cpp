#include "core/common/byte_blocks.hpp"

#include <gtest/gtest.h>

namespace vigil {
namespace {

TEST(ByteBlocks, ReadBackInOrderAndCutShortIsRefused) {
  std::string data;
  AppendBlock("first", data);
  AppendBlock("", data);
  AppendBlock(std::string_view("a\0b", 3), data);
  std::size_t pos = 0;
  EXPECT_EQ(ReadBlock(data, pos), "first");
  EXPECT_EQ(ReadBlock(data, pos), "");
  EXPECT_EQ(ReadBlock(data, pos), std::string_view("a\0b", 3));
  EXPECT_EQ(pos, data.size());
  EXPECT_FALSE(ReadBlock(data, pos).has_value());  // nothing left
  std::size_t start = 0;
  EXPECT_FALSE(ReadBlock(std::string_view(data).substr(0, 10), start).has_value());  // length says 5
}

}  // namespace
}  // namespace vigil
