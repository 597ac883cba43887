#include "core/monitor/template.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>

// Inlined: one short hash per word.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "core/monitor/byte_runs.hpp"

namespace vigil::core::monitor {
namespace {

// Words: maximal runs of bytes that are not ASCII white space.
std::vector<std::string_view> SplitWords(std::string_view text) {
  std::vector<std::string_view> words;
  ForEachByteRun(
      text.size(), [&](std::size_t base) { return ByteClassMask<ByteClass::kNonSpace>(text, base); },
      [&](std::size_t start, std::size_t end) { words.push_back(text.substr(start, end - start)); });
  return words;
}

// The lengths of the longest common subsequences of all suffix pairs, At(row, col) =
// LCS(left[row..], right[col..]), computed bit-parallel (Allison and Dix; Hyyrö): the sequences
// are read backwards, one machine word covers 64 columns, and each row is kept as a bit vector
// whose zero bits mark where the length grows along the columns. A table of rows × cols numbers
// becomes rows × cols / 64 words, and At costs a popcount per word.
constexpr std::uint32_t kNoMask = 0xFFFFFFFFU;

class SuffixLcs {
 public:
  // `mask_of` maps a word id to its mask in `masks` (kNoMask: none); both are scratch kept by the
  // caller, sized for every id, and left as they were found.
  SuffixLcs(const std::uint32_t* left, std::size_t rows, const std::uint32_t* right, std::size_t cols,
            std::vector<std::uint32_t>& mask_of, std::vector<std::uint64_t>& masks)
      : rows_(rows), cols_(cols), words_((cols + 63) / 64), vectors_((rows + 1) * words_, ~std::uint64_t{0}) {
    // Match masks of the reversed right side: bit j of a word's mask is set when right[cols-1-j]
    // is that word.
    masks.clear();
    for (std::size_t j = 0; j < cols; ++j) {
      std::uint32_t& slot = mask_of[right[cols - 1 - j]];
      if (slot == kNoMask) {
        slot = static_cast<std::uint32_t>(masks.size() / words_);
        masks.resize(masks.size() + words_, 0);
      }
      masks[slot * words_ + j / 64] |= std::uint64_t{1} << (j % 64);
    }
    // Row i holds the reversed left prefix of length i, that is left[rows - i ..].
    for (std::size_t i = 0; i < rows; ++i) {
      const std::uint64_t* previous = &vectors_[i * words_];
      std::uint64_t* next = &vectors_[(i + 1) * words_];
      const std::uint32_t slot = mask_of[left[rows - 1 - i]];
      if (slot == kNoMask) {
        std::copy(previous, previous + words_, next);
        continue;
      }
      const std::uint64_t* mask = &masks[slot * words_];
      std::uint64_t carry = 0, borrow = 0;
      for (std::size_t w = 0; w < words_; ++w) {
        const std::uint64_t v = previous[w];
        const std::uint64_t u = v & mask[w];
        // (v + u) | (v - u), word by word with carry and borrow.
        const std::uint64_t sum = v + u + carry;
        carry = (sum < v || (carry != 0 && sum == v)) ? 1 : 0;
        const std::uint64_t difference = v - u - borrow;
        borrow = (v < u || (borrow != 0 && v == u)) ? 1 : 0;
        next[w] = sum | difference;
      }
    }
    for (std::size_t j = 0; j < cols; ++j) mask_of[right[j]] = kNoMask;
  }

  // LCS(left[row..], right[col..]). REQUIRES: row <= rows, col <= cols.
  std::size_t At(std::size_t row, std::size_t col) const {
    const std::size_t i = rows_ - row;  // reversed prefix lengths
    const std::size_t j = cols_ - col;
    const std::uint64_t* vector = &vectors_[i * words_];
    std::size_t zeros = 0;
    for (std::size_t w = 0; w < j / 64; ++w) zeros += 64 - static_cast<std::size_t>(__builtin_popcountll(vector[w]));
    if (j % 64 != 0) {
      const std::uint64_t low = vector[j / 64] | ~((std::uint64_t{1} << (j % 64)) - 1);
      zeros += 64 - static_cast<std::size_t>(__builtin_popcountll(low));
    }
    return zeros;
  }

 private:
  std::size_t rows_, cols_, words_;
  std::vector<std::uint64_t> vectors_;  // (rows + 1) rows of words_ words
};

// For each word of `base`, the index of the word of `other` it is aligned with, or -1. Words are
// compared by id (equal words, equal ids). Near-duplicates share long runs at both ends: the
// common prefix and suffix are aligned word for word (a longest common subsequence always can),
// and only the middle goes through the (bit-parallel) table.
std::vector<long> Align(const std::vector<std::uint32_t>& base, const std::vector<std::uint32_t>& other,
                        std::vector<std::uint32_t>& mask_of, std::vector<std::uint64_t>& masks) {
  std::vector<long> aligned(base.size(), -1);
  std::size_t prefix = 0;
  while (prefix < base.size() && prefix < other.size() && base[prefix] == other[prefix]) {
    aligned[prefix] = static_cast<long>(prefix);
    ++prefix;
  }
  std::size_t suffix = 0;
  while (suffix < base.size() - prefix && suffix < other.size() - prefix &&
         base[base.size() - 1 - suffix] == other[other.size() - 1 - suffix]) {
    aligned[base.size() - 1 - suffix] = static_cast<long>(other.size() - 1 - suffix);
    ++suffix;
  }
  const std::size_t rows = base.size() - prefix - suffix, cols = other.size() - prefix - suffix;
  if (rows == 0 || cols == 0) return aligned;
  const std::uint32_t* left = base.data() + prefix;
  const std::uint32_t* right = other.data() + prefix;
  const SuffixLcs lcs(left, rows, right, cols, mask_of, masks);
  for (std::size_t row = 0, col = 0; row < rows && col < cols;) {
    if (left[row] == right[col]) {
      aligned[prefix + row] = static_cast<long>(prefix + col);
      ++row, ++col;
    } else if (lcs.At(row + 1, col) >= lcs.At(row, col + 1)) {
      ++row;
    } else {
      ++col;
    }
  }
  return aligned;
}

// Word ids shared across a cluster's posts: equal words, equal ids. Open addressing over the
// words' hashes, sized once for every word the cluster can bring (no rehash, no node per word).
class WordIds {
 public:
  explicit WordIds(std::size_t most) : slots_(std::bit_ceil(most * 2 + 16), kNoMask) {}
  std::uint32_t Of(std::string_view word) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t slot = XXH3_64bits(word.data(), word.size()) & mask;
    while (slots_[slot] != kNoMask) {
      if (words_[slots_[slot]] == word) return slots_[slot];
      slot = (slot + 1) & mask;
    }
    slots_[slot] = static_cast<std::uint32_t>(words_.size());
    words_.push_back(word);
    return slots_[slot];
  }
  std::size_t size() const { return words_.size(); }

