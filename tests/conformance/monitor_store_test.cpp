// One suite for every backend of the monitor port (memory and SQLite): posts with identifiers and
// sealed contents, band keys and signatures, regrouping, ranked and filtered clusters, reviews
// across merged clusters, and a batch that fails as a whole. SQLite also must hold no contact
// detail in the clear.
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <memory>

#include "storage/memory/monitor_store.hpp"
#include "storage/sqlite/monitor_store.hpp"

namespace vigil {
namespace {

using core::monitor::ClusterFilter;
using core::monitor::ClusterRecord;
using core::monitor::IngestWrite;
using core::monitor::NewPost;
using core::monitor::ReviewStatus;

const std::string kPhone = "+380501234567";

struct MonitorBackend {
  std::unique_ptr<storage::sqlite::Database> db;  // null for memory
  std::unique_ptr<FieldCipher> cipher;
  std::unique_ptr<core::monitor::MonitorStore> store;
};

struct MemoryMonitor {
  static MonitorBackend Make() {
    MonitorBackend backend;
    backend.store = std::make_unique<storage::memory::MemoryMonitorStore>();
    return backend;
  }
};

struct SqliteMonitor {
  static MonitorBackend Make() {
    MonitorBackend backend;
    backend.db = std::move(*storage::sqlite::Database::Open(":memory:"));
    if (!storage::sqlite::Migrate(*backend.db)) std::abort();
    backend.cipher = std::make_unique<FieldCipher>(std::array<std::uint8_t, 32>{3});
    backend.store = std::make_unique<storage::sqlite::SqliteMonitorStore>(*backend.db, *backend.cipher);
    return backend;
  }
};

NewPost Post(std::int64_t number, std::int64_t group, const std::string& id, bool with_phone) {
  NewPost post;
  post.record.number = number;
  post.record.group = group;
  post.record.source = "site";
  post.record.id = id;
  post.record.posted_at = "2024-05-0" + std::to_string(number) + "T10:00:00Z";
  post.record.posted_at_seconds = 1714557600 + number * 86400;
  post.record.language = "uk";
  post.record.location = "Lviv";
  post.record.risk = 1.5;
  post.record.categories = {"pay"};
  if (with_phone) post.record.identifiers.push_back({"phone", "hash-phone", "+380•••••••67", kPhone, true});
  post.record.identifiers.push_back({"domain", "hash-fb-" + id, "•••.com", "facebook.com", false});
  post.content = {"Call " + kPhone + " now", std::string("Job ") + id, std::nullopt};
  post.signature = {7, 8, 9, static_cast<std::uint32_t>(number)};
  post.bands = {100, static_cast<std::uint32_t>(200 + number)};
  return post;
}

ClusterRecord Cluster(std::int64_t id, double risk, std::vector<std::string> languages) {
  ClusterRecord cluster;
  cluster.id = id;
  cluster.size = 2;
  cluster.risk = risk;
  cluster.reasons = {{"top-post", "site/1", risk, "the riskiest post"}};
  cluster.languages = std::move(languages);
  cluster.sources = {"site"};
  cluster.categories = {"pay"};
  cluster.first_seen = 1714600000 + id;
  cluster.last_seen = 1714700000 + id;
  cluster.shared_identifiers = {{"phone", "hash-phone", "+380•••••••67", 2}};
  return cluster;
}

template <typename Maker>
class MonitorStores : public ::testing::Test {
 protected:
  MonitorBackend b_ = Maker::Make();
  core::monitor::MonitorStore& store() { return *b_.store; }

