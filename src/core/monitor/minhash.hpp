// Near-duplicate detection: MinHash signatures over word shingles and a streaming LSH index that
// compares each post, as it arrives, with the earlier posts that share a band with it.
//
// Parameters and the similarity they target: with b bands of r rows, two posts whose shingle sets
// have Jaccard similarity s become candidates with probability 1 - (1 - s^r)^b, an S-curve whose
// steepest point is near (1/b)^(1/r). The defaults (3-word shingles, b = 42, r = 3, 126 values)
// put it at (1/42)^(1/3) ≈ 0.29. A copy with 8 % of its words changed keeps ~78 % of its
// 3-shingles: J ≈ 0.64 against the original (candidate probability > 0.999) and J ≈ 0.42 against
// another such copy (≈ 0.96); unrelated posts share almost no 3-shingles (J < 0.05, probability
// < 0.006). Candidates are then verified: the share of equal signature values estimates J, and an
// edge needs at least `min_similarity` (0.30). Measured on the generated benchmark
// (tests/eval/near_duplicate_eval_test.cpp): b = 32, r = 4 (threshold 0.42) recalled only 95 % of
// Cyrillic 8 % copies; b = 42, r = 3 recalls 99.6-100 %.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace vigil::core::monitor {

struct MinHashOptions {
  int shingle_words = 3;         // words per shingle
  int bands = 42;                // b
  int rows = 3;                  // r; the signature has b * r values
  double min_similarity = 0.30;  // estimated Jaccard an edge needs after the band match
  int max_chain = 32;            // earlier posts visited per band bucket (the newest first)
  std::uint64_t seed = 0x5eed'1e55'0bad'cafeULL;
};

// One 32-bit minimum per hash function; empty for a text without words.
using Signature = std::vector<std::uint32_t>;

// The words of `text` (runs of ASCII letters and digits and of non-ASCII characters, after the
// same-length case and punctuation folding of FoldForScan), hashed with xxHash.
[[nodiscard]] std::vector<std::uint64_t> HashWords(std::string_view text);
// HashWords of a text already folded, into `words` (cleared first).
void HashFoldedWords(std::string_view folded, std::vector<std::uint64_t>& words);

class MinHasher {
 public:
  // REQUIRES: shingle_words >= 1, bands >= 1, rows >= 1.
  explicit MinHasher(MinHashOptions options);

  // The signature of `text`: for each of the b * r hash functions, the minimum over the text's
  // shingles (a text shorter than one shingle is one shingle). Thread-safe (const, no state).
  [[nodiscard]] Signature Compute(std::string_view text) const;
  // Compute for a text already folded by FoldForScan (the pipeline folds once per post).
  [[nodiscard]] Signature ComputeFolded(std::string_view folded) const;

  const MinHashOptions& options() const { return options_; }

 private:
  static constexpr std::size_t kLanes = 16;  // functions per vector step; padded to a multiple
  MinHashOptions options_;
  std::vector<std::uint32_t> seeds_;        // one per hash function (padded)
  std::vector<std::uint32_t> multipliers_;  // odd, one per hash function (padded)
};

struct NearDuplicateEdge {
  std::size_t earlier = 0;  // index of the earlier post (order of Add calls)
  std::size_t later = 0;
  double similarity = 0.0;  // estimated Jaccard similarity of their shingle sets
};

// The streaming LSH index. Not thread-safe: feed it posts in input order (compute signatures in
// parallel beforehand if needed); the edges then do not depend on the number of threads.
//
// Candidates: for each band, the post's band key (a 32-bit hash of its r values) names a bucket;
// the candidates are the newest `max_chain` earlier posts of each bucket. A bucket is a chain
// through `previous_` (each post's older neighbour per band); a bucket that holds two posts or
// more also keeps its newest posts side by side in a ring, so that a walk reads one or two cache
// lines instead of following up to `max_chain` links far apart in a large array. The chains stay
// the definition: when 32-bit keys of different bands collide, a walk follows the chain of the
// band it started in (as the chains always did), and the ring is used only where it lists the
// same posts.
//
// Memory per post: 2 bytes per signature value kept for verification (the low 16 bits: equal
// values still estimate J, with a 1/65536 chance of a false match), 4 bytes per band for the
// chains, about 8 / 0.75 bytes per band key in an open-addressing table of 32-bit keys (a key
// shared by unrelated posts only adds candidates, which verification rejects), and the rings of
// keys that repeat (≈ 45 bytes per post on the 1M benchmark corpus). With the defaults that is
// ≈ 0.9 KB per post once Reserve() sized the arrays (see MemoryBytes()).
class NearDuplicateIndex {
 public:
  // REQUIRES: bands >= 1, rows >= 1, bands < 65536.
  explicit NearDuplicateIndex(MinHashOptions options);

  // Sizes the arrays for `posts` posts in all, so that they do not grow by doubling.
  void Reserve(std::size_t posts);

  // Adds the next post (index = number of posts added before) and returns its edges to earlier
  // posts, ordered by earlier index. A post with an empty signature gets no edges and is never a
  // candidate. REQUIRES: signature empty or of size bands * rows. Throws std::length_error past
  // MaxPosts() posts.
  std::vector<NearDuplicateEdge> Add(const Signature& signature);

