#include "core/monitor/monitor_service.hpp"

#include <algorithm>
#include <array>

namespace vigil::core::monitor {
namespace {

constexpr std::array<std::string_view, 4> kStatusNames = {"unreviewed", "benign", "suspicious",
                                                          "reported"};

bool MaySeeRaw(const access::Actor& actor) { return actor.role == "analyst" || actor.role == "admin"; }

// A field's segments with every identifier occurrence masked (or shown when `raw`).
std::vector<Segment> Segments(IdentifierExtractor& extractor, std::string_view field,
                              std::string_view field_name, const std::optional<std::string>& region,
                              const std::vector<IndicatorMatch>& indicators, bool raw) {
  return BuildSegments(field, field_name, FindIdentifierOccurrences(extractor, field, region),
                       indicators, raw);
}

}  // namespace

std::string_view ReviewStatusName(ReviewStatus status) {
  return kStatusNames[static_cast<std::size_t>(status)];
}

std::optional<ReviewStatus> ParseReviewStatus(std::string_view name) {
  for (std::size_t idx = 0; idx < kStatusNames.size(); ++idx) {
    if (kStatusNames[idx] == name) return static_cast<ReviewStatus>(idx);
  }
  return std::nullopt;
}

MonitorService::MonitorService(const Pipeline& pipeline, MonitorStore& store,
                               access::AuditLog& audit, const Clock& clock,
                               const access::Key& identifier_key)
    : pipeline_(pipeline), store_(store), audit_(audit), clock_(clock),
      identifier_key_(identifier_key) {}

bool MonitorService::Audit(const access::Actor& actor, const std::string& action,
                           const std::string& object_id, const Status& outcome) {
  std::string result = "ok";
  if (!outcome) result = outcome.error().code == ErrorCode::kPermissionDenied ? "forbidden" : "error";
  return audit_.Record({actor.name, actor.role, action, "monitor_cluster", object_id, result,
                        actor.request_id})
      .has_value();
}

Result<IngestSummary> MonitorService::Ingest(const access::Actor& actor,
                                             const std::vector<Post>& posts, std::size_t rejected) {
  Result<IngestSummary> summary;
  {
    const std::lock_guard lock(write_mutex_);
    summary = IngestLocked(posts);
  }
  // Counts only: a post's source or id is never an audit subject.
  std::string counts =
      "posts=" + std::to_string(posts.size() + rejected) + " rejected=" + std::to_string(rejected);
  if (summary) {
    counts += " accepted=" + std::to_string(summary->accepted) +
              " duplicates=" + std::to_string(summary->duplicates);
  }
  (void)audit_.Record({actor.name, actor.role, "monitor.ingest", "monitor_posts", counts,
                       summary ? "ok" : "error", actor.request_id});
  return summary;
}

Result<ClusterPage> MonitorService::List(const access::Actor& actor, const ClusterFilter& filter) {
  auto page = store_.ListClusters(filter);
  Audit(actor, "monitor.clusters.list", "", page ? Status{} : Status(tl::unexpected(page.error())));
  return page;
}

Result<ClusterView> MonitorService::View(const access::Actor& actor, std::int64_t id, bool raw) {
  const std::string action = raw ? "monitor.clusters.view_raw" : "monitor.clusters.view";
  if (raw && !MaySeeRaw(actor)) {
    Error refused{ErrorCode::kPermissionDenied,
                  "only analysts and admins may see raw contact details", "forbidden"};
    Audit(actor, action, std::to_string(id), tl::unexpected(refused));
    return tl::unexpected(refused);
  }
  auto view = BuildView(id, raw);
  const bool recorded =
      Audit(actor, action, std::to_string(id), view ? Status{} : Status(tl::unexpected(view.error())));
  // Raw contact details are shown only when the audit trail holds the view.
  if (raw && view && !recorded) {
    return tl::unexpected(Error{ErrorCode::kUnavailable,
                                "raw contact details are not shown: the view could not be recorded in the audit trail",
                                "audit-unavailable"});
  }
  return view;
}

Result<ClusterView> MonitorService::Review(const access::Actor& actor, std::int64_t id,
                                           ReviewStatus status, const std::string& note) {
  const auto refuse = [&](Error error) -> Result<ClusterView> {
    Audit(actor, "monitor.clusters.review", std::to_string(id), tl::unexpected(error));
    return tl::unexpected(std::move(error));
  };
  if (status == ReviewStatus::kUnreviewed) {
    return refuse({ErrorCode::kInvalidArgument, "status: must be benign, suspicious or reported", "validation"});
  }
  if (note.size() > kMaxReviewNoteBytes) {
    return refuse({ErrorCode::kInvalidArgument, "note: longer than 2000 bytes", "validation"});
  }
  {
    const std::lock_guard lock(write_mutex_);
    const monitor::Review review{id, status, note, actor.name, ToUnixMillis(clock_.Now())};
    if (auto saved = store_.SaveReview(review); !saved) return refuse(saved.error());
  }
  Audit(actor, "monitor.clusters.review", std::to_string(id), {});
  return BuildView(id, false);
}

Result<ClusterView> MonitorService::BuildView(std::int64_t id, bool raw) {
  ClusterView view;
  view.raw = raw;
  auto cluster = store_.LoadCluster(id);
  if (!cluster) return tl::unexpected(cluster.error());
  view.cluster = std::move(*cluster);
  auto members = store_.LoadMembers(id, kMaxViewPosts);
  if (!members) return tl::unexpected(members.error());
  std::vector<std::int64_t> numbers;
  for (const auto& member : *members) numbers.push_back(member.number);
  auto contents = store_.LoadContents(numbers);
  if (!contents) return tl::unexpected(contents.error());
  auto reviews = store_.LoadReviews({id});
  if (!reviews) return tl::unexpected(reviews.error());
  view.reviews = std::move(*reviews);
  if (raw) {
    std::vector<std::string> hashes;
    for (const auto& shared : view.cluster.shared_identifiers) hashes.push_back(shared.hash);
    auto values = store_.LoadIdentifierValues(hashes);
    if (!values) return tl::unexpected(values.error());
    view.raw_values = std::move(*values);
  }

  std::vector<Post> posts;
  for (const auto& member : *members) {
    const PostContent& content = (*contents)[member.number];
    posts.push_back({member.id, member.source, content.url, member.posted_at, content.title,
                     content.text, member.language, member.region, member.location});
  }
  auto analysed = pipeline_.Analyse(posts);
  if (!analysed) return tl::unexpected(analysed.error());

  const std::lock_guard lock(extractor_mutex_);
  if (!extractor_) {
    auto extractor = IdentifierExtractor::Create(pipeline_.options().identifiers);
    if (!extractor) return tl::unexpected(extractor.error());
    extractor_.emplace(std::move(*extractor));
  }
  std::vector<std::string> masked_texts;
  for (std::size_t idx = 0; idx < posts.size(); ++idx) {
    const Post& post = posts[idx];
    ClusterPostView shown;
    shown.record = (*members)[idx];
    shown.indicators = std::move((*analysed)[idx].result.indicators);
    if (post.title) {
      shown.title_segments = Segments(*extractor_, *post.title, "title", post.region, shown.indicators, raw);
    }
    shown.segments = Segments(*extractor_, post.text, "text", post.region, shown.indicators, raw);
    if (post.url) shown.url = JoinSegments(Segments(*extractor_, *post.url, "url", post.region, {}, raw));
    if (idx < pipeline_.options().template_max_members) masked_texts.push_back(JoinSegments(shown.segments));
    view.posts.push_back(std::move(shown));
  }
  std::vector<std::string_view> texts(masked_texts.begin(), masked_texts.end());
  view.explanation = ComputeTemplate(texts, pipeline_.options().template_max_words);
  return view;
}

}  // namespace vigil::core::monitor
