#include "storage/memory/monitor_store.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace vigil::storage::memory {

using core::monitor::ClusterFilter;
using core::monitor::ClusterPage;
using core::monitor::ClusterRecord;
using core::monitor::IngestWrite;
using core::monitor::PostContent;
using core::monitor::PostRecord;
using core::monitor::Review;
using core::monitor::StoredEdge;

namespace {

bool Contains(const std::vector<std::string>& values, const std::string& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

bool Matches(const ClusterRecord& cluster, const ClusterFilter& filter) {
  if (filter.language && !Contains(cluster.languages, *filter.language)) return false;
  if (filter.category && !Contains(cluster.categories, *filter.category)) return false;
  if (filter.source && !Contains(cluster.sources, *filter.source)) return false;
  if (filter.from && !(cluster.last_seen && *cluster.last_seen >= *filter.from)) return false;
  if (filter.to && !(cluster.first_seen && *cluster.first_seen < *filter.to)) return false;
  if (filter.status && cluster.status != *filter.status) return false;
  return true;
}

}  // namespace

Result<std::vector<std::pair<std::string, std::string>>> MemoryMonitorStore::FindKnownPosts(
    const std::vector<std::pair<std::string, std::string>>& keys) {
  const std::lock_guard lock(mutex_);
  std::vector<std::pair<std::string, std::string>> known;
  for (const auto& key : keys) {
    if (numbers_.contains(key)) known.push_back(key);
  }
  return known;
}

Result<std::int64_t> MemoryMonitorStore::NextPostNumber() {
  const std::lock_guard lock(mutex_);
  return posts_.empty() ? 1 : posts_.rbegin()->first + 1;
}

Result<std::map<std::uint32_t, std::vector<std::int64_t>>> MemoryMonitorStore::FindBandPosts(
    const std::vector<std::uint32_t>& keys, std::size_t per_key) {
  const std::lock_guard lock(mutex_);
  std::map<std::uint32_t, std::vector<std::int64_t>> found;
  for (std::uint32_t key : keys) {
    std::vector<std::int64_t> numbers;
    for (auto [it, end] = bands_.equal_range(key); it != end; ++it) numbers.push_back(it->second);
    if (numbers.empty()) continue;
    std::sort(numbers.rbegin(), numbers.rend());
    numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
    if (numbers.size() > per_key) numbers.resize(per_key);
    found[key] = std::move(numbers);
  }
  return found;
}

Result<std::map<std::int64_t, std::pair<std::int64_t, core::monitor::Signature>>>
MemoryMonitorStore::LoadSignatures(const std::vector<std::int64_t>& numbers) {
  const std::lock_guard lock(mutex_);
  std::map<std::int64_t, std::pair<std::int64_t, core::monitor::Signature>> found;
  for (std::int64_t number : numbers) {
    const auto post = posts_.find(number);
    if (post != posts_.end()) found[number] = {post->second.record.group, post->second.signature};
  }
  return found;
}

Result<std::vector<MemoryMonitorStore::Holder>> MemoryMonitorStore::FindIdentifierHolders(
    const std::vector<std::string>& hashes) {
  const std::lock_guard lock(mutex_);
  const std::set<std::string> wanted(hashes.begin(), hashes.end());
  std::vector<Holder> holders;
  for (const auto& [number, post] : posts_) {
    for (const auto& identifier : post.record.identifiers) {
      if (identifier.links && wanted.contains(identifier.hash)) {
        holders.push_back({identifier.hash, number, post.record.group});
      }
    }
  }
  return holders;
}

std::vector<PostRecord> MemoryMonitorStore::MembersLocked(const std::vector<std::int64_t>& groups) const {
  const std::set<std::int64_t> wanted(groups.begin(), groups.end());
  std::vector<PostRecord> members;
  for (const auto& [number, post] : posts_) {
    if (!wanted.contains(post.record.group)) continue;
    members.push_back(post.record);
    for (auto& identifier : members.back().identifiers) identifier.value.clear();
  }
  return members;
}

Result<std::vector<PostRecord>> MemoryMonitorStore::LoadGroups(const std::vector<std::int64_t>& groups) {
  const std::lock_guard lock(mutex_);
  return MembersLocked(groups);
}

Result<std::vector<StoredEdge>> MemoryMonitorStore::LoadEdges(const std::vector<std::int64_t>& groups) {
  const std::lock_guard lock(mutex_);
  const std::set<std::int64_t> wanted(groups.begin(), groups.end());
  const auto in_groups = [&](std::int64_t number) {
    const auto post = posts_.find(number);
    return post != posts_.end() && wanted.contains(post->second.record.group);
  };
  std::vector<StoredEdge> edges;
  for (const auto& edge : edges_) {
    if (in_groups(edge.earlier) && in_groups(edge.later)) edges.push_back(edge);
  }
  return edges;
}

Status MemoryMonitorStore::SaveBatch(const IngestWrite& write) {
  const std::lock_guard lock(mutex_);
  if (fail_next_save_) {
    fail_next_save_ = false;
    return MakeError(ErrorCode::kUnavailable, "the store failed (test)");
  }
  for (const auto& post : write.posts) {
    if (posts_.contains(post.record.number) || numbers_.contains({post.record.source, post.record.id})) {
      return MakeError(ErrorCode::kConflict, "a post of the batch is stored already", "conflict");
    }
  }
  for (const auto& [from, to] : write.regroup) {
    for (auto& [number, post] : posts_) {
      if (post.record.group == from) post.record.group = to;
    }
    clusters_.erase(from);
  }
  for (const auto& post : write.posts) {
    posts_[post.record.number] = post;
    numbers_[{post.record.source, post.record.id}] = post.record.number;
    for (std::uint32_t key : post.bands) bands_.emplace(key, post.record.number);
  }
  edges_.insert(edges_.end(), write.edges.begin(), write.edges.end());
  for (const auto& cluster : write.clusters) clusters_[cluster.id] = cluster;
  return {};
}

Result<ClusterPage> MemoryMonitorStore::ListClusters(const ClusterFilter& filter) {
  const std::lock_guard lock(mutex_);
  std::vector<const ClusterRecord*> matching;
  for (const auto& [id, cluster] : clusters_) {
    if (Matches(cluster, filter)) matching.push_back(&cluster);
  }
  // Ranked as the SQLite store ranks: by risk in whole thousandths, then id.
  std::stable_sort(matching.begin(), matching.end(), [](const auto* a, const auto* b) {
    return std::llround(a->risk * 1000.0) > std::llround(b->risk * 1000.0);
  });
  ClusterPage page;
  page.total = matching.size();
  for (std::size_t idx = filter.offset; idx < matching.size() && page.clusters.size() < filter.limit; ++idx) {
    page.clusters.push_back(*matching[idx]);
  }
  return page;
}

Result<ClusterRecord> MemoryMonitorStore::LoadCluster(std::int64_t id) {
  const std::lock_guard lock(mutex_);
  const auto found = clusters_.find(id);
  if (found == clusters_.end()) return MakeError(ErrorCode::kNotFound, "no cluster with this id", "not-found");
  return found->second;
}

Result<std::vector<PostRecord>> MemoryMonitorStore::LoadMembers(std::int64_t id, std::size_t limit) {
  const std::lock_guard lock(mutex_);
  auto members = MembersLocked({id});
  std::stable_sort(members.begin(), members.end(), [](const PostRecord& a, const PostRecord& b) {
    return a.posted_at_seconds.value_or(0) < b.posted_at_seconds.value_or(0);
  });
  if (members.size() > limit) members.resize(limit);
  return members;
}

Result<std::map<std::int64_t, PostContent>> MemoryMonitorStore::LoadContents(
    const std::vector<std::int64_t>& numbers) {
  const std::lock_guard lock(mutex_);
  std::map<std::int64_t, PostContent> contents;
  for (std::int64_t number : numbers) {
    if (const auto post = posts_.find(number); post != posts_.end()) contents[number] = post->second.content;
  }
  return contents;
}

Result<std::map<std::string, std::string>> MemoryMonitorStore::LoadIdentifierValues(
    const std::vector<std::string>& hashes) {
  const std::lock_guard lock(mutex_);
  const std::set<std::string> wanted(hashes.begin(), hashes.end());
  std::map<std::string, std::string> values;
  for (const auto& [number, post] : posts_) {
    for (const auto& identifier : post.record.identifiers) {
      if (wanted.contains(identifier.hash)) values[identifier.hash] = identifier.value;
    }
  }
  return values;
}

Result<std::vector<Review>> MemoryMonitorStore::LoadReviews(const std::vector<std::int64_t>& groups) {
  const std::lock_guard lock(mutex_);
  std::set<std::int64_t> members;
  for (const auto& member : MembersLocked(groups)) members.insert(member.number);
  std::vector<Review> found;
  for (auto it = reviews_.rbegin(); it != reviews_.rend(); ++it) {
    if (members.contains(it->cluster)) found.push_back(*it);
  }
  return found;
}

Status MemoryMonitorStore::SaveReview(const Review& review) {
  const std::lock_guard lock(mutex_);
  const auto found = clusters_.find(review.cluster);
  if (found == clusters_.end()) return MakeError(ErrorCode::kNotFound, "no cluster with this id", "not-found");
  found->second.status = review.status;
  reviews_.push_back(review);
  return {};
}

}  // namespace vigil::storage::memory
