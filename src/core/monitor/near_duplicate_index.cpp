// The streaming LSH index of minhash.hpp: band-key table, bucket chains and rings, and the
// verification of candidates on the stored signature values.
#include "core/monitor/minhash.hpp"

// Inlined: a post's band keys are 42 short XXH3 hashes.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace vigil::core::monitor {
namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

// A table slot's reference to a ring: the top bit, the ring's class, the block's index.
constexpr std::uint32_t kRingFlag = 0x8000'0000U;
constexpr std::uint32_t kRingClassShift = 29;
constexpr std::uint32_t kRingBlockMask = (1U << kRingClassShift) - 1;
constexpr std::uint32_t kRingEntries[] = {3, 7, 15, 31};  // posts per block of 4, 8, 16, 32 words

// A ring's first word.
struct RingHeader {
  std::uint32_t band;  // the band its first post came through (< 2^16)
  std::uint32_t size;  // posts held (<= 31)
  std::uint32_t next;  // once full: where the next post goes (over the oldest)
  bool mixed;          // posts of other bands joined (colliding keys): walks follow the chains
  std::uint32_t Pack() const { return band | size << 16 | next << 21 | (mixed ? 1U : 0U) << 26; }
  static RingHeader Unpack(std::uint32_t word) {
    return {word & 0xFFFFU, (word >> 16) & 31U, (word >> 21) & 31U, ((word >> 26) & 1U) != 0};
  }
};

}  // namespace

NearDuplicateIndex::NearDuplicateIndex(MinHashOptions options)
    : options_(options), width_(static_cast<std::size_t>(options.bands * options.rows)) {
  // The same comparison as the similarity of an edge, so that the count decides exactly as it.
  while (min_equal_ <= width_ &&
         static_cast<double>(min_equal_) / static_cast<double>(width_) < options_.min_similarity) {
    ++min_equal_;
  }
  lines_per_plane_ = (width_ + 127) / 128;
  table_.assign(1024, {0, kNone});
}

std::size_t NearDuplicateIndex::MaxPosts() const {
  return kRingFlag / static_cast<std::size_t>(options_.bands);
}

void NearDuplicateIndex::Reserve(std::size_t posts) {
  const auto bands = static_cast<std::size_t>(options_.bands);
  low_bits_.reserve(posts * lines_per_plane_);
  upper_bits_.reserve(posts * lines_per_plane_ * kUpperPlanes);
  previous_.reserve(posts * bands);
  // Keep the table at most 3/4 full with one key per band and post.
  const std::size_t needed = posts * bands * 4 / 3 + 1;
  if (table_.size() < needed) Grow(needed);
}

std::size_t NearDuplicateIndex::MemoryBytes() const {
  return (low_bits_.capacity() + upper_bits_.capacity()) * sizeof(NibbleLine) +
         previous_.capacity() * sizeof(std::uint32_t) + table_.capacity() * sizeof(TableSlot) +
         rings_.class0.capacity() * sizeof(rings_.class0[0]) +
         rings_.class1.capacity() * sizeof(rings_.class1[0]) +
         rings_.class2.capacity() * sizeof(rings_.class2[0]) +
         rings_.class3.capacity() * sizeof(rings_.class3[0]);
}

std::uint32_t& NearDuplicateIndex::Slot(std::uint32_t key) {
  // Keys are hash values already: map them onto any table size by multiply-shift.
  const std::size_t size = table_.size();
  std::size_t pos = static_cast<std::size_t>((static_cast<std::uint64_t>(key) * size) >> 32);
  while (table_[pos].ref != kNone && table_[pos].key != key) pos = pos + 1 == size ? 0 : pos + 1;
  table_[pos].key = key;
  return table_[pos].ref;
}

void NearDuplicateIndex::Grow(std::size_t size) {
  std::vector<TableSlot> old = std::move(table_);
  table_.assign(size, {0, kNone});
  for (const TableSlot& slot : old) {
    if (slot.ref != kNone) Slot(slot.key) = slot.ref;
  }
}

std::uint32_t* NearDuplicateIndex::RingWords(std::uint32_t ref) {
  const std::uint32_t block = ref & kRingBlockMask;
  switch ((ref >> kRingClassShift) & 3U) {
    case 0:
      return rings_.class0[block].words;
    case 1:
      return rings_.class1[block].words;
    case 2:
      return rings_.class2[block].words;
    default:
      return rings_.class3[block].words;
  }
}

