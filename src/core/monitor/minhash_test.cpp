#include "core/monitor/minhash.hpp"

#include <gtest/gtest.h>
#include <xxhash.h>

#include <algorithm>
#include <cstdio>
#include <random>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/monitor/lexicon_matcher.hpp"

namespace vigil::core::monitor {
namespace {

const std::string kAd =
    "Працюй на складі у Німеччині зарплата висока житло надаємо безкоштовно дорогу оплачуємо "
    "виїзд щотижня з Києва та Львова пишіть нам у будь який час відповімо швидко і чесно";

TEST(MinHash, WordsIgnoreCaseAndPunctuation) {
  EXPECT_EQ(HashWords("Робота, РОБОТА! робота"),
            std::vector<std::uint64_t>(3, HashWords("робота")[0]));
  EXPECT_TRUE(HashWords(" ,;! ").empty());
}

TEST(MinHash, WordsAreFoundAtAnyOffsetAndLength) {
  // Random folded texts of word bytes (letters, digits, UTF-8 bytes) and separators, words of up
  // to 150 bytes crossing the 64-byte blocks: the words hashed are those a byte-by-byte split
  // finds, each hashed alone.
  std::mt19937 random(64);
  const std::string word_bytes = "az09m\xD0\xB6\x80\xFF";
  const std::string separators = " .,-\n\t!AZ@_";
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const std::size_t length = random() % 400;
    const int word_share = static_cast<int>(random() % 100);
    while (text.size() < length) {
      const bool word = static_cast<int>(random() % 100) < word_share;
      const std::size_t run = 1 + random() % (word ? 150 : 4);
      for (std::size_t idx = 0; idx < run; ++idx) {
        text += word ? word_bytes[random() % word_bytes.size()] : separators[random() % separators.size()];
      }
    }
    std::vector<std::uint64_t> expected, one, found;
    std::size_t pos = 0;
    while (pos < text.size()) {
      while (pos < text.size() && !IsFoldedWordByte(text[pos])) ++pos;
      const std::size_t start = pos;
      while (pos < text.size() && IsFoldedWordByte(text[pos])) ++pos;
      if (pos == start) continue;
      HashFoldedWords(std::string_view(text).substr(start, pos - start), one);
      ASSERT_EQ(one.size(), 1u);
      expected.push_back(one[0]);
    }
    HashFoldedWords(text, found);
    ASSERT_EQ(found, expected) << "round " << round;
  }
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
  EXPECT_TRUE(
      index.Add(hasher.Compute("Продам велосипед майже новий недорого, самовивіз")).empty());
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
    for (std::size_t word = 0; word < 30; ++word)
      text += "w" + std::to_string((idx * 7919 + word * 104729) % 1000003) + " ";
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
    if (idx % 3 == 2)
      text = "оголошення номер " + std::to_string(idx) + " продам меблі дешево терміново";
    texts.push_back(text);
  }
  MinHashOptions options;
  MinHasher hasher(options);
  std::vector<Signature> parallel(texts.size());
  std::thread other([&] {
    for (std::size_t idx = 1; idx < texts.size(); idx += 2)
      parallel[idx] = hasher.Compute(texts[idx]);
  });
  for (std::size_t idx = 0; idx < texts.size(); idx += 2)
    parallel[idx] = hasher.Compute(texts[idx]);
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
    if (copy % 5 == 4)
      text = "Продам велосипед майже новий недорого самовивіз " + std::to_string(copy);
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
          const std::size_t a = find(group_linking, edge.earlier),
                            b = find(group_linking, edge.later);
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

// The candidates and edges as the bucket chains define them, walked link by link: the index's
// first implementation, kept here as the reference its rings must match.
class ChainReference {
 public:
  explicit ChainReference(MinHashOptions options) : options_(options) {}

