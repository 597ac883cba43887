#include "core/monitor/monitor_service.hpp"

#include <gtest/gtest.h>

#include "core/monitor/test_lexicon.hpp"
#include "storage/memory/monitor_store.hpp"
#include "storage/memory/test_env.hpp"

namespace vigil::core::monitor {
namespace {

Post MakePost(std::string source, std::string id, std::string text,
              std::string posted_at = "2024-05-01T10:00:00Z") {
  Post post;
  post.source = std::move(source);
  post.id = std::move(id);
  post.text = std::move(text);
  post.posted_at = std::move(posted_at);
  post.region = "UA";
  return post;
}

const std::string kPhone = "+380 50 123 45 67";
const std::string kLongText =
    "Hiring warehouse staff for a large logistics centre near the river port, night and day shifts, "
    "packing parcels, loading lorries, simple scanning tasks, training on the first day, weekly pay";

class MonitorServiceTest : public ::testing::Test {
 protected:
  static Pipeline MakePipeline() {
    PipelineOptions options;
    options.lexicon = {PhraseEntry("en.free-housing", "free-housing", "logistics", "free accommodation", 1.5),
                       PhraseEntry("en.young-women", "young-women-only", "profile", "only young women", 2.5)};
    options.identifiers.fallback_regions = {"UA"};
    auto pipeline = Pipeline::Create(std::move(options));
    if (!pipeline) std::abort();
    return std::move(*pipeline);
  }

  IngestSummary Ingest(const std::vector<Post>& posts) {
    auto summary = service_.Ingest(analyst_, posts, 0);
    EXPECT_TRUE(summary.has_value()) << (summary ? "" : summary.error().message);
    return summary.value_or(IngestSummary{});
  }

  std::vector<access::AuditEntry> AuditEntries() { return *env_.audit_store.LoadAudit(0, 1000); }