std::uint32_t NearDuplicateIndex::NewRing(int ring_class) {
  std::uint32_t block = rings_.free[ring_class];
  const auto ref_of = [ring_class](std::size_t index) {
    // The last index of class 3 would read as kNone.
    if (index >= kRingBlockMask)
      throw std::length_error("near-duplicate index: too many repeated band keys");
    return kRingFlag | static_cast<std::uint32_t>(ring_class) << kRingClassShift |
           static_cast<std::uint32_t>(index);
  };
  if (block != RingPool::kNoBlock) {
    const std::uint32_t ref = ref_of(block);
    rings_.free[ring_class] = RingWords(ref)[0];  // a free block's first word links the next one
    return ref;
  }
  switch (ring_class) {
    case 0:
      rings_.class0.emplace_back();
      return ref_of(rings_.class0.size() - 1);
    case 1:
      rings_.class1.emplace_back();
      return ref_of(rings_.class1.size() - 1);
    case 2:
      rings_.class2.emplace_back();
      return ref_of(rings_.class2.size() - 1);
    default:
      rings_.class3.emplace_back();
      return ref_of(rings_.class3.size() - 1);
  }
}

void NearDuplicateIndex::FreeRing(std::uint32_t ref) {
  const auto ring_class = (ref >> kRingClassShift) & 3U;
  RingWords(ref)[0] = rings_.free[ring_class];
  rings_.free[ring_class] = ref & kRingBlockMask;
}

