#include "core/monitor/minhash.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace vigil::core::monitor {
namespace {

const std::string kAd =
    "Працюй на складі у Німеччині зарплата висока житло надаємо безкоштовно дорогу оплачуємо "
    "виїзд щотижня з Києва та Львова пишіть нам у будь який час відповімо швидко і чесно";

TEST(MinHash, WordsIgnoreCaseAndPunctuation) {
  EXPECT_EQ(HashWords("Робота, РОБОТА! робота"), std::vector<std::uint64_t>(3, HashWords("робота")[0]));
  EXPECT_TRUE(HashWords(" ,;! ").empty());
}

TEST(MinHash, IdenticalTextsHaveIdenticalSignaturesAndEmptyTextNone) {
  MinHasher hasher({});
  EXPECT_EQ(hasher.Compute(kAd).size(), 126u);
  EXPECT_EQ(hasher.Compute(kAd), hasher.Compute(kAd));
  EXPECT_TRUE(hasher.Compute("").empty());
  EXPECT_DOUBLE_EQ(EstimateSimilarity(hasher.Compute(kAd), hasher.Compute(kAd)), 1.0);
}

TEST(MinHash, EstimateTracksTheShareOfSharedShingles) {
  MinHasher hasher({});
  std::string edited = kAd;
  edited.replace(edited.find("Львова"), std::string("Львова").size(), "Одеси");
  const double near = EstimateSimilarity(hasher.Compute(kAd), hasher.Compute(edited));
  // One word of 28 changed: 3 of the 26 shingles hold it, so J = 23 / 29 ≈ 0.79.
  EXPECT_GT(near, 0.6);
  EXPECT_LT(near, 0.97);
  const double far = EstimateSimilarity(hasher.Compute(kAd),
                                        hasher.Compute("Продам велосипед майже новий недорого"));
  EXPECT_LT(far, 0.1);
}

TEST(NearDuplicateIndex, LinksACopyToTheEarlierPostAndNotAnUnrelatedOne) {
  MinHashOptions options;
  MinHasher hasher(options);
  NearDuplicateIndex index(options);
  EXPECT_TRUE(index.Add(hasher.Compute(kAd)).empty());
  EXPECT_TRUE(index.Add(hasher.Compute("Продам велосипед майже новий недорого, самовивіз")).empty());
  EXPECT_TRUE(index.Add(hasher.Compute("")).empty());
  std::string copy = kAd;
  copy.replace(copy.find("Києва"), std::string("Києва").size(), "Харкова");
  const auto edges = index.Add(hasher.Compute(copy));
  ASSERT_EQ(edges.size(), 1u);
  EXPECT_EQ(edges[0].earlier, 0u);
  EXPECT_EQ(edges[0].later, 3u);
  EXPECT_GE(edges[0].similarity, options.min_similarity);
  EXPECT_EQ(index.size(), 4u);
}

TEST(NearDuplicateIndex, HoldsAtMostOneKilobytePerPostOnceReserved) {
  MinHashOptions options;
  MinHasher hasher(options);
  NearDuplicateIndex index(options);
  const std::size_t posts = 5000;
  index.Reserve(posts);
  for (std::size_t idx = 0; idx < posts; ++idx) {
    std::string text;
    for (std::size_t word = 0; word < 30; ++word) text += "w" + std::to_string((idx * 7919 + word * 104729) % 1000003) + " ";
    EXPECT_TRUE(index.Add(hasher.Compute(text)).empty());
  }
  std::printf("near-duplicate index: %zu bytes per post\n", index.MemoryBytes() / posts);
  EXPECT_LE(index.MemoryBytes() / posts, 1024u);
  std::string copy = kAd;
  index.Add(hasher.Compute(copy));
  EXPECT_EQ(index.Add(hasher.Compute(copy + " ще")).size(), 1u);
}

TEST(NearDuplicateIndex, EdgesDoNotDependOnHowManyThreadsComputedTheSignatures) {
  std::vector<std::string> texts;
  for (int idx = 0; idx < 40; ++idx) {
    std::string text = kAd;
    if (idx % 3 == 1) text += " додатково " + std::to_string(idx);
    if (idx % 3 == 2) text = "оголошення номер " + std::to_string(idx) + " продам меблі дешево терміново";
    texts.push_back(text);
  }
  MinHashOptions options;
  MinHasher hasher(options);
  std::vector<Signature> parallel(texts.size());
  std::thread other([&] {
    for (std::size_t idx = 1; idx < texts.size(); idx += 2) parallel[idx] = hasher.Compute(texts[idx]);
  });
  for (std::size_t idx = 0; idx < texts.size(); idx += 2) parallel[idx] = hasher.Compute(texts[idx]);
  other.join();
  NearDuplicateIndex one(options), two(options);
  std::size_t edges = 0;
  for (std::size_t idx = 0; idx < texts.size(); ++idx) {
    const auto serial_edges = one.Add(hasher.Compute(texts[idx]));
    const auto parallel_edges = two.Add(parallel[idx]);
    ASSERT_EQ(serial_edges.size(), parallel_edges.size());
    for (std::size_t edge = 0; edge < serial_edges.size(); ++edge) {
      EXPECT_EQ(serial_edges[edge].earlier, parallel_edges[edge].earlier);
    }
    edges += serial_edges.size();
  }
  EXPECT_GT(edges, 20u);
}

// AddLinking visits Add's candidates in the same order and skips only those the caller says are
// linked already: with a union-find caller the kept edges equal those of Add + Union.
TEST(NearDuplicateIndex, AddLinkingKeepsTheEdgesThatJoinGroups) {
  MinHasher hasher({});
  NearDuplicateIndex plain({});
  NearDuplicateIndex linking({});
  std::vector<std::size_t> group_plain, group_linking;  // tiny union-find: group id per post
  auto find = [](std::vector<std::size_t>& group, std::size_t item) {
    while (group[item] != item) item = group[item];
    return item;
  };
  std::vector<std::pair<std::size_t, std::size_t>> kept_plain, kept_linking;
  std::size_t skipped = 0;
  for (int copy = 0; copy < 40; ++copy) {
    std::string text = kAd + " номер " + std::to_string(copy % 7);
    if (copy % 5 == 4) text = "Продам велосипед майже новий недорого самовивіз " + std::to_string(copy);
    if (copy == 13) text.clear();
    const Signature signature = hasher.Compute(text);
    const std::size_t post = group_plain.size();
    group_plain.push_back(post);
    group_linking.push_back(post);
    for (const NearDuplicateEdge& edge : plain.Add(signature)) {
      const std::size_t a = find(group_plain, edge.earlier), b = find(group_plain, edge.later);
      if (a != b) {
        group_plain[b] = a;
        kept_plain.emplace_back(edge.earlier, edge.later);
      }
    }
    linking.AddLinking(
        signature,
        [&](std::size_t earlier) {
          const bool linked = find(group_linking, earlier) == find(group_linking, post);
          skipped += linked ? 1 : 0;
          return linked;
        },
        [&](const NearDuplicateEdge& edge) {
          const std::size_t a = find(group_linking, edge.earlier), b = find(group_linking, edge.later);
          ASSERT_NE(a, b);
          group_linking[b] = a;
          kept_linking.emplace_back(edge.earlier, edge.later);
        });
  }
  EXPECT_EQ(plain.size(), linking.size());
  EXPECT_EQ(kept_linking, kept_plain);
  EXPECT_GE(kept_plain.size(), 30u);  // the copies of kAd form one group
  EXPECT_GT(skipped, 100u);           // and most of their candidates were never verified
}

}  // namespace
}  // namespace vigil::core::monitor
