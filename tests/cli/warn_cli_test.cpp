// `vigil warn import|export|series` through the real binary: the bundled UCDP and DTM fixtures
// import with the documented figures; bad input exits 2 naming the row and writes nothing; an
// export reads back.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/run_vigil.hpp"

namespace vigil {
namespace {

namespace fs = std::filesystem;
using testing_support::RunVigil;

const std::string kData = std::string(VIGIL_SOURCE_DIR) + "/data";
const std::string kFixtures = std::string(VIGIL_SOURCE_DIR) + "/tests/warn/fixtures";

class WarnCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("vigil-warn-cli-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Db() const { return " --db " + (dir_ / "v.db").string() + " --data " + kData + " "; }
  std::int64_t CountObservations() const {
    sqlite3* db = nullptr;
    sqlite3_open((dir_ / "v.db").c_str(), &db);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM warn_observations", -1, &stmt, nullptr);
    std::int64_t count = -1;
    if (sqlite3_step(stmt) == SQLITE_ROW) count = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return count;
  }
  std::string Write(const std::string& name, const std::string& text) const {
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return (dir_ / name).string();
  }
  fs::path dir_;
};

TEST_F(WarnCli, ImportsUcdpGedByAdm1AndPrioGrid) {
  auto run = RunVigil("warn import" + Db() + "--format ucdp-ged " + kFixtures +
                      "/ucdp_ged_conflict_data_BGD.csv");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("imported 20 series, 7120 periods"), std::string::npos) << run.output;
  EXPECT_NE(
      run.output.find("601 events, 1362 fatalities (best), 10 areas, 356 months (207 with events)"),
      std::string::npos)
      << run.output;
  auto grid = RunVigil("warn import" + Db() + "--format ucdp-ged --level priogrid " + kFixtures +
                       "/ucdp_ged_conflict_data_BGD.csv");
  ASSERT_EQ(grid.exit_code, 0) << grid.output;
  EXPECT_NE(grid.output.find("imported 116 series"), std::string::npos) << grid.output;
  auto list = RunVigil("warn series" + Db() + "--area pg:162544");
  ASSERT_EQ(list.exit_code, 0) << list.output;
  EXPECT_NE(list.output.find("pg:162544\tconflict-events\tmonth\t356\t1989-05\t2018-12"),
            std::string::npos)
      << list.output;
}

TEST_F(WarnCli, ImportsDtmRoundsWithTheDocumentedRule) {
  auto run = RunVigil("warn import" + Db() + "--format iom-dtm --admin-level 0 " + kFixtures +
                      "/iom_dtm_excerpt.csv");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("imported 3 series"), std::string::npos) << run.output;
  auto csv = RunVigil("warn export" + Db() + "--area HTI --indicator idp-stock");
  ASSERT_EQ(csv.exit_code, 0) << csv.output;
  EXPECT_NE(csv.output.find("HTI,idp-stock,2010-11,1068882,"), std::string::npos) << csv.output;
  EXPECT_NE(csv.output.find("HTI,idp-stock,2021-08,24425,"), std::string::npos);
  auto bad_level = RunVigil("warn import" + Db() + "--format iom-dtm --admin-level 3 " + kFixtures +
                            "/iom_dtm_excerpt.csv");
  EXPECT_EQ(bad_level.exit_code, 2);
  EXPECT_NE(bad_level.output.find("--admin-level must be 0, 1 or 2"), std::string::npos)
      << bad_level.output;
}

TEST_F(WarnCli, BadRowsExitTwoAndWriteNothing) {
  const std::string good =
      Write("good.csv", "area,indicator,period,value\nAFG,conflict-events,2024-01,1\n");
  ASSERT_EQ(RunVigil("warn import" + Db() + "--format tidy " + good).exit_code, 0);
  ASSERT_EQ(CountObservations(), 1);
  const std::string bad = Write("bad.csv",
                                "area,indicator,period,value\n"
                                "AFG,conflict-events,2024-02,2\n"
                                "AFG,conflict-events,2024-03,-4\n"
                                "AFG,conflict-events,2024-03,5\n"
                                "AFG,idp-stock,2024-05,5\n"
                                "AFG,idp-stock,2024-07,5\n");
  auto run = RunVigil("warn import" + Db() + "--format tidy " + bad);
  EXPECT_EQ(run.exit_code, 2) << run.output;
  EXPECT_NE(run.output.find("line 3: value is negative"), std::string::npos) << run.output;
  EXPECT_NE(
      run.output.find("line 6: gap in AFG × idp-stock: 1 period missing before 2024-07 (2024-06)"),
      std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("nothing imported"), std::string::npos);
  EXPECT_EQ(CountObservations(), 1);  // what was stored before is untouched

  const std::string unknown =
      Write("unknown.csv", "area,indicator,period,value\nAFG,rainfall,2024-01,1\n");
  auto refused = RunVigil("warn import" + Db() + "--format tidy " + unknown);
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.output.find("line 2: indicator \"rainfall\" is not in the catalogue"),
            std::string::npos)
      << refused.output;
  auto wrong_format = RunVigil("warn import" + Db() + "--format xlsx " + good);
  EXPECT_EQ(wrong_format.exit_code, 2);
}

TEST_F(WarnCli, ExportReadsBackAsHxl) {
  const std::string hxl = Write("in.csv",
                                "Province,Indicator,Month,Count,Where from\n"
                                "#adm1+code,#indicator+code,#date,#affected+num,#meta+source\n"
                                "AF01,conflict-events,2024-01,3,\"report, A\"\n"
                                "AF01,conflict-events,2024-02,0,\n");
  auto run = RunVigil("warn import" + Db() + "--format hxl " + hxl);
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("imported 1 series, 2 periods"), std::string::npos) << run.output;
  const std::string out = (dir_ / "out.csv").string();
  ASSERT_EQ(RunVigil("warn export" + Db() + "--format hxl --out " + out).exit_code, 0);
  std::ifstream in(out);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str(),
            "area,indicator,period,value,source\r\n"
            "#loc+code,#indicator+code,#date,#indicator+value+num,#meta+source\r\n"
            "AF01,conflict-events,2024-01,3,\"report, A\"\r\n"
            "AF01,conflict-events,2024-02,0,in.csv\r\n");
  // Importing the export again changes nothing.
  auto again = RunVigil("warn import" + Db() + "--format hxl " + out);
  EXPECT_EQ(again.exit_code, 0) << again.output;
  EXPECT_EQ(CountObservations(), 2);
  auto none = RunVigil("warn export" + Db() + "--area XYZ");
  EXPECT_EQ(none.exit_code, 2);
}

}  // namespace
}  // namespace vigil
