#include "core/monitor/template.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

namespace vigil::core::monitor {
namespace {

std::vector<std::string_view> SplitWords(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t pos = 0;
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  while (pos < text.size()) {
    while (pos < text.size() && is_space(text[pos])) ++pos;
    const std::size_t start = pos;
    while (pos < text.size() && !is_space(text[pos])) ++pos;
    if (pos > start) words.push_back(text.substr(start, pos - start));
  }
  return words;
}

// For each word of `base`, the index of the word of `other` it is aligned with, or -1. Words are
// compared by id (equal words, equal ids). Near-duplicates share long runs at both ends: the
// common prefix and suffix are aligned word for word (a longest common subsequence always can),
// and only the middle goes through the quadratic table.
std::vector<long> Align(const std::vector<std::uint32_t>& base, const std::vector<std::uint32_t>& other) {
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
  std::vector<std::uint16_t> table((rows + 1) * (cols + 1), 0);
  auto at = [&](std::size_t row, std::size_t col) -> std::uint16_t& { return table[row * (cols + 1) + col]; };
  for (std::size_t row = rows; row-- > 0;) {
    for (std::size_t col = cols; col-- > 0;) {
      at(row, col) = left[row] == right[col] ? static_cast<std::uint16_t>(at(row + 1, col + 1) + 1)
                                             : std::max(at(row + 1, col), at(row, col + 1));
    }
  }
  for (std::size_t row = 0, col = 0; row < rows && col < cols;) {
    if (left[row] == right[col]) {
      aligned[prefix + row] = static_cast<long>(prefix + col);
      ++row, ++col;
    } else if (at(row + 1, col) >= at(row, col + 1)) {
      ++row;
    } else {
      ++col;
    }
  }
  return aligned;
}

std::string Join(const std::vector<std::string_view>& words, std::size_t from, std::size_t to) {
  std::string text;
  for (std::size_t idx = from; idx < to; ++idx) {
    if (!text.empty()) text += ' ';
    text.append(words[idx]);
  }
  return text;
}

void AddFixed(ClusterTemplate& result, const std::string& text) {
  if (text.empty()) return;
  if (!result.parts.empty() && !result.parts.back().is_slot) {
    result.parts.back().text += " " + text;
  } else {
    result.parts.push_back({false, text, {}});
  }
}

}  // namespace

ClusterTemplate ComputeTemplate(const std::vector<std::string_view>& texts, std::size_t max_words) {
  ClusterTemplate result;
  if (texts.empty()) return result;
  std::vector<std::vector<std::string_view>> words;
  for (auto text : texts) words.push_back(SplitWords(text));
  // Word ids, shared across the posts, for the alignment.
  std::unordered_map<std::string_view, std::uint32_t> ids;
  auto aligned_part = [&](std::size_t post) {
    std::vector<std::uint32_t> part;
    const std::size_t count = std::min(max_words, words[post].size());
    part.reserve(count);
    for (std::size_t idx = 0; idx < count; ++idx) {
      part.push_back(ids.emplace(words[post][idx], static_cast<std::uint32_t>(ids.size())).first->second);
    }
    return part;
  };
  const std::vector<std::string_view> base(words[0].begin(),
                                           words[0].begin() + static_cast<long>(std::min(max_words, words[0].size())));
  const std::vector<std::uint32_t> base_ids = aligned_part(0);
  // alignments[post - 1][row] = where base word `row` sits in `post`, or -1.
  std::vector<std::vector<long>> alignments;
  for (std::size_t post = 1; post < texts.size(); ++post) alignments.push_back(Align(base_ids, aligned_part(post)));
  std::vector<std::size_t> anchors;
  for (std::size_t row = 0; row < base.size(); ++row) {
    bool everywhere = true;
    for (const auto& alignment : alignments) everywhere = everywhere && alignment[row] >= 0;
    if (everywhere) anchors.push_back(row);
  }
  // Walk the gaps before, between and after the anchors; equal gaps are text, different are slots.
  std::vector<std::size_t> cursor(texts.size(), 0);  // next unread word per post
  for (std::size_t k = 0; k <= anchors.size(); ++k) {
    std::vector<std::string> gap(texts.size());
    for (std::size_t post = 0; post < texts.size(); ++post) {
      std::size_t end = 0;
      if (k < anchors.size()) {
        end = post == 0 ? anchors[k] : static_cast<std::size_t>(alignments[post - 1][anchors[k]]);
      } else {
        end = words[post].size();
      }
      gap[post] = Join(words[post], cursor[post], end);
      cursor[post] = end + 1;
    }
    const bool same = std::all_of(gap.begin(), gap.end(), [&](const std::string& g) { return g == gap[0]; });
    if (same) {
      AddFixed(result, gap[0]);
    } else {
      result.parts.push_back({true, "", gap});
      ++result.slots;
    }
    if (k < anchors.size()) {
      AddFixed(result, std::string(base[anchors[k]]));
      ++result.shared_words;
    }
  }
  return result;
}

}  // namespace vigil::core::monitor
