#include "core/monitor/linking.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
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

// IsSharedHost with the shared hosts already in lower case.
bool OnSharedHost(const std::string& host_and_path, const std::vector<std::string>& lowered_hosts) {
  const std::string host = LowerAscii(host_and_path.substr(0, host_and_path.find('/')));
  for (const auto& shared : lowered_hosts) {
    if (host == shared) return true;
    if (host.size() > shared.size() && host.compare(host.size() - shared.size(), shared.size(), shared) == 0 &&
        host[host.size() - shared.size() - 1] == '.') {
      return true;
    }
  }
  return false;
}

}  // namespace

bool IsSharedHost(const std::string& host_and_path, const std::vector<std::string>& shared_hosts) {
  std::vector<std::string> lowered;
  for (const auto& host : shared_hosts) lowered.push_back(LowerAscii(host));
  return OnSharedHost(host_and_path, lowered);
}

Linking LinkPosts(const std::vector<LinkPost>& posts, const std::vector<NearDuplicateEdge>& edges,
                  const LinkOptions& options) {
  UnionFind sets(posts.size());
  // (type, value) -> posts holding it, in input order (a post listing it twice counts once). A
  // million posts hold a million and more identifiers: the holders are found through an
  // open-addressing table of views into the posts (no key is copied), and each holder's posts are
  // a chain through one array of occurrences, listed only for identifiers held twice or more.
  struct Holder {
    const PostIdentifier* identifier;
    std::uint32_t first = 0, last = 0;  // occurrences: the first and the latest (chain through next)
    std::size_t count = 0;
  };
  struct Occurrence {
    std::size_t post;
    std::uint32_t next;
  };
  constexpr std::uint32_t kEnd = UINT32_MAX;
  std::vector<Holder> holders;
  std::vector<Occurrence> occurrences;
  std::size_t capacity = 64;
  for (const LinkPost& post : posts) capacity += post.identifiers.size();
  std::vector<std::uint32_t> table(std::bit_ceil(capacity * 2), kEnd);  // holder indices
  const std::size_t mask = table.size() - 1;
  std::vector<std::string> shared_hosts;
  for (const std::string& host : options.shared_hosts) shared_hosts.push_back(LowerAscii(host));
  for (std::size_t post_idx = 0; post_idx < posts.size(); ++post_idx) {
    for (const auto& identifier : posts[post_idx].identifiers) {
      if (identifier.value.empty()) continue;
      if (identifier.type == "domain" && OnSharedHost(identifier.value, shared_hosts)) continue;
      const std::size_t hash = std::hash<std::string_view>{}(identifier.value) * 31 +
                               std::hash<std::string_view>{}(identifier.type);
      std::size_t slot = hash & mask;
      while (table[slot] != kEnd) {
        const PostIdentifier& known = *holders[table[slot]].identifier;
        if (known.value == identifier.value && known.type == identifier.type) break;
        slot = (slot + 1) & mask;
      }
      if (table[slot] == kEnd) {
        table[slot] = static_cast<std::uint32_t>(holders.size());
        holders.push_back({&identifier, static_cast<std::uint32_t>(occurrences.size()),
                           static_cast<std::uint32_t>(occurrences.size()), 1});
        occurrences.push_back({post_idx, kEnd});
        continue;
      }
      Holder& holder = holders[table[slot]];
      if (occurrences[holder.last].post == post_idx) continue;
      occurrences[holder.last].next = static_cast<std::uint32_t>(occurrences.size());
      holder.last = static_cast<std::uint32_t>(occurrences.size());
      occurrences.push_back({post_idx, kEnd});
      ++holder.count;
      sets.Union(occurrences[holder.first].post, post_idx);
    }
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
  for (const Holder& holder : holders) {
    if (holder.count < 2) continue;
    const auto cluster_idx = linking.cluster_of[occurrences[holder.first].post];
    if (!cluster_idx) continue;
    std::vector<std::size_t> holding;
    holding.reserve(holder.count);
    for (std::uint32_t at = holder.first; at != kEnd; at = occurrences[at].next) holding.push_back(occurrences[at].post);
    linking.clusters[*cluster_idx].shared_identifiers.push_back(
        {holder.identifier->type, holder.identifier->value, std::move(holding)});
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
