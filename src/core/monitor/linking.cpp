#include "core/monitor/linking.hpp"

#include <algorithm>
#include <map>
#include <set>
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
  // (type, value) -> posts holding it, in input order (a post listing it twice counts once).
  std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> holders;
  for (std::size_t post_idx = 0; post_idx < posts.size(); ++post_idx) {
    for (const auto& identifier : posts[post_idx].identifiers) {
      if (identifier.value.empty()) continue;
      if (identifier.type == "domain" && IsSharedHost(identifier.value, options.shared_hosts)) {
        continue;
      }
      auto& list = holders[{identifier.type, identifier.value}];
      if (list.empty() || list.back() != post_idx) list.push_back(post_idx);
    }
  }
  for (const auto& [key, list] : holders) {
    for (std::size_t idx = 1; idx < list.size(); ++idx) sets.Union(list[0], list[idx]);
  }
  if (options.link_near_duplicates) {
    for (const auto& edge : edges) sets.Union(edge.earlier, edge.later);
  }

  Linking linking;
  linking.cluster_of.assign(posts.size(), std::nullopt);
  std::map<std::size_t, std::vector<std::size_t>> by_root;  // ordered: root = smallest index
  for (std::size_t post_idx = 0; post_idx < posts.size(); ++post_idx) {
    by_root[sets.Find(post_idx)].push_back(post_idx);
  }
  for (auto& [root, members] : by_root) {
    if (members.size() < 2) continue;
    const std::size_t cluster_idx = linking.clusters.size();
    Cluster cluster;
    cluster.id = root;
    cluster.members = std::move(members);
    for (std::size_t member : cluster.members) {
      linking.cluster_of[member] = cluster_idx;
      const LinkPost& post = posts[member];
      AddDistinct(cluster.sources, post.source);
      AddDistinct(cluster.languages, post.language);
      AddDistinct(cluster.cities, post.city);
      if (post.posted_at) {
        if (!cluster.first_seen || *post.posted_at < *cluster.first_seen) cluster.first_seen = post.posted_at;
        if (!cluster.last_seen || *post.posted_at > *cluster.last_seen) cluster.last_seen = post.posted_at;
      }
    }
    SortUnique(cluster.sources);
    SortUnique(cluster.languages);
    SortUnique(cluster.cities);
    linking.clusters.push_back(std::move(cluster));
  }
  // Shared identifiers: every identifier held by two or more posts lies inside one cluster.
  for (const auto& [key, list] : holders) {
    if (list.size() < 2) continue;
    const auto cluster_idx = linking.cluster_of[list[0]];
    if (!cluster_idx) continue;
    linking.clusters[*cluster_idx].shared_identifiers.push_back({key.first, key.second, list});
  }
  for (const auto& edge : edges) {
    if (!options.link_near_duplicates) break;
    const auto cluster_idx = linking.cluster_of[edge.earlier];
    if (cluster_idx) ++linking.clusters[*cluster_idx].near_duplicate_edges;
  }
  return linking;
}

}  // namespace vigil::core::monitor