  storage::memory::TestEnv env_;
  Pipeline pipeline_ = MakePipeline();
  storage::memory::MemoryMonitorStore store_;
  MonitorService service_{pipeline_, store_, env_.audit, env_.clock, env_.keys.monitor_identifiers};
  const access::Actor analyst_{"ana", "analyst", "r1"};
  const access::Actor coordinator_{"cora", "coordinator", "r2"};
};

TEST(MaskIdentifier, KeepsOnlyWhatTellsValuesApart) {
  EXPECT_EQ(MaskIdentifier("phone", "+380501234567"), "+380•••••••67");
  EXPECT_EQ(MaskIdentifier("email", "ivan.petrenko@gmail.com"), "•••@•••.com");
  EXPECT_EQ(MaskIdentifier("telegram", "ivanjobs"), "@i•••");
  EXPECT_EQ(MaskIdentifier("domain", "olx.ua/d/obyavlenie/x"), "•••.ua/•••");
  EXPECT_EQ(MaskIdentifier("whatsapp", "chat.whatsapp.com/AbC"), "[whatsapp-hidden]");
}

TEST_F(MonitorServiceTest, LinksAcrossBatchesThroughIdentifierHashesAndIsIdempotent) {
  const std::vector<Post> first = {MakePost("site-a", "1", "Work abroad, call " + kPhone + " today"),
                                   MakePost("site-a", "2", "Selling a bicycle, almost new")};
  IngestSummary summary = Ingest(first);
  EXPECT_EQ(summary.accepted, 2u);
  EXPECT_EQ(summary.clusters_changed, 0u);
  summary = Ingest({MakePost("site-b", "9", "Free accommodation! Phone " + kPhone, "2024-05-03T10:00:00Z")});
  EXPECT_EQ(summary.accepted, 1u);
  EXPECT_EQ(summary.clusters_changed, 1u);
  auto page = service_.List(analyst_, {});
  ASSERT_TRUE(page);
  ASSERT_EQ(page->total, 1u);
  const ClusterRecord& cluster = page->clusters.front();
  EXPECT_EQ(cluster.id, 1);  // the smallest post number
  EXPECT_EQ(cluster.size, 2u);
  EXPECT_EQ(cluster.sources, (std::vector<std::string>{"site-a", "site-b"}));
  ASSERT_EQ(cluster.shared_identifiers.size(), 1u);
  EXPECT_EQ(cluster.shared_identifiers[0].masked, "+380•••••••67");
  EXPECT_EQ(cluster.shared_identifiers[0].hash.size(), 64u);
  EXPECT_EQ(cluster.shared_identifiers[0].hash.find("380501234567"), std::string::npos);
  EXPECT_EQ(cluster.categories, (std::vector<std::string>{"logistics"}));

  // The same batch again: every post a duplicate, nothing changes.
  summary = Ingest(first);
  EXPECT_EQ(summary.accepted, 0u);
  EXPECT_EQ(summary.duplicates, 2u);
  EXPECT_EQ(service_.List(analyst_, {})->total, 1u);
}

TEST_F(MonitorServiceTest, FindsStoredNearDuplicatesThroughBandKeys) {
  Ingest({MakePost("site-a", "1", kLongText)});
  std::string copy = kLongText;
  copy.replace(copy.find("weekly"), 6, "monthly");
  const IngestSummary summary = Ingest({MakePost("site-c", "7", copy)});
  EXPECT_EQ(summary.clusters_changed, 1u);
  auto cluster = store_.LoadCluster(1);
  ASSERT_TRUE(cluster) << cluster.error().message;
  EXPECT_EQ(cluster->size, 2u);
  EXPECT_TRUE(cluster->shared_identifiers.empty());
}

TEST_F(MonitorServiceTest, MergingKeepsTheOlderIdAndTheAbsorbedClustersReviews) {
  Ingest({MakePost("a", "1", "call " + kPhone), MakePost("a", "2", "phone " + kPhone)});
  Ingest({MakePost("b", "1", "write to jobs.agent@example.org"), MakePost("b", "2", "mail jobs.agent@example.org")});
  ASSERT_EQ(service_.List(analyst_, {})->total, 2u);
  ASSERT_TRUE(service_.Review(analyst_, 3, ReviewStatus::kSuspicious, "same agency as before"));
  // A post holding both identifiers joins the clusters: id 1 survives, the review of 3 follows.
  Ingest({MakePost("c", "1", "call " + kPhone + " or jobs.agent@example.org")});
  auto page = service_.List(analyst_, {});
  ASSERT_EQ(page->total, 1u);
  EXPECT_EQ(page->clusters[0].id, 1);
  EXPECT_EQ(page->clusters[0].size, 5u);
  EXPECT_EQ(page->clusters[0].status, ReviewStatus::kSuspicious);
  auto view = service_.View(analyst_, 1, false);
  ASSERT_TRUE(view) << view.error().message;
  ASSERT_EQ(view->reviews.size(), 1u);
  EXPECT_EQ(view->reviews[0].cluster, 3);
  EXPECT_EQ(view->reviews[0].note, "same agency as before");
  EXPECT_EQ(service_.View(analyst_, 3, false).error().code, ErrorCode::kNotFound);
}

TEST_F(MonitorServiceTest, AStoreFailureStoresNothingOfTheBatch) {
  Ingest({MakePost("a", "1", "call " + kPhone)});
  store_.FailNextSave();
  auto failed = service_.Ingest(analyst_, {MakePost("a", "2", "phone " + kPhone), MakePost("a", "3", "x")}, 0);
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(*store_.NextPostNumber(), 2);
  EXPECT_EQ(service_.List(analyst_, {})->total, 0u);
  // The same batch later goes through whole.
  EXPECT_EQ(Ingest({MakePost("a", "2", "phone " + kPhone), MakePost("a", "3", "x")}).accepted, 2u);
  EXPECT_EQ(service_.List(analyst_, {})->total, 1u);
}

TEST_F(MonitorServiceTest, ViewsMaskEveryOccurrenceAndRawIsForAnalystsOnlyAndAudited) {
  Ingest({MakePost("a", "1", "Free accommodation. Call " + kPhone + ", again: " + kPhone),
          MakePost("a", "2", "Only young women. Call " + kPhone)});
  auto masked = service_.View(coordinator_, 1, false);
  ASSERT_TRUE(masked) << masked.error().message;
  ASSERT_EQ(masked->posts.size(), 2u);
  const std::string text = JoinSegments(masked->posts[0].segments);
  EXPECT_EQ(text, "Free accommodation. Call +380•••••••67, again: +380•••••••67");
  std::size_t identifiers = 0, indicators = 0;
  for (const auto& segment : masked->posts[0].segments) {
    identifiers += segment.kind == Segment::Kind::kIdentifier ? 1 : 0;
    indicators += segment.kind == Segment::Kind::kIndicator ? 1 : 0;
  }
  EXPECT_EQ(identifiers, 2u);
  EXPECT_EQ(indicators, 1u);
  EXPECT_TRUE(masked->raw_values.empty());
  for (const auto& part : masked->explanation.parts) {
    EXPECT_EQ(part.text.find("123"), std::string::npos);
    for (const auto& value : part.values) EXPECT_EQ(value.find("123"), std::string::npos);
  }

  auto refused = service_.View(coordinator_, 1, true);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kPermissionDenied);
  auto raw = service_.View(analyst_, 1, true);
  ASSERT_TRUE(raw);
  EXPECT_NE(JoinSegments(raw->posts[1].segments).find(kPhone), std::string::npos);
  ASSERT_EQ(raw->raw_values.size(), 1u);
  EXPECT_EQ(raw->raw_values.begin()->second, "+380501234567");

