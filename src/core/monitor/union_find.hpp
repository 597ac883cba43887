// Union-find over dense indices where the smaller root wins, so that a set's root is always its
// smallest index (cluster ids are smallest members). Used by linking and by the server's ingest.
#pragma once

#include <cstddef>
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

}  // namespace vigil::core::monitor