 private:
  std::vector<std::uint32_t> slots_;  // word index, or kNoMask
  std::vector<std::string_view> words_;
};

void AppendJoined(const std::vector<std::string_view>& words, std::size_t from, std::size_t to, std::string& text) {
  for (std::size_t idx = from; idx < to; ++idx) {
    if (idx > from) text += ' ';
    text.append(words[idx]);
  }
}

void AddFixed(ClusterTemplate& result, const std::vector<std::string_view>& words, std::size_t from, std::size_t to) {
  if (from >= to) return;
  if (!result.parts.empty() && !result.parts.back().is_slot) {
    result.parts.back().text += ' ';
  } else {
    result.parts.push_back({false, "", {}});
  }
  AppendJoined(words, from, to, result.parts.back().text);
}

}  // namespace

ClusterTemplate ComputeTemplate(const std::vector<std::string_view>& texts, std::size_t max_words) {
  ClusterTemplate result;
  if (texts.empty()) return result;
  std::vector<std::vector<std::string_view>> words;
  std::size_t aligned_words = 0;
  for (auto text : texts) {
    words.push_back(SplitWords(text));
    aligned_words += std::min(max_words, words.back().size());
  }
  // Word ids, shared across the posts, for the alignment.
  WordIds ids(aligned_words);
  auto aligned_part = [&](std::size_t post) {
    std::vector<std::uint32_t> part;
    const std::size_t count = std::min(max_words, words[post].size());
    part.reserve(count);
    for (std::size_t idx = 0; idx < count; ++idx) part.push_back(ids.Of(words[post][idx]));
    return part;
  };
  const std::size_t base_size = std::min(max_words, words[0].size());
  const std::vector<std::uint32_t> base_ids = aligned_part(0);
  // alignments[post - 1][row] = where base word `row` sits in `post`, or -1.
  std::vector<std::vector<long>> alignments;
  std::vector<std::vector<std::uint32_t>> parts;
  for (std::size_t post = 1; post < texts.size(); ++post) parts.push_back(aligned_part(post));
  std::vector<std::uint32_t> mask_of(ids.size(), kNoMask);
  std::vector<std::uint64_t> masks;
  for (const auto& part : parts) alignments.push_back(Align(base_ids, part, mask_of, masks));
  std::vector<std::size_t> anchors;
  for (std::size_t row = 0; row < base_size; ++row) {
    bool everywhere = true;
    for (const auto& alignment : alignments) everywhere = everywhere && alignment[row] >= 0;
    if (everywhere) anchors.push_back(row);
  }
  // Walk the gaps before, between and after the anchors; equal gaps are text, different are
  // slots. Words hold no white space, so two gaps joined by single spaces are equal exactly when
  // their word sequences are: the strings are only built for the result.
  std::vector<std::size_t> cursor(texts.size(), 0);  // next unread word per post
  std::vector<std::size_t> gap_end(texts.size(), 0);
  for (std::size_t k = 0; k <= anchors.size(); ++k) {
    for (std::size_t post = 0; post < texts.size(); ++post) {
      if (k < anchors.size()) {
        gap_end[post] = post == 0 ? anchors[k] : static_cast<std::size_t>(alignments[post - 1][anchors[k]]);
      } else {
        gap_end[post] = words[post].size();
      }
    }
    const auto gap_equals_first = [&](std::size_t post) {
      const std::size_t length = gap_end[0] - cursor[0];
      if (gap_end[post] - cursor[post] != length) return false;
      for (std::size_t idx = 0; idx < length; ++idx) {
        if (words[post][cursor[post] + idx] != words[0][cursor[0] + idx]) return false;
      }
      return true;
    };
    bool same = true;
    for (std::size_t post = 1; post < texts.size() && same; ++post) same = gap_equals_first(post);
    if (same) {
      AddFixed(result, words[0], cursor[0], gap_end[0]);
    } else {
      TemplatePart slot{true, "", std::vector<std::string>(texts.size())};
      for (std::size_t post = 0; post < texts.size(); ++post) {
        AppendJoined(words[post], cursor[post], gap_end[post], slot.values[post]);
      }
      result.parts.push_back(std::move(slot));
      ++result.slots;
    }
    for (std::size_t post = 0; post < texts.size(); ++post) cursor[post] = gap_end[post] + 1;
    if (k < anchors.size()) {
      AddFixed(result, words[0], anchors[k], anchors[k] + 1);
      ++result.shared_words;
    }
  }
  return result;
}

}  // namespace vigil::core::monitor
