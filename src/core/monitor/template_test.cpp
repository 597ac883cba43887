#include "core/monitor/template.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

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

// The alignment is a longest common subsequence: on random word sequences of up to 300 words
// (several 64-word blocks of the bit-parallel table) from a small vocabulary (many ties), two
// posts share exactly as many words as the textbook table says.
TEST(ClusterTemplate, TwoPostsShareALongestCommonSubsequence) {
  std::mt19937 random(20261128);
  for (int round = 0; round < 60; ++round) {
    const auto make = [&](std::size_t length) {
      std::vector<std::string> words;
      for (std::size_t idx = 0; idx < length; ++idx) words.push_back("w" + std::to_string(random() % 6));
      return words;
    };
    const auto a = make(1 + random() % 300), b = make(1 + random() % 300);
    std::vector<std::vector<int>> table(a.size() + 1, std::vector<int>(b.size() + 1, 0));
    for (std::size_t i = a.size(); i-- > 0;) {
      for (std::size_t j = b.size(); j-- > 0;) {
        table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : std::max(table[i + 1][j], table[i][j + 1]);
      }
    }
    const auto join = [](const std::vector<std::string>& words) {
      std::string text;
      for (const auto& word : words) text += word + " ";
      return text;
    };
    const std::string left = join(a), right = join(b);
    const ClusterTemplate result = ComputeTemplate({left, right});
    EXPECT_EQ(result.shared_words, static_cast<std::size_t>(table[0][0])) << "round " << round;
  }
}

}  // namespace
}  // namespace vigil::core::monitor
