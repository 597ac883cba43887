// The monitor in the server: ingests batches of posts (each new post analysed, stored and linked
// to what was stored before through identifier hashes and LSH band keys, without a rescan),
// lists ranked clusters, shows a cluster with its posts' contact details masked (raw values only
// to analysts and admins, audited apart), and records reviews. Every call is audited.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/access/audit.hpp"
#include "core/access/keys.hpp"
#include "core/access/types.hpp"
#include "core/common/clock.hpp"
#include "core/common/error.hpp"
#include "core/monitor/masking.hpp"
#include "core/monitor/monitor_store.hpp"
#include "core/monitor/pipeline.hpp"

namespace vigil::core::monitor {

inline constexpr std::size_t kMaxReviewNoteBytes = 2000;
inline constexpr std::size_t kMaxViewPosts = 200;

// The band keys of a signature: one 32-bit key per LSH band (its rows hashed with the band's
// number), as the stored index files them. Part of the stored format: never change the hashing.
// Empty for an empty signature.
[[nodiscard]] std::vector<std::uint32_t> BandKeys(const Signature& signature,
                                                  const MinHashOptions& options);

// The keyed BLAKE2b-256 (hex) of an identifier that links posts in the store.
[[nodiscard]] std::string HashIdentifier(const access::Key& key, std::string_view type,
                                         std::string_view value);

struct IngestSummary {
  std::size_t accepted = 0;          // new posts stored
  std::size_t duplicates = 0;        // (source, id) stored before or earlier in the batch
  std::size_t clusters_changed = 0;  // clusters created or grown
};

struct ClusterPostView {
  PostRecord record;
  std::optional<std::string> url;  // masked unless raw
  std::optional<std::vector<Segment>> title_segments;
  std::vector<Segment> segments;
  std::vector<IndicatorMatch> indicators;
};

struct ClusterView {
  ClusterRecord cluster;
  ClusterTemplate explanation;          // from member texts, masked unless raw
  std::vector<ClusterPostView> posts;   // members in posting order, at most kMaxViewPosts
  std::vector<Review> reviews;          // newest first
  bool raw = false;
  std::map<std::string, std::string> raw_values;  // shared identifier hash -> raw value, when raw
};

class MonitorService {
 public:
  // `identifier_key`: the key ring's monitor_identifiers key. The references must outlive the
  // service.
  MonitorService(const Pipeline& pipeline, MonitorStore& store, access::AuditLog& audit,
                 const Clock& clock, const access::Key& identifier_key);

  // Stores the posts of `posts` whose (source, id) is new (valid posts expected: the codec
  // rejects bad ones; `rejected` only counts them for the audit), links them with each other and
  // with stored posts, and updates the clusters they join. All or nothing: on a store failure
  // nothing of the batch is stored. Audited as "monitor.ingest" with counts only.
  [[nodiscard]] Result<IngestSummary> Ingest(const access::Actor& actor, const std::vector<Post>& posts,
                                             std::size_t rejected);

  // Clusters matching `filter`, by risk then id. Audited ("monitor.clusters.list").
  [[nodiscard]] Result<ClusterPage> List(const access::Actor& actor, const ClusterFilter& filter);

  // One cluster with its template, members and reviews. `raw`: contact details shown as written,
  // allowed to analysts and admins only (kPermissionDenied otherwise) and audited as
  // "monitor.clusters.view_raw"; else "monitor.clusters.view". kNotFound for an unknown id.
  [[nodiscard]] Result<ClusterView> View(const access::Actor& actor, std::int64_t id, bool raw);

  // Records a review (benign, suspicious or reported; kInvalidArgument for "unreviewed" or a
  // note over kMaxReviewNoteBytes) and returns the masked view. Audited
  // ("monitor.clusters.review"). kNotFound for an unknown id.
  [[nodiscard]] Result<ClusterView> Review(const access::Actor& actor, std::int64_t id,
                                           ReviewStatus status, const std::string& note);

 private:
  Result<IngestSummary> IngestLocked(const std::vector<Post>& posts);
  Result<ClusterView> BuildView(std::int64_t id, bool raw);
  // Records the action; false when the audit trail could not be written.
  bool Audit(const access::Actor& actor, const std::string& action, const std::string& object_id,
             const Status& outcome);

  const Pipeline& pipeline_;
  MonitorStore& store_;
  access::AuditLog& audit_;
  const Clock& clock_;
  access::Key identifier_key_;
  std::mutex write_mutex_;  // one ingest or review at a time: linking reads, then writes
  std::mutex extractor_mutex_;
  std::optional<IdentifierExtractor> extractor_;  // for masking in views (not thread-safe)
};

}  // namespace vigil::core::monitor