  std::vector<NearDuplicateEdge> Add(const Signature& signature) {
    const auto post = static_cast<std::uint32_t>(signatures_.size());
    const auto bands = static_cast<std::size_t>(options_.bands);
    signatures_.push_back(signature);
    previous_.resize(previous_.size() + bands, kNone);
    if (signature.empty()) return {};
    std::vector<std::uint32_t> heads(bands);
    for (std::size_t band = 0; band < bands; ++band) {
      auto [slot, added] = newest_.try_emplace(Key(signature, band), post);
      heads[band] = added ? kNone : slot->second;
      previous_[post * bands + band] = heads[band];
      slot->second = post;
    }
    std::vector<std::uint32_t> candidates;
    for (std::size_t band = 0; band < bands; ++band) {
      std::uint32_t other = heads[band];
      for (int step = 0; step < options_.max_chain && other != kNone; ++step) {
        candidates.push_back(other);
        other = previous_[other * bands + band];
      }
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    std::vector<NearDuplicateEdge> edges;
    for (std::uint32_t other : candidates) {
      std::size_t equal = 0;
      for (std::size_t idx = 0; idx < signature.size(); ++idx) {
        equal += static_cast<std::uint16_t>(signatures_[other][idx]) ==
                         static_cast<std::uint16_t>(signature[idx])
                     ? 1
                     : 0;
      }
      const double similarity = static_cast<double>(equal) / static_cast<double>(signature.size());
      if (similarity >= options_.min_similarity) edges.push_back({other, post, similarity});
    }
    return edges;
  }

  // The index's band key: 32 bits of XXH3 of the band's values, seeded with the band.
  std::uint32_t Key(const Signature& signature, std::size_t band) const {
    const auto rows = static_cast<std::size_t>(options_.rows);
    return static_cast<std::uint32_t>(
        XXH3_64bits_withSeed(&signature[band * rows], rows * sizeof(std::uint32_t), band));
  }

 private:
  static constexpr std::uint32_t kNone = 0xFFFF'FFFFU;
  MinHashOptions options_;
  std::vector<Signature> signatures_;
  std::vector<std::uint32_t> previous_;  // (post, band) -> older post with the same key
  std::unordered_map<std::uint32_t, std::uint32_t> newest_;  // key -> newest post
};

// Random signatures for the chains' corner cases: each band takes one of a few values, some much
// more often than others (buckets of every length, full rings that wrap), or values of its own;
// some signatures are empty; and some carry band values whose 32-bit key equals that of other
// values in another band (found by a birthday search), alone or both in one post.
std::vector<Signature> KeySharingSignatures(const MinHashOptions& options, std::size_t posts,
                                            std::uint32_t seed) {
  const auto bands = static_cast<std::size_t>(options.bands);
  const auto rows = static_cast<std::size_t>(options.rows);
  std::mt19937 random(seed);
  const ChainReference keys(options);
  auto random_rows = [&] {
    Signature values(rows);
    for (auto& value : values) value = random();
    return values;
  };
  auto key = [&](const Signature& values, std::size_t band) {
    Signature signature(bands * rows);
    std::copy(values.begin(), values.end(),
              signature.begin() + static_cast<std::ptrdiff_t>(band * rows));
    return keys.Key(signature, band);
  };
  struct Collision {
    std::size_t band_a, band_b;
    Signature rows_a, rows_b;  // key(rows_a, band_a) == key(rows_b, band_b)
  };
  std::vector<Collision> collisions;
  for (const auto& [band_a, band_b] :
       {std::pair<std::size_t, std::size_t>{0, 1}, {2, bands - 1}, {bands - 1, 3}}) {
    std::unordered_map<std::uint32_t, Signature> seen;
    for (int idx = 0; idx < (1 << 16); ++idx) {
      Signature values = random_rows();
      seen.emplace(key(values, band_a), values);
    }
    for (;;) {
      Signature values = random_rows();
      auto found = seen.find(key(values, band_b));
      if (found == seen.end()) continue;
      collisions.push_back({band_a, band_b, found->second, values});
      break;
    }
  }
  std::vector<std::vector<Signature>> variants(bands);
  for (auto& band_variants : variants) {
    for (int variant = 0; variant < 12; ++variant) band_variants.push_back(random_rows());
  }
  std::vector<Signature> signatures;
  for (std::size_t post = 0; post < posts; ++post) {
    if (random() % 50 == 0) {
      signatures.emplace_back();
      continue;
    }
    Signature signature;
    for (std::size_t band = 0; band < bands; ++band) {
      // Variant v with a chance falling as 1 / (v + 1); a fifth of the bands unique.
      std::size_t variant = 0;
      while (variant + 1 < variants[band].size() && random() % (variant + 2) != 0) ++variant;
      const Signature values = random() % 5 == 0 ? random_rows() : variants[band][variant];
      signature.insert(signature.end(), values.begin(), values.end());
    }
    auto place = [&](const Signature& values, std::size_t band) {
      std::copy(values.begin(), values.end(),
                signature.begin() + static_cast<std::ptrdiff_t>(band * rows));
    };
    // Each colliding key first comes alone through band_b, after a quarter of the posts (so that
    // the chains it leads to are long), then at random.
    const std::size_t first = posts / 4;
    if (post < first) {
      signatures.push_back(signature);
      continue;
    }
    if (post < first + collisions.size()) {
      place(collisions[post - first].rows_b, collisions[post - first].band_b);
      signatures.push_back(signature);
      continue;
    }
    const Collision& collision = collisions[random() % collisions.size()];
    switch (random() % 12) {
      case 0:
      case 1:
      case 2:
        place(collision.rows_a, collision.band_a);
        break;
      case 3:
        place(collision.rows_b, collision.band_b);
        break;
      case 4:  // both in one post: two of its bands share a bucket
        place(collision.rows_a, collision.band_a);
        place(collision.rows_b, collision.band_b);
        break;
      default:
        break;
    }
    signatures.push_back(signature);
  }
  return signatures;
}

// With min_similarity 0 every candidate is an edge: the candidates of the index equal the chains'
// for walks shorter and longer than a full ring, and so do the edges at the usual threshold.
TEST(NearDuplicateIndex, CandidatesAndEdgesEqualTheChainWalks) {
  for (const int max_chain : {1, 5, 32, 45}) {
    for (const double min_similarity : {0.0, 0.3}) {
      MinHashOptions options;
      options.max_chain = max_chain;
      options.min_similarity = min_similarity;
      if (max_chain == 5) {
        options.bands = 6;
        options.rows = 2;
      }
      NearDuplicateIndex index(options);
      ChainReference reference(options);
      std::size_t edges = 0;
      for (const Signature& signature :
           KeySharingSignatures(options, 1500, static_cast<std::uint32_t>(max_chain))) {
        const auto got = index.Add(signature);
        const auto expected = reference.Add(signature);
        ASSERT_EQ(got.size(), expected.size())
            << "post " << index.size() - 1 << " max_chain " << max_chain;
        for (std::size_t edge = 0; edge < got.size(); ++edge) {
          ASSERT_EQ(got[edge].earlier, expected[edge].earlier);
          ASSERT_EQ(got[edge].later, expected[edge].later);
          ASSERT_EQ(got[edge].similarity, expected[edge].similarity);
        }
        edges += got.size();
      }
      EXPECT_GT(edges, 1000u);
    }
  }
}

TEST(NearDuplicateIndex, CollidingKeysOfOnePostMakeItItsOwnCandidate) {
  // As the chains always did: the second band's walk starts at the post itself. Add reports the
  // post as its own edge; AddLinking's caller finds it linked.
  MinHashOptions options;
  options.min_similarity = 0.0;
  const std::vector<Signature> signatures = KeySharingSignatures(options, 400, 7);
  NearDuplicateIndex index(options);
  ChainReference reference(options);
  std::size_t self_edges = 0;
  for (const Signature& signature : signatures) {
    const auto got = index.Add(signature);
    ASSERT_EQ(got.size(), reference.Add(signature).size());
    for (const auto& edge : got) self_edges += edge.earlier == edge.later ? 1 : 0;
  }
  EXPECT_GT(self_edges, 10u);
}

}  // namespace
}  // namespace vigil::core::monitor