  // Add for a caller that only needs edges joining groups (the pipeline's union-find). Candidates
  // are taken in order of earlier index; one whose stored values cannot reach min_similarity is
  // dropped at once; for the others it asks `linked(earlier)` and skips the candidate when true,
  // else verifies it, and each verified edge goes to `on_edge` before the next candidate is asked
  // about, so the caller can merge groups in between. Same index state afterwards as Add; the
  // edges passed are Add's edges minus those to candidates already linked. In a family of k
  // copies most candidates are already linked: a post then costs a Find per candidate instead of
  // a 126-value comparison.
  void AddLinking(const Signature& signature, const std::function<bool(std::size_t)>& linked,
                  const std::function<void(const NearDuplicateEdge&)>& on_edge);

  std::size_t size() const { return posts_; }

  // The most posts the index takes: 2^31 / bands (51 million with the defaults).
  std::size_t MaxPosts() const;

  // Bytes held by the index (capacities of its arrays).
  std::size_t MemoryBytes() const;

 private:
  // A ring: a header word (the band its posts came through, whether posts of other bands joined,
  // how many posts it holds, where the next one goes) and 3, 7, 15 or 31 posts, in blocks of 4,
  // 8, 16 or 32 words aligned to their size (so a block never straddles more lines than needed).
  static constexpr int kRingClasses = 4;
  template <std::size_t kWords>
  struct alignas(kWords * sizeof(std::uint32_t)) RingBlock {
    std::uint32_t words[kWords];
  };
  struct RingPool {
    std::vector<RingBlock<4>> class0;
    std::vector<RingBlock<8>> class1;
    std::vector<RingBlock<16>> class2;
    std::vector<RingBlock<32>> class3;
    std::uint32_t free[kRingClasses] = {kNoBlock, kNoBlock, kNoBlock,
                                        kNoBlock};  // freed blocks, linked
    static constexpr std::uint32_t kNoBlock = 0xFFFF'FFFFU;
  };

  // Positions where the low 4 bits of two posts' values agree: an upper bound of the positions
  // where the whole values agree, read from one cache line per post (up to 128 values).
  std::size_t EqualLowBits(std::size_t a, std::size_t b) const;
  // Positions where the whole stored values agree.
  std::size_t EqualValues(std::size_t a, std::size_t b) const;
  // Fetches the upper planes of `post` ahead of an EqualValues.
  void PrefetchUpperBits(std::size_t post) const;
  double Similarity(std::size_t equal) const {  // the estimate of J from equal values
    return static_cast<double>(equal) / static_cast<double>(width_);
  }
  // Stores the post, files it under its band keys and leaves its sorted, distinct candidates in
  // candidates_; returns false for an empty signature (no candidates).
  bool Insert(const Signature& signature);
  // Appends the post's value planes (zero for an empty signature).
  void StoreValues(const Signature& signature);
  // The band keys of a non-empty signature into `keys`, their table slots prefetched.
  void ComputeKeys(const Signature& signature, std::vector<std::uint32_t>& keys);
  // Files `post` (band `band`) in the bucket `ref` names, which holds posts already, after
  // listing the bucket's walk as candidates.
  void WalkAndFile(std::uint32_t& ref, std::uint32_t post, std::uint32_t band);
  // Lists up to `steps` posts of the chain of `band` from `from` (kNone: none) as candidates.
  void WalkChain(std::uint32_t from, std::uint32_t band, int steps);
  std::uint32_t& Slot(std::uint32_t key);  // the table slot for `key` (kNone when unused)
  void Grow(std::size_t size);             // rehashes into a table of `size` slots
  std::uint32_t* RingWords(std::uint32_t ref);
  std::uint32_t NewRing(int ring_class);  // a block of that class, as a ring reference
  void FreeRing(std::uint32_t ref);

  MinHashOptions options_;
  std::size_t width_ = 0;      // bands * rows
  std::size_t min_equal_ = 0;  // fewest equal values with equal / width_ >= min_similarity
  std::size_t posts_ = 0;
  // The 16-bit values kept per post, as four planes of 4 bits each in 64-byte aligned lines: the
  // lowest bits in one array, the three other planes in another. Most candidates share a band
  // with the post by chance and agree on a few values only: one line of lowest bits, where
  // unrelated posts agree on 126 / 16 ≈ 8 values, already shows that fewer than min_equal_ values
  // can be equal, and the other planes stay unread.
  struct alignas(64) NibbleLine {
    std::uint64_t words[8];  // 16 values a word: value idx at bit 4 * (idx % 16) of word idx / 16
  };
  static constexpr std::size_t kUpperPlanes = 3;
  std::size_t lines_per_plane_ = 0;      // ceil(width_ / 128)
  std::vector<NibbleLine> low_bits_;     // per post, one plane (padding zero)
  std::vector<NibbleLine> upper_bits_;   // per post, three planes
  std::vector<std::uint32_t> previous_;  // (post, band) -> the bucket's newest post before it
  // A bucket: kNone (slot unused); its one entry, post * bands + band; or, with the top bit set,
  // its ring (class in the next two bits, block index below).
  struct TableSlot {
    std::uint32_t key;
    std::uint32_t ref;
  };
  std::vector<TableSlot> table_;  // open addressing, linear probing, any size
  std::size_t table_used_ = 0;
  RingPool rings_;
  std::vector<std::uint32_t>
      candidates_;                     // scratch of Insert, kept to avoid an allocation per post
  std::vector<std::uint32_t> keys_;    // scratch of Insert: the post's band keys
  std::vector<std::uint32_t*> filed_;  // scratch of Insert: per band, the bucket left to walk
};

// The share of positions where two signatures agree; 0 when either is empty.
[[nodiscard]] double EstimateSimilarity(const Signature& a, const Signature& b);

}  // namespace vigil::core::monitor
