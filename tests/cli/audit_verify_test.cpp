// `vigil audit verify` against a database edited behind Vigil's back: the real binary, a real
// SQLite file, and raw SQL that bypasses the append-only triggers.
#include <sqlite3.h>
#include <sys/stat.h>

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "cli/run_vigil.hpp"

namespace vigil {
namespace {

namespace fs = std::filesystem;

using testing_support::CommandResult;
using testing_support::RunVigil;

class AuditVerifyCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("vigil-audit-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "vigil.db").string();
    for (const char* name : {"alice", "bob", "carol", "dave"}) {
      ASSERT_EQ(RunVigil(std::string("user add ") + name + " --role viewer --db " + db_,
                         "a long enough password")
                    .exit_code,
                0);
    }
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Raw SQL as an attacker with file access would run it: drop the guards, then edit.
  void Tamper(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
    const std::string script =
        "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; " + sql;
    ASSERT_EQ(sqlite3_exec(db, script.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db);
    sqlite3_close(db);
  }
  CommandResult Verify() { return RunVigil("audit verify --db " + db_); }

  fs::path dir_;
  std::string db_;
};

TEST_F(AuditVerifyCli, IntactTrailExitsZero) {
  const CommandResult run = Verify();
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("intact: 4 entries"), std::string::npos) << run.output;
}

TEST_F(AuditVerifyCli, EditedRowIsNamed) {
  Tamper("UPDATE audit_log SET outcome = 'denied' WHERE seq = 2;");
  const CommandResult run = Verify();
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.output.find("BROKEN at entry 2"), std::string::npos) << run.output;
}

TEST_F(AuditVerifyCli, DeletedRowIsNamed) {
  Tamper("DELETE FROM audit_log WHERE seq = 3;");
  const CommandResult run = Verify();
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.output.find("BROKEN at entry 3"), std::string::npos) << run.output;
}

TEST_F(AuditVerifyCli, TruncatedTailIsCaught) {
  Tamper("DELETE FROM audit_log WHERE seq >= 3;");
  const CommandResult run = Verify();
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.output.find("truncated"), std::string::npos) << run.output;
}

TEST_F(AuditVerifyCli, RewrittenChainWithoutTheKeyIsCaught) {
  // Rewrite row 4 and copy its old hash into place: the keyed hash no longer matches.
  Tamper("UPDATE audit_log SET actor = 'mallory' WHERE seq = 4;");
  EXPECT_EQ(Verify().exit_code, 1);
}

TEST_F(AuditVerifyCli, KeyFileIsPrivate) {
  struct stat info {};
  ASSERT_EQ(::stat((db_ + ".key").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600);
  EXPECT_TRUE(fs::exists(db_ + ".key.audit-head"));
}

}  // namespace
}  // namespace vigil
