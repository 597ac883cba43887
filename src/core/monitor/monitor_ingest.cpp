// MonitorService::Ingest: analyse the new posts of a batch, find their links to stored posts
// (identifier hashes, LSH band keys verified on signatures) and to each other, merge the groups
// they join and recompute those clusters — only the clusters a batch touches are read and written.
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/monitor/monitor_service.hpp"
#include "core/monitor/union_find.hpp"

namespace vigil::core::monitor {
namespace {

using Key = std::pair<std::string, std::string>;

std::vector<std::string> DistinctCategories(const std::vector<IndicatorMatch>& indicators) {
  std::set<std::string> categories;
  for (const auto& hit : indicators) categories.insert(hit.category);
  return {categories.begin(), categories.end()};
}

template <typename T>
void SortUnique(std::vector<T>& values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
}

// One component of the batch's union-find: the new posts in it and the stored groups it joins.
struct Component {
  std::vector<std::size_t> fresh;   // indices into the batch's new posts
  std::vector<std::int64_t> groups;  // stored groups
};

// The summary of one cluster from all its members (by number) and the stored edges among them
// (edges of other posts are ignored). The identifiers and edges must join every member.
Result<ClusterRecord> ComputeClusterRecord(const std::vector<PostRecord>& members,
                                           const std::vector<StoredEdge>& edges,
                                           const RiskOptions& risk_options) {
  std::unordered_map<std::int64_t, std::size_t> position;
  std::vector<LinkPost> links(members.size());
  std::vector<RiskScore> risks(members.size());
  std::map<std::string, std::string> masked;  // hash -> masked value
  ClusterRecord record;
  for (std::size_t idx = 0; idx < members.size(); ++idx) {
    const PostRecord& member = members[idx];
    position[member.number] = idx;
    LinkPost& link = links[idx];
    link.source = member.source;
    link.id = member.id;
    link.posted_at = member.posted_at_seconds;
    link.language = member.language == "und" ? "" : member.language;
    link.city = member.location.value_or("");
    for (const auto& identifier : member.identifiers) {
      if (!identifier.links) continue;
      link.identifiers.push_back({identifier.type, identifier.hash});
      masked[identifier.hash] = identifier.masked;
    }
    risks[idx].total = member.risk;
    record.categories.insert(record.categories.end(), member.categories.begin(), member.categories.end());
  }
  std::vector<NearDuplicateEdge> local;
  for (const auto& edge : edges) {
    const auto earlier = position.find(edge.earlier), later = position.find(edge.later);
    if (earlier != position.end() && later != position.end()) {
      local.push_back({earlier->second, later->second, edge.similarity});
    }
  }
  Linking linking = LinkPosts(links, local, LinkOptions{});
  if (linking.clusters.size() != 1 || linking.clusters.front().members.size() != members.size()) {
    return MakeError(ErrorCode::kInternal, "the stored links of a cluster do not join all its posts");
  }
  const Cluster& cluster = linking.clusters.front();
  RiskScore risk = ComputeClusterRisk(cluster, links, risks, risk_options);
  for (auto& reason : risk.reasons) {
    // The riskiest post by (source, id): its position here means nothing to a reader.
    if (reason.code == "top-post") {
      const PostRecord& top = members[static_cast<std::size_t>(std::stoul(reason.subject))];
      reason.subject = top.source + "/" + top.id;
    }
  }
  record.size = members.size();
  record.risk = risk.total;
  record.reasons = std::move(risk.reasons);
  record.languages = cluster.languages;
  record.sources = cluster.sources;
  record.cities = cluster.cities;
  SortUnique(record.categories);
  record.first_seen = cluster.first_seen;
  record.last_seen = cluster.last_seen;
  for (const auto& shared : cluster.shared_identifiers) {
    record.shared_identifiers.push_back({shared.type, shared.value, masked[shared.value], shared.posts.size()});
  }
  return record;
}

}  // namespace

std::vector<std::uint32_t> BandKeys(const Signature& signature, const MinHashOptions& options) {
  std::vector<std::uint32_t> keys;
  if (signature.empty()) return keys;
  const auto rows = static_cast<std::size_t>(options.rows);
  keys.reserve(static_cast<std::size_t>(options.bands));
  for (std::size_t band = 0; band < static_cast<std::size_t>(options.bands); ++band) {
    std::uint64_t hash = 0x9E3779B97F4A7C15ULL * (band + 1);
    for (std::size_t row = 0; row < rows && band * rows + row < signature.size(); ++row) {
      hash ^= signature[band * rows + row];
      hash *= 0xFF51AFD7ED558CCDULL;
      hash ^= hash >> 33;
    }
    keys.push_back(static_cast<std::uint32_t>(hash ^ (hash >> 32)));
  }
  return keys;
}

std::string HashIdentifier(const access::Key& key, std::string_view type, std::string_view value) {
  std::string data(type);
  data.push_back('\0');
  data.append(value);
  return access::KeyedHashHex(key, data);
}

Result<IngestSummary> MonitorService::IngestLocked(const std::vector<Post>& posts) {
  IngestSummary summary;
  // New (source, id) pairs: the first in the batch, and only when not stored.
  std::vector<const Post*> fresh_posts;
  {
    std::set<Key> seen;
    std::vector<Key> keys;
    for (const Post& post : posts) {
      if (seen.emplace(post.source, post.id).second) keys.emplace_back(post.source, post.id);
    }
    auto known = store_.FindKnownPosts(keys);
    if (!known) return tl::unexpected(known.error());
    std::set<Key> stored(known->begin(), known->end());
    seen.clear();
    for (const Post& post : posts) {
      Key key{post.source, post.id};
      if (stored.contains(key) || !seen.insert(key).second) continue;
      fresh_posts.push_back(&post);
    }
  }
  summary.duplicates = posts.size() - fresh_posts.size();
  if (fresh_posts.empty()) return summary;

  std::vector<Post> batch;
  batch.reserve(fresh_posts.size());
  for (const Post* post : fresh_posts) batch.push_back(*post);
  auto analysed = pipeline_.Analyse(batch);
  if (!analysed) return tl::unexpected(analysed.error());
  auto next = store_.NextPostNumber();
  if (!next) return tl::unexpected(next.error());

  const PipelineOptions& options = pipeline_.options();
  IngestWrite write;
  write.posts.resize(batch.size());
  for (std::size_t idx = 0; idx < batch.size(); ++idx) {
    const Post& post = batch[idx];
    PostAnalysis& analysis = (*analysed)[idx];
    NewPost& stored = write.posts[idx];
    PostRecord& record = stored.record;
    record.number = *next + static_cast<std::int64_t>(idx);
    record.group = record.number;
    record.source = post.source;
    record.id = post.id;
    record.posted_at = post.posted_at;
    record.posted_at_seconds = ParseRfc3339(post.posted_at);
    record.language = analysis.result.language;
    record.region = post.region;
    record.location = post.location;
    record.risk = analysis.result.risk.total;
    record.categories = DistinctCategories(analysis.result.indicators);
    std::set<Key> linking;
    for (auto& identifier : analysis.link_identifiers) {
      // LinkPosts' rule on top of the pipeline's: no domain on a shared host links, path or not.
      if (identifier.type == "domain" && IsSharedHost(identifier.value, options.identifiers.shared_hosts)) continue;
      linking.emplace(identifier.type, identifier.value);
    }
    for (const auto& hit : analysis.result.identifiers) {
      StoredIdentifier identifier{hit.type, HashIdentifier(identifier_key_, hit.type, hit.value),
                                  MaskIdentifier(hit.type, hit.value), hit.value,
                                  linking.contains({hit.type, hit.value})};
      record.identifiers.push_back(std::move(identifier));
    }
    stored.content = {post.text, post.title, post.url};
    stored.signature = std::move(analysis.signature);
    stored.bands = BandKeys(stored.signature, options.minhash);
  }

  // Union-find nodes: the new posts first, then one node per stored group met.
  UnionFind sets(batch.size());
  std::map<std::int64_t, std::size_t> group_node;
  const auto node_of_group = [&](std::int64_t group) {
    auto [it, added] = group_node.emplace(group, 0);
    if (added) it->second = sets.Add();
    return it->second;
  };

  // Identifiers: each hash joins the new posts and stored groups holding it.
  std::vector<std::string> hashes;
  for (const NewPost& post : write.posts) {
    for (const auto& identifier : post.record.identifiers) {
      if (identifier.links) hashes.push_back(identifier.hash);
    }
  }
  SortUnique(hashes);
  std::unordered_map<std::string, std::size_t> first_node;
  for (std::size_t idx = 0; idx < write.posts.size(); ++idx) {
    for (const auto& identifier : write.posts[idx].record.identifiers) {
      if (!identifier.links) continue;
      auto [it, added] = first_node.emplace(identifier.hash, idx);
      if (!added) sets.Union(it->second, idx);
    }
  }
  if (!hashes.empty()) {
    auto holders = store_.FindIdentifierHolders(hashes);
    if (!holders) return tl::unexpected(holders.error());
    for (const auto& holder : *holders) {
      const auto it = first_node.find(holder.hash);
      if (it != first_node.end()) sets.Union(it->second, node_of_group(holder.group));
    }
  }

  // Near-duplicates: band keys shared with stored posts (the newest max_chain per key) or with
  // earlier posts of the batch, verified on the signatures. Only edges that join two groups are
  // kept, as in the pipeline: the clusters are the same with fewer edges.
  if (options.link_near_duplicates) {
    const auto per_key = static_cast<std::size_t>(std::max(1, options.minhash.max_chain));
    std::vector<std::uint32_t> keys;
    for (const NewPost& post : write.posts) keys.insert(keys.end(), post.bands.begin(), post.bands.end());
    SortUnique(keys);
    auto band_posts = store_.FindBandPosts(keys, per_key);
    if (!band_posts) return tl::unexpected(band_posts.error());
    std::vector<std::int64_t> numbers;
    for (const auto& [key, list] : *band_posts) numbers.insert(numbers.end(), list.begin(), list.end());
    SortUnique(numbers);
    auto stored = store_.LoadSignatures(numbers);
    if (!stored) return tl::unexpected(stored.error());
    std::unordered_map<std::uint32_t, std::vector<std::size_t>> batch_bands;
    for (std::size_t idx = 0; idx < write.posts.size(); ++idx) {
      NewPost& post = write.posts[idx];
      std::set<std::int64_t> stored_candidates;
      std::set<std::size_t> batch_candidates;
      for (std::uint32_t key : post.bands) {
        if (auto found = band_posts->find(key); found != band_posts->end()) {
          stored_candidates.insert(found->second.begin(), found->second.end());
        }
        auto& list = batch_bands[key];
        const std::size_t from = list.size() > per_key ? list.size() - per_key : 0;
        batch_candidates.insert(list.begin() + static_cast<std::ptrdiff_t>(from), list.end());
        list.push_back(idx);
      }
      for (std::int64_t number : stored_candidates) {
        const auto found = stored->find(number);
        if (found == stored->end()) continue;
        const std::size_t node = node_of_group(found->second.first);
        if (sets.Find(node) == sets.Find(idx)) continue;
        const double similarity = EstimateSimilarity(post.signature, found->second.second);
        if (similarity >= options.minhash.min_similarity && sets.Union(node, idx)) {
          write.edges.push_back({number, post.record.number, similarity});
        }
      }
      for (std::size_t earlier : batch_candidates) {
        if (sets.Find(earlier) == sets.Find(idx)) continue;
        const double similarity = EstimateSimilarity(post.signature, write.posts[earlier].signature);
        if (similarity >= options.minhash.min_similarity && sets.Union(earlier, idx)) {
          write.edges.push_back({write.posts[earlier].record.number, post.record.number, similarity});
        }
      }
    }
  }

  // Components holding new posts become (or grow) clusters.
  std::map<std::size_t, Component> components;  // by root
  for (std::size_t idx = 0; idx < write.posts.size(); ++idx) components[sets.Find(idx)].fresh.push_back(idx);
  for (const auto& [group, node] : group_node) {
    const auto found = components.find(sets.Find(node));
    if (found != components.end()) found->second.groups.push_back(group);
  }
  for (auto& [root, component] : components) {
    if (component.groups.empty() && component.fresh.size() < 2) continue;
    auto members = store_.LoadGroups(component.groups);
    if (!members) return tl::unexpected(members.error());
    auto edges = store_.LoadEdges(component.groups);
    if (!edges) return tl::unexpected(edges.error());
    for (std::size_t idx : component.fresh) members->push_back(write.posts[idx].record);
    std::sort(members->begin(), members->end(),
              [](const PostRecord& a, const PostRecord& b) { return a.number < b.number; });
    const std::int64_t id = members->front().number;
    for (std::int64_t group : component.groups) {
      if (group != id) write.regroup.emplace_back(group, id);
    }
    for (std::size_t idx : component.fresh) write.posts[idx].record.group = id;
    for (const auto& edge : write.edges) edges->push_back(edge);
    auto cluster = ComputeClusterRecord(*members, *edges, options.risk);
    if (!cluster) return tl::unexpected(cluster.error());
    cluster->id = id;
    auto reviews = store_.LoadReviews(component.groups);
    if (!reviews) return tl::unexpected(reviews.error());
    if (!reviews->empty()) cluster->status = reviews->front().status;
    write.clusters.push_back(std::move(*cluster));
    ++summary.clusters_changed;
  }
  if (auto saved = store_.SaveBatch(write); !saved) return tl::unexpected(saved.error());
  summary.accepted = write.posts.size();
  return summary;
}

}  // namespace vigil::core::monitor
