// One suite for every backend of the access store ports: the in-memory fake and SQLite (and,
// when it lands, PostgreSQL) must behave the same.
#include <gtest/gtest.h>

#include <memory>

#include "storage/memory/memory_stores.hpp"
#include "storage/sqlite/access_stores.hpp"
#include "storage/sqlite/assessment_store.hpp"

namespace vigil {
namespace {

using core::access::ApiToken;
using core::access::AuditEntry;
using core::access::Role;
using core::access::Session;
using core::access::User;

struct Backend {
  std::unique_ptr<storage::sqlite::Database> db;  // null for memory
  std::unique_ptr<core::access::UserStore> users;
  std::unique_ptr<core::access::SessionStore> sessions;
  std::unique_ptr<core::access::TokenStore> tokens;
  std::unique_ptr<core::access::AuditStore> audit;
  std::unique_ptr<core::identify::AssessmentStore> assessments;
};

FieldCipher& TestCipher() {
  static FieldCipher cipher(std::array<std::uint8_t, 32>{9});
  return cipher;
}

SecureRandom& TestRandom() {
  static SecureRandom random;
  return random;
}

struct MemoryBackend {
  static Backend Make() {
    Backend backend;
    backend.users = std::make_unique<storage::memory::MemoryUserStore>();
    backend.sessions = std::make_unique<storage::memory::MemorySessionStore>();
    backend.tokens = std::make_unique<storage::memory::MemoryTokenStore>();
    backend.audit = std::make_unique<storage::memory::MemoryAuditStore>();
    backend.assessments = std::make_unique<storage::memory::MemoryAssessmentStore>();
    return backend;
  }
};

struct SqliteBackend {
  static Backend Make() {
    Backend backend;
    backend.db = std::move(*storage::sqlite::Database::Open(":memory:"));
    if (!storage::sqlite::Migrate(*backend.db)) std::abort();
    backend.users = std::make_unique<storage::sqlite::SqliteUserStore>(*backend.db);
    backend.sessions = std::make_unique<storage::sqlite::SqliteSessionStore>(*backend.db);
    backend.tokens = std::make_unique<storage::sqlite::SqliteTokenStore>(*backend.db);
    backend.audit = std::make_unique<storage::sqlite::SqliteAuditStore>(*backend.db);
    backend.assessments = std::make_unique<storage::sqlite::SqliteAssessmentStore>(
        *backend.db, TestCipher(), TestRandom());
    return backend;
  }
};

template <typename Maker>
class AccessStores : public ::testing::Test {
 protected:
  Backend b_ = Maker::Make();
  User NewUser(std::string name) {
    User user;
    user.name = std::move(name);
    user.role = Role::kCaseworker;
    user.password_hash = "$argon2id$hash";
    user.created_ms = 1000;
    return *b_.users->CreateUser(user);
  }
};

using Backends = ::testing::Types<MemoryBackend, SqliteBackend>;
TYPED_TEST_SUITE(AccessStores, Backends);

TYPED_TEST(AccessStores, UsersRoundTripAndNamesAreUnique) {
  const User alice = this->NewUser("alice");
  EXPECT_GT(alice.id, 0);
  auto loaded = this->b_.users->LoadUserByName("alice");
  ASSERT_TRUE(loaded.has_value());
  EXPECT_EQ(loaded->id, alice.id);
  EXPECT_EQ(loaded->role, Role::kCaseworker);
  EXPECT_EQ(loaded->password_hash, "$argon2id$hash");
  EXPECT_EQ(this->b_.users->LoadUserById(alice.id)->name, "alice");
  User duplicate = alice;
  EXPECT_EQ(this->b_.users->CreateUser(duplicate).error().code, ErrorCode::kConflict);
  EXPECT_EQ(this->b_.users->LoadUserByName("nobody").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(*this->b_.users->CountUsers(), 1);
}

TYPED_TEST(AccessStores, UsersListInIdOrderAfterACursor) {
  for (const char* name : {"a", "b", "c", "d"}) this->NewUser(name);
  auto first = this->b_.users->ListUsers(0, 3);
  ASSERT_EQ(first->size(), 3u);
  auto rest = this->b_.users->ListUsers(first->back().id, 3);
  ASSERT_EQ(rest->size(), 1u);
  EXPECT_EQ(rest->front().name, "d");
}

TYPED_TEST(AccessStores, UserUpdatesReportUnknownIds) {
  const User alice = this->NewUser("alice");
  ASSERT_TRUE(this->b_.users->SaveUserDisabled(alice.id, true));
  ASSERT_TRUE(this->b_.users->SavePasswordHash(alice.id, "new"));
  auto loaded = this->b_.users->LoadUserById(alice.id);
  EXPECT_TRUE(loaded->disabled);
  EXPECT_EQ(loaded->password_hash, "new");
  EXPECT_EQ(this->b_.users->SaveUserDisabled(999, true).error().code, ErrorCode::kNotFound);
}

TYPED_TEST(AccessStores, SessionsSaveTouchExpireAndDelete) {
  const User alice = this->NewUser("alice");
  Session session{"h1", alice.id, "csrf", 1000, 1000, 5000};
  ASSERT_TRUE(this->b_.sessions->SaveSession(session));
  ASSERT_TRUE(this->b_.sessions->SaveSession({"h2", alice.id, "csrf2", 1000, 1000, 99999}));
  EXPECT_EQ(this->b_.sessions->LoadSession("h1")->csrf_token, "csrf");
  ASSERT_TRUE(this->b_.sessions->TouchSession("h2", 4000));
  EXPECT_EQ(this->b_.sessions->LoadSession("h2")->last_seen_ms, 4000);
  // At 6000 with a 10 s idle limit: h1 is past its absolute expiry, h2 is alive.
  EXPECT_EQ(*this->b_.sessions->DeleteExpiredSessions(6000, 10000), 1);
  EXPECT_EQ(this->b_.sessions->LoadSession("h1").error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(this->b_.sessions->DeleteUserSessions(alice.id));
  EXPECT_FALSE(this->b_.sessions->LoadSession("h2").has_value());
  EXPECT_TRUE(this->b_.sessions->DeleteSession("never-existed"));
}

TYPED_TEST(AccessStores, TokensByHashAndName) {
  ApiToken token{0, "etl", Role::kAnalyst, "hash1", false, 1};
  auto created = this->b_.tokens->CreateToken(token);
  ASSERT_TRUE(created.has_value());
  EXPECT_EQ(this->b_.tokens->CreateToken(token).error().code, ErrorCode::kConflict);
  EXPECT_EQ(this->b_.tokens->LoadTokenByHash("hash1")->role, Role::kAnalyst);
  ASSERT_TRUE(this->b_.tokens->SaveTokenDisabled("etl", true));
  EXPECT_TRUE(this->b_.tokens->LoadTokenByHash("hash1")->disabled);
  EXPECT_EQ(this->b_.tokens->SaveTokenDisabled("nope", true).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(this->b_.tokens->ListTokens()->size(), 1u);
}

TYPED_TEST(AccessStores, AuditAppendsSeeTheLastEntry) {
  for (int idx = 0; idx < 3; ++idx) {
    auto appended = this->b_.audit->AppendAudit([](const std::optional<AuditEntry>& last) {
      AuditEntry entry;
      entry.seq = last ? last->seq + 1 : 1;
      entry.prev_hash = last ? last->hash : "genesis";
      entry.hash = "h" + std::to_string(entry.seq);
      entry.event = {"actor", "admin", "act", "type", "id", "ok", "req"};
      return entry;
    });
    ASSERT_TRUE(appended.has_value());
  }
  auto entries = this->b_.audit->LoadAudit(1, 10);
  ASSERT_EQ(entries->size(), 2u);
  EXPECT_EQ((*entries)[0].seq, 2);
  EXPECT_EQ((*entries)[0].prev_hash, "h1");
  EXPECT_EQ((*entries)[1].event.request_id, "req");
  EXPECT_EQ(this->b_.audit->LoadAudit(0, 1)->size(), 1u);
}

TYPED_TEST(AccessStores, AssessmentsRoundTrip) {
  core::identify::StoredAssessment record;
  record.created_ms = 5;
  record.actor = "sam";
  record.ruleset_id = "ilo-2009";
  record.ruleset_sha256 = "abc";
  record.level = core::identify::ReferralLevel::kUrgent;
  record.request.profile = {core::identify::AgeStatus::kChild, {core::identify::ExploitationType::kLabour}};
  record.request.protocol = "triage";
  record.request.answers.values = {{"DR-01", core::identify::Answer::kYes},
                                   {"CR-03", core::identify::Answer::kDeclined}};
  record.notes = "seen at the border";
  auto id = this->b_.assessments->SaveAssessment(record);
  ASSERT_TRUE(id.has_value());
  auto loaded = this->b_.assessments->LoadAssessment(*id);
  ASSERT_TRUE(loaded.has_value()) << loaded.error().message;
  EXPECT_EQ(loaded->id, *id);
  EXPECT_EQ(loaded->actor, "sam");
  EXPECT_EQ(loaded->level, core::identify::ReferralLevel::kUrgent);
  EXPECT_EQ(loaded->request.profile.age, core::identify::AgeStatus::kChild);
  EXPECT_EQ(loaded->request.protocol, "triage");
  EXPECT_EQ(loaded->request.answers.values, record.request.answers.values);
  EXPECT_EQ(loaded->notes, "seen at the border");
  EXPECT_EQ(this->b_.assessments->LoadAssessment("nope").error().code, ErrorCode::kNotFound);
}

TEST(SqliteAssessments, AnswersAndNotesAreSealedAtRest) {
  auto db = std::move(*storage::sqlite::Database::Open(":memory:"));
  ASSERT_TRUE(storage::sqlite::Migrate(*db));
  storage::sqlite::SqliteAssessmentStore store(*db, TestCipher(), TestRandom());
  core::identify::StoredAssessment record;
  record.request.answers.values = {{"DR-01", core::identify::Answer::kYes}};
  record.notes = "distinctive note text";
  auto id = store.SaveAssessment(record);
  ASSERT_TRUE(id.has_value());
  const std::lock_guard lock(db->mutex());
  auto stmt = db->Prepare("SELECT sealed FROM identify_assessments");
  ASSERT_TRUE(stmt.has_value());
  ASSERT_TRUE(*stmt->Step());
  const std::string sealed = stmt->ColumnBlob(0);
  EXPECT_EQ(sealed.find("distinctive"), std::string::npos);
  EXPECT_EQ(sealed.find("DR-01"), std::string::npos);
}

TEST(SqliteAudit, TheApplicationConnectionCannotRewriteTheLog) {
  auto db = std::move(*storage::sqlite::Database::Open(":memory:"));
  ASSERT_TRUE(storage::sqlite::Migrate(*db));
  storage::sqlite::SqliteAuditStore store(*db);
  ASSERT_TRUE(store.AppendAudit([](const std::optional<AuditEntry>&) {
    AuditEntry entry;
    entry.seq = 1;
    return entry;
  }));
  const std::lock_guard lock(db->mutex());
  EXPECT_FALSE(db->Exec("UPDATE audit_log SET actor = 'x'").has_value());
  EXPECT_FALSE(db->Exec("DELETE FROM audit_log").has_value());
}

TEST(SqliteMigrate, IsIdempotent) {
  auto db = std::move(*storage::sqlite::Database::Open(":memory:"));
  EXPECT_EQ(*storage::sqlite::Migrate(*db), storage::sqlite::LatestSchemaVersion());
  EXPECT_EQ(*storage::sqlite::Migrate(*db), 0);
}

}  // namespace
}  // namespace vigil
