// What the server keeps of monitored posts and their clusters, and the port (MonitorStore) the
// storage adapters implement. Contact identifiers are kept as keyed hashes (for linking) and masked
// forms (for display); raw values and post contents are sealed at rest by the adapter.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/common/error.hpp"
#include "core/monitor/minhash.hpp"
#include "core/monitor/risk.hpp"

namespace vigil::core::monitor {

enum class ReviewStatus { kUnreviewed, kBenign, kSuspicious, kReported };

// "unreviewed", "benign", "suspicious", "reported".
[[nodiscard]] std::string_view ReviewStatusName(ReviewStatus status);
[[nodiscard]] std::optional<ReviewStatus> ParseReviewStatus(std::string_view name);

// One contact identifier of a stored post.
struct StoredIdentifier {
  std::string type;    // IdentifierTypeName
  std::string hash;    // keyed BLAKE2b-256 (hex) of type and value: what links posts
  std::string masked;  // MaskIdentifier(type, value): safe for every role
  std::string value;   // the raw normalised value; sealed at rest; "" when not loaded
  bool links = true;   // false: shown, never used for linking (a shared host)
};

// A stored post without its content: what linking, ranking and filters need.
struct PostRecord {
  std::int64_t number = 0;  // 1, 2, 3, ... in ingest order; never reused
  // The id of the post's cluster (its smallest member number), or the post's own number while
  // it is in no cluster.
  std::int64_t group = 0;
  std::string source;
  std::string id;
  std::string posted_at;                  // RFC 3339 as received
  std::optional<std::int64_t> posted_at_seconds;
  std::string language;                   // "und" when unknown
  std::optional<std::string> region;
  std::optional<std::string> location;
  double risk = 0.0;                      // the post's risk total
  std::vector<std::string> categories;    // distinct lure categories found, sorted
  std::vector<StoredIdentifier> identifiers;
};

// A post's content, sealed at rest (it holds raw contact details).
struct PostContent {
  std::string text;
  std::optional<std::string> title;
  std::optional<std::string> url;
};

struct NewPost {
  PostRecord record;
  PostContent content;
  Signature signature;                 // empty when the text has no words
  std::vector<std::uint32_t> bands;    // LSH band keys (BandKeys)
};

struct StoredEdge {
  std::int64_t earlier = 0;  // post numbers
  std::int64_t later = 0;
  double similarity = 0.0;
};

struct ClusterIdentifier {
  std::string type;
  std::string hash;
  std::string masked;
  std::size_t posts = 0;  // members holding it
};

struct ClusterRecord {
  std::int64_t id = 0;  // the smallest member number
  std::size_t size = 0;
  double risk = 0.0;
  std::vector<RiskReason> reasons;
  std::vector<std::string> languages;
  std::vector<std::string> sources;
  std::vector<std::string> cities;
  std::vector<std::string> categories;
  std::optional<std::int64_t> first_seen;  // seconds since 1970 UTC
  std::optional<std::int64_t> last_seen;
  ReviewStatus status = ReviewStatus::kUnreviewed;
  std::vector<ClusterIdentifier> shared_identifiers;  // by type, then hash
};

struct Review {
  std::int64_t cluster = 0;  // the cluster id when the review was made
  ReviewStatus status = ReviewStatus::kBenign;
  std::string note;
  std::string by;  // account name
  std::int64_t at_ms = 0;
};

// What one ingest writes, all or nothing.
struct IngestWrite {
  std::vector<NewPost> posts;
  std::vector<StoredEdge> edges;
  // Existing groups renumbered: every post whose group is `first` moves to `second`, and the
  // cluster row `first` (if any) goes away.
  std::vector<std::pair<std::int64_t, std::int64_t>> regroup;
  std::vector<ClusterRecord> clusters;  // inserted or replaced
};

struct ClusterFilter {
  std::optional<std::string> language;
  std::optional<std::string> category;
  std::optional<std::string> source;
  std::optional<std::int64_t> from;  // seconds: clusters whose last_seen >= from
  std::optional<std::int64_t> to;    // seconds: clusters whose first_seen < to
  std::optional<ReviewStatus> status;
  std::size_t limit = 50;
  std::size_t offset = 0;
};

struct ClusterPage {
  std::size_t total = 0;                // clusters matching the filter
  std::vector<ClusterRecord> clusters;  // by risk (desc), then id (asc)
};

class MonitorStore {
 public:
  virtual ~MonitorStore() = default;

