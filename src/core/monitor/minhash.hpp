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
  int shingle_words = 3;  // words per shingle
  int bands = 42;         // b
  int rows = 3;           // r; the signature has b * r values
  double min_similarity = 0.30;  // estimated Jaccard an edge needs after the band match
  int max_chain = 32;     // earlier posts visited per band bucket (the newest first)
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
  static constexpr std::size_t kLanes = 8;  // functions per vector step; padded to a multiple
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
// Memory per post: 2 bytes per signature value kept for verification (the low 16 bits: equal
// values still estimate J, with a 1/65536 chance of a false match), 4 bytes per band for the
// bucket chain, 4 bytes to list each candidate once, and about 8 / 0.75 bytes per band key in an
// open-addressing table of 32-bit keys (a key shared by unrelated posts only adds candidates,
// which verification rejects). With the defaults that is ≈ 0.9 KB per post once Reserve() sized
// the arrays (see MemoryBytes()).
class NearDuplicateIndex {
 public:
  explicit NearDuplicateIndex(MinHashOptions options);

  // Sizes the arrays for `posts` posts in all, so that they do not grow by doubling.
  void Reserve(std::size_t posts);

  // Adds the next post (index = number of posts added before) and returns its edges to earlier
  // posts, ordered by earlier index. A post with an empty signature gets no edges and is never a
  // candidate. REQUIRES: signature empty or of size bands * rows.
  std::vector<NearDuplicateEdge> Add(const Signature& signature);

  // Add for a caller that only needs edges joining groups (the pipeline's union-find): before
  // verifying a candidate (in order of earlier index) it asks `linked(earlier)` and skips the
  // candidate when true; each verified edge goes to `on_edge` before the next candidate is asked
  // about, so the caller can merge groups in between. Same index state afterwards as Add; the
  // edges passed are Add's edges minus those to candidates already linked. In a family of k
  // copies most candidates are already linked: a post then costs a Find per candidate instead of
  // a 126-value comparison.
  void AddLinking(const Signature& signature, const std::function<bool(std::size_t)>& linked,
                  const std::function<void(const NearDuplicateEdge&)>& on_edge);

  std::size_t size() const { return has_signature_.size(); }

  // Bytes held by the index (capacities of its arrays).
  std::size_t MemoryBytes() const;

 private:
  double Similarity(std::size_t a, std::size_t b) const;
  // Stores the post, files it under its band keys and leaves its sorted, distinct candidates in
  // candidates_; returns false for an empty signature (no candidates).
  bool Insert(const Signature& signature);
  std::uint32_t& Slot(std::uint32_t key);  // the table slot for `key` (kNone when unused)
  void Grow(std::size_t size);  // rehashes into a table of `size` slots

  MinHashOptions options_;
  std::size_t width_ = 0;                 // bands * rows
  std::vector<std::uint16_t> values_;     // per post, width_ low halves of the signature
  std::vector<bool> has_signature_;
  std::vector<std::uint32_t> previous_;   // (post, band) -> older post with the same key
  struct TableSlot {
    std::uint32_t key;
    std::uint32_t post;  // newest post with that key, or kNone (slot unused)
  };
  std::vector<TableSlot> table_;  // open addressing, linear probing, any size
  std::size_t table_used_ = 0;
  std::vector<std::uint32_t> candidates_;  // scratch of Insert, kept to avoid an allocation per post
  std::vector<std::uint32_t> keys_;        // scratch of Insert: the post's band keys
  std::vector<std::uint32_t> seen_by_;     // per post: the latest post that listed it as a candidate
};

// The share of positions where two signatures agree; 0 when either is empty.
[[nodiscard]] double EstimateSimilarity(const Signature& a, const Signature& b);

}  // namespace vigil::core::monitor
