#include "core/monitor/minhash.hpp"

#include <xxhash.h>

#include <algorithm>
#include <limits>
#include <string>

#include "core/monitor/lexicon_matcher.hpp"

namespace vigil::core::monitor {
namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

std::uint64_t SplitMix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

bool IsWordByte(unsigned char byte) {
  return byte >= 0x80 || (byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9');
}

}  // namespace

std::vector<std::uint64_t> HashWords(std::string_view text) {
  const std::string folded = FoldForScan(text);
  std::vector<std::uint64_t> words;
  std::size_t pos = 0;
  while (pos < folded.size()) {
    while (pos < folded.size() && !IsWordByte(static_cast<unsigned char>(folded[pos]))) ++pos;
    const std::size_t start = pos;
    while (pos < folded.size() && IsWordByte(static_cast<unsigned char>(folded[pos]))) ++pos;
    if (pos > start) words.push_back(XXH3_64bits(folded.data() + start, pos - start));
  }
  return words;
}

MinHasher::MinHasher(MinHashOptions options) : options_(options) {
  std::uint64_t state = options_.seed;
  const int count = options_.bands * options_.rows;
  for (int idx = 0; idx < count; ++idx) {
    multipliers_.push_back(SplitMix64(state) | 1ULL);
    offsets_.push_back(SplitMix64(state));
  }
}

Signature MinHasher::Compute(std::string_view text) const {
  const std::vector<std::uint64_t> words = HashWords(text);
  if (words.empty()) return {};
  const auto width = static_cast<std::size_t>(options_.shingle_words);
  const std::size_t shingles = words.size() >= width ? words.size() - width + 1 : 1;
  Signature signature(multipliers_.size(), std::numeric_limits<std::uint32_t>::max());
  for (std::size_t first = 0; first < shingles; ++first) {
    // The shingle's hash: its word hashes mixed in order, so "a b c" and "c b a" differ.
    std::uint64_t shingle = 0;
    for (std::size_t word = first; word < std::min(first + width, words.size()); ++word) {
      shingle = XXH3_64bits_withSeed(&words[word], sizeof(std::uint64_t), shingle);
    }
    for (std::size_t fn = 0; fn < multipliers_.size(); ++fn) {
      // Multiply-add then keep the high half: a cheap universal-style family of permutations.
      const auto value = static_cast<std::uint32_t>((multipliers_[fn] * shingle + offsets_[fn]) >> 32);
      signature[fn] = std::min(signature[fn], value);
    }
  }
  return signature;
}

double EstimateSimilarity(const Signature& a, const Signature& b) {
  if (a.empty() || b.empty() || a.size() != b.size()) return 0.0;
  std::size_t equal = 0;
  for (std::size_t idx = 0; idx < a.size(); ++idx) equal += a[idx] == b[idx] ? 1 : 0;
  return static_cast<double>(equal) / static_cast<double>(a.size());
}

NearDuplicateIndex::NearDuplicateIndex(MinHashOptions options) : options_(options) {}

std::vector<NearDuplicateEdge> NearDuplicateIndex::Add(const Signature& signature) {
  const auto post = static_cast<std::uint32_t>(signatures_.size());
  const auto bands = static_cast<std::size_t>(options_.bands);
  const auto rows = static_cast<std::size_t>(options_.rows);
  signatures_.push_back(signature);
  previous_.resize(previous_.size() + bands, kNone);
  if (signature.empty()) return {};
  std::vector<std::uint32_t> candidates;
  for (std::size_t band = 0; band < bands; ++band) {
    const std::uint64_t key = XXH3_64bits_withSeed(&signature[band * rows],
                                                   rows * sizeof(std::uint32_t), band);
    auto [slot, inserted] = newest_.try_emplace(key, post);
    if (inserted) continue;
    std::uint32_t other = slot->second;
    for (int step = 0; step < options_.max_chain && other != kNone; ++step) {
      candidates.push_back(other);
      other = previous_[static_cast<std::size_t>(other) * bands + band];
    }
    previous_[static_cast<std::size_t>(post) * bands + band] = slot->second;
    slot->second = post;
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  std::vector<NearDuplicateEdge> edges;
  for (std::uint32_t other : candidates) {
    const double similarity = EstimateSimilarity(signature, signatures_[other]);
    if (similarity >= options_.min_similarity) edges.push_back({other, post, similarity});
  }
  return edges;
}

}  // namespace vigil::core::monitor
