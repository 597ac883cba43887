#include "core/monitor/minhash.hpp"

// Inlined: word hashing calls XXH3 once per word, too often for a call into the shared library.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>
#include <string>

#include "core/monitor/byte_runs.hpp"
#include "core/monitor/lexicon_matcher.hpp"

namespace vigil::core::monitor {
namespace {

std::uint64_t SplitMix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

}  // namespace

void HashFoldedWords(std::string_view folded, std::vector<std::uint64_t>& words) {
  words.clear();
  ForEachByteRun(
      folded.size(), [&](std::size_t base) { return ByteClassMask<ByteClass::kFoldedWord>(folded, base); },
      [&](std::size_t start, std::size_t end) { words.push_back(XXH3_64bits(folded.data() + start, end - start)); });
}

std::vector<std::uint64_t> HashWords(std::string_view text) {
  std::vector<std::uint64_t> words;
  HashFoldedWords(FoldForScan(text), words);
  return words;
}

MinHasher::MinHasher(MinHashOptions options) : options_(options) {
  std::uint64_t state = options_.seed;
  const int count = options_.bands * options_.rows;
  const auto padded = (static_cast<std::size_t>(count) + kLanes - 1) / kLanes * kLanes;
  seeds_.assign(padded, 0);
  multipliers_.assign(padded, 1);
  for (std::size_t idx = 0; idx < static_cast<std::size_t>(count); ++idx) {
    const std::uint64_t random = SplitMix64(state);
    seeds_[idx] = static_cast<std::uint32_t>(random);
    multipliers_[idx] = static_cast<std::uint32_t>(random >> 32) | 1U;
  }
}

namespace {

__extension__ using Uint128 = unsigned __int128;  // GCC and Clang on 64-bit targets

// Two words' hashes mixed into one (128-bit product folded), order-sensitive.
std::uint64_t Mix(std::uint64_t a, std::uint64_t b) {
  const Uint128 product =
      static_cast<Uint128>(a ^ 0x9E3779B97F4A7C15ULL) * (b ^ 0xD6E8FEB86659FD93ULL);
  return static_cast<std::uint64_t>(product) ^ static_cast<std::uint64_t>(product >> 64);
}

// For every hash function k, minimum[k] = min over shingles of f_k(shingle), where f_k is a
// bijection of 32 bits: xor with a seed, multiply by an odd number, xor-shift, multiply by a
// fixed odd constant, xor-shift (murmur3's finaliser with per-function constants). Sixteen
// functions at a time stay in registers (seed, multiplier, minimum) while every shingle goes by:
// one 512-bit vector with AVX-512, two with AVX2, four SSE2 ones otherwise (the copy is chosen at
// run time). REQUIRES: lanes is a multiple of 16 (MinHasher::kLanes).
using Lanes16 = std::uint32_t __attribute__((vector_size(64)));

__attribute__((target_clones("avx512f", "avx2", "default"))) void MinimiseLanes(
    const std::uint32_t* shingles, std::size_t count, const std::uint32_t* seeds,
    const std::uint32_t* multipliers, std::uint32_t* minimum, std::size_t lanes) {
  for (std::size_t lane = 0; lane < lanes; lane += 16) {
    Lanes16 seed, multiplier, best;
    std::memcpy(&seed, seeds + lane, sizeof seed);
    std::memcpy(&multiplier, multipliers + lane, sizeof multiplier);
    std::memcpy(&best, minimum + lane, sizeof best);
    for (std::size_t item = 0; item < count; ++item) {
      Lanes16 x = (shingles[item] ^ seed) * multiplier;
      x ^= x >> 15;
      x *= 0x2C1B3C6DU;
      x ^= x >> 13;
      best = x < best ? x : best;
    }
    std::memcpy(minimum + lane, &best, sizeof best);
  }
}

}  // namespace

Signature MinHasher::Compute(std::string_view text) const {
  return ComputeFolded(FoldForScan(text));
}

Signature MinHasher::ComputeFolded(std::string_view folded) const {
  thread_local std::vector<std::uint64_t> words;
  thread_local std::vector<std::uint32_t> shingles;
  HashFoldedWords(folded, words);
  if (words.empty()) return {};
  const auto width = static_cast<std::size_t>(options_.shingle_words);
  const std::size_t count = words.size() >= width ? words.size() - width + 1 : 1;
  shingles.resize(count);
  for (std::size_t first = 0; first < count; ++first) {
    // The shingle's hash: its word hashes mixed in order, so "a b c" and "c b a" differ.
    std::uint64_t shingle = options_.seed;
    for (std::size_t word = first; word < std::min(first + width, words.size()); ++word) {
      shingle = Mix(shingle, words[word]);
    }
    shingles[first] = static_cast<std::uint32_t>(shingle ^ (shingle >> 32));
  }
  std::vector<std::uint32_t> minimum(seeds_.size(), std::numeric_limits<std::uint32_t>::max());
  MinimiseLanes(shingles.data(), count, seeds_.data(), multipliers_.data(), minimum.data(),
                minimum.size());
  minimum.resize(static_cast<std::size_t>(options_.bands * options_.rows));
  return minimum;
}

double EstimateSimilarity(const Signature& a, const Signature& b) {
  if (a.empty() || b.empty() || a.size() != b.size()) return 0.0;
  std::size_t equal = 0;
  for (std::size_t idx = 0; idx < a.size(); ++idx) equal += a[idx] == b[idx] ? 1 : 0;
  return static_cast<double>(equal) / static_cast<double>(a.size());
}

}  // namespace vigil::core::monitor