  // The (source, id) pairs among `keys` that are stored.
  [[nodiscard]] virtual Result<std::vector<std::pair<std::string, std::string>>> FindKnownPosts(
      const std::vector<std::pair<std::string, std::string>>& keys) = 0;
  // One more than the highest stored post number (1 when empty).
  [[nodiscard]] virtual Result<std::int64_t> NextPostNumber() = 0;
  // For each band key, the newest `per_key` stored posts filed under it (numbers, newest first).
  [[nodiscard]] virtual Result<std::map<std::uint32_t, std::vector<std::int64_t>>> FindBandPosts(
      const std::vector<std::uint32_t>& keys, std::size_t per_key) = 0;
  // Group and signature of each stored post in `numbers` (unknown numbers are left out).
  [[nodiscard]] virtual Result<std::map<std::int64_t, std::pair<std::int64_t, Signature>>>
  LoadSignatures(const std::vector<std::int64_t>& numbers) = 0;
  // (hash, post number, group) of every stored post holding a linking identifier in `hashes`.
  struct Holder {
    std::string hash;
    std::int64_t number = 0;
    std::int64_t group = 0;
  };
  [[nodiscard]] virtual Result<std::vector<Holder>> FindIdentifierHolders(
      const std::vector<std::string>& hashes) = 0;
  // Every post in the groups, by number, with identifiers (values left empty).
  [[nodiscard]] virtual Result<std::vector<PostRecord>> LoadGroups(
      const std::vector<std::int64_t>& groups) = 0;
  // Stored edges between posts of the groups.
  [[nodiscard]] virtual Result<std::vector<StoredEdge>> LoadEdges(
      const std::vector<std::int64_t>& groups) = 0;
  // Applies `write` in one transaction: on any failure nothing of it is stored. kConflict when a
  // post's (source, id) or number is stored already.
  [[nodiscard]] virtual Status SaveBatch(const IngestWrite& write) = 0;

  [[nodiscard]] virtual Result<ClusterPage> ListClusters(const ClusterFilter& filter) = 0;
  // kNotFound when there is no cluster with this id.
  [[nodiscard]] virtual Result<ClusterRecord> LoadCluster(std::int64_t id) = 0;
  // The cluster's members by number, at most `limit`, with identifiers (values left empty).
  [[nodiscard]] virtual Result<std::vector<PostRecord>> LoadMembers(std::int64_t id,
                                                                   std::size_t limit) = 0;
  // Opened contents of the posts, by number. kInternal when a sealed value does not open.
  [[nodiscard]] virtual Result<std::map<std::int64_t, PostContent>> LoadContents(
      const std::vector<std::int64_t>& numbers) = 0;
  // Opened raw values of the identifiers with these hashes.
  [[nodiscard]] virtual Result<std::map<std::string, std::string>> LoadIdentifierValues(
      const std::vector<std::string>& hashes) = 0;
  // Reviews made under any member number of the groups (a cluster's own and those of the
  // clusters it absorbed), newest first.
  [[nodiscard]] virtual Result<std::vector<Review>> LoadReviews(
      const std::vector<std::int64_t>& groups) = 0;
  // Appends `review` and sets its cluster's status, atomically. kNotFound when the cluster
  // `review.cluster` does not exist.
  [[nodiscard]] virtual Status SaveReview(const Review& review) = 0;
};

}  // namespace vigil::core::monitor
