#include "core/monitor/template.hpp"

#include <gtest/gtest.h>

namespace vigil::core::monitor {
namespace {

TEST(ClusterTemplate, SharedTextAndSlotsWithEachPostsValue) {
  const ClusterTemplate result = ComputeTemplate({
      "Робота у Польщі, житло безкоштовно. Пишіть Олені",
      "Робота у Чехії, житло безкоштовно. Пишіть Олені",
      "Робота у Німеччині, житло безкоштовно. Пишіть   Ірині зранку",
  });
  ASSERT_EQ(result.parts.size(), 4u);
  EXPECT_FALSE(result.parts[0].is_slot);
  EXPECT_EQ(result.parts[0].text, "Робота у");
  ASSERT_TRUE(result.parts[1].is_slot);
  EXPECT_EQ(result.parts[1].values,
            (std::vector<std::string>{"Польщі,", "Чехії,", "Німеччині,"}));
  EXPECT_EQ(result.parts[2].text, "житло безкоштовно. Пишіть");
  ASSERT_TRUE(result.parts[3].is_slot);
  EXPECT_EQ(result.parts[3].values, (std::vector<std::string>{"Олені", "Олені", "Ірині зранку"}));
  EXPECT_EQ(result.slots, 2u);
  EXPECT_EQ(result.shared_words, 5u);
}

TEST(ClusterTemplate, InsertedWordsBecomeASlotWithEmptyValues) {
  const ClusterTemplate result = ComputeTemplate({"free room near the plant", "free room right near the plant"});
  ASSERT_EQ(result.parts.size(), 3u);
  EXPECT_EQ(result.parts[0].text, "free room");
  EXPECT_EQ(result.parts[1].values, (std::vector<std::string>{"", "right"}));
  EXPECT_EQ(result.parts[2].text, "near the plant");
}

TEST(ClusterTemplate, IdenticalPostsAreOneFixedPart) {
  const ClusterTemplate result = ComputeTemplate({"same words here", "same  words here"});
  ASSERT_EQ(result.parts.size(), 1u);
  EXPECT_EQ(result.parts[0].text, "same words here");
  EXPECT_EQ(result.slots, 0u);
}

TEST(ClusterTemplate, WordsBeyondTheAlignmentLimitFormOneFinalSlot) {
  const ClusterTemplate result = ComputeTemplate({"a b c d e", "a b c x y"}, 3);
  ASSERT_EQ(result.parts.size(), 2u);
  EXPECT_EQ(result.parts[0].text, "a b c");
  EXPECT_EQ(result.parts[1].values, (std::vector<std::string>{"d e", "x y"}));
}

}  // namespace
}  // namespace vigil::core::monitor
