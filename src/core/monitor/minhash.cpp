#include "core/monitor/minhash.hpp"

// Inlined: word hashing calls XXH3 once per word, too often for a call into the shared library.
#define XXH_INLINE_ALL
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


}  // namespace

void HashFoldedWords(std::string_view folded, std::vector<std::uint64_t>& words) {
  words.clear();
  std::size_t pos = 0;
  while (pos < folded.size()) {
    while (pos < folded.size() && !IsFoldedWordByte(folded[pos])) ++pos;
    const std::size_t start = pos;
    while (pos < folded.size() && IsFoldedWordByte(folded[pos])) ++pos;
    if (pos > start) words.push_back(XXH3_64bits(folded.data() + start, pos - start));
  }
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
  const Uint128 product = static_cast<Uint128>(a ^ 0x9E3779B97F4A7C15ULL) * (b ^ 0xD6E8FEB86659FD93ULL);
  return static_cast<std::uint64_t>(product) ^ static_cast<std::uint64_t>(product >> 64);
}

// For every hash function k, minimum[k] = min over shingles of f_k(shingle), where f_k is a
// bijection of 32 bits: xor with a seed, multiply by an odd number, xor-shift, multiply by a
// fixed odd constant, xor-shift (murmur3's finaliser with per-function constants). 32-bit lanes
// let the compiler use 8 (AVX2) or 4 (SSE2) functions per instruction; the AVX2 copy is chosen
// at run time when the processor has it.
__attribute__((target_clones("avx2", "default"))) void MinimiseLanes(
    const std::uint32_t* shingles, std::size_t count, const std::uint32_t* seeds,
    const std::uint32_t* multipliers, std::uint32_t* minimum, std::size_t lanes) {
  for (std::size_t item = 0; item < count; ++item) {
    const std::uint32_t shingle = shingles[item];
    for (std::size_t lane = 0; lane < lanes; ++lane) {
      std::uint32_t x = (shingle ^ seeds[lane]) * multipliers[lane];
      x ^= x >> 15;
      x *= 0x2C1B3C6DU;
      x ^= x >> 13;
      minimum[lane] = x < minimum[lane] ? x : minimum[lane];
    }
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

NearDuplicateIndex::NearDuplicateIndex(MinHashOptions options)
    : options_(options), width_(static_cast<std::size_t>(options.bands * options.rows)) {
  table_.assign(1024, {0, kNone});
}

void NearDuplicateIndex::Reserve(std::size_t posts) {
  const auto bands = static_cast<std::size_t>(options_.bands);
  values_.reserve(posts * width_);
  has_signature_.reserve(posts);
  previous_.reserve(posts * bands);
  seen_by_.reserve(posts);
  // Keep the table at most 3/4 full with one key per band and post.
  const std::size_t needed = posts * bands * 4 / 3 + 1;
  if (table_.size() < needed) Grow(needed);
}

std::size_t NearDuplicateIndex::MemoryBytes() const {
  return values_.capacity() * sizeof(std::uint16_t) + has_signature_.capacity() / 8 +
         previous_.capacity() * sizeof(std::uint32_t) + seen_by_.capacity() * sizeof(std::uint32_t) +
         table_.capacity() * sizeof(TableSlot);
}

std::uint32_t& NearDuplicateIndex::Slot(std::uint32_t key) {
  // Keys are hash values already: map them onto any table size by multiply-shift.
  const std::size_t size = table_.size();
  std::size_t pos = static_cast<std::size_t>((static_cast<std::uint64_t>(key) * size) >> 32);
  while (table_[pos].post != kNone && table_[pos].key != key) pos = pos + 1 == size ? 0 : pos + 1;
  table_[pos].key = key;
  return table_[pos].post;
}

void NearDuplicateIndex::Grow(std::size_t size) {
  std::vector<TableSlot> old = std::move(table_);
  table_.assign(size, {0, kNone});
  for (const TableSlot& slot : old) {
    if (slot.post != kNone) Slot(slot.key) = slot.post;
  }
}

double NearDuplicateIndex::Similarity(std::size_t a, std::size_t b) const {
  const std::uint16_t* left = &values_[a * width_];
  const std::uint16_t* right = &values_[b * width_];
  std::size_t equal = 0;
  for (std::size_t idx = 0; idx < width_; ++idx) equal += left[idx] == right[idx] ? 1 : 0;
  return static_cast<double>(equal) / static_cast<double>(width_);
}

bool NearDuplicateIndex::Insert(const Signature& signature) {
  const auto post = static_cast<std::uint32_t>(has_signature_.size());
  const auto bands = static_cast<std::size_t>(options_.bands);
  const auto rows = static_cast<std::size_t>(options_.rows);
  candidates_.clear();
  has_signature_.push_back(!signature.empty());
  previous_.resize(previous_.size() + bands, kNone);
  seen_by_.push_back(kNone);
  if (signature.empty()) {
    values_.resize(values_.size() + width_, 0);
    return false;
  }
  for (std::uint32_t value : signature) values_.push_back(static_cast<std::uint16_t>(value));
  if ((table_used_ + bands) * 4 > table_.size() * 3) Grow(table_.size() * 2);
  // The band keys land in random places of a large table: all keys first, their slots
  // prefetched, so the memory reads overlap instead of waiting one after the other.
  keys_.resize(bands);
  const std::size_t size = table_.size();
  for (std::size_t band = 0; band < bands; ++band) {
    keys_[band] = static_cast<std::uint32_t>(
        XXH3_64bits_withSeed(&signature[band * rows], rows * sizeof(std::uint32_t), band));
    const std::size_t home = static_cast<std::size_t>((static_cast<std::uint64_t>(keys_[band]) * size) >> 32);
    __builtin_prefetch(&table_[home]);
  }
  // The post goes to the head of each band's chain; the old heads start the walks.
  for (std::size_t band = 0; band < bands; ++band) {
    std::uint32_t& newest = Slot(keys_[band]);
    if (newest == kNone) ++table_used_;
    keys_[band] = newest;  // from here on: the band's walk position (kNone: nothing older)
    if (newest != kNone) __builtin_prefetch(&previous_[static_cast<std::size_t>(newest) * bands + band]);
    previous_[static_cast<std::size_t>(post) * bands + band] = newest;
    newest = post;
  }
  // The chains are walked in step, one link of every band per round: a chain is a series of
  // dependent reads far apart in a large array, and walking the bands side by side lets those
  // reads overlap. The candidates are the same as walking one band after the other (they are
  // sorted below). Chains only lead to older posts, so a walk ends even when keys collide.
  for (int step = 0; step < options_.max_chain; ++step) {
    bool any = false;
    for (std::size_t band = 0; band < bands; ++band) {
      const std::uint32_t other = keys_[band];
      if (other == kNone) continue;
      any = true;
      // Copies share many bands: each candidate is listed once (marked with this post's index).
      if (seen_by_[other] != post) {
        seen_by_[other] = post;
        candidates_.push_back(other);
      }
      const std::uint32_t next = previous_[static_cast<std::size_t>(other) * bands + band];
      if (next != kNone) {
        __builtin_prefetch(&previous_[static_cast<std::size_t>(next) * bands + band]);
        __builtin_prefetch(&seen_by_[next]);
      }
      keys_[band] = next;
    }
    if (!any) break;
  }
  std::sort(candidates_.begin(), candidates_.end());
  return true;
}

std::vector<NearDuplicateEdge> NearDuplicateIndex::Add(const Signature& signature) {
  const std::size_t post = has_signature_.size();
  std::vector<NearDuplicateEdge> edges;
  if (!Insert(signature)) return edges;
  for (std::uint32_t other : candidates_) {
    if (!has_signature_[other]) continue;
    const double similarity = Similarity(other, post);
    if (similarity >= options_.min_similarity) edges.push_back({other, post, similarity});
  }
  return edges;
}

void NearDuplicateIndex::AddLinking(const Signature& signature, const std::function<bool(std::size_t)>& linked,
                                    const std::function<void(const NearDuplicateEdge&)>& on_edge) {
  const std::size_t post = has_signature_.size();
  if (!Insert(signature)) return;
  for (std::uint32_t other : candidates_) {
    if (!has_signature_[other] || linked(other)) continue;
    const double similarity = Similarity(other, post);
    if (similarity >= options_.min_similarity) on_edge({other, post, similarity});
  }
}

}  // namespace vigil::core::monitor
