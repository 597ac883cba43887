// Linking posts into clusters: union-find over shared identifiers (phones, e-mails, messenger
// handles, registered domain + path) and near-duplicate edges. A cluster has at least two
// members; its id is its smallest input index, so ids do not depend on how many threads
// computed the inputs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/monitor/minhash.hpp"

namespace vigil::core::monitor {

struct PostIdentifier {
  std::string type;   // "phone" | "email" | "domain" | "telegram" | "whatsapp" | "viber" | ...
  std::string value;  // normalised (E.164, lower-case e-mail, "host/path" for domains)
};

// What linking needs of a post (the rest of the post stays with the caller).
struct LinkPost {
  std::string source;
  std::string id;
  std::optional<std::int64_t> posted_at;  // seconds since 1970-01-01 UTC, when known
  std::string language;                   // "" when unknown
  std::string city;                       // "" when unknown
  std::vector<PostIdentifier> identifiers;
};

struct LinkOptions {
  // Hosts that many unrelated posters share (social networks, link shorteners, messengers): a
  // "domain" identifier on one of them, or on a subdomain of one, never links posts.
  std::vector<std::string> shared_hosts;
  bool link_near_duplicates = true;  // false: identifiers alone (the EMSCAD check)
};

struct SharedIdentifier {
  std::string type;
  std::string value;
  std::vector<std::size_t> posts;  // input indices holding it, ascending (at least two)
};

struct Cluster {
  std::size_t id = 0;                // the smallest member index
  std::vector<std::size_t> members;  // input indices, ascending
  std::vector<SharedIdentifier> shared_identifiers;  // by type, then value
  std::size_t near_duplicate_edges = 0;  // edges inside the cluster
  std::optional<std::int64_t> first_seen;
  std::optional<std::int64_t> last_seen;
  std::vector<std::string> sources;    // distinct, sorted
  std::vector<std::string> languages;  // distinct, sorted, without ""
  std::vector<std::string> cities;     // distinct, sorted, without ""
};

struct Linking {
  std::vector<std::optional<std::size_t>> cluster_of;  // per post: index into clusters, or none
  std::vector<Cluster> clusters;                       // ordered by id
};

// True when `host_and_path` ("host/path" or "host") is on a shared host or a subdomain of one.
[[nodiscard]] bool IsSharedHost(const std::string& host_and_path,
                                const std::vector<std::string>& shared_hosts);

// Links `posts` through identifiers they share and through `edges` (indices into `posts`; ignored
// when options.link_near_duplicates is false). Deterministic: the same inputs give the same
// clusters, ids and orders. REQUIRES: every edge index < posts.size().
[[nodiscard]] Linking LinkPosts(const std::vector<LinkPost>& posts,
                                const std::vector<NearDuplicateEdge>& edges,
                                const LinkOptions& options);

}  // namespace vigil::core::monitor