namespace {

// The 4-bit fields of `diff` that are not zero, summed over a line's 8 words: per word a 1 in the
// lowest bit of each such field, added per byte (at most 16 a byte), then over the bytes.
struct NonZeroFields {
  static constexpr std::uint64_t kLowestOfEach = 0x1111'1111'1111'1111ULL;
  static constexpr std::uint64_t kBytes = 0x0F0F'0F0F'0F0F'0F0FULL;
  std::uint64_t per_byte = 0;
  void Add(std::uint64_t diff) {
    const std::uint64_t fields = (diff | diff >> 1 | diff >> 2 | diff >> 3) & kLowestOfEach;
    per_byte += (fields & kBytes) + ((fields >> 4) & kBytes);
  }
  std::size_t Total() const {
    return static_cast<std::size_t>((per_byte * 0x0101'0101'0101'0101ULL) >> 56);
  }
};

}  // namespace

std::size_t NearDuplicateIndex::EqualLowBits(std::size_t a, std::size_t b) const {
  std::size_t differing = 0;
  for (std::size_t line = 0; line < lines_per_plane_; ++line) {
    const std::uint64_t* left = low_bits_[a * lines_per_plane_ + line].words;
    const std::uint64_t* right = low_bits_[b * lines_per_plane_ + line].words;
    NonZeroFields fields;
    for (std::size_t word = 0; word < 8; ++word) fields.Add(left[word] ^ right[word]);
    differing += fields.Total();
  }
  return width_ - differing;  // the zero padding never differs
}

std::size_t NearDuplicateIndex::EqualValues(std::size_t a, std::size_t b) const {
  const std::size_t upper_lines = lines_per_plane_ * kUpperPlanes;
  std::size_t differing = 0;
  for (std::size_t line = 0; line < lines_per_plane_; ++line) {
    const NibbleLine* left[] = {&low_bits_[a * lines_per_plane_ + line],
                                &upper_bits_[a * upper_lines + line * kUpperPlanes],
                                &upper_bits_[a * upper_lines + line * kUpperPlanes + 1],
                                &upper_bits_[a * upper_lines + line * kUpperPlanes + 2]};
    const NibbleLine* right[] = {&low_bits_[b * lines_per_plane_ + line],
                                 &upper_bits_[b * upper_lines + line * kUpperPlanes],
                                 &upper_bits_[b * upper_lines + line * kUpperPlanes + 1],
                                 &upper_bits_[b * upper_lines + line * kUpperPlanes + 2]};
    NonZeroFields fields;
    for (std::size_t word = 0; word < 8; ++word) {
      std::uint64_t diff = 0;
      for (std::size_t plane = 0; plane < 4; ++plane)
        diff |= left[plane]->words[word] ^ right[plane]->words[word];
      fields.Add(diff);
    }
    differing += fields.Total();
  }
  return width_ - differing;
}

void NearDuplicateIndex::PrefetchUpperBits(std::size_t post) const {
  const std::size_t upper_lines = lines_per_plane_ * kUpperPlanes;
  for (std::size_t line = 0; line < upper_lines; ++line)
    __builtin_prefetch(upper_bits_[post * upper_lines + line].words);
}

void NearDuplicateIndex::WalkChain(std::uint32_t from, std::uint32_t band, int steps) {
  const auto bands = static_cast<std::size_t>(options_.bands);
  for (; steps > 0 && from != kNone; --steps) {
    candidates_.push_back(from);
    from = previous_[from * bands + band];
  }
}

void NearDuplicateIndex::WalkAndFile(std::uint32_t& ref, std::uint32_t post, std::uint32_t band) {
  const auto bands = static_cast<std::uint32_t>(options_.bands);
  std::uint32_t& previous = previous_[static_cast<std::size_t>(post) * bands + band];
  const int steps = options_.max_chain;
  if ((ref & kRingFlag) == 0) {
    // One post so far: it is the walk, unless it came through another band (colliding keys),
    // whose chain is then followed.
    const std::uint32_t other = ref / bands;
    const std::uint32_t other_band = ref % bands;
    previous = other;
    if (steps > 0) candidates_.push_back(other);
    if (other_band != band)
      WalkChain(previous_[static_cast<std::size_t>(other) * bands + band], band, steps - 1);
    ref = NewRing(0);
    std::uint32_t* words = RingWords(ref);
    words[0] = RingHeader{other_band, 2, 0, other_band != band}.Pack();
    words[1] = other;
    words[2] = post;
    return;
  }
  std::uint32_t* words = RingWords(ref);
  RingHeader header = RingHeader::Unpack(words[0]);
  const int ring_class = static_cast<int>((ref >> kRingClassShift) & 3U);
  const std::uint32_t capacity = kRingEntries[ring_class];
  // The newest entry; in a ring not yet full the entries run from the oldest, without wrapping.
  std::uint32_t pos =
      header.size < capacity ? header.size - 1 : (header.next + capacity - 1) % capacity;
  previous = words[1 + pos];
  if (header.mixed || header.band != band) {
    WalkChain(words[1 + pos], band, steps);
  } else {
    // Every post of the ring came through this band: the ring lists the chain, newest first.
    int step = 0;
    for (; step < steps && step < static_cast<int>(header.size); ++step) {
      candidates_.push_back(words[1 + pos]);
      if (step + 1 < static_cast<int>(header.size)) pos = pos == 0 ? capacity - 1 : pos - 1;
    }
    // A ring of the largest class drops its oldest entries once full: the chain goes on from the
    // last one listed.
    if (step < steps && ring_class + 1 == kRingClasses && header.size == capacity) {
      WalkChain(previous_[static_cast<std::size_t>(words[1 + pos]) * bands + band], band,
                steps - step);
    }
  }
  header.mixed = header.mixed || header.band != band;
  if (header.size < capacity) {
    words[1 + header.size] = post;
    ++header.size;
  } else if (ring_class + 1 < kRingClasses) {
    // Full and not of the largest class: moved to a block twice the size.
    const std::uint32_t grown = NewRing(ring_class + 1);
    words = RingWords(ref);  // the pool may have moved
    std::uint32_t* grown_words = RingWords(grown);
    std::copy(words + 1, words + 1 + capacity, grown_words + 1);
    grown_words[1 + header.size] = post;
    ++header.size;
    FreeRing(ref);
    ref = grown;
    words = grown_words;
  } else {
    words[1 + header.next] = post;  // over the oldest
    header.next = header.next + 1 == capacity ? 0 : header.next + 1;
  }
  words[0] = header.Pack();
}

namespace {

// Four values' low 16 bits, value i at bit 16 i, seen as a 4 x 4 matrix of 4-bit fields (field k
// of value i at bit 16 i + 4 k) and transposed by two exchanges of 2 x 2 blocks, so that field k
// of value i lands at bit 16 k + 4 i: each 16-bit quarter then holds one plane of the four.
std::uint64_t TransposeFields(std::uint64_t fields) {
  std::uint64_t swap = (fields ^ (fields >> 12)) & 0x0000'F0F0'0000'F0F0ULL;
  fields ^= swap ^ (swap << 12);
  swap = (fields ^ (fields >> 24)) & 0x0000'0000'FF00'FF00ULL;
  fields ^= swap ^ (swap << 24);
  return fields;
}

}  // namespace

void NearDuplicateIndex::StoreValues(const Signature& signature) {
  const std::size_t first_line = low_bits_.size();
  low_bits_.resize(first_line + lines_per_plane_, NibbleLine{});
  const std::size_t first_upper = upper_bits_.size();
  upper_bits_.resize(first_upper + lines_per_plane_ * kUpperPlanes, NibbleLine{});
  if (signature.empty()) return;
  for (std::size_t line = 0; line < lines_per_plane_; ++line) {
    NibbleLine planes[1 + kUpperPlanes] = {};
    for (std::size_t word = 0; word < 8; ++word) {
      for (std::size_t group = 0; group < 4; ++group) {
        const std::size_t first = line * 128 + word * 16 + group * 4;
        std::uint64_t fields = 0;
        for (std::size_t value = 0; value < 4 && first + value < width_; ++value) {
          fields |= static_cast<std::uint64_t>(signature[first + value] & 0xFFFFU) << (16 * value);
        }
        fields = TransposeFields(fields);
        for (std::size_t plane = 0; plane <= kUpperPlanes; ++plane) {
          planes[plane].words[word] |= ((fields >> (16 * plane)) & 0xFFFFU) << (16 * group);
        }
      }
    }
    low_bits_[first_line + line] = planes[0];
    for (std::size_t plane = 0; plane < kUpperPlanes; ++plane) {
      upper_bits_[first_upper + line * kUpperPlanes + plane] = planes[1 + plane];
    }
  }
}

void NearDuplicateIndex::ComputeKeys(const Signature& signature, std::vector<std::uint32_t>& keys) {
  const auto bands = static_cast<std::size_t>(options_.bands);
  const auto rows = static_cast<std::size_t>(options_.rows);
  // The band keys land in random places of a large table: all keys first, their slots
  // prefetched, so the memory reads overlap instead of waiting one after the other.
  keys.resize(bands);
  const std::size_t size = table_.size();
  for (std::size_t band = 0; band < bands; ++band) {
    keys[band] = static_cast<std::uint32_t>(
        XXH3_64bits_withSeed(&signature[band * rows], rows * sizeof(std::uint32_t), band));
    const std::size_t home =
        static_cast<std::size_t>((static_cast<std::uint64_t>(keys[band]) * size) >> 32);
    __builtin_prefetch(&table_[home]);
  }
}

bool NearDuplicateIndex::Insert(const Signature& signature) {
  const std::size_t post = posts_;
  if (post >= MaxPosts())
    throw std::length_error("near-duplicate index: more posts than it can hold");
  const auto bands = static_cast<std::size_t>(options_.bands);
  candidates_.clear();
  ++posts_;
  previous_.resize(previous_.size() + bands, kNone);
  StoreValues(signature);
  if (signature.empty()) return false;
  if ((table_used_ + bands) * 4 > table_.size() * 3) Grow(table_.size() * 2);
  ComputeKeys(signature, keys_);
  filed_.assign(bands, nullptr);
  // A new key (most of them) is filed at once, with nothing to walk; the rings of the others are
  // prefetched for the walks below. The table does not grow during the post, so the slot
  // references stay valid.
  for (std::size_t band = 0; band < bands; ++band) {
    std::uint32_t& ref = Slot(keys_[band]);
    if (ref == kNone) {
      ref = static_cast<std::uint32_t>(post * bands + band);
      ++table_used_;
      continue;
    }
    filed_[band] = &ref;
    if ((ref & kRingFlag) != 0) {
      const std::uint32_t* words = RingWords(ref);
      __builtin_prefetch(words);
      if (((ref >> kRingClassShift) & 3U) == 3) __builtin_prefetch(words + 16);
    }
  }
  // Band after band, so that keys of two bands of this post that collide see each other as the
  // chains always did.
  for (std::size_t band = 0; band < bands; ++band) {
    if (filed_[band] != nullptr) {
      WalkAndFile(*filed_[band], static_cast<std::uint32_t>(post),
                  static_cast<std::uint32_t>(band));
    }
  }
  // Copies share many bands: each candidate is listed once.
  std::sort(candidates_.begin(), candidates_.end());
  candidates_.erase(std::unique(candidates_.begin(), candidates_.end()), candidates_.end());
  // Read by the verification next: fetched together.
  for (std::uint32_t other : candidates_)
    __builtin_prefetch(low_bits_[other * lines_per_plane_].words);
  return true;
}

std::vector<NearDuplicateEdge> NearDuplicateIndex::Add(const Signature& signature) {
  const std::size_t post = posts_;
  std::vector<NearDuplicateEdge> edges;
  if (!Insert(signature)) return edges;
  for (std::uint32_t other : candidates_) {
    if (EqualLowBits(other, post) < min_equal_) continue;
    const std::size_t equal = EqualValues(other, post);
    if (equal >= min_equal_) edges.push_back({other, post, Similarity(equal)});
  }
  return edges;
}

void NearDuplicateIndex::AddLinking(const Signature& signature,
                                    const std::function<bool(std::size_t)>& linked,
                                    const std::function<void(const NearDuplicateEdge&)>& on_edge) {
  const std::size_t post = posts_;
  if (!Insert(signature)) return;
  for (std::uint32_t other : candidates_) {
    // The low bits first: they reject most candidates without a call to `linked`.
    if (EqualLowBits(other, post) < min_equal_) continue;
    PrefetchUpperBits(other);  // read while `linked` runs
    if (linked(other)) continue;
    const std::size_t equal = EqualValues(other, post);
    if (equal >= min_equal_) on_edge({other, post, Similarity(equal)});
  }
}

}  // namespace vigil::core::monitor