  // Posts 1 and 2 in cluster 1, post 3 alone.
  void SeedTwoGroups() {
    IngestWrite write;
    write.posts = {Post(1, 1, "a", true), Post(2, 1, "b", true), Post(3, 3, "c", false)};
    write.edges = {{1, 2, 0.75}};
    write.clusters = {Cluster(1, 2.5, {"uk"})};
    ASSERT_TRUE(store().SaveBatch(write));
  }
};

using Backends = ::testing::Types<MemoryMonitor, SqliteMonitor>;
TYPED_TEST_SUITE(MonitorStores, Backends);

TYPED_TEST(MonitorStores, StoresPostsWithIdentifiersContentsAndIndex) {
  EXPECT_EQ(*this->store().NextPostNumber(), 1);
  this->SeedTwoGroups();
  EXPECT_EQ(*this->store().NextPostNumber(), 4);
  auto known = this->store().FindKnownPosts({{"site", "a"}, {"site", "zzz"}, {"other", "b"}});
  ASSERT_TRUE(known);
  EXPECT_EQ(*known, (std::vector<std::pair<std::string, std::string>>{{"site", "a"}}));

  auto members = this->store().LoadGroups({1});
  ASSERT_TRUE(members);
  ASSERT_EQ(members->size(), 2u);
  EXPECT_EQ((*members)[1].number, 2);
  EXPECT_EQ((*members)[1].posted_at_seconds, 1714557600 + 2 * 86400);
  EXPECT_EQ((*members)[1].location, "Lviv");
  EXPECT_DOUBLE_EQ((*members)[1].risk, 1.5);
  EXPECT_EQ((*members)[1].categories, std::vector<std::string>{"pay"});
  ASSERT_EQ((*members)[1].identifiers.size(), 2u);
  for (const auto& identifier : (*members)[1].identifiers) EXPECT_EQ(identifier.value, "");

  auto contents = this->store().LoadContents({2, 3, 99});
  ASSERT_TRUE(contents) << contents.error().message;
  ASSERT_EQ(contents->size(), 2u);
  EXPECT_EQ(contents->at(2).text, "Call " + kPhone + " now");
  EXPECT_EQ(contents->at(2).title, "Job b");
  EXPECT_FALSE(contents->at(2).url);
  auto values = this->store().LoadIdentifierValues({"hash-phone"});
  ASSERT_TRUE(values);
  EXPECT_EQ(values->at("hash-phone"), kPhone);

  auto holders = this->store().FindIdentifierHolders({"hash-phone", "hash-fb-a"});
  ASSERT_TRUE(holders);
  ASSERT_EQ(holders->size(), 2u);  // the shared host does not link
  for (const auto& holder : *holders) EXPECT_EQ(holder.group, 1);

  auto bands = this->store().FindBandPosts({100, 203, 999}, 2);
  ASSERT_TRUE(bands);
  EXPECT_EQ(bands->at(100), (std::vector<std::int64_t>{3, 2}));  // newest first, at most 2
  EXPECT_EQ(bands->at(203), std::vector<std::int64_t>{3});
  EXPECT_FALSE(bands->contains(999));
  auto signatures = this->store().LoadSignatures({2});
  ASSERT_TRUE(signatures);
  EXPECT_EQ(signatures->at(2).first, 1);
  EXPECT_EQ(signatures->at(2).second, (core::monitor::Signature{7, 8, 9, 2}));
  auto edges = this->store().LoadEdges({1, 3});
  ASSERT_TRUE(edges);
  ASSERT_EQ(edges->size(), 1u);
  EXPECT_NEAR((*edges)[0].similarity, 0.75, 1e-6);
}

TYPED_TEST(MonitorStores, ABatchWithAKnownPostStoresNothing) {
  this->SeedTwoGroups();
  IngestWrite write;
  write.posts = {Post(4, 4, "d", false), Post(5, 5, "a", false)};  // "a" is stored already
  auto saved = this->store().SaveBatch(write);
  ASSERT_FALSE(saved);
  EXPECT_EQ(saved.error().code, ErrorCode::kConflict);
  EXPECT_EQ(*this->store().NextPostNumber(), 4);
  EXPECT_TRUE(this->store().FindKnownPosts({{"site", "d"}})->empty());
}

TYPED_TEST(MonitorStores, RegroupsListsRanksAndFilters) {
  this->SeedTwoGroups();
  IngestWrite write;
  write.posts = {Post(4, 4, "d", false), Post(5, 4, "e", false)};
  write.clusters = {Cluster(4, 3.0, {"en", "uk"})};
  ASSERT_TRUE(this->store().SaveBatch(write));
  auto page = this->store().ListClusters({});
  ASSERT_TRUE(page) << page.error().message;
  EXPECT_EQ(page->total, 2u);
  ASSERT_EQ(page->clusters.size(), 2u);
  EXPECT_EQ(page->clusters[0].id, 4);  // riskier first
  EXPECT_EQ(page->clusters[1].reasons.at(0).subject, "site/1");
  EXPECT_EQ(page->clusters[1].shared_identifiers.at(0).masked, "+380•••••••67");
  ClusterFilter filter;
  filter.language = "en";
  EXPECT_EQ(this->store().ListClusters(filter)->clusters.at(0).id, 4);
  filter = {};
  filter.limit = 1;
  filter.offset = 1;
  page = this->store().ListClusters(filter);
  EXPECT_EQ(page->total, 2u);
  EXPECT_EQ(page->clusters.at(0).id, 1);
  filter = {};
  filter.to = 1714600002;  // after cluster 1's first_seen, before cluster 4's (1714600004)
  EXPECT_EQ(this->store().ListClusters(filter)->clusters.at(0).id, 1);
  filter = {};
  filter.category = "none";
  EXPECT_EQ(this->store().ListClusters(filter)->total, 0u);

  // Cluster 4 is reviewed, then absorbed by cluster 1: its review follows.
  ASSERT_TRUE(this->store().SaveReview({4, ReviewStatus::kSuspicious, "note four", "ana", 1000}));
  EXPECT_EQ(this->store().SaveReview({77, ReviewStatus::kBenign, "", "ana", 1000}).error().code, ErrorCode::kNotFound);
  IngestWrite merge;
  merge.posts = {Post(6, 1, "f", true)};
  merge.regroup = {{4, 1}, {3, 1}};
  ClusterRecord merged = Cluster(1, 3.0, {"uk"});
  merged.size = 6;
  merged.status = ReviewStatus::kSuspicious;
  merge.clusters = {merged};
  ASSERT_TRUE(this->store().SaveBatch(merge));
  EXPECT_EQ(this->store().LoadCluster(4).error().code, ErrorCode::kNotFound);
  auto cluster = this->store().LoadCluster(1);
  ASSERT_TRUE(cluster);
  EXPECT_EQ(cluster->status, ReviewStatus::kSuspicious);
  EXPECT_EQ(this->store().LoadMembers(1, 100)->size(), 6u);
  EXPECT_EQ(this->store().LoadMembers(1, 2)->size(), 2u);
  ASSERT_TRUE(this->store().SaveReview({1, ReviewStatus::kReported, "note one", "bo", 2000}));
  auto reviews = this->store().LoadReviews({1});
  ASSERT_TRUE(reviews) << reviews.error().message;
  ASSERT_EQ(reviews->size(), 2u);
  EXPECT_EQ((*reviews)[0].note, "note one");  // newest first
  EXPECT_EQ((*reviews)[1].cluster, 4);
  EXPECT_EQ((*reviews)[1].by, "ana");
  filter = {};
  filter.status = ReviewStatus::kReported;
  EXPECT_EQ(this->store().ListClusters(filter)->clusters.at(0).id, 1);
}

TEST(SqliteMonitorStore, HoldsNoContactDetailOrPostTextInTheClear) {
  MonitorBackend backend = SqliteMonitor::Make();
  IngestWrite write;
  write.posts = {Post(1, 1, "a", true)};
  ASSERT_TRUE(backend.store->SaveBatch(write));
  // Every text and blob cell of every monitor table.
  const std::lock_guard lock(backend.db->mutex());
  for (const char* table : {"monitor_posts", "monitor_identifiers", "monitor_post_identifiers"}) {
    sqlite3_stmt* stmt = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(backend.db->handle(), (std::string("SELECT * FROM ") + table).c_str(), -1, &stmt,
                                 nullptr),
              SQLITE_OK);
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      for (int col = 0; col < sqlite3_column_count(stmt); ++col) {
        const auto* bytes = static_cast<const char*>(sqlite3_column_blob(stmt, col));
        const std::string cell(bytes == nullptr ? "" : bytes, static_cast<std::size_t>(sqlite3_column_bytes(stmt, col)));
        EXPECT_EQ(cell.find("501234567"), std::string::npos) << table << " column " << col;
        EXPECT_EQ(cell.find("Call"), std::string::npos) << table << " column " << col;
      }
    }
    sqlite3_finalize(stmt);
  }
}

}  // namespace
}  // namespace vigil