  std::vector<std::string> seen;
  for (const auto& entry : AuditEntries()) {
    if (entry.event.action.starts_with("monitor.clusters.view")) {
      seen.push_back(entry.event.actor + " " + entry.event.action + " " + entry.event.object_id + " " +
                     entry.event.outcome);
    }
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"cora monitor.clusters.view 1 ok",
                                            "cora monitor.clusters.view_raw 1 forbidden",
                                            "ana monitor.clusters.view_raw 1 ok"}));
}

TEST_F(MonitorServiceTest, ListsFilteredAndRankedByRisk) {
  Ingest({MakePost("a", "1", "call " + kPhone, "2024-05-01T10:00:00Z"),
          MakePost("a", "2", "phone " + kPhone, "2024-05-02T10:00:00Z"),
          MakePost("b", "3", "Only young women, free accommodation, mail x.y@example.org", "2024-06-10T10:00:00Z"),
          MakePost("b", "4", "write x.y@example.org", "2024-06-11T10:00:00Z")});
  auto all = service_.List(analyst_, {});
  ASSERT_EQ(all->total, 2u);
  EXPECT_EQ(all->clusters[0].id, 3);  // riskier first
  EXPECT_EQ(all->clusters[1].id, 1);
  ClusterFilter filter;
  filter.category = "profile";
  EXPECT_EQ(service_.List(analyst_, filter)->total, 1u);
  filter = {};
  filter.source = "a";
  EXPECT_EQ(service_.List(analyst_, filter)->clusters.at(0).id, 1);
  filter = {};
  filter.from = *ParseRfc3339("2024-06-01T00:00:00Z");
  EXPECT_EQ(service_.List(analyst_, filter)->clusters.at(0).id, 3);
  filter.status = ReviewStatus::kReported;
  EXPECT_EQ(service_.List(analyst_, filter)->total, 0u);
}

TEST_F(MonitorServiceTest, RefusesBadReviewsAndUnknownClusters) {
  Ingest({MakePost("a", "1", "call " + kPhone), MakePost("a", "2", "phone " + kPhone)});
  EXPECT_EQ(service_.Review(analyst_, 1, ReviewStatus::kUnreviewed, "").error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(service_.Review(analyst_, 1, ReviewStatus::kBenign, std::string(2001, 'x')).error().code,
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(service_.Review(analyst_, 99, ReviewStatus::kBenign, "").error().code, ErrorCode::kNotFound);
  auto reviewed = service_.Review(coordinator_, 1, ReviewStatus::kReported, "sent to police");
  ASSERT_TRUE(reviewed);
  EXPECT_EQ(reviewed->cluster.status, ReviewStatus::kReported);
  EXPECT_EQ(reviewed->reviews.at(0).by, "cora");
}

// An audit trail that refuses every entry.
class FailingAuditStore final : public access::AuditStore {
 public:
  Result<access::AuditEntry> AppendAudit(
      const std::function<access::AuditEntry(const std::optional<access::AuditEntry>& last)>&) override {
    return MakeError(ErrorCode::kUnavailable, "disk full");
  }
  Result<std::vector<access::AuditEntry>> LoadAudit(std::int64_t, std::size_t) override {
    return std::vector<access::AuditEntry>{};
  }
};

// Raw contact details leave the service only when their view is in the audit trail.
TEST_F(MonitorServiceTest, RawViewIsRefusedWhenTheAuditTrailCannotRecordIt) {
  Ingest({MakePost("a", "1", "Free accommodation. Call " + kPhone),
          MakePost("a", "2", "Only young women. Call " + kPhone)});
  FailingAuditStore failing;
  storage::memory::MemoryAuditHeadStore head;
  access::AuditLog broken{failing, head, env_.clock, env_.keys.audit};
  MonitorService service{pipeline_, store_, broken, env_.clock, env_.keys.monitor_identifiers};
  auto raw = service.View(analyst_, 1, true);
  ASSERT_FALSE(raw);
  EXPECT_EQ(raw.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(raw.error().message.find("380"), std::string::npos);
  EXPECT_TRUE(service.View(analyst_, 1, false).has_value());  // the masked view stays available
}

}  // namespace
}  // namespace vigil::core::monitor
