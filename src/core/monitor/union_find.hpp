// Union-find over dense indices. UnionFind: the smaller root wins, so that a set's root is always
// its smallest index (cluster ids are smallest members); used by linking and by the server's
// ingest. DisjointSets: union by size, for the pipeline's near-duplicate groups.
#pragma once

#include <cstddef>
#include <cstdint>
#include <numeric>
#include <utility>
#include <vector>

namespace vigil::core::monitor {

class UnionFind {
 public:
  explicit UnionFind(std::size_t size = 0) : parent_(size) {
    std::iota(parent_.begin(), parent_.end(), std::size_t{0});
  }
  // Adds one set holding the next index and returns that index.
  std::size_t Add() {
    parent_.push_back(parent_.size());
    return parent_.size() - 1;
  }
  std::size_t size() const { return parent_.size(); }
  std::size_t Find(std::size_t node) {
    while (parent_[node] != node) {
      parent_[node] = parent_[parent_[node]];  // path halving
      node = parent_[node];
    }
    return node;
  }
  // False when `a` and `b` were in one set already.
  bool Union(std::size_t a, std::size_t b) {
    a = Find(a);
    b = Find(b);
    if (a == b) return false;
    if (b < a) std::swap(a, b);
    parent_[b] = a;
    return true;
  }

 private:
  std::vector<std::size_t> parent_;
};

// Union-find with path halving and union by size, over 32-bit indices: any root may win, for
// callers that only ask whether two items are joined (the pipeline's near-duplicate groups).
class DisjointSets {
 public:
  explicit DisjointSets(std::size_t size) : parent_(size), size_(size, 1) {
    for (std::size_t idx = 0; idx < size; ++idx) parent_[idx] = static_cast<std::uint32_t>(idx);
  }
  std::uint32_t Find(std::size_t item) {
    auto at = static_cast<std::uint32_t>(item);
    while (parent_[at] != at) {
      parent_[at] = parent_[parent_[at]];
      at = parent_[at];
    }
    return at;
  }
  // False when `a` and `b` were already in one set.
  bool Union(std::size_t a, std::size_t b) {
    std::uint32_t root_a = Find(a), root_b = Find(b);
    if (root_a == root_b) return false;
    if (size_[root_a] < size_[root_b]) std::swap(root_a, root_b);
    parent_[root_b] = root_a;
    size_[root_a] += size_[root_b];
    return true;
  }

 private:
  std::vector<std::uint32_t> parent_;
  std::vector<std::uint32_t> size_;
};

}  // namespace vigil::core::monitor
