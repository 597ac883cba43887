#include "core/access/audit.hpp"

#include <gtest/gtest.h>

#include "storage/memory/test_env.hpp"

namespace vigil::core::access {
namespace {

using storage::memory::TestEnv;

AuditEvent Event(std::string action) {
  return {"alice", "admin", std::move(action), "user", "1", "ok", "req"};
}

class AuditLogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (int idx = 0; idx < 5; ++idx) ASSERT_TRUE(env_.audit.Record(Event("a" + std::to_string(idx))));
  }
  AuditVerifyReport Verify() {
    auto report = env_.audit.Verify();
    EXPECT_TRUE(report.has_value());
    return *report;
  }
  TestEnv env_;
};

TEST_F(AuditLogTest, IntactChainVerifies) {
  const auto report = Verify();
  EXPECT_TRUE(report.ok) << report.problem;
  EXPECT_EQ(report.entries_checked, 5);
  EXPECT_EQ(env_.audit_head.head()->seq, 5);
}

TEST_F(AuditLogTest, EntriesChainFromGenesis) {
  const auto& entries = env_.audit_store.entries();
  EXPECT_EQ(entries[0].prev_hash, kAuditGenesisHash);
  for (std::size_t idx = 1; idx < entries.size(); ++idx) {
    EXPECT_EQ(entries[idx].prev_hash, entries[idx - 1].hash);
    EXPECT_EQ(entries[idx].seq, static_cast<std::int64_t>(idx) + 1);
  }
}

TEST_F(AuditLogTest, EditedEntryIsNamed) {
  env_.audit_store.entries()[2].event.outcome = "denied";
  const auto report = Verify();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_broken_seq, 3);
  EXPECT_NE(report.problem.find("altered"), std::string::npos);
}

TEST_F(AuditLogTest, RecomputingTheHashWithoutTheKeyFails) {
  auto& entry = env_.audit_store.entries()[1];
  entry.event.actor = "mallory";
  Key wrong_key{};
  entry.hash = ComputeAuditHash(wrong_key, entry);
  EXPECT_EQ(Verify().first_broken_seq, 2);
}

TEST_F(AuditLogTest, DeletedEntryIsNamed) {
  auto& entries = env_.audit_store.entries();
  entries.erase(entries.begin() + 1);
  const auto report = Verify();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_broken_seq, 2);
  EXPECT_NE(report.problem.find("missing"), std::string::npos);
}

TEST_F(AuditLogTest, TruncatedTailIsCaughtByTheHead) {
  auto& entries = env_.audit_store.entries();
  entries.resize(3);
  const auto report = Verify();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_broken_seq, 4);
  EXPECT_NE(report.problem.find("truncated"), std::string::npos);
}

TEST_F(AuditLogTest, MissingHeadIsReported) {
  env_.audit_head.head().reset();
  EXPECT_FALSE(Verify().ok);
}

TEST_F(AuditLogTest, ReadingTheTrailIsItselfAudited) {
  auto entries = env_.audit.ReadEntries({"bob", "admin", "r1"}, 0, 100);
  ASSERT_TRUE(entries.has_value());
  EXPECT_EQ(entries->back().event.action, "audit.read");
  EXPECT_EQ(entries->back().event.actor, "bob");
}

TEST(AuditHash, DependsOnEveryField) {
  Key key{1};
  AuditEntry base{1, 1000, {"a", "b", "c", "d", "e", "f", "g"}, std::string(kAuditGenesisHash), ""};
  const std::string hash = ComputeAuditHash(key, base);
  auto changed = base;
  changed.event.request_id = "h";
  EXPECT_NE(ComputeAuditHash(key, changed), hash);
  changed = base;
  changed.time_ms = 1001;
  EXPECT_NE(ComputeAuditHash(key, changed), hash);
  // Field boundaries matter: "ab"+"c" differs from "a"+"bc".
  changed = base;
  changed.event.actor = "ab";
  changed.event.role = "";
  auto shifted = base;
  shifted.event.actor = "a";
  shifted.event.role = "b";
  EXPECT_NE(ComputeAuditHash(key, changed), ComputeAuditHash(key, shifted));
}

}  // namespace
}  // namespace vigil::core::access
