#include "codec/json/monitor_json.hpp"

#include "codec/json/json_object.hpp"

namespace vigil::codec::json {
namespace {

using nlohmann::json;
using core::monitor::ClusterRecord;
using core::monitor::Segment;

json Time(const std::optional<std::int64_t>& seconds) {
  return seconds ? json(core::monitor::FormatRfc3339(*seconds)) : json(nullptr);
}

json OptionalText(const std::optional<std::string>& text) { return text ? json(*text) : json(nullptr); }

json Summary(const ClusterRecord& cluster, const std::map<std::string, std::string>* raw_values) {
  json reasons = json::array();
  for (const auto& reason : cluster.reasons) {
    reasons.push_back({{"code", reason.code}, {"subject", reason.subject}, {"points", reason.points},
                       {"detail", reason.detail}});
  }
  json shared = json::array();
  for (const auto& identifier : cluster.shared_identifiers) {
    std::string value = identifier.masked;
    if (raw_values != nullptr) {
      if (const auto raw = raw_values->find(identifier.hash); raw != raw_values->end()) value = raw->second;
    }
    shared.push_back({{"type", identifier.type}, {"value", value}, {"posts", identifier.posts}});
  }
  return {{"id", cluster.id},
          {"size", cluster.size},
          {"risk", cluster.risk},
          {"reasons", std::move(reasons)},
          {"languages", cluster.languages},
          {"sources", cluster.sources},
          {"cities", cluster.cities},
          {"categories", cluster.categories},
          {"first_seen", Time(cluster.first_seen)},
          {"last_seen", Time(cluster.last_seen)},
          {"status", core::monitor::ReviewStatusName(cluster.status)},
          {"shared_identifiers", std::move(shared)}};
}

json Segments(const std::vector<Segment>& segments) {
  json out = json::array();
  for (const Segment& segment : segments) {
    json item = {{"text", segment.text}};
    switch (segment.kind) {
      case Segment::Kind::kPlain:
        item["kind"] = "plain";
        break;
      case Segment::Kind::kIndicator:
        item["kind"] = "indicator";
        item["indicator"] = segment.indicator;
        item["category"] = segment.category;
        break;
      case Segment::Kind::kIdentifier:
        item["kind"] = "identifier";
        item["type"] = segment.type;
        break;
    }
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace

std::string RenderIngestResult(const core::monitor::IngestSummary& summary,
                               const monitor::PostsInput& input) {
  json rejected = json::array();
  for (const auto& problem : input.invalid) rejected.push_back({{"index", problem.line}, {"reason", problem.reason}});
  std::size_t truncated = 0;
  for (const auto& flags : input.flags) truncated += flags.truncated ? 1 : 0;
  return json{{"accepted", summary.accepted},
              {"duplicates", summary.duplicates},
              {"rejected", std::move(rejected)},
              {"truncated", truncated},
              {"clusters_changed", summary.clusters_changed}}
      .dump();
}

std::string RenderClusterPage(const core::monitor::ClusterPage& page) {
  json clusters = json::array();
  for (const auto& cluster : page.clusters) clusters.push_back(Summary(cluster, nullptr));
  return json{{"total", page.total}, {"clusters", std::move(clusters)}}.dump();
}

std::string RenderClusterView(const core::monitor::ClusterView& view) {
  json out = Summary(view.cluster, view.raw ? &view.raw_values : nullptr);
  json parts = json::array();
  for (const auto& part : view.explanation.parts) {
    if (part.is_slot) {
      parts.push_back({{"slot", true}, {"values", part.values}});
    } else {
      parts.push_back({{"slot", false}, {"text", part.text}});
    }
  }
  out["template"] = {{"parts", std::move(parts)},
                     {"slots", view.explanation.slots},
                     {"shared_words", view.explanation.shared_words}};
  json posts = json::array();
  for (const auto& post : view.posts) {
    json indicators = json::array();
    for (const auto& hit : post.indicators) {
      indicators.push_back({{"id", hit.indicator}, {"category", hit.category}, {"field", hit.field}});
    }
    posts.push_back({{"source", post.record.source},
                     {"id", post.record.id},
                     {"posted_at", post.record.posted_at},
                     {"lang", post.record.language},
                     {"location", OptionalText(post.record.location)},
                     {"risk", post.record.risk},
                     {"url", OptionalText(post.url)},
                     {"title_segments", post.title_segments ? Segments(*post.title_segments) : json(nullptr)},
                     {"segments", Segments(post.segments)},
                     {"indicators", std::move(indicators)}});
  }
  out["posts"] = std::move(posts);
  json reviews = json::array();
  for (const auto& review : view.reviews) {
    reviews.push_back({{"status", core::monitor::ReviewStatusName(review.status)},
                       {"note", review.note},
                       {"by", review.by},
                       {"at", core::monitor::FormatRfc3339(review.at_ms / 1000)}});
  }
  out["reviews"] = std::move(reviews);
  return out.dump();
}

Result<ReviewRequest> ParseReviewRequest(std::string_view body) {
  auto object = ParseJsonObject(body, {"status", "note"});
  if (!object) return tl::unexpected(object.error());
  auto status_text = RequireString(*object, "status");
  if (!status_text) return tl::unexpected(status_text.error());
  const auto status = core::monitor::ParseReviewStatus(*status_text);
  if (!status || *status == core::monitor::ReviewStatus::kUnreviewed) {
    return MakeError(ErrorCode::kInvalidArgument, "status: must be benign, suspicious or reported",
                     "validation");
  }
  ReviewRequest request{*status, ""};
  if (const auto note = object->find("note"); note != object->end() && !note->is_null()) {
    if (!note->is_string()) return MakeError(ErrorCode::kInvalidArgument, "note: must be a string", "validation");
    request.note = note->get<std::string>();
  }
  return request;
}

}  // namespace vigil::codec::json
