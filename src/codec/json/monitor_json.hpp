// JSON of the monitor API (docs/monitor.md, "Server"): ingest results, ranked cluster lists, a
// cluster's detail with masked segments, and review requests.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "codec/monitor/posts_input.hpp"
#include "core/monitor/monitor_service.hpp"

namespace vigil::codec::json {

// {"accepted", "duplicates", "rejected": [{"index", "reason"}], "truncated", "clusters_changed"}.
[[nodiscard]] std::string RenderIngestResult(const core::monitor::IngestSummary& summary,
                                             const monitor::PostsInput& input);

// {"total", "clusters": [ClusterSummary...]}; identifier values are the masked forms.
[[nodiscard]] std::string RenderClusterPage(const core::monitor::ClusterPage& page);

// ClusterSummary plus "template", "posts" and "reviews"; shared identifiers show raw values
// only when the view was made raw.
[[nodiscard]] std::string RenderClusterView(const core::monitor::ClusterView& view);

struct ReviewRequest {
  core::monitor::ReviewStatus status = core::monitor::ReviewStatus::kBenign;
  std::string note;
};

// {"status": "benign"|"suspicious"|"reported", "note"?: "..."}; "validation" errors name the
// member.
[[nodiscard]] Result<ReviewRequest> ParseReviewRequest(std::string_view body);

}  // namespace vigil::codec::json
