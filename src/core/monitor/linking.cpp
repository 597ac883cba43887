#include "core/monitor/linking.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>

#include "core/monitor/union_find.hpp"

namespace vigil::core::monitor {
namespace {

std::string LowerAscii(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

void AddDistinct(std::vector<std::string>& values, const std::string& value) {
  if (!value.empty()) values.push_back(value);
}

void SortUnique(std::vector<std::string>& values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
}

}  // namespace

bool IsSharedHost(const std::string& host_and_path, const std::vector<std::string>& shared_hosts) {
  const std::string host = LowerAscii(host_and_path.substr(0, host_and_path.find('/')));
  for (const auto& shared_raw : shared_hosts) {
    const std::string shared = LowerAscii(shared_raw);
    if (host == shared) return true;
    if (host.size() > shared.size() && host.compare(host.size() - shared.size(), shared.size(), shared) == 0 &&
        host[host.size() - shared.size() - 1] == '.') {
      return true;
    }
  }
  return false;
}

Linking LinkPosts(const std::vector<LinkPost>& posts, const std::vector<NearDuplicateEdge>& edges,
                  const LinkOptions& options) {
  UnionFind sets(posts.size());
  // (type, value) -> posts holding it, in input order (a post listing it twice counts once). A
  // hash map: a million posts hold a million and more identifiers.
  struct Holders {
    const PostIdentifier* identifier;
    std::vector<std::size_t> posts;
  };
  std::vector<Holders> holders;
  std::unordered_map<std::string, std::size_t> holder_of;  // "type\0value" -> index in holders
  holder_of.reserve(posts.size());
  std::string key;
  for (std::size_t post_idx = 0; post_idx < posts.size(); ++post_idx) {
    for (const auto& identifier : posts[post_idx].identifiers) {
      if (identifier.value.empty()) continue;
      if (identifier.type == "domain" && IsSharedHost(identifier.value, options.shared_hosts)) {
        continue;
      }
      key.assign(identifier.type);
      key.push_back('\0');
      key += identifier.value;
      const auto [found, added] = holder_of.try_emplace(key, holders.size());
      if (added) holders.push_back({&identifier, {}});
      auto& list = holders[found->second].posts;
      if (list.empty() || list.back() != post_idx) list.push_back(post_idx);
    }
  }
  for (const auto& holder : holders) {
    for (std::size_t idx = 1; idx < holder.posts.size(); ++idx) sets.Union(holder.posts[0], holder.posts[idx]);
  }
  if (options.link_near_duplicates) {
    for (const auto& edge : edges) sets.Union(edge.earlier, edge.later);
  }

  // A set's root is its smallest member, so walking the posts in order meets the clusters in the
  // order of their ids, and each cluster's members in ascending order.
  Linking linking;
  linking.cluster_of.assign(posts.size(), std::nullopt);
  std::vector<std::size_t> set_size(posts.size(), 0);
  for (std::size_t post_idx = 0; post_idx < posts.size(); ++post_idx) ++set_size[sets.Find(post_idx)];
  for (std::size_t post_idx = 0; post_idx < posts.size(); ++post_idx) {
    const std::size_t root = sets.Find(post_idx);
    if (set_size[root] < 2) continue;
    if (root == post_idx) {
      linking.cluster_of[post_idx] = linking.clusters.size();
      Cluster cluster;
      cluster.id = root;
      cluster.members.reserve(set_size[root]);
      linking.clusters.push_back(std::move(cluster));
    } else {
      linking.cluster_of[post_idx] = linking.cluster_of[root];
    }
    Cluster& cluster = linking.clusters[*linking.cluster_of[post_idx]];
    cluster.members.push_back(post_idx);
    const LinkPost& post = posts[post_idx];
    AddDistinct(cluster.sources, post.source);
    AddDistinct(cluster.languages, post.language);
    AddDistinct(cluster.cities, post.city);
    if (post.posted_at) {
      if (!cluster.first_seen || *post.posted_at < *cluster.first_seen) cluster.first_seen = post.posted_at;
      if (!cluster.last_seen || *post.posted_at > *cluster.last_seen) cluster.last_seen = post.posted_at;
    }
  }
  for (Cluster& cluster : linking.clusters) {
    SortUnique(cluster.sources);
    SortUnique(cluster.languages);
    SortUnique(cluster.cities);
  }
  // Shared identifiers: every identifier held by two or more posts lies inside one cluster; each
  // cluster lists them by type, then value.
  for (auto& holder : holders) {
    if (holder.posts.size() < 2) continue;
    const auto cluster_idx = linking.cluster_of[holder.posts[0]];
    if (!cluster_idx) continue;
    linking.clusters[*cluster_idx].shared_identifiers.push_back(
        {holder.identifier->type, holder.identifier->value, std::move(holder.posts)});
  }
  for (Cluster& cluster : linking.clusters) {
    std::sort(cluster.shared_identifiers.begin(), cluster.shared_identifiers.end(),
              [](const SharedIdentifier& a, const SharedIdentifier& b) {
                return a.type != b.type ? a.type < b.type : a.value < b.value;
              });
  }
  for (const auto& edge : edges) {
    if (!options.link_near_duplicates) break;
    const auto cluster_idx = linking.cluster_of[edge.earlier];
    if (cluster_idx) ++linking.clusters[*cluster_idx].near_duplicate_edges;
  }
  return linking;
}

}  // namespace vigil::core::monitor
